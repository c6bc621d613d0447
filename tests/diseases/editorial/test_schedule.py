"""Changes to a published page wait as a revision until a reviewer approves them (now or at a set time)."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from diseases.editorial import editing, schedule
from diseases.editorial.edits import DiseaseEdit
from diseases.models import Disease, DiseaseRevision, ScheduledTransition
from tests.factories import (
    DiseaseFactory,
)
from tests.helpers import disease_change_url, restore_role_groups

pytestmark = pytest.mark.django_db


Status = DiseaseRevision.Status


@pytest.fixture
def role_groups_restored(transactional_db):
    restore_role_groups()  # an earlier transactional test may have flushed them


# The worker closes a connection left inside a transaction (as a test's would be), so this test commits.
@pytest.mark.django_db(transaction=True)
def test_a_revision_approved_for_later_is_applied_by_the_task_at_its_time(
    role_groups_restored, in_review, reviewer, database_tasks, django_capture_on_commit_callbacks
):
    start = timezone.now().replace(microsecond=0)
    with time_machine.travel(start, tick=False), django_capture_on_commit_callbacks(execute=True):
        schedule.approve_revision_at(
            revision=in_review, acting_user=reviewer, go_live_at=start + timedelta(hours=2)
        )
    in_review.refresh_from_db()
    assert in_review.status == Status.SCHEDULED
    with time_machine.travel(start + timedelta(hours=1), tick=False):
        call_command("db_worker", batch=True, verbosity=0)
    assert Disease.objects.get(pk=in_review.disease_id).summary == "Children bruise easily.[1]"
    with time_machine.travel(start + timedelta(hours=2, minutes=1), tick=False):
        call_command("db_worker", batch=True, verbosity=0)
    in_review.refresh_from_db()
    assert in_review.status == Status.APPLIED
    assert Disease.objects.get(pk=in_review.disease_id).summary.endswith("we now know why.[1]")


def test_first_publication_and_unpublishing_can_be_scheduled(reviewer):
    in_review = DiseaseFactory(status=Disease.Status.REVIEW)
    published = DiseaseFactory()
    now = timezone.now()
    schedule.schedule_transition(
        disease=in_review, action="publish", due_at=now + timedelta(hours=1), acting_user=reviewer
    )
    schedule.schedule_transition(
        disease=published, action="unpublish", due_at=now + timedelta(hours=3), acting_user=reviewer
    )
    schedule.apply_due_changes(now=now + timedelta(hours=2))
    in_review.refresh_from_db()
    published.refresh_from_db()
    assert in_review.is_published and published.is_published
    schedule.apply_due_changes(now=now + timedelta(hours=4))
    published.refresh_from_db()
    assert published.status == Disease.Status.DRAFT
    assert ScheduledTransition.objects.pending().count() == 0


def test_a_time_in_the_past_is_refused_and_so_is_scheduling_by_an_editor(editor, reviewer):
    disease = DiseaseFactory(status=Disease.Status.REVIEW)
    with pytest.raises(ValidationError, match="time in the future"):
        schedule.schedule_transition(
            disease=disease,
            action="publish",
            due_at=timezone.now() - timedelta(minutes=1),
            acting_user=reviewer,
        )
    with pytest.raises(PermissionDenied):
        schedule.schedule_transition(
            disease=disease, action="publish", due_at=timezone.now() + timedelta(days=1), acting_user=editor
        )


def test_changing_a_draft_after_its_publication_was_scheduled_cancels_it(reviewer, staff_user):
    disease = DiseaseFactory(status=Disease.Status.REVIEW)
    schedule.schedule_transition(
        disease=disease, action="publish", due_at=timezone.now() + timedelta(hours=1), acting_user=reviewer
    )
    editing.apply_edit(
        disease=disease, edit=DiseaseEdit(fields={"summary": "Changed."}), acting_user=staff_user
    )
    assert ScheduledTransition.objects.pending().count() == 0


def test_the_admin_schedules_with_a_date_and_lists_it(reviewer_client, reviewer):
    disease = DiseaseFactory(status=Disease.Status.REVIEW)
    due = (timezone.localtime() + timedelta(days=2)).replace(second=0, microsecond=0)
    response = reviewer_client.post(
        reverse("admin:diseases_disease_schedule", args=[disease.pk]),
        {"due_at": due.strftime("%Y-%m-%dT%H:%M")},
    )
    assert response.status_code == 302
    scheduled = ScheduledTransition.objects.pending().get()
    assert scheduled.action == "publish" and scheduled.due_at == due
    html = reviewer_client.get(disease_change_url(disease)).content.decode()
    assert "Scheduled: <strong>publish</strong>" in html
    listed = reviewer_client.get(
        reverse("admin:diseases_disease_changelist"), {"work": "scheduled"}
    ).content.decode()
    assert disease.name in listed
