"""Health checks for a load balancer, and the staff monitoring page; no personal data in either."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from portal import health
from support.models import OutboxMessage
from tests.factories import ConnectionRequestFactory
from tests.helpers import unreachable_redis_caches


@pytest.mark.django_db
def test_live_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health/live")
    assert (response.status_code, response.content) == (200, b"ok\n")


@pytest.mark.django_db
def test_ready_reports_database_cache_and_migrations(client):
    response = client.get("/health/ready")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "migrations": "ok"},
    }
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_ready_is_503_when_the_cache_is_down(settings):
    settings.CACHES = unreachable_redis_caches()
    response = Client().get("/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "failing", "migrations": "ok"}


@pytest.mark.django_db(transaction=True)
def test_ready_is_503_while_a_migration_is_not_applied(monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)
    call_command("migrate", "portal", "zero", verbosity=0)
    try:
        response = Client().get("/health/ready")
        assert response.status_code == 503
        assert response.json()["checks"]["migrations"] == "failing"
    finally:
        call_command("migrate", "portal", verbosity=0)
    assert Client().get("/health/ready").status_code == 200


@pytest.mark.django_db
def test_health_checks_are_not_redirected_to_https(settings):
    settings.SECURE_SSL_REDIRECT = True
    assert Client().get("/health/live").status_code == 200
    assert Client().get("/about/").status_code == 301


@pytest.mark.django_db
def test_staff_see_the_backlog_queue_and_releases_without_personal_data(admin_client):
    request = ConnectionRequestFactory(email="parent.private@example.org")
    OutboxMessage.objects.create(
        kind=OutboxMessage.Kind.VERIFY,
        request=request,
        recipient="parent.private@example.org",
        subject="Please confirm",
        body="Dear parent",
        next_attempt_at=timezone.now(),
    )
    report = admin_client.get("/admin/monitoring/?format=json").json()
    assert report["outbox_backlog"] >= 1 and report["oldest_undelivered_mail_age_seconds"] >= 0
    assert {"task_queue_ready", "task_queue_oldest_age_seconds", "data_releases", "checks"} <= set(report)
    page = admin_client.get("/admin/monitoring/").content.decode()
    assert "Mail not yet delivered" in page
    for text in [str(report), page]:
        assert "parent.private" not in text and "Dear parent" not in text


@pytest.mark.django_db
def test_the_monitoring_page_is_for_staff_only(client):
    response = client.get("/admin/monitoring/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_every_admin_page_links_to_two_step_sign_in_and_monitoring_under_the_sites_name(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "<title>Site administration | Rare Disease Portal admin</title>" in html
    assert ">Rare Disease Portal administration</a>" in html
    assert '<a href="/admin/second-factor/">Two-step sign-in</a>' in html
    assert '<a href="/admin/monitoring/">Monitoring</a>' in html
