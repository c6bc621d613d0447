"""Mail to editors and reviewers about revisions, through the site's outbox (``support.outbox``).

Written in the same transaction as the change it reports, and delivered by the task queue with
retries, so nothing is lost while the mail server is down. Only staff receive these.
"""

from django.contrib.auth import get_user_model
from django.utils import timezone

from support.models import OutboxMessage
from support.outbox import queue_mail
from toolbox.addresses import absolute_url

from ..models import PUBLISH_PERMISSION

# Who holds a permission is Django's own backend's answer (the sign-in lock adds a backend of its own).
PERMISSIONS_BACKEND = "django.contrib.auth.backends.ModelBackend"


def reviewers(*, besides=None):
    users = get_user_model().objects.with_perm(
        PUBLISH_PERMISSION, is_active=True, include_superusers=False, backend=PERMISSIONS_BACKEND
    )
    if besides is not None:
        users = users.exclude(pk=besides.pk)
    return users.exclude(email="").order_by("email")


def authors(revision):
    people = {user.pk: user for user in (revision.created_by, revision.updated_by) if user and user.email}
    return list(people.values())


def _context(revision, **extra):
    return {
        "revision": revision,
        "disease": revision.disease,
        "review_url": absolute_url("admin:diseases_disease_revision", object_id=revision.disease_id),
        "page_url": absolute_url("diseases:detail", slug=revision.disease.slug),
        **extra,
    }


def review_requested(*, revision, acting_user):
    for reviewer in reviewers(besides=acting_user):
        queue_mail(
            kind=OutboxMessage.Kind.REVIEW_REQUESTED,
            recipient=reviewer.email,
            subject=f"Waiting for your review: {revision.disease.name}",
            template="diseases/emails/review_requested.txt",
            context=_context(revision, reviewer=reviewer, submitted_by=acting_user),
        )


def revision_returned(*, revision):
    for author in authors(revision):
        queue_mail(
            kind=OutboxMessage.Kind.REVISION_RETURNED,
            recipient=author.email,
            subject=f"Sent back with a comment: {revision.disease.name}",
            template="diseases/emails/revision_returned.txt",
            context=_context(revision, author=author),
        )


def revision_approved(*, revision):
    go_live = (
        timezone.localtime(revision.go_live_at) if revision.go_live_at and not revision.applied_at else None
    )
    for author in authors(revision):
        queue_mail(
            kind=OutboxMessage.Kind.REVISION_APPROVED,
            recipient=author.email,
            subject=f"Approved: {revision.disease.name}",
            template="diseases/emails/revision_approved.txt",
            context=_context(revision, author=author, go_live=go_live),
        )
