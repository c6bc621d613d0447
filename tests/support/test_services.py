import uuid
from datetime import timedelta
from itertools import product

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from diseases.models import Disease
from support import services, tokens
from support.models import ActorKind, ConnectionMatch, ConnectionRequest, OutboxMessage, RequestEvent
from tests.factories import ConnectionRequestFactory, DiseaseFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]

Status = ConnectionRequest.Status


def submit(disease=None, **overrides):
    arguments = {
        "form_token": uuid.uuid4(),
        "disease": disease or DiseaseFactory(),
        "parent_name": "Ana María O'Brien-Łukasz",
        "email": "ana.maria@example.org",
        "phone": "+34 600 000 000",
        "relationship": "parent",
        "child_age_band": "1_4",
        "country": "Spain",
        "region": "Andalucía",
        "language": "Spanish",
        "message": "Hablar con alguien.",
        "share_name": True,
        "share_email": True,
        "consented_to_share": True,
        "privacy_acknowledged": True,
    }
    arguments.update(overrides)
    return services.submit_connection_request(**arguments)


def link_token(body, marker):
    """The token of the first link in ``body`` whose path contains ``marker``."""
    for word in body.split():
        if marker in word:
            return word.rstrip("/").rsplit("/", 1)[1]
    raise AssertionError(f"no {marker} link in the email")


def events(request):
    return list(
        RequestEvent.objects.filter(request=request).values_list("from_status", "to_status", "actor_kind")
    )


# --- submitting --------------------------------------------------------------


def test_submit_stores_an_unverified_request_with_its_event(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request = submit()
    request.refresh_from_db()
    assert request.status == Status.UNVERIFIED
    assert request.parent_name == "Ana María O'Brien-Łukasz"
    assert events(request) == [("", Status.UNVERIFIED, ActorKind.FAMILY)]


def test_submit_emails_a_signed_confirmation_link_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        request = submit()
    assert mail.outbox == []  # nothing leaves before the transaction commits
    for callback in callbacks:
        callback()
    assert [message.to for message in mail.outbox] == [["ana.maria@example.org"]]
    token = link_token(mail.outbox[0].body, "/support/verify/")
    assert services.verify_email(token=token).pk == request.pk


def test_no_mail_is_queued_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        submit()
        raise RuntimeError("the caller failed after submitting")
    assert not ConnectionRequest.objects.exists()
    assert not OutboxMessage.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("status", [Disease.Status.DRAFT, Disease.Status.REVIEW])
def test_submit_refuses_an_unpublished_disease(status):
    with pytest.raises(ValidationError) as error:
        submit(disease=DiseaseFactory(status=status))
    assert "disease" in error.value.message_dict


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"consented_to_share": False}, "consented_to_share"),
        ({"privacy_acknowledged": False}, "privacy_acknowledged"),
        ({"share_email": False, "share_phone": False}, "share_email"),
        ({"share_phone": True, "phone": ""}, "phone"),
        ({"parent_name": "   "}, "parent_name"),
        ({"email": "not-an-address"}, "email"),
        ({"parent_name": "x" * 151}, "parent_name"),
        ({"child_age_band": "ancient"}, "child_age_band"),
        ({"message": "m" * 1001}, "message"),
    ],
)
def test_submit_refuses_invalid_input(overrides, field):
    with pytest.raises(ValidationError) as error:
        submit(**overrides)
    assert field in error.value.message_dict
    assert not ConnectionRequest.objects.exists()


def test_submitting_the_same_form_twice_stores_it_once():
    form_token = uuid.uuid4()
    first = submit(form_token=form_token)
    with pytest.raises(services.DuplicateSubmission) as duplicate:
        submit(form_token=form_token)
    assert duplicate.value.request.pk == first.pk
    assert ConnectionRequest.objects.count() == 1
    assert OutboxMessage.objects.count() == 1


# --- verifying ---------------------------------------------------------------


def verify_token(request):
    return tokens.make_link_token(tokens.VERIFY_EMAIL, str(request.public_id))


