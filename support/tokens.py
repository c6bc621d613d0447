"""Signed links and form tokens. Each purpose has its own salt, so a token for one job opens nothing else."""

import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

VERIFY_EMAIL = "support.verify-email"
MATCH_RESPONSE = "support.match-response"
WITHDRAW = "support.withdraw"
FORM = "support.connect-form"


class InvalidLink(Exception):
    def __init__(self, *, expired=False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def make_link_token(purpose: str, value: str) -> str:
    return signing.TimestampSigner(salt=purpose).sign(value)


def read_link_token(purpose: str, token: str, *, max_age_seconds: float) -> str:
    try:
        return signing.TimestampSigner(salt=purpose).unsign(token, max_age=max_age_seconds)
    except signing.SignatureExpired as exc:
        raise InvalidLink(expired=True) from exc
    except signing.BadSignature as exc:
        raise InvalidLink() from exc


def link_max_age(purpose: str) -> float:
    days = {
        VERIFY_EMAIL: settings.SUPPORT_UNVERIFIED_EXPIRY_DAYS,
        MATCH_RESPONSE: settings.SUPPORT_MATCH_RESPONSE_DAYS,
        # A withdrawal link must keep working for as long as we might hold the data.
        WITHDRAW: settings.SUPPORT_RETENTION_MONTHS * 31 + settings.SUPPORT_UNVERIFIED_EXPIRY_DAYS + 365,
    }[purpose]
    return days * 24 * 60 * 60


@dataclass(frozen=True)
class FormToken:
    """Identifies one rendered form (for duplicate submits) and when it was rendered (minimum fill time)."""

    id: uuid.UUID
    issued_at: float

    @classmethod
    def new(cls):
        return cls(id=uuid.uuid4(), issued_at=time.time())

    def dumps(self) -> str:
        return signing.dumps({"id": str(self.id), "at": self.issued_at}, salt=FORM)

    @classmethod
    def loads(cls, value: str):
        """Read a token; raises InvalidLink (expired=True when the form was open too long)."""
        try:
            data = signing.loads(value or "", salt=FORM)
            token = cls(id=uuid.UUID(data["id"]), issued_at=float(data["at"]))
        except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
            raise InvalidLink() from exc
        if token.age() > settings.SUPPORT_FORM_MAX_AGE_SECONDS:
            raise InvalidLink(expired=True)
        return token

    def age(self) -> float:
        return time.time() - self.issued_at
