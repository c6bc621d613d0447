"""The parent connection service: requests, their history, proposed matches and the mail outbox.

Personal data lives only in ``ConnectionRequest``'s personal fields and in undelivered outbox rows.
Withdrawal and the retention purge blank those fields; what remains is anonymous (disease, status, dates).
"""

import unicodedata
import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q

PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9][0-9 ().\-]{4,30}$",
    "Please use digits, spaces and an optional + at the start, for example +44 20 7946 0000.",
)


def comparable(text: str) -> str:
    """Free text in any script with case, accents and spacing set aside: "São Paulo " equals "sao paulo".

    Unlike the search index's ``fold()``, which keeps only Latin letters and digits, this keeps every
    letter, so two languages or places written in other scripts never compare equal by accident.
    """
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.casefold().split())


class ActorKind(models.TextChoices):
    FAMILY = "family", "The family"
    COORDINATOR = "coordinator", "A coordinator"
    SYSTEM = "system", "The system"


class ConnectionRequestQuerySet(models.QuerySet):
    def waiting_for_match(self, disease_id):
        return self.filter(disease_id=disease_id, status=ConnectionRequest.Status.VERIFIED)

    def expired_unverified(self, *, before):
        return self.filter(
            status=ConnectionRequest.Status.UNVERIFIED, created_at__lt=before, anonymised_at__isnull=True
        )

    def closed_before(self, before):
        return self.filter(
            status=ConnectionRequest.Status.CLOSED, closed_at__lt=before, anonymised_at__isnull=True
        )


class ConnectionRequest(models.Model):
    class Status(models.TextChoices):
        UNVERIFIED = "unverified", "Waiting for email confirmation"
        VERIFIED = "verified", "Verified, waiting for a match"
        MATCHED = "matched", "Match proposed"
        INTRODUCED = "introduced", "Introduced"
        CLOSED = "closed", "Closed"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Relationship(models.TextChoices):
        PARENT = "parent", "Parent"
        GUARDIAN = "guardian", "Legal guardian"
        CARER = "carer", "Foster parent or carer"
        GRANDPARENT = "grandparent", "Grandparent"
        OTHER_FAMILY = "other_family", "Other family member"

    class AgeBand(models.TextChoices):
        # Ordered youngest first: matching measures closeness by position in this list.
        UNDER_1 = "under_1", "Under 1 year"
        AGE_1_4 = "1_4", "1 to 4 years"
        AGE_5_11 = "5_11", "5 to 11 years"
        AGE_12_17 = "12_17", "12 to 17 years"
        ADULT = "18_plus", "18 years or older"

    # Blanked on withdrawal and by the retention purge, so the model allows blank; the form and
    # submit_connection_request require what a new request needs.
    PERSONAL_FIELDS = [
        "parent_name",
        "email",
        "phone",
        "relationship",
        "child_age_band",
        "country",
        "region",
        "language",
        "message",
    ]
    SHARE_FIELDS = ["share_name", "share_email", "share_phone", "share_location"]

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    form_token = models.UUIDField(
        unique=True, editable=False, help_text="One per rendered form, so a re-sent form is stored once."
    )
    disease = models.ForeignKey("diseases.Disease", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.UNVERIFIED)

    parent_name = models.CharField("parent or guardian name", max_length=150, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=32, blank=True, validators=[PHONE_VALIDATOR])
    relationship = models.CharField(
        "relationship to the child", max_length=20, choices=Relationship.choices, blank=True
    )
    child_age_band = models.CharField("child's age", max_length=10, choices=AgeBand.choices, blank=True)
    country = models.CharField(max_length=100, blank=True)
    region = models.CharField("region, state or nearest city", max_length=100, blank=True)
    language = models.CharField("preferred language", max_length=60, blank=True)
    message = models.TextField("what they hope for", max_length=1000, blank=True)

    share_name = models.BooleanField("share name", default=False)
    share_email = models.BooleanField("share email", default=False)
    share_phone = models.BooleanField("share phone", default=False)
    share_location = models.BooleanField("share country and region", default=False)
    consented_to_share = models.BooleanField(default=False)
    privacy_notice_version = models.CharField(max_length=20)

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    objects = ConnectionRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["disease", "status"]), models.Index(fields=["status", "closed_at"])]

    def __str__(self):
        # Never the parent's name: this string reaches admin messages and history.
        return f"Request #{self.pk}"

    @property
    def is_anonymised(self):
        return self.anonymised_at is not None

    @property
    def age_position(self):
        values = list(self.AgeBand.values)
        return values.index(self.child_age_band) if self.child_age_band in values else None


class RequestEvent(models.Model):
    """One line of a request's history. Notes never hold personal data: they outlive erasure."""

    request = models.ForeignKey(ConnectionRequest, on_delete=models.CASCADE, related_name="events")
    created_at = models.DateTimeField(auto_now_add=True)
    actor_kind = models.CharField(max_length=12, choices=ActorKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=12, choices=ConnectionRequest.Status.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=ConnectionRequest.Status.choices)
    note = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.from_status or '—'} → {self.to_status}"


class ConnectionMatch(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", "Waiting for both families"
        INTRODUCED = "introduced", "Both accepted"
        DECLINED = "declined", "Declined"
        CANCELLED = "cancelled", "Cancelled"

    class Response(models.TextChoices):
        PENDING = "pending", "No answer yet"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    first = models.ForeignKey(ConnectionRequest, on_delete=models.CASCADE, related_name="matches_as_first")
    second = models.ForeignKey(ConnectionRequest, on_delete=models.CASCADE, related_name="matches_as_second")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PROPOSED)
    first_response = models.CharField(max_length=10, choices=Response.choices, default=Response.PENDING)
    second_response = models.CharField(max_length=10, choices=Response.choices, default=Response.PENDING)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "connection matches"
        constraints = [
            models.CheckConstraint(condition=~Q(first=F("second")), name="support_match_two_requests"),
        ]

    def __str__(self):
        return f"Match #{self.pk}"

    def side_of(self, request_id):
        if request_id == self.first_id:
            return "first"
        if request_id == self.second_id:
            return "second"
        raise ValueError("That request is not part of this match.")

    def other(self, request_id):
        return self.second if self.side_of(request_id) == "first" else self.first


class OutboxMessage(models.Model):
    """An e-mail waiting to be delivered, written in the same transaction as the change that caused it.

    The worker claims a row before sending and marks it sent exactly once; recipient and body are
    blanked once delivered, so the outbox does not become a second copy of the parents' data.
    """

    class Kind(models.TextChoices):
        VERIFY = "verify", "Confirm your email"
        COORDINATOR_NEW = "coordinator_new", "New verified request (coordinators)"
        MATCH_PROPOSED = "match_proposed", "Match proposed"
        INTRODUCTION = "introduction", "Introduction"
        MATCH_ENDED = "match_ended", "Match will not go ahead"
        # Editorial mail to staff about disease pages (diseases.notifications); no family's data.
        REVIEW_REQUESTED = "review_requested", "Page revision sent to review (reviewers)"
        REVISION_APPROVED = "revision_approved", "Page revision approved (editor)"
        REVISION_RETURNED = "revision_returned", "Page revision sent back (editor)"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    request = models.ForeignKey(
        ConnectionRequest,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outbox_messages",
        help_text="The request whose family receives this message.",
    )
    about = models.ForeignKey(
        ConnectionRequest,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Another request whose shared details are in the body (introductions).",
    )
    recipient = models.EmailField(max_length=254, blank=True)
    subject = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    next_attempt_at = models.DateTimeField(db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def is_sent(self):
        return self.sent_at is not None
