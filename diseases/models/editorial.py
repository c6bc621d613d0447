"""Editors' work waiting to reach readers: a published page's pending revision, and scheduled
(un)publishing. The workflow itself is ``diseases.editorial``."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class RevisionStatus(models.TextChoices):
    DRAFT = "draft", "Being written"
    IN_REVIEW = "review", "Waiting for review"
    RETURNED = "returned", "Sent back to the editor"
    SCHEDULED = "scheduled", "Approved, goes live later"
    APPLIED = "applied", "Approved and live"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Not yet applied or withdrawn: a page has at most one revision in these.
PENDING_STATUSES = [
    RevisionStatus.DRAFT,
    RevisionStatus.IN_REVIEW,
    RevisionStatus.RETURNED,
    RevisionStatus.SCHEDULED,
]


class DiseaseRevisionQuerySet(models.QuerySet):
    def pending(self):
        """Revisions not yet applied or withdrawn: at most one per page."""
        return self.filter(status__in=PENDING_STATUSES)

    def waiting_for_review(self):
        return self.filter(status=RevisionStatus.IN_REVIEW)

    def scheduled(self):
        return self.filter(status=RevisionStatus.SCHEDULED)

    def due(self, now):
        return self.scheduled().filter(go_live_at__lte=now)

    def by(self, user):
        """Pending revisions ``user`` started or last saved."""
        return self.pending().filter(Q(created_by=user) | Q(updated_by=user))


class DiseaseRevision(models.Model):
    """The next version of a published page, waiting for a reviewer: readers see the page as it is.

    ``changes`` holds what the editor changed, as ``edits.DiseaseEdit`` data (fields, categories, and
    the related rows added, changed or removed). Approving applies it through the services in one
    transaction, now or at ``go_live_at``.
    """

    Status = RevisionStatus
    PENDING = PENDING_STATUSES

    disease = models.ForeignKey("Disease", on_delete=models.CASCADE, related_name="revisions")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    changes = models.JSONField(default=dict)
    # Counts saves, so an editor who saves over someone else's newer save is told (see services).
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_comment = models.TextField(blank=True, help_text="Why the reviewer sent it back, for the editor.")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    go_live_at = models.DateTimeField("goes live at", null=True, blank=True, db_index=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    objects = DiseaseRevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["disease"],
                condition=Q(status__in=PENDING_STATUSES),
                name="one_pending_revision_per_page",
            )
        ]

    def __str__(self):
        return f"Revision #{self.pk} of {self.disease}"

    @property
    def is_pending(self):
        return self.status in self.PENDING


class ScheduledTransitionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(done_at__isnull=True, cancelled_at__isnull=True)

    def due(self, now):
        return self.pending().filter(due_at__lte=now)


class ScheduledTransition(models.Model):
    """A reviewer's decision to publish a page, or unpublish it, at a later time."""

    class Action(models.TextChoices):
        PUBLISH = "publish", "Publish"
        UNPUBLISH = "unpublish", "Unpublish"

    disease = models.ForeignKey("Disease", on_delete=models.CASCADE, related_name="scheduled_transitions")
    action = models.CharField(max_length=10, choices=Action.choices)
    due_at = models.DateTimeField(db_index=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=255, blank=True, help_text="What happened when it was due.")

    objects = ScheduledTransitionQuerySet.as_manager()

    class Meta:
        ordering = ["due_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["disease"],
                condition=Q(done_at__isnull=True, cancelled_at__isnull=True),
                name="one_scheduled_transition_per_page",
            )
        ]

    def __str__(self):
        return f"{self.get_action_display()} {self.disease} at {self.due_at:%Y-%m-%d %H:%M}"
