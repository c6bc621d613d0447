import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from support.models import ConnectionRequest
from tests.factories import ConnectionRequestFactory

pytestmark = pytest.mark.django_db


def test_purge_requests_command_anonymises_and_reports():
    expired = ConnectionRequestFactory(status="unverified", verified_at=None)
    ConnectionRequest.objects.filter(pk=expired.pk).update(created_at=timezone.now() - timedelta(days=10))
    ConnectionRequestFactory(status="closed", closed_at=timezone.now() - timedelta(days=800))
    out = io.StringIO()
    call_command("purge_requests", stdout=out)
    assert "Anonymised 1 expired unverified request(s) and 1 closed request(s)" in out.getvalue()
    assert not ConnectionRequest.objects.exclude(email="").exists()
