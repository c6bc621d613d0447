from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from diseases.editorial import glossary as glossary_services
from diseases.editorial import revisions
from diseases.models import Disease, GlossaryEntry
from tests.factories import (
    DiseaseFactory,
    DiseaseSynonymFactory,
    PhenotypeFactory,
    PhenotypeSynonymFactory,
    ReferenceFactory,
    disease_with_symptoms,
)
from tests.helpers import admin_form_data, disease_change_url

pytestmark = pytest.mark.django_db


DRAFT, REVIEW, PUBLISHED = Disease.Status.DRAFT, Disease.Status.REVIEW, Disease.Status.PUBLISHED


CHANGELIST = "admin:diseases_disease_changelist"


def test_editor_can_open_and_edit_disease_pages(client, editor):
    client.force_login(editor)
    disease = disease_with_symptoms(2)
    assert client.get(reverse(CHANGELIST)).status_code == 200
    assert client.get(disease_change_url(disease)).status_code == 200


def test_editor_does_not_see_the_publish_actions(client, editor):
    client.force_login(editor)
    DiseaseFactory()
    actions = dict(client.get(reverse(CHANGELIST)).context["action_form"].fields["action"].choices)
    assert "send_to_review_action" in actions
    assert "publish_action" not in actions and "unpublish_action" not in actions


def test_reviewer_sees_the_publish_actions(client, reviewer):
    client.force_login(reviewer)
    DiseaseFactory()
    actions = dict(client.get(reverse(CHANGELIST)).context["action_form"].fields["action"].choices)
    assert {"send_to_review_action", "publish_action", "unpublish_action"} <= set(actions)


def test_editor_posting_the_publish_action_anyway_changes_nothing(client, editor):
    client.force_login(editor)
    disease = DiseaseFactory(status=REVIEW)
    client.post(reverse(CHANGELIST), {"action": "publish_action", "_selected_action": [disease.pk]})
    disease.refresh_from_db()
    assert disease.status == REVIEW


def test_editor_cannot_publish_through_the_workflow_url(client, editor):
    client.force_login(editor)
    disease = DiseaseFactory(status=REVIEW)
    url = reverse("admin:diseases_disease_workflow", args=[disease.pk, "publish"])
    assert client.post(url).status_code == 403
    disease.refresh_from_db()
    assert disease.status == REVIEW


def test_editor_cannot_set_status_through_the_change_form(client, editor):
    client.force_login(editor)
    disease = disease_with_symptoms(1, status=REVIEW)
    data = admin_form_data(client.get(disease_change_url(disease)))
    data["status"] = PUBLISHED
    assert client.post(disease_change_url(disease), data).status_code == 302
    disease.refresh_from_db()
    assert disease.status == REVIEW


def test_bulk_actions_move_pages_through_the_workflow(client, editor, reviewer):
    drafts = [DiseaseFactory(status=DRAFT) for _ in range(2)]
    ids = [d.pk for d in drafts]
    client.force_login(editor)
    client.post(reverse(CHANGELIST), {"action": "send_to_review_action", "_selected_action": ids})
    assert set(Disease.objects.filter(pk__in=ids).values_list("status", flat=True)) == {REVIEW}
    client.force_login(reviewer)
    client.post(reverse(CHANGELIST), {"action": "publish_action", "_selected_action": ids})
    assert set(Disease.objects.filter(pk__in=ids).values_list("status", flat=True)) == {PUBLISHED}


def test_reviewer_publishes_from_the_change_form_button(client, reviewer):
    client.force_login(reviewer)
    disease = DiseaseFactory(status=REVIEW)
    html = client.get(disease_change_url(disease)).content.decode()
    publish_url = reverse("admin:diseases_disease_workflow", args=[disease.pk, "publish"])
    assert publish_url in html
    assert client.post(publish_url).status_code == 302
    disease.refresh_from_db()
    assert disease.status == PUBLISHED and disease.last_reviewed_by == reviewer


