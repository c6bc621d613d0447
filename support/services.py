"""Every change to a connection request happens here: atomic, validated, recorded as an event.

Views, the admin, management commands and tests call these functions; nothing else writes a
request's status. Mail is written to the outbox in the same transaction and enqueued on commit.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from diseases.models import Disease
from toolbox.addresses import absolute_url

from . import tokens
from .models import ActorKind, ConnectionMatch, ConnectionRequest, OutboxMessage, RequestEvent
from .outbox import queue_mail
from .tokens import InvalidLink

logger = logging.getLogger(__name__)

Status = ConnectionRequest.Status
COORDINATORS_GROUP = "Coordinators"
PRIVACY_NOTICE_VERSION = "2025-01"
MESSAGE_MAX_LENGTH = ConnectionRequest._meta.get_field("message").max_length

# Withdrawn is reachable from every other status; withdrawn itself is final.
ALLOWED_TRANSITIONS = {
    Status.UNVERIFIED: {Status.VERIFIED, Status.WITHDRAWN},
    Status.VERIFIED: {Status.MATCHED, Status.CLOSED, Status.WITHDRAWN},
    Status.MATCHED: {Status.INTRODUCED, Status.VERIFIED, Status.WITHDRAWN},
    Status.INTRODUCED: {Status.CLOSED, Status.WITHDRAWN},
    Status.CLOSED: {Status.WITHDRAWN},
    Status.WITHDRAWN: set(),
}


class SupportError(Exception):
    """A refused action, with a message fit to show to the person who tried it."""


class IllegalTransition(SupportError):
    pass


class DuplicateSubmission(SupportError):
    def __init__(self, request):
        super().__init__("This form has already been sent.")
        self.request = request


__all__ = [
    "InvalidLink",
    "SupportError",
    "IllegalTransition",
    "DuplicateSubmission",
    "submit_connection_request",
    "verify_email",
    "propose_match",
    "respond_to_match",
    "withdraw",
    "withdraw_request",
    "close_request",
    "purge_expired_requests",
]


def _now():
    return timezone.now()


def _record(request, *, from_status, to_status, actor_kind, actor=None, note=""):
    RequestEvent.objects.create(
        request=request,
        from_status=from_status or "",
        to_status=to_status,
        actor_kind=actor_kind,
        actor=actor if actor is not None and actor.is_authenticated else None,
        note=note[:255],
    )


def _transition(request, to_status, *, actor_kind, actor=None, note="", extra_fields=()):
    if to_status not in ALLOWED_TRANSITIONS[request.status]:
        raise IllegalTransition(
            f"{request} is “{request.get_status_display()}” and cannot become “{Status(to_status).label}”."
        )
    from_status = request.status
    request.status = to_status
    request.status_changed_at = _now()
    request.full_clean(validate_unique=False, validate_constraints=False)
    request.save(update_fields=["status", "status_changed_at", *extra_fields])
    _record(
        request, from_status=from_status, to_status=to_status, actor_kind=actor_kind, actor=actor, note=note
    )


def _locked(*request_ids):
    """Lock requests in primary-key order, so two coordinators can never deadlock each other."""
    rows = (
        ConnectionRequest.objects.select_for_update(of=("self",))
        .select_related("disease")
        .filter(pk__in=request_ids)
    )
    by_pk = {row.pk: row for row in rows.order_by("pk")}
    return [by_pk[pk] for pk in request_ids]


def _footer_context(request):
    return {
        "withdraw_url": absolute_url(
            "support:withdraw", token=tokens.make_link_token(tokens.WITHDRAW, str(request.public_id))
        ),
        "privacy_url": absolute_url("support:privacy"),
    }


def coordinator_emails():
    User = get_user_model()
    emails = (
        User.objects.filter(groups__name=COORDINATORS_GROUP, is_active=True)
        .exclude(email="")
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )
    return list(dict.fromkeys([*emails, *settings.SUPPORT_COORDINATOR_EMAILS]))


# --- Submitting and verifying ------------------------------------------------


@sensitive_variables()
def submit_connection_request(
    *,
    form_token,
    disease,
    parent_name,
    email,
    relationship,
    child_age_band,
    country,
    language,
    consented_to_share,
    privacy_acknowledged,
    phone="",
    region="",
    message="",
    share_name=False,
    share_email=False,
    share_phone=False,
    share_location=False,
):
    """Store a new request and queue the confirmation email. Raises DuplicateSubmission for a re-sent form."""
    errors = {}
    if not Disease.objects.published().filter(pk=disease.pk).exists():
        errors["disease"] = "We could not find that disease in our list."
    if not consented_to_share:
        errors["consented_to_share"] = "We can only introduce you to another family with your agreement."
    if not privacy_acknowledged:
        errors["privacy_acknowledged"] = "Please read the privacy notice and tick the box."
    if not (share_email or share_phone):
        errors["share_email"] = "Choose at least your email or your phone, so the other family can reach you."
    if share_phone and not phone.strip():
        errors["phone"] = "Add a phone number, or untick sharing your phone."
    # A TextField's max_length is not checked by full_clean, so the limit is enforced here.
    if len(message) > MESSAGE_MAX_LENGTH:
        errors["message"] = f"Please keep the message under {MESSAGE_MAX_LENGTH:,} characters."
    required = {
        "parent_name": parent_name,
        "email": email,
        "relationship": relationship,
        "child_age_band": child_age_band,
        "country": country,
        "language": language,
    }
    for field, value in required.items():
        if not str(value or "").strip():
            errors[field] = "This is required."
    if errors:
        raise ValidationError(errors)

    request = ConnectionRequest(
        form_token=form_token,
        disease=disease,
        parent_name=parent_name.strip(),
        email=email.strip(),
        phone=phone.strip(),
        relationship=relationship,
        child_age_band=child_age_band,
        country=country.strip(),
        region=region.strip(),
        language=language.strip(),
        message=message.strip(),
        share_name=share_name,
        share_email=share_email,
        share_phone=share_phone,
        share_location=share_location,
        consented_to_share=True,
        privacy_notice_version=PRIVACY_NOTICE_VERSION,
    )
    request.full_clean(exclude=["form_token"], validate_unique=False)
    try:
        with transaction.atomic():
            request.save(force_insert=True)
            _record(request, from_status="", to_status=Status.UNVERIFIED, actor_kind=ActorKind.FAMILY)
            verify_token = tokens.make_link_token(tokens.VERIFY_EMAIL, str(request.public_id))
            queue_mail(
                kind=OutboxMessage.Kind.VERIFY,
                request=request,
                recipient=request.email,
                subject="Please confirm your email address",
                template="support/emails/verify.txt",
                context={
                    "disease": disease,
                    "verify_url": absolute_url("support:verify", token=verify_token),
                    "expiry_days": settings.SUPPORT_UNVERIFIED_EXPIRY_DAYS,
                    **_footer_context(request),
                },
            )
    except IntegrityError:
        # Two clicks raced past the view's check: the other one stored the request.
        existing = ConnectionRequest.objects.filter(form_token=form_token).first()
        if existing is None:
            raise
        raise DuplicateSubmission(existing) from None
    logger.info("Connection request #%s submitted", request.pk)
    return request


def _request_from_token(purpose, token):
    public_id = tokens.read_link_token(purpose, token, max_age_seconds=tokens.link_max_age(purpose))
    try:
        return ConnectionRequest.objects.get(public_id=public_id)
    except (ConnectionRequest.DoesNotExist, ValidationError) as exc:
        raise InvalidLink() from exc


@sensitive_variables("token")
@transaction.atomic
def verify_email(*, token):
    """Confirm the address (double opt-in) and tell the coordinators. Repeating it changes nothing."""
    (request,) = _locked(_request_from_token(tokens.VERIFY_EMAIL, token).pk)
    if request.is_anonymised:
        raise InvalidLink()
    if request.verified_at is not None:
        return request
    if request.created_at < _now() - timedelta(days=settings.SUPPORT_UNVERIFIED_EXPIRY_DAYS):
        raise InvalidLink(expired=True)
    request.verified_at = _now()
    _transition(request, Status.VERIFIED, actor_kind=ActorKind.FAMILY, extra_fields=["verified_at"])
    admin_url = absolute_url("admin:support_connectionrequest_change", object_id=request.pk)
    for recipient in coordinator_emails():
        queue_mail(
            kind=OutboxMessage.Kind.COORDINATOR_NEW,
            recipient=recipient,
            subject=f"A verified request is waiting for a match ({request})",
            template="support/emails/coordinator_new.txt",
            context={"connection_request": request, "disease": request.disease, "admin_url": admin_url},
        )
    logger.info("Connection request #%s verified", request.pk)
    return request


# --- Matching ----------------------------------------------------------------


def _match_links(match, request):
    token = tokens.make_link_token(tokens.MATCH_RESPONSE, f"{match.pk}:{request.public_id}")
    return {"respond_url": absolute_url("support:match_response", token=token)}


@transaction.atomic
def propose_match(*, first, second, acting_user):
    """Ask two verified families for the same disease whether they would like to be introduced."""
    if first.pk == second.pk:
        raise SupportError("A request cannot be matched with itself.")
    first, second = _locked(first.pk, second.pk)
    if first.disease_id != second.disease_id:
        raise SupportError("Only families whose children have the same disease can be matched.")
    if ConnectionMatch.objects.filter(Q(first=first, second=second) | Q(first=second, second=first)).exists():
        raise SupportError("These two families have already been proposed to each other.")
    for request in (first, second):
        if request.status != Status.VERIFIED:
            raise IllegalTransition(
                f"{request} is “{request.get_status_display()}”: only verified requests can be matched."
            )
    match = ConnectionMatch(first=first, second=second, proposed_by=acting_user)
    match.full_clean()
    match.save()
    for request in (first, second):
        _transition(
            request,
            Status.MATCHED,
            actor_kind=ActorKind.COORDINATOR,
            actor=acting_user,
            note=f"{match} proposed with {match.other(request.pk)}",
        )
        queue_mail(
            kind=OutboxMessage.Kind.MATCH_PROPOSED,
            request=request,
            recipient=request.email,
            subject="Another family would like to connect with you",
            template="support/emails/match_proposed.txt",
            context={
                "disease": request.disease,
                "response_days": settings.SUPPORT_MATCH_RESPONSE_DAYS,
                **_match_links(match, request),
                **_footer_context(request),
            },
        )
    return match


def _end_match(match, *, status, ended_by, actor_kind, actor=None, note):
    """Close an open match and put the other family back in the queue, telling them kindly."""
    match.status = status
    match.decided_at = _now()
    match.save(update_fields=["status", "decided_at"])
    (partner,) = _locked(match.other(ended_by.pk).pk)
    if partner.status == Status.MATCHED:
        _transition(partner, Status.VERIFIED, actor_kind=actor_kind, actor=actor, note=note)
        queue_mail(
            kind=OutboxMessage.Kind.MATCH_ENDED,
            request=partner,
            recipient=partner.email,
            subject="An introduction will not go ahead",
            template="support/emails/match_ended.txt",
            context={"disease": partner.disease, **_footer_context(partner)},
        )


def _introduce(match, first, second):
    match.status = ConnectionMatch.Status.INTRODUCED
    match.decided_at = _now()
    match.save(update_fields=["status", "decided_at"])
    for request, other in ((first, second), (second, first)):
        _transition(request, Status.INTRODUCED, actor_kind=ActorKind.FAMILY, note=f"{match}: both accepted")
        queue_mail(
            kind=OutboxMessage.Kind.INTRODUCTION,
            request=request,
            about=other,
            recipient=request.email,
            subject="Introducing another family",
            template="support/emails/introduction.txt",
            context={"disease": request.disease, "other": other, **_footer_context(request)},
        )


@sensitive_variables("token", "value", "public_id")
@transaction.atomic
def respond_to_match(*, token, accept):
    """Record one family's answer. Both yes: each gets the other's shared details. One no: the match ends."""
    value = tokens.read_link_token(
        tokens.MATCH_RESPONSE, token, max_age_seconds=tokens.link_max_age(tokens.MATCH_RESPONSE)
    )
    match_id, _, public_id = value.partition(":")
    try:
        match = ConnectionMatch.objects.select_for_update().get(pk=int(match_id))
        responder = ConnectionRequest.objects.only("pk").get(public_id=public_id)
        side = match.side_of(responder.pk)
    except (ConnectionMatch.DoesNotExist, ConnectionRequest.DoesNotExist, ValidationError, ValueError) as exc:
        raise InvalidLink() from exc
    first, second = _locked(match.first_id, match.second_id)
    match.first, match.second = first, second
    answer = ConnectionMatch.Response.ACCEPTED if accept else ConnectionMatch.Response.DECLINED
    current = getattr(match, f"{side}_response")
    if current == answer:
        return match  # a second click on the same answer
    if match.status != ConnectionMatch.Status.PROPOSED:
        raise SupportError("This introduction is no longer open, so your answer could not be changed.")
    if current != ConnectionMatch.Response.PENDING:
        raise SupportError("You have already answered. Please contact us if you have changed your mind.")

    setattr(match, f"{side}_response", answer)
    match.save(update_fields=[f"{side}_response"])
    me = first if side == "first" else second
    _record(
        me,
        from_status=me.status,
        to_status=me.status,
        actor_kind=ActorKind.FAMILY,
        note=f"{match} {'accepted' if accept else 'declined'}",
    )
    if not accept:
        _transition(me, Status.VERIFIED, actor_kind=ActorKind.FAMILY, note=f"{match} declined")
        _end_match(
            match,
            status=ConnectionMatch.Status.DECLINED,
            ended_by=me,
            actor_kind=ActorKind.FAMILY,
            note=f"{match} declined by the other family",
        )
    elif match.first_response == match.second_response == ConnectionMatch.Response.ACCEPTED:
        _introduce(match, first, second)
    return match


# --- Closing, withdrawing and erasing ----------------------------------------


@transaction.atomic
def close_request(*, request, acting_user, note=""):
    (request,) = _locked(request.pk)
    request.closed_at = _now()
    _transition(
        request,
        Status.CLOSED,
        actor_kind=ActorKind.COORDINATOR,
        actor=acting_user,
        note=note or "Closed by a coordinator",
        extra_fields=["closed_at"],
    )
    return request


def _erase(request, *, note):
    request_fields = ConnectionRequest.PERSONAL_FIELDS
    for field in request_fields:
        setattr(request, field, "")
    request.anonymised_at = _now()
    request.save(update_fields=[*request_fields, "anonymised_at"])
    # Undelivered mail to this family, or carrying its details to another one, goes too.
    OutboxMessage.objects.filter(Q(request=request) | Q(about=request), sent_at__isnull=True).delete()
    _record(
        request,
        from_status=request.status,
        to_status=request.status,
        actor_kind=ActorKind.SYSTEM,
        note=note,
    )


@sensitive_variables()
@transaction.atomic
def withdraw_request(*, request, acting_user=None):
    """Withdraw and erase the personal data at once. Withdrawing twice changes nothing."""
    (request,) = _locked(request.pk)
    if request.status == Status.WITHDRAWN:
        return request
    actor_kind = ActorKind.COORDINATOR if acting_user is not None else ActorKind.FAMILY
    open_match = (
        ConnectionMatch.objects.select_for_update()
        .filter(Q(first=request) | Q(second=request), status=ConnectionMatch.Status.PROPOSED)
        .first()
    )
    request.withdrawn_at = _now()
    _transition(
        request, Status.WITHDRAWN, actor_kind=actor_kind, actor=acting_user, extra_fields=["withdrawn_at"]
    )
    if open_match is not None:
        _end_match(
            open_match,
            status=ConnectionMatch.Status.CANCELLED,
            ended_by=request,
            actor_kind=ActorKind.SYSTEM,
            note=f"{open_match} cancelled: the other family withdrew",
        )
    _erase(request, note="Personal details erased on withdrawal")
    logger.info("Connection request #%s withdrawn and erased", request.pk)
    return request


@sensitive_variables("token")
def withdraw(*, token):
    """The family's own withdrawal, from the link in any of our emails."""
    request = _request_from_token(tokens.WITHDRAW, token)
    return withdraw_request(request=request)


def purge_expired_requests(*, now=None):
    """Anonymise unverified requests past their expiry and closed ones past the retention period."""
    now = now or _now()
    expired_before = now - timedelta(days=settings.SUPPORT_UNVERIFIED_EXPIRY_DAYS)
    # 24 months, counted in days so the cut-off never depends on the length of a month.
    closed_before = now - timedelta(days=round(settings.SUPPORT_RETENTION_MONTHS * 365.25 / 12))
    counts = {"expired": 0, "closed": 0}
    batches = [
        ("expired", ConnectionRequest.objects.expired_unverified(before=expired_before), "never confirmed"),
        (
            "closed",
            ConnectionRequest.objects.closed_before(closed_before),
            "closed over the retention period",
        ),
    ]
    for key, queryset, reason in batches:
        for pk in queryset.values_list("pk", flat=True).iterator():
            with transaction.atomic():
                (request,) = _locked(pk)
                if request.is_anonymised:
                    continue
                _erase(request, note=f"Personal details erased: {reason}")
                counts[key] += 1
    return counts
