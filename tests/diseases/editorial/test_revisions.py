"""Changes to a published page wait as a revision until a reviewer approves them (now or at a set time)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from diseases import search
from diseases.editorial import revisions, workflow
from diseases.editorial.edits import DiseaseEdit, RowChange
from diseases.models import Annotation, Disease, DiseaseRevision
from support.models import OutboxMessage
from tests.factories import (
    AnnotationFactory,
    CategoryFactory,
    DiseaseFactory,
)
from tests.helpers import admin_form_data, disease_change_url, save_summary

pytestmark = pytest.mark.django_db


Status = DiseaseRevision.Status


def review_url(disease):
    return reverse("admin:diseases_disease_revision", args=[disease.pk])


def action_url(disease, action):
    return reverse("admin:diseases_disease_revision_action", args=[disease.pk, action])


def revision_of(disease):
    return DiseaseRevision.objects.pending().get(disease=disease)


def test_an_editors_change_to_a_published_page_waits_and_readers_see_the_page_as_it_was(
    editor_client, page, client
):
    search.rebuild_search_index()
    response = save_summary(editor_client, page, "Children bruise easily and often.[1]")
    assert response.status_code == 302
    revision = revision_of(page)
    assert revision.status == Status.DRAFT and revision.changes["fields"]["summary"].endswith("often.[1]")
    page.refresh_from_db()
    assert page.summary == "Children bruise easily.[1]"
    editor_client.logout()
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Children bruise easily." in html and "and often" not in html
    api = client.get(f"/api/v1/diseases/{page.slug}/").json()
    assert "and often" not in api["summary_html"]
    assert "and often" not in client.get(f"/diseases/{page.slug}/symptoms.json").content.decode()


def test_the_change_form_shows_the_pending_revision_and_saving_again_keeps_working_on_it(editor_client, page):
    save_summary(editor_client, page, "A first try.[1]")
    response = editor_client.get(disease_change_url(page))
    assert response.context["adminform"].form["summary"].value() == "A first try.[1]"
    assert "You are editing revision" in response.content.decode()
    save_summary(editor_client, page, "A second try.[1]")
    assert DiseaseRevision.objects.filter(disease=page).count() == 1  # one pending revision per page
    assert revision_of(page).changes["fields"]["summary"] == "A second try.[1]"
    assert revision_of(page).version == 2


def test_a_revision_covers_every_kind_of_row_and_approving_applies_them_all(
    editor_client, editor, reviewer, page
):
    hematology = CategoryFactory(name="Hematology")
    data = admin_form_data(editor_client.get(disease_change_url(page)))
    data["name"] = "Example syndrome, renamed"
    data["categories"] = [str(hematology.pk)]
    data["synonyms-0-name"] = "Renamed other name"
    data["references-0-title"] = "The first study, corrected"
    data["resources-0-DELETE"] = "on"
    data["annotations-0-is_hidden"] = "on"
    data["annotations-0-band"] = str(Annotation.Band.VERY_FREQUENT)
    data["definitions-0-is_hidden"] = "on"
    assert editor_client.post(disease_change_url(page), data).status_code == 302

    revision = revision_of(page)
    assert set(revision.changes["rows"]) == {
        "synonyms",
        "references",
        "resources",
        "annotations",
        "definitions",
    }
    page.refresh_from_db()
    assert page.name == "Example syndrome" and page.resources.count() == 1  # nothing applied yet

    revisions.submit_revision(revision=revision, acting_user=editor)
    revisions.approve_revision(revision=revision, acting_user=reviewer)
    page.refresh_from_db()
    row = page.annotations.get()
    assert page.name == "Example syndrome, renamed"
    assert list(page.categories.all()) == [hematology]
    assert page.synonyms.get().name == "Renamed other name"
    assert page.references.get().title == "The first study, corrected"
    assert page.resources.count() == 0
    assert row.is_hidden and row.band == Annotation.Band.VERY_FREQUENT and row.band_corrected
    assert page.definitions.get().is_hidden


def test_the_form_shows_rows_a_revision_adds_and_removes(editor_client, editor, page):
    resource = page.resources.get()
    edit = DiseaseEdit(
        rows={
            "synonyms": [RowChange(None, {"name": "A brand new name", "position": 3})],
            "resources": [RowChange(resource.pk, delete=True)],
        }
    )
    revisions.save_revision(disease=page, edit=edit, acting_user=editor)
    response = editor_client.get(disease_change_url(page))
    formsets = {
        inline.formset.model.__name__: inline.formset for inline in response.context["inline_admin_formsets"]
    }
    synonyms = formsets["DiseaseSynonym"]
    assert [form.initial.get("name") for form in synonyms.extra_forms] == ["A brand new name"]
    assert formsets["Resource"].forms[0].fields["DELETE"].initial is True


def test_the_second_of_two_editors_is_told_the_page_changed_and_loses_nothing(
    editor_client, page, django_user_model, staff_in_group
):
    from tests.conftest import SignedInClient

    second = SignedInClient()
    second.force_login(staff_in_group("Editors", "erin"))
    first_form = admin_form_data(editor_client.get(disease_change_url(page)))
    second_form = admin_form_data(second.get(disease_change_url(page)))

    first_form["summary"] = "The first editor's words.[1]"
    assert editor_client.post(disease_change_url(page), first_form).status_code == 302
    second_form["summary"] = "The second editor's words.[1]"
    response = second.post(disease_change_url(page), second_form)
    html = response.content.decode()
    assert response.status_code == 200
    assert "This page changed since you opened it" in html
    assert "The second editor&#x27;s words.[1]" in html  # shown back, not lost
    assert revision_of(page).changes["fields"]["summary"] == "The first editor's words.[1]"

    # Saving again, having seen the warning, keeps the second editor's version.
    again = admin_form_data(response)
    assert second.post(disease_change_url(page), again).status_code == 302
    assert revision_of(page).changes["fields"]["summary"] == "The second editor's words.[1]"


def test_a_save_made_on_an_old_token_is_refused_by_the_service_too(editor, page):
    token = revisions.edit_token(page)
    revisions.save_revision(
        disease=page, edit=DiseaseEdit(fields={"summary": "One.[1]"}), acting_user=editor, token=token
    )
    with pytest.raises(revisions.RevisionConflict):
        revisions.save_revision(
            disease=page, edit=DiseaseEdit(fields={"summary": "Two.[1]"}), acting_user=editor, token=token
        )


def test_a_revision_that_would_break_a_citation_is_refused_when_saved(editor, page):
    with pytest.raises(ValidationError, match=r"The marker \[2\]"):
        revisions.save_revision(
            disease=page, edit=DiseaseEdit(fields={"summary": "Cites [2]."}), acting_user=editor
        )
    assert not DiseaseRevision.objects.exists()


def test_sending_to_review_emails_the_reviewers(in_review, reviewer):
    mail = OutboxMessage.objects.get(kind=OutboxMessage.Kind.REVIEW_REQUESTED)
    assert mail.recipient == reviewer.email
    assert "Example syndrome" in mail.subject
    assert review_url(in_review.disease) in mail.body


def test_the_reviewer_sees_a_word_diff_and_a_preview_at_the_pages_address(reviewer_client, in_review, client):
    html = reviewer_client.get(review_url(in_review.disease)).content.decode()
    fields = html[html.index('id="revision-fields"') :]
    assert "Children bruise" in fields and "<del>" in fields and "<ins>" in fields and "know why" in fields
    preview = reviewer_client.get(in_review.disease.get_absolute_url(), {"revision": in_review.pk})
    preview_html = preview.content.decode()
    assert "Preview of revision" in preview_html and "we now know why" in preview_html
    assert "private" in preview["Cache-Control"] or "no-cache" in preview["Cache-Control"]
    # Readers asking for the preview get the page as it is.
    reader_html = client.get(
        in_review.disease.get_absolute_url(), {"revision": in_review.pk}
    ).content.decode()
    assert "Preview of revision" not in reader_html and "we now know why" not in reader_html
    in_review.disease.refresh_from_db()
    assert in_review.disease.summary == "Children bruise easily.[1]"  # the preview kept nothing


def test_approving_applies_it_at_once_records_who_and_moves_the_dates(in_review, reviewer, client):
    before = timezone.now()
    versions_before = in_review.disease.history.count()
    revisions.approve_revision(revision=in_review, acting_user=reviewer)
    disease = Disease.objects.get(pk=in_review.disease_id)
    assert disease.history.count() == versions_before + 1  # one version per approval
    assert disease.summary.endswith("we now know why.[1]")
    assert disease.last_reviewed_by == reviewer and disease.last_reviewed_at >= before
    assert disease.content_updated_at >= before
    latest = disease.history.first()
    assert latest.history_user == reviewer
    assert latest.history_change_reason == f"Revision #{in_review.pk} by edna, approved by rory"
    in_review.refresh_from_db()
    assert in_review.status == Status.APPLIED
    assert "we now know why" in client.get(disease.get_absolute_url()).content.decode()
    mail = OutboxMessage.objects.get(kind=OutboxMessage.Kind.REVISION_APPROVED)
    assert mail.recipient == "edna@example.org"


def test_the_history_names_who_wrote_and_who_approved(admin_client, in_review, reviewer):
    revisions.approve_revision(revision=in_review, acting_user=reviewer)
    html = admin_client.get(
        reverse("admin:diseases_disease_history", args=[in_review.disease_id])
    ).content.decode()
    table = html[html.index('id="applied-revisions"') :]
    assert f"#{in_review.pk}" in table and "edna" in table and "rory" in table


def test_sending_back_with_a_comment_reaches_the_editor(in_review, reviewer, editor_client):
    with pytest.raises(ValidationError):
        revisions.return_revision(revision=in_review, acting_user=reviewer, comment="   ")
    revisions.return_revision(
        revision=in_review, acting_user=reviewer, comment="Please cite the 2019 review."
    )
    in_review.refresh_from_db()
    assert in_review.status == Status.RETURNED
    html = editor_client.get(disease_change_url(in_review.disease)).content.decode()
    assert "Please cite the 2019 review." in html and "sent it back" in html
    mail = OutboxMessage.objects.get(kind=OutboxMessage.Kind.REVISION_RETURNED)
    assert mail.recipient == "edna@example.org" and "Please cite the 2019 review." in mail.body


def test_the_review_buttons_work_through_the_admin(reviewer_client, in_review):
    response = reviewer_client.post(action_url(in_review.disease, "return"), {"comment": "Not yet."})
    assert response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.status == Status.RETURNED and in_review.review_comment == "Not yet."


def test_an_editor_cannot_approve_nor_a_reviewer_approve_what_is_not_in_review(editor, reviewer, in_review):
    with pytest.raises(PermissionDenied):
        revisions.approve_revision(revision=in_review, acting_user=editor)
    revisions.withdraw_revision(revision=in_review, acting_user=editor)
    with pytest.raises(workflow.WorkflowError):
        revisions.approve_revision(revision=in_review, acting_user=reviewer)


def test_a_reviewer_may_approve_a_revision_they_wrote(reviewer, page):
    revision = revisions.save_revision(
        disease=page, edit=DiseaseEdit(fields={"summary": "Mine.[1]"}), acting_user=reviewer
    )
    revisions.submit_revision(revision=revision, acting_user=reviewer)
    revisions.approve_revision(revision=revision, acting_user=reviewer)
    page.refresh_from_db()
    assert page.summary == "Mine.[1]"
    assert page.history.first().history_change_reason == f"Revision #{revision.pk} by rory, approved by rory"


def test_withdrawing_leaves_the_page_as_it_was(editor, in_review):
    revisions.withdraw_revision(revision=in_review, acting_user=editor)
    assert not DiseaseRevision.objects.pending().exists()
    assert Disease.objects.get(pk=in_review.disease_id).summary == "Children bruise easily.[1]"


def test_drafts_are_still_edited_directly(editor_client):
    draft = DiseaseFactory(status=Disease.Status.DRAFT, summary="Before.")
    save_summary(editor_client, draft, "After.")
    draft.refresh_from_db()
    assert draft.summary == "After." and not DiseaseRevision.objects.exists()


@pytest.mark.parametrize("rows", [2, 30])
def test_the_review_screen_query_count_does_not_grow_with_the_changed_rows(
    reviewer_client, django_assert_num_queries, editor, rows
):
    disease = DiseaseFactory(summary="Text.")
    changes = []
    for index in range(rows):
        annotation = AnnotationFactory(disease=disease)
        changes.append(RowChange(annotation.pk, {"is_hidden": True}))
        changes.append(RowChange(None, {"name": f"New name {index}", "position": index}))
    edit = DiseaseEdit(
        fields={"summary": "Other text."}, rows={"annotations": changes[::2], "synonyms": changes[1::2]}
    )
    revisions.save_revision(disease=disease, edit=edit, acting_user=editor)
    reviewer_client.get(review_url(disease))
    with django_assert_num_queries(12):
        response = reviewer_client.get(review_url(disease))
    assert len(response.context["diff"].rows) == 2 * rows