@pytest.mark.parametrize("user_fixture", ["editor", "reviewer"])
def test_editors_and_reviewers_get_403_on_connection_requests(client, request, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get(reverse("admin:support_connectionrequest_changelist")).status_code == 403
    assert (
        reverse("admin:support_connectionrequest_changelist")
        not in client.get(reverse("admin:index")).content.decode()
    )


def test_coordinators_get_403_on_disease_content(client, django_user_model):
    from django.contrib.auth.models import Group

    coordinator = django_user_model.objects.create_user("cora", is_staff=True)
    coordinator.groups.add(Group.objects.get(name="Coordinators"))
    client.force_login(coordinator)
    disease = DiseaseFactory()
    assert client.get(reverse(CHANGELIST)).status_code == 403
    assert client.get(disease_change_url(disease)).status_code == 403
    assert reverse(CHANGELIST) not in client.get(reverse("admin:index")).content.decode()


def test_a_marker_without_a_reference_is_a_form_error_naming_it(admin_client):
    disease = disease_with_symptoms(1)
    data = admin_form_data(admin_client.get(disease_change_url(disease)))
    data["cause"] = "Caused by a change in one gene.[7]"
    response = admin_client.post(disease_change_url(disease), data)
    assert response.status_code == 200
    assert "The marker [7] in Cause has no reference 7." in response.content.decode()
    disease.refresh_from_db()
    assert disease.cause == ""


def test_deleting_a_cited_reference_in_the_form_is_refused(admin_client):
    disease = DiseaseFactory(summary="Cited fact.[1]")
    ReferenceFactory(disease=disease, number=1)
    data = admin_form_data(admin_client.get(disease_change_url(disease)))
    data["references-0-DELETE"] = "on"
    response = admin_client.post(disease_change_url(disease), data)
    assert response.status_code == 200
    assert "The marker [1] in Summary has no reference 1." in response.content.decode()
    assert disease.references.count() == 1


def test_editing_a_reference_moves_the_public_last_updated_date(admin_client):
    # A draft: its changes are saved at once (a published page's wait for review; see test_revisions).
    disease = DiseaseFactory(summary="Cited fact.[1]", status=Disease.Status.DRAFT)
    ReferenceFactory(disease=disease, number=1, title="Old title")
    Disease.objects.filter(pk=disease.pk).update(content_updated_at=None)
    data = admin_form_data(admin_client.get(disease_change_url(disease)))
    data["references-0-title"] = "New title"
    assert admin_client.post(disease_change_url(disease), data).status_code == 302
    disease.refresh_from_db()
    assert disease.content_updated_at is not None


def test_review_due_pages_are_flagged_filtered_and_counted(admin_client):
    old = timezone.now() - timedelta(days=800)
    DiseaseFactory(name="Stale syndrome", last_reviewed_at=old)
    DiseaseFactory(name="Fresh syndrome", last_reviewed_at=timezone.now())
    html = admin_client.get(reverse(CHANGELIST), {"review_due": "yes"}).content.decode()
    assert "Stale syndrome" in html and "Fresh syndrome" not in html
    assert "Review due" in html
    dashboard = admin_client.get(reverse("admin:index")).content.decode()
    assert '<span class="count review-due">1</span>' in dashboard


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"written": "yes"}, "Written syndrome", "Bare syndrome"),
        ({"written": "no"}, "Bare syndrome", "Written syndrome"),
        ({"source": "ORPHA"}, "Written syndrome", "Bare syndrome"),
        ({"status__exact": "draft"}, "Bare syndrome", "Written syndrome"),
    ],
)
def test_changelist_filters(admin_client, params, shown, hidden):
    written = disease_with_symptoms(1, name="Written syndrome")
    assert written.identifiers.get().source == "ORPHA"
    DiseaseFactory(name="Bare syndrome", summary="", status=DRAFT)
    html = admin_client.get(reverse(CHANGELIST), params).content.decode()
    assert shown in html and hidden not in html


def test_changelist_search_by_identifier_curie(admin_client):
    disease = disease_with_symptoms(1, name="Curie syndrome")
    DiseaseFactory(name="Other syndrome")
    curie = str(disease.identifiers.get())
    html = admin_client.get(reverse(CHANGELIST), {"q": curie}).content.decode()
    assert "Curie syndrome" in html and "Other syndrome" not in html