def test_verify_email_moves_to_verified_and_tells_the_coordinators(
    coordinator, django_capture_on_commit_callbacks
):
    request = ConnectionRequestFactory(status=Status.UNVERIFIED, verified_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        services.verify_email(token=verify_token(request))
    request.refresh_from_db()
    assert request.status == Status.VERIFIED
    assert request.verified_at is not None
    assert events(request) == [(Status.UNVERIFIED, Status.VERIFIED, ActorKind.FAMILY)]
    assert [message.to for message in mail.outbox] == [[coordinator.email]]
    assert f"/admin/support/connectionrequest/{request.pk}/change/" in mail.outbox[0].body
    assert request.parent_name not in mail.outbox[0].body and request.email not in mail.outbox[0].body


def test_verifying_twice_changes_nothing_more():
    request = ConnectionRequestFactory(status=Status.UNVERIFIED, verified_at=None)
    services.verify_email(token=verify_token(request))
    services.verify_email(token=verify_token(request))
    assert RequestEvent.objects.filter(request=request).count() == 1


def test_verify_link_expires_after_seven_days(monkeypatch):
    request = ConnectionRequestFactory(status=Status.UNVERIFIED, verified_at=None)
    eight_days_ago = timezone.now().timestamp() - 8 * 24 * 3600
    monkeypatch.setattr("django.core.signing.time.time", lambda: eight_days_ago)
    token = verify_token(request)
    monkeypatch.undo()
    with pytest.raises(services.InvalidLink) as error:
        services.verify_email(token=token)
    assert error.value.expired
    request.refresh_from_db()
    assert request.status == Status.UNVERIFIED


def test_request_older_than_seven_days_cannot_be_verified_even_with_a_fresh_link():
    request = ConnectionRequestFactory(status=Status.UNVERIFIED, verified_at=None)
    ConnectionRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - timedelta(days=8))
    with pytest.raises(services.InvalidLink) as error:
        services.verify_email(token=verify_token(request))
    assert error.value.expired


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # signature changed
        lambda token: str(uuid.uuid4()) + token[36:],  # someone else's id with this signature
        lambda token: "",
    ],
)
def test_tampered_verify_link_is_refused(tamper):
    request = ConnectionRequestFactory(status=Status.UNVERIFIED, verified_at=None)
    with pytest.raises(services.InvalidLink) as error:
        services.verify_email(token=tamper(verify_token(request)))
    assert not error.value.expired


def test_a_withdraw_link_cannot_verify():
    request = ConnectionRequestFactory(status=Status.UNVERIFIED, verified_at=None)
    withdraw_token = tokens.make_link_token(tokens.WITHDRAW, str(request.public_id))
    with pytest.raises(services.InvalidLink):
        services.verify_email(token=withdraw_token)


# --- matching ----------------------------------------------------------------


@pytest.fixture
def pair(coordinator):
    disease = DiseaseFactory()
    first = ConnectionRequestFactory(disease=disease, share_phone=False)
    second = ConnectionRequestFactory(
        disease=disease, share_name=False, share_phone=True, share_location=True
    )
    return first, second


