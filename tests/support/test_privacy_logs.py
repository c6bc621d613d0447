import logging
import uuid

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from support import services, tokens
from support.models import ConnectionRequest
from tests.factories import ConnectionRequestFactory, DiseaseFactory
from toolbox.redaction import RedactPersonalData

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]

NAME, EMAIL, PHONE = "Ingrid Bjørnstad", "ingrid.bjornstad@example.org", "+47 912 34 567"


def test_the_whole_journey_logs_no_personal_data(
    caplog, smtp_server, coordinator, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """Submit through the form, fail to mail, verify, match, answer and withdraw: nothing personal is logged."""
    settings.SUPPORT_MIN_FILL_SECONDS = 0
    # Prove it of our code itself, without the safety-net filter that would hide addresses.
    for handler in logging.getLogger().handlers:
        for log_filter in handler.filters:
            if isinstance(log_filter, RedactPersonalData):
                monkeypatch.setattr(handler, "filters", [f for f in handler.filters if f is not log_filter])
    caplog.set_level(logging.DEBUG)
    disease = DiseaseFactory()
    client = Client()
    token = (
        client.get(reverse("support:connect"), {"disease": disease.slug})
        .context["form"]["form_token"]
        .value()
    )
    smtp_server.stop()  # the first mail fails, and its error is logged
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("support:connect"),
            {
                "form_token": token,
                "disease": disease.slug,
                "parent_name": NAME,
                "email": EMAIL,
                "phone": PHONE,
                "relationship": "parent",
                "child_age_band": "5_11",
                "country": "Norway",
                "region": "Trøndelag",
                "language": "Norwegian",
                "share_email": "on",
                "share_phone": "on",
                "consented_to_share": "on",
                "privacy_acknowledged": "on",
            },
        )
    smtp_server.start()
    request = ConnectionRequest.objects.get(email=EMAIL)
    with django_capture_on_commit_callbacks(execute=True):
        services.verify_email(token=tokens.make_link_token(tokens.VERIFY_EMAIL, str(request.public_id)))
        other = ConnectionRequestFactory(disease=disease)
        match = services.propose_match(first=request, second=other, acting_user=coordinator)
    for side in (request, other):
        with django_capture_on_commit_callbacks(execute=True):
            services.respond_to_match(
                token=tokens.make_link_token(tokens.MATCH_RESPONSE, f"{match.pk}:{side.public_id}"),
                accept=True,
            )
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw(token=tokens.make_link_token(tokens.WITHDRAW, str(request.public_id)))

    # The test's own SMTP server (aiosmtpd, logger "mail.log") logs what it receives; it is not the app.
    logged = "\n".join(
        caplog.handler.format(record) for record in caplog.records if not record.name.startswith("mail.log")
    )
    assert "not delivered" in logged and "withdrawn and erased" in logged  # the journey was logged
    for detail in [NAME, EMAIL, PHONE, "Trøndelag", other.parent_name, other.email]:
        assert detail not in logged


def test_log_filter_removes_email_addresses_from_messages_and_tracebacks():
    record_filter = RedactPersonalData()
    try:
        raise ValueError(f"refused recipient {EMAIL}")
    except ValueError as exc:
        record = logging.LogRecord(
            "x",
            logging.ERROR,
            __file__,
            1,
            "mail to %s failed",
            (EMAIL,),
            (type(exc), exc, exc.__traceback__),
        )
    assert record_filter.filter(record)
    formatted = logging.Formatter("%(message)s").format(record)
    assert EMAIL not in formatted
    assert "mail to [email removed] failed" in formatted and "refused recipient [email removed]" in formatted


def test_console_log_handler_uses_the_filter():
    assert "redact_personal_data" in settings.LOGGING["handlers"]["console"]["filters"]
    root_filters = [f for handler in logging.getLogger().handlers for f in handler.filters]
    assert any(isinstance(f, RedactPersonalData) for f in root_filters)


def test_request_string_never_holds_personal_data():
    request = ConnectionRequestFactory(form_token=uuid.uuid4())
    assert str(request) == f"Request #{request.pk}"