def test_markdown_preview_renders_sanitised_html(admin_client):
    url = reverse("admin:diseases_disease_markdown_preview")
    response = admin_client.post(url, {"text": "**Bold** [x](javascript:alert(1)) <script>x</script>"})
    html = response.json()["html"]
    assert "<strong>Bold</strong>" in html
    assert "javascript:" not in html and "<script" not in html


def test_markdown_preview_is_refused_to_readers(client):
    response = client.post(reverse("admin:diseases_disease_markdown_preview"), {"text": "x"})
    assert response.status_code == 302  # sent to the admin login


@pytest.mark.parametrize("rows", [3, 40])
def test_changelist_query_count_does_not_grow_with_rows(admin_client, django_assert_num_queries, rows):
    for _ in range(rows):
        DiseaseFactory()
    admin_client.get(reverse(CHANGELIST))  # warm the session
    # Session, user, the verified second-factor device (django-otp), then the page's own queries.
    with django_assert_num_queries(6):
        assert admin_client.get(reverse(CHANGELIST)).status_code == 200


@pytest.mark.parametrize("symptoms", [3, 60])
def test_change_form_query_count_does_not_grow_with_symptoms(
    admin_client, django_assert_num_queries, symptoms
):
    disease = disease_with_symptoms(symptoms)
    admin_client.get(disease_change_url(disease))  # Django keeps each content type once it has read it
    # 14: the imported definitions inline, the verified second-factor device, and for a published page
    # its pending revision and any scheduled change.
    with django_assert_num_queries(14):
        assert admin_client.get(disease_change_url(disease)).status_code == 200


def test_an_other_name_added_in_the_admin_is_found_by_search_once_approved(admin_client, staff_user):
    from diseases import search

    disease = disease_with_symptoms(1, name="Admin-edited syndrome")
    search.rebuild_search_index()
    data = admin_form_data(admin_client.get(disease_change_url(disease)))
    data["synonyms-TOTAL_FORMS"] = str(int(data["synonyms-TOTAL_FORMS"]) + 1)
    index = int(data["synonyms-TOTAL_FORMS"]) - 1
    data.update({f"synonyms-{index}-name": "Quillfeather disorder", f"synonyms-{index}-position": "5"})
    data[f"synonyms-{index}-disease"] = str(disease.pk)
    assert admin_client.post(disease_change_url(disease), data).status_code == 302
    assert search.search("Quillfeather disorder").diseases == []  # a revision, waiting for review
    revision = revisions.pending_revision(disease)
    revisions.submit_revision(revision=revision, acting_user=staff_user)
    revisions.approve_revision(revision=revision, acting_user=staff_user)
    assert [hit.label for hit in search.search("Quillfeather disorder").diseases] == [disease.name]


def test_changing_a_band_in_the_admin_marks_it_corrected(admin_client):
    from diseases.models import Annotation

    disease = disease_with_symptoms(1, status=Disease.Status.DRAFT)
    annotation = disease.annotations.get()
    data = admin_form_data(admin_client.get(disease_change_url(disease)))
    new_band = Annotation.Band.RARE if annotation.band != Annotation.Band.RARE else Annotation.Band.FREQUENT
    data["annotations-0-band"] = str(new_band)
    assert admin_client.post(disease_change_url(disease), data).status_code == 302
    annotation.refresh_from_db()
    assert annotation.band == new_band and annotation.band_corrected
    assert annotation.history.first().history_user is not None


def test_a_reference_address_typed_without_a_scheme_is_saved_as_https(admin_client):
    disease = DiseaseFactory(summary="Cited fact.[1]", status=Disease.Status.DRAFT)
    ReferenceFactory(disease=disease, number=1)
    data = admin_form_data(admin_client.get(disease_change_url(disease)))
    data["references-0-url"] = "medlineplus.gov/genetics/"
    assert admin_client.post(disease_change_url(disease), data).status_code == 302
    assert disease.references.get().url == "https://medlineplus.gov/genetics/"


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:diseases_disease_changelist",
        "admin:diseases_disease_add",
        "admin:diseases_phenotype_changelist",
        "admin:diseases_category_changelist",
    ],
)
def test_admin_list_and_add_pages_render(admin_client, url_name):
    disease_with_symptoms(3)
    assert admin_client.get(reverse(url_name)).status_code == 200


