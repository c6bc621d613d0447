"""Writing mail to the outbox. Call inside the transaction of the change that causes the mail."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from .models import OutboxMessage
from .tasks import schedule_delivery


@sensitive_variables()
def queue_mail(*, kind, recipient, subject, template, context, request=None, about=None) -> OutboxMessage:
    message = OutboxMessage.objects.create(
        kind=kind,
        request=request,
        about=about,
        recipient=recipient,
        subject=subject,
        body=render_to_string(template, {"site_name": settings.SITE_NAME, **context}),
        next_attempt_at=timezone.now(),
    )
    # Enqueue only once the row is committed, so the worker never looks for a message that is not there
    # (or that a rollback removed). robust: a failing enqueue must not break the other callbacks.
    transaction.on_commit(partial(schedule_delivery, message.pk), robust=True)
    return message