def propose(pair, coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        match = services.propose_match(first=pair[0], second=pair[1], acting_user=coordinator)
    links = {message.to[0]: link_token(message.body, "/support/match/") for message in mail.outbox}
    mail.outbox.clear()
    return match, links[pair[0].email], links[pair[1].email]


def test_propose_match_asks_both_families_and_records_the_coordinator(
    pair, coordinator, django_capture_on_commit_callbacks
):
    first, second = pair
    match, _, _ = propose(pair, coordinator, django_capture_on_commit_callbacks)
    for request in pair:
        request.refresh_from_db()
        assert request.status == Status.MATCHED
        event = RequestEvent.objects.filter(request=request).last()
        assert (event.from_status, event.to_status, event.actor) == (
            Status.VERIFIED,
            Status.MATCHED,
            coordinator,
        )
    assert match.status == ConnectionMatch.Status.PROPOSED
    assert match.proposed_by == coordinator


def test_match_proposal_email_reveals_nothing_about_the_other_family(
    pair, coordinator, django_capture_on_commit_callbacks
):
    first, second = pair
    with django_capture_on_commit_callbacks(execute=True):
        services.propose_match(first=first, second=second, acting_user=coordinator)
    to_first = next(message for message in mail.outbox if message.to == [first.email])
    for detail in [second.parent_name, second.email, second.phone, second.region]:
        assert detail not in to_first.body


def test_both_accepting_introduces_them_with_only_the_shared_details(
    pair, coordinator, django_capture_on_commit_callbacks
):
    first, second = pair
    match, first_link, second_link = propose(pair, coordinator, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.respond_to_match(token=first_link, accept=True)
    assert mail.outbox == []  # nothing is shared on one yes
    with django_capture_on_commit_callbacks(execute=True):
        services.respond_to_match(token=second_link, accept=True)
    match.refresh_from_db()
    assert match.status == ConnectionMatch.Status.INTRODUCED
    for request in pair:
        request.refresh_from_db()
        assert request.status == Status.INTRODUCED
    to_first = next(message.body for message in mail.outbox if message.to == [first.email])
    to_second = next(message.body for message in mail.outbox if message.to == [second.email])
    # second shared email, phone and place, not name; first shared name and email, not phone or place.
    assert second.email in to_first and second.phone in to_first and second.region in to_first
    assert second.parent_name not in to_first
    assert first.parent_name in to_second and first.email in to_second
    assert first.phone not in to_second and first.region not in to_second


def test_declining_ends_the_match_and_tells_the_other_family(
    pair, coordinator, django_capture_on_commit_callbacks
):
    first, second = pair
    match, first_link, _ = propose(pair, coordinator, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.respond_to_match(token=first_link, accept=False)
    match.refresh_from_db()
    assert match.status == ConnectionMatch.Status.DECLINED
    for request in pair:
        request.refresh_from_db()
        assert request.status == Status.VERIFIED
    assert [message.to for message in mail.outbox] == [[second.email]]
    assert "will not go ahead" in mail.outbox[0].subject
    assert first.parent_name not in mail.outbox[0].body


def test_an_answer_after_the_match_ended_is_refused(pair, coordinator, django_capture_on_commit_callbacks):
    _, first_link, second_link = propose(pair, coordinator, django_capture_on_commit_callbacks)
    services.respond_to_match(token=first_link, accept=False)
    with pytest.raises(services.SupportError):
        services.respond_to_match(token=second_link, accept=True)


def test_the_same_answer_twice_is_recorded_once(pair, coordinator, django_capture_on_commit_callbacks):
    _, first_link, _ = propose(pair, coordinator, django_capture_on_commit_callbacks)
    services.respond_to_match(token=first_link, accept=True)
    services.respond_to_match(token=first_link, accept=True)
    assert RequestEvent.objects.filter(request=pair[0], note__endswith="accepted").count() == 1


def test_changing_an_answer_is_refused(pair, coordinator, django_capture_on_commit_callbacks):
    _, first_link, _ = propose(pair, coordinator, django_capture_on_commit_callbacks)
    services.respond_to_match(token=first_link, accept=True)
    with pytest.raises(services.SupportError):
        services.respond_to_match(token=first_link, accept=False)


def test_tampered_match_link_is_refused(pair, coordinator, django_capture_on_commit_callbacks):
    match, first_link, _ = propose(pair, coordinator, django_capture_on_commit_callbacks)
    forged = tokens.make_link_token(tokens.VERIFY_EMAIL, f"{match.pk}:{pair[0].public_id}")
    with pytest.raises(services.InvalidLink):
        services.respond_to_match(token=forged, accept=True)
    with pytest.raises(services.InvalidLink):
        services.respond_to_match(token=first_link.replace(":", ":x", 1), accept=True)


@pytest.mark.parametrize(
    "status", [Status.UNVERIFIED, Status.MATCHED, Status.INTRODUCED, Status.CLOSED, Status.WITHDRAWN]
)
def test_only_verified_requests_can_be_matched(status, coordinator):
    disease = DiseaseFactory()
    waiting = ConnectionRequestFactory(disease=disease)
    other = ConnectionRequestFactory(disease=disease, status=status)
    with pytest.raises(services.IllegalTransition):
        services.propose_match(first=waiting, second=other, acting_user=coordinator)
    waiting.refresh_from_db()
    assert waiting.status == Status.VERIFIED
    assert not ConnectionMatch.objects.exists()


def test_matching_different_diseases_is_refused(coordinator):
    with pytest.raises(services.SupportError):
        services.propose_match(
            first=ConnectionRequestFactory(), second=ConnectionRequestFactory(), acting_user=coordinator
        )


def test_the_same_pair_is_never_proposed_twice(pair, coordinator, django_capture_on_commit_callbacks):
    _, first_link, _ = propose(pair, coordinator, django_capture_on_commit_callbacks)
    services.respond_to_match(token=first_link, accept=False)
    with pytest.raises(services.SupportError):
        services.propose_match(first=pair[1], second=pair[0], acting_user=coordinator)


def test_a_request_cannot_be_matched_with_itself(coordinator):
    request = ConnectionRequestFactory()
    with pytest.raises(services.SupportError):
        services.propose_match(first=request, second=request, acting_user=coordinator)


# --- closing -----------------------------------------------------------------


@pytest.mark.parametrize("status", [Status.VERIFIED, Status.INTRODUCED])
def test_close_request_records_the_coordinator(status, coordinator):
    request = ConnectionRequestFactory(status=status)
    services.close_request(request=request, acting_user=coordinator)
    request.refresh_from_db()
    assert request.status == Status.CLOSED and request.closed_at is not None
    assert events(request) == [(status, Status.CLOSED, ActorKind.COORDINATOR)]


@pytest.mark.parametrize("status", [Status.UNVERIFIED, Status.MATCHED, Status.CLOSED, Status.WITHDRAWN])
def test_closing_is_refused_from_other_statuses(status, coordinator):
    request = ConnectionRequestFactory(status=status)
    with pytest.raises(services.IllegalTransition):
        services.close_request(request=request, acting_user=coordinator)
    request.refresh_from_db()
    assert request.status == status


ILLEGAL = [
    (source, target)
    for source, target in product(Status, Status)
    if target not in services.ALLOWED_TRANSITIONS[source]
]


@pytest.mark.parametrize(("source", "target"), ILLEGAL)
def test_every_transition_outside_the_table_is_refused(source, target):
    request = ConnectionRequestFactory(status=source)
    with pytest.raises(services.IllegalTransition):
        services._transition(request, target, actor_kind=ActorKind.SYSTEM)
    request.refresh_from_db()
    assert request.status == source
    assert not RequestEvent.objects.filter(request=request).exists()


def test_withdrawn_is_reachable_from_every_other_status():
    for source in Status:
        expected = source != Status.WITHDRAWN
        assert (Status.WITHDRAWN in services.ALLOWED_TRANSITIONS[source]) is expected


# --- withdrawing and erasing -------------------------------------------------


def withdraw_token(request):
    return tokens.make_link_token(tokens.WITHDRAW, str(request.public_id))


@pytest.mark.parametrize("status", [Status.UNVERIFIED, Status.VERIFIED, Status.INTRODUCED, Status.CLOSED])
def test_withdrawal_erases_personal_fields_and_keeps_the_anonymous_count(status):
    request = ConnectionRequestFactory(status=status)
    services.withdraw(token=withdraw_token(request))
    request.refresh_from_db()
    assert request.status == Status.WITHDRAWN
    for field in ConnectionRequest.PERSONAL_FIELDS:
        assert getattr(request, field) == "", field
    assert request.disease_id and request.created_at and request.withdrawn_at and request.anonymised_at
    assert [event[1] for event in events(request)] == [Status.WITHDRAWN, Status.WITHDRAWN]


def test_withdrawal_deletes_undelivered_mail_with_the_familys_details(settings):
    request = ConnectionRequestFactory(status=Status.UNVERIFIED, verified_at=None)
    OutboxMessage.objects.create(
        kind=OutboxMessage.Kind.VERIFY,
        request=request,
        recipient=request.email,
        subject="s",
        body=request.parent_name,
        next_attempt_at=timezone.now(),
    )
    other = ConnectionRequestFactory()
    OutboxMessage.objects.create(
        kind=OutboxMessage.Kind.INTRODUCTION,
        request=other,
        about=request,
        recipient=other.email,
        subject="s",
        body=request.email,
        next_attempt_at=timezone.now(),
    )
    services.withdraw(token=withdraw_token(request))
    assert not OutboxMessage.objects.exists()


def test_withdrawing_during_a_match_returns_the_other_family_to_the_queue(
    pair, coordinator, django_capture_on_commit_callbacks
):
    first, second = pair
    match, _, _ = propose(pair, coordinator, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw(token=withdraw_token(first))
    match.refresh_from_db()
    second.refresh_from_db()
    assert match.status == ConnectionMatch.Status.CANCELLED
    assert second.status == Status.VERIFIED
    assert [message.to for message in mail.outbox] == [[second.email]]


def test_withdrawing_twice_changes_nothing_more():
    request = ConnectionRequestFactory()
    services.withdraw(token=withdraw_token(request))
    count = RequestEvent.objects.count()
    services.withdraw(token=withdraw_token(request))
    assert RequestEvent.objects.count() == count


def test_a_coordinator_can_withdraw_on_a_familys_behalf(coordinator):
    request = ConnectionRequestFactory()
    services.withdraw_request(request=request, acting_user=coordinator)
    event = RequestEvent.objects.filter(request=request, to_status=Status.WITHDRAWN).first()
    assert event.actor == coordinator and event.actor_kind == ActorKind.COORDINATOR


# --- retention ---------------------------------------------------------------


def test_purge_anonymises_expired_unverified_and_long_closed_requests():
    now = timezone.now()
    expired = ConnectionRequestFactory(status=Status.UNVERIFIED, verified_at=None)
    fresh = ConnectionRequestFactory(status=Status.UNVERIFIED, verified_at=None)
    ConnectionRequest.objects.filter(pk=expired.pk).update(created_at=now - timedelta(days=8))
    ConnectionRequest.objects.filter(pk=fresh.pk).update(created_at=now - timedelta(days=6))
    old_closed = ConnectionRequestFactory(status=Status.CLOSED, closed_at=now - timedelta(days=25 * 31))
    recent_closed = ConnectionRequestFactory(status=Status.CLOSED, closed_at=now - timedelta(days=23 * 30))
    verified = ConnectionRequestFactory()
    ConnectionRequest.objects.filter(pk=verified.pk).update(created_at=now - timedelta(days=900))

    assert services.purge_expired_requests() == {"expired": 1, "closed": 1}

    for request, erased in [
        (expired, True),
        (fresh, False),
        (old_closed, True),
        (recent_closed, False),
        (verified, False),
    ]:
        request.refresh_from_db()
        assert (request.email == "" and request.anonymised_at is not None) is erased, request
    assert services.purge_expired_requests() == {"expired": 0, "closed": 0}