def test_disease_change_form_shows_every_inline(admin_client):
    disease = disease_with_symptoms(3)
    html = admin_client.get(reverse("admin:diseases_disease_change", args=[disease.pk])).content.decode()
    for prefix in ["synonyms", "identifiers", "references", "resources", "annotations"]:
        assert f'id="{prefix}-group"' in html
    assert (
        "admin/js/autocomplete.js" in html
    )  # phenotypes are picked by autocomplete, not a 19,000-row select


def test_disease_admin_finds_by_synonym_and_identifier(admin_client):
    disease = disease_with_symptoms(1, name="Autoimmune lymphoproliferative syndrome")
    DiseaseSynonymFactory(disease=disease, name="Canale-Smith syndrome")
    url = reverse("admin:diseases_disease_changelist")
    assert disease.name in admin_client.get(url, {"q": "Canale-Smith"}).content.decode()
    code = disease.identifiers.get().code
    assert disease.name in admin_client.get(url, {"q": code}).content.decode()


def test_phenotype_autocomplete_finds_by_synonym_and_skips_obsolete(admin_client):
    current = PhenotypeFactory(name="Splenomegaly")
    PhenotypeSynonymFactory(phenotype=current, name="Increased spleen size")
    PhenotypeFactory(name="Increased spleen size, obsolete", is_obsolete=True)
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "spleen size",
            "app_label": "diseases",
            "model_name": "annotation",
            "field_name": "phenotype",
        },
    )
    names = [result["text"] for result in response.json()["results"]]
    assert names == [str(current)]


def test_saving_written_content_in_admin_moves_the_last_updated_date(admin_client):
    disease = disease_with_symptoms(1, status=Disease.Status.DRAFT)
    Disease.objects.filter(pk=disease.pk).update(content_updated_at=None)
    url = reverse("admin:diseases_disease_change", args=[disease.pk])
    data = admin_form_data(admin_client.get(url))
    data["treatment"] = "New treatment text."
    response = admin_client.post(url, data)
    assert response.status_code == 302
    disease.refresh_from_db()
    assert disease.treatment == "New treatment text."
    assert disease.content_updated_at is not None


def test_saving_without_text_changes_keeps_the_last_updated_date(admin_client):
    disease = disease_with_symptoms(1)
    Disease.objects.filter(pk=disease.pk).update(content_updated_at=None)
    url = reverse("admin:diseases_disease_change", args=[disease.pk])
    response = admin_client.post(url, admin_form_data(admin_client.get(url)))
    assert response.status_code == 302
    disease.refresh_from_db()
    assert disease.content_updated_at is None


def test_phenotype_autocomplete_survives_a_nul_character(admin_client):
    PhenotypeFactory(name="Splenomegaly")
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "spleno\x00",
            "app_label": "diseases",
            "model_name": "annotation",
            "field_name": "phenotype",
        },
    )
    assert response.status_code == 200
    assert [result["text"].split(" (")[0] for result in response.json()["results"]] == ["Splenomegaly"]


# --- Glossary ----------------------------------------------------------------------------------------

GLOSSARY_ADD = reverse("admin:diseases_glossaryentry_add")
GLOSSARY_LIST = reverse("admin:diseases_glossaryentry_changelist")


def glossary_change_url(entry):
    return reverse("admin:diseases_glossaryentry_change", args=[entry.pk])


def test_an_editor_adds_a_glossary_entry_through_the_service(client, editor):
    client.force_login(editor)

    response = client.post(
        GLOSSARY_ADD,
        {
            "term": "Spleen",
            "forms": "spleens, splenic, Spleens",
            "explanation": "An organ that cleans the blood.",
        },
    )

    assert response.status_code == 302
    entry = GlossaryEntry.objects.get()
    # The service's work: forms tidied with the term first, the editor's origin, who did it and why.
    assert (entry.slug, entry.forms, entry.origin) == ("spleen", ["Spleen", "spleens", "splenic"], "editor")
    record = entry.history.get()
    assert (record.history_user, record.history_change_reason) == (editor, "Created")


