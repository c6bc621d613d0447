import io
import time
import uuid
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from support import services, tasks
from support.models import ConnectionRequest, OutboxMessage
from tests.factories import DiseaseFactory

pytestmark = pytest.mark.django_db


def submit(email="sam@example.org"):
    return services.submit_connection_request(
        form_token=uuid.uuid4(),
        disease=DiseaseFactory(),
        parent_name="Sam Taylor",
        email=email,
        relationship="parent",
        child_age_band="5_11",
        country="Ireland",
        language="English",
        share_email=True,
        consented_to_share=True,
        privacy_acknowledged=True,
    )


@pytest.mark.usefixtures("immediate_tasks")
def test_mail_is_delivered_over_smtp_and_marked_sent_once(smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request = submit()
    assert [message["To"] for message in smtp_server.messages] == ["sam@example.org"]
    assert "/support/verify/" in smtp_server.messages[0].get_content()
    message = OutboxMessage.objects.get(request=request)
    assert message.sent_at is not None and message.attempts == 1
    # Once delivered, the outbox keeps no copy of the address or the text.
    assert (message.recipient, message.body) == ("", "")


@pytest.mark.usefixtures("immediate_tasks")
def test_delivering_a_sent_message_again_sends_nothing(smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request = submit()
    message = OutboxMessage.objects.get(request=request)
    assert tasks.deliver(message.pk) == "skipped"
    assert tasks.sweep_outbox(now=timezone.now() + timedelta(days=1)) == 0
    assert len(smtp_server.messages) == 1


@pytest.mark.usefixtures("immediate_tasks")
def test_a_message_another_worker_is_sending_is_left_alone(smtp_server):
    message = OutboxMessage.objects.create(
        kind=OutboxMessage.Kind.VERIFY,
        recipient="x@example.org",
        subject="s",
        body="b",
        next_attempt_at=timezone.now(),
        claimed_until=timezone.now() + timedelta(minutes=1),
    )
    assert tasks.deliver(message.pk) == "skipped"
    assert smtp_server.messages == []


@pytest.mark.usefixtures("immediate_tasks")
def test_mail_server_down_keeps_the_request_and_the_message_for_a_retry(
    smtp_server, django_capture_on_commit_callbacks
):
    smtp_server.stop()
    with django_capture_on_commit_callbacks(execute=True):
        request = submit()
    assert ConnectionRequest.objects.filter(pk=request.pk, email="sam@example.org").exists()
    message = OutboxMessage.objects.get(request=request)
    assert message.sent_at is None
    assert message.attempts == 1
    assert message.last_error.startswith("ConnectionRefusedError")
    assert message.next_attempt_at > timezone.now()
    assert message.body  # kept until it is delivered

    smtp_server.start()
    assert tasks.sweep_outbox() == 0  # not due yet: the backoff is respected
    assert tasks.sweep_outbox(now=message.next_attempt_at + timedelta(seconds=1)) == 1
    assert [m["To"] for m in smtp_server.messages] == ["sam@example.org"]
    message.refresh_from_db()
    assert message.sent_at is not None and message.attempts == 2


# The worker closes connections that are inside a transaction (as a test's would be), so this test commits.
@pytest.mark.django_db(transaction=True)
def test_the_database_queue_retries_with_backoff_until_the_server_is_back(
    database_tasks, smtp_server, settings, django_capture_on_commit_callbacks
):
    """The real queue and the real worker: two failed attempts, then delivery once the server is back."""
    settings.SUPPORT_MAIL_RETRY_BASE_SECONDS = 1
    smtp_server.stop()
    with django_capture_on_commit_callbacks(execute=True):
        request = submit()
    message = OutboxMessage.objects.get(request=request)
    assert DBTaskResult.objects.ready().count() == 1

    def run_worker():
        call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0, verbosity=0)

    def wait_until_due():
        due = DBTaskResult.objects.filter(status="READY").get().run_after
        time.sleep(max(0.0, (due - timezone.now()).total_seconds()) + 0.05)

    run_worker()
    message.refresh_from_db()
    assert (message.attempts, message.sent_at) == (1, None)
    retry = DBTaskResult.objects.get(status="READY")
    delay = (retry.run_after - timezone.now()).total_seconds()
    assert 0 < delay <= 1

    wait_until_due()
    run_worker()
    message.refresh_from_db()
    assert (message.attempts, message.sent_at) == (2, None)
    second_delay = (DBTaskResult.objects.get(status="READY").run_after - timezone.now()).total_seconds()
    assert 1 < second_delay <= 2  # doubled

    smtp_server.start()
    wait_until_due()
    run_worker()
    message.refresh_from_db()
    assert message.sent_at is not None and message.attempts == 3
    assert [m["To"] for m in smtp_server.messages] == ["sam@example.org"]
    assert not DBTaskResult.objects.filter(status="READY").exists()

    # Nothing left to do: running the worker and the sweep again sends no second copy.
    assert tasks.sweep_outbox(now=timezone.now() + timedelta(days=1)) == 0
    run_worker()
    assert len(smtp_server.messages) == 1


def test_retry_delay_doubles_and_is_capped(settings):
    settings.SUPPORT_MAIL_RETRY_BASE_SECONDS = 30
    settings.SUPPORT_MAIL_RETRY_MAX_SECONDS = 600
    delays = [tasks.retry_delay(attempt).total_seconds() for attempt in range(1, 7)]
    assert delays == [30, 60, 120, 240, 480, 600]


def test_a_lost_enqueue_is_picked_up_by_the_sweep(database_tasks):
    message = OutboxMessage.objects.create(
        kind=OutboxMessage.Kind.VERIFY,
        recipient="x@example.org",
        subject="s",
        body="b",
        next_attempt_at=timezone.now(),
    )
    assert not DBTaskResult.objects.exists()
    out = io.StringIO()
    call_command("sweep_outbox", stdout=out)
    assert "Queued 1 " in out.getvalue()
    task = DBTaskResult.objects.get()
    assert task.args_kwargs["args"] == [message.pk]


@pytest.mark.usefixtures("immediate_tasks")
def test_every_email_to_a_family_has_a_withdraw_link(
    coordinator, settings, django_capture_on_commit_callbacks
):
    from django.core import mail

    from tests.factories import ConnectionRequestFactory

    disease = DiseaseFactory()
    first, second = ConnectionRequestFactory(disease=disease), ConnectionRequestFactory(disease=disease)
    with django_capture_on_commit_callbacks(execute=True):
        submit(email="new@example.org")
        match = services.propose_match(first=first, second=second, acting_user=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_request(request=first)
    kinds = set(OutboxMessage.objects.values_list("kind", flat=True))
    assert {
        OutboxMessage.Kind.VERIFY,
        OutboxMessage.Kind.MATCH_PROPOSED,
        OutboxMessage.Kind.MATCH_ENDED,
    } <= kinds
    assert match.pk
    family_mail = [message for message in mail.outbox if message.to != [coordinator.email]]
    assert len(family_mail) == 4
    for message in family_mail:
        assert f"{settings.SITE_URL}/support/withdraw/" in message.body
