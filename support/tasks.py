"""Mail delivery through the task queue: claim an outbox row, send it, mark it sent exactly once.

A failed attempt is recorded and the task re-enqueues itself with ``run_after`` (exponential
backoff, capped), so mail is retried until it is delivered. ``sweep_outbox`` re-enqueues anything
whose task was lost, for example when a process died between the commit and the enqueue.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables
from django_tasks import task

from .models import OutboxMessage

logger = logging.getLogger(__name__)


def retry_delay(attempts: int) -> timedelta:
    seconds = settings.SUPPORT_MAIL_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, settings.SUPPORT_MAIL_RETRY_MAX_SECONDS))


def describe_error(exc: BaseException) -> str:
    """The error's class and SMTP code only: SMTP messages can quote the recipient's address."""
    code = getattr(exc, "smtp_code", None) or getattr(exc, "errno", None)
    return f"{type(exc).__name__}{f' ({code})' if code else ''}"[:200]


def schedule_delivery(message_id: int, *, run_after=None) -> bool:
    """Enqueue a delivery; False when the backend cannot defer (the sweep retries those)."""
    delivery = deliver_outbox_message
    if run_after is not None:
        if not delivery.get_backend().supports_defer:
            return False
        delivery = delivery.using(run_after=run_after)
    try:
        delivery.enqueue(message_id)
    except Exception as exc:
        # The outbox row is already committed: the sweep will enqueue it again.
        logger.warning(
            "Could not enqueue mail #%s (%s); the sweep will retry it", message_id, describe_error(exc)
        )
        return False
    return True


@sensitive_variables()
def deliver(message_id: int) -> str:
    now = timezone.now()
    lease = now + timedelta(seconds=settings.SUPPORT_MAIL_CLAIM_SECONDS)
    claimed = (
        OutboxMessage.objects.filter(pk=message_id, sent_at__isnull=True)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_until=lease)
    )
    if not claimed:
        return "skipped"  # already sent, erased, or another worker holds it right now
    message = OutboxMessage.objects.get(pk=message_id)
    try:
        EmailMessage(
            subject=message.subject,
            body=message.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.recipient],
        ).send()
    except Exception as exc:
        message.attempts += 1
        message.last_error = describe_error(exc)
        message.next_attempt_at = timezone.now() + retry_delay(message.attempts)
        message.claimed_until = None
        message.save(update_fields=["attempts", "last_error", "next_attempt_at", "claimed_until"])
        logger.warning(
            "Mail #%s (%s) not delivered on attempt %d: %s; next try at %s",
            message.pk,
            message.kind,
            message.attempts,
            message.last_error,
            message.next_attempt_at.isoformat(timespec="seconds"),
        )
        schedule_delivery(message.pk, run_after=message.next_attempt_at)
        return "retry"
    OutboxMessage.objects.filter(pk=message.pk, sent_at__isnull=True).update(
        sent_at=timezone.now(),
        attempts=F("attempts") + 1,
        claimed_until=None,
        last_error="",
        recipient="",
        body="",
    )
    logger.info("Mail #%s (%s) delivered", message.pk, message.kind)
    return "sent"


@task()
def deliver_outbox_message(message_id: int) -> str:
    return deliver(message_id)


def sweep_outbox(*, now=None, limit=500) -> int:
    """Enqueue undelivered mail that is due and not being sent; returns how many were enqueued."""
    now = now or timezone.now()
    due = (
        OutboxMessage.objects.filter(sent_at__isnull=True, next_attempt_at__lte=now)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(schedule_delivery(message_id) for message_id in list(due))