def test_a_reviewer_changes_a_shipped_entry_in_the_admin_and_its_history_names_them(
    client, reviewer, glossary
):
    client.force_login(reviewer)
    entry = glossary["anemia"]
    form = client.get(glossary_change_url(entry))
    assert 'value="anaemia, anemic, anaemic"' in form.content.decode()  # the other forms, the term aside

    data = {**admin_form_data(form), "explanation": "Fewer red blood cells than the body needs."}
    assert client.post(glossary_change_url(entry), data).status_code == 302

    entry.refresh_from_db()
    assert entry.explanation == "Fewer red blood cells than the body needs." and entry.origin == "editor"
    assert entry.history.first().history_user == reviewer
    history = client.get(reverse("admin:diseases_glossaryentry_history", args=[entry.pk])).content.decode()
    assert reviewer.username in history


def test_the_glossary_form_shows_the_services_messages_on_its_fields(client, editor, glossary):
    client.force_login(editor)

    response = client.post(GLOSSARY_ADD, {"term": "low blood", "forms": "Anaemia", "explanation": " "})

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["forms"] == [
        "“Anaemia” already opens the entry “anemia”: a word can open only one explanation."
    ]
    assert form.errors["explanation"] == ["This field is required."]
    assert not GlossaryEntry.objects.filter(term="low blood").exists()


def test_an_explanation_too_long_is_refused_in_the_form(client, editor):
    client.force_login(editor)

    response = client.post(GLOSSARY_ADD, {"term": "spleen", "forms": "", "explanation": "word " * 41})

    assert "Keep the explanation to 40 words" in response.context["adminform"].form.errors["explanation"][0]


def test_deleting_a_glossary_entry_in_the_admin_goes_through_the_service(client, editor, glossary):
    client.force_login(editor)
    entry = glossary["anemia"]

    client.post(reverse("admin:diseases_glossaryentry_delete", args=[entry.pk]), {"post": "yes"})
    client.post(
        GLOSSARY_LIST,
        {"action": "delete_selected", "_selected_action": [glossary["abdomen"].pk], "post": "yes"},
    )

    removed = GlossaryEntry.history.filter(history_type="-")
    assert sorted(removed.values_list("slug", flat=True)) == ["abdomen", "anemia"]
    assert {record.history_user for record in removed} == {editor}


def test_reverting_a_glossary_entry_from_its_history_goes_through_the_service(
    admin_client, staff_user, editor
):
    entry = glossary_services.save_entry(
        entry=GlossaryEntry(), term="spleen", forms=[], explanation="The first words.", acting_user=editor
    )
    first = entry.history.get()
    glossary_services.save_entry(
        entry=entry, term="spleen", forms=[], explanation="The second words.", acting_user=editor
    )
    url = reverse("admin:diseases_glossaryentry_simple_history", args=[entry.pk, first.history_id])

    form = admin_client.get(url).context["adminform"].form
    assert form["explanation"].value() == "The first words."

    assert admin_client.post(url, {name: form[name].value() for name in form.fields}).status_code == 302

    entry.refresh_from_db()
    assert entry.explanation == "The first words."
    assert entry.history.first().history_user == staff_user


def test_the_glossary_list_finds_an_entry_by_any_of_its_forms_and_shows_its_columns(admin_client, glossary):
    html = admin_client.get(GLOSSARY_LIST, {"q": "anaemic"}).content.decode()

    assert "1 result" in html and ">anemia</a>" in html
    assert "anaemia, anemic, anaemic" in html and "Shipped with the site" in html


def test_coordinators_cannot_open_the_glossary_in_the_admin(client, coordinator, glossary):
    client.force_login(coordinator)

    assert client.get(GLOSSARY_LIST).status_code == 403
