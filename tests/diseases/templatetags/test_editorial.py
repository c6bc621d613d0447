"""Changes to a published page wait as a revision until a reviewer approves them (now or at a set time)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from diseases.editorial import revisions, schedule
from diseases.editorial.edits import DiseaseEdit
from diseases.models import Disease, DiseaseRevision
from tests.factories import (
    DiseaseFactory,
)
from tests.helpers import save_summary

pytestmark = pytest.mark.django_db


Status = DiseaseRevision.Status


def test_the_admin_index_counts_my_work_what_waits_for_review_and_what_is_scheduled(
    reviewer_client, in_review, reviewer
):
    DiseaseFactory(status=Disease.Status.REVIEW)
    html = reviewer_client.get(reverse("admin:index")).content.decode()
    dashboard = html[html.index('id="editorial-dashboard"') :]
    assert '<span class="count in-review">2</span> waiting for my review' in dashboard
    assert '<span class="count scheduled">0</span>' in dashboard
    schedule.approve_revision_at(
        revision=in_review, acting_user=reviewer, go_live_at=timezone.now() + timedelta(days=1)
    )
    html = reviewer_client.get(reverse("admin:index")).content.decode()
    assert '<span class="count scheduled">1</span>' in html


def test_my_drafts_and_revisions_are_mine(editor_client, editor, page, staff_user):
    save_summary(editor_client, page, "Edited by edna.[1]")
    DiseaseFactory(status=Disease.Status.DRAFT)  # someone else's
    listed = editor_client.get(reverse("admin:diseases_disease_changelist"), {"work": "mine"})
    assert [d.pk for d in listed.context["cl"].result_list] == [page.pk]


@pytest.mark.parametrize("pages", [1, 20])
def test_the_dashboard_query_count_does_not_grow_with_pages(
    reviewer_client, django_assert_num_queries, pages, editor
):
    for _ in range(pages):
        disease = DiseaseFactory()
        revision = revisions.save_revision(
            disease=disease, edit=DiseaseEdit(fields={"summary": "x"}), acting_user=editor
        )
        revisions.submit_revision(revision=revision, acting_user=editor)
    reviewer_client.get(reverse("admin:index"))  # warm the session
    # session, user, second-factor device, permissions, the app list's permissions and one for the counts
    with django_assert_num_queries(7):
        assert reviewer_client.get(reverse("admin:index")).status_code == 200
