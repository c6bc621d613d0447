import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from support.models import ConnectionMatch, ConnectionRequest, RequestEvent
from support.suggestions import candidates_for, suggested_matches
from tests.factories import ConnectionRequestFactory, DiseaseFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]

Status = ConnectionRequest.Status
CHANGELIST = reverse("admin:support_connectionrequest_changelist")
EXPORT = reverse("admin:support_connectionrequest_export_counts")


def change_url(request):
    return reverse("admin:support_connectionrequest_change", args=[request.pk])


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


# --- who may see requests -----------------------------------------------------


def test_coordinators_group_has_exactly_the_support_permissions():
    permissions = set(Group.objects.get(name="Coordinators").permissions.values_list("codename", flat=True))
    assert permissions == {
        "view_connectionrequest",
        "change_connectionrequest",
        "view_requestevent",
        "view_connectionmatch",
        "view_outboxmessage",
    }


def test_coordinator_can_list_and_open_requests(coordinator_client):
    request = ConnectionRequestFactory()
    listing = coordinator_client.get(CHANGELIST).content.decode()
    assert f"#{request.pk}" in listing and request.disease.name in listing
    page = coordinator_client.get(change_url(request)).content.decode()
    assert request.email in page


@pytest.mark.parametrize("group", ["Editors", "Reviewers", None])
def test_other_staff_get_403_on_requests(client, staff_in_group, group):
    if group and not Group.objects.filter(name=group).exists():
        Group.objects.create(name=group)
    client.force_login(staff_in_group(group, username="someone-else"))
    request = ConnectionRequestFactory()
    for url in [CHANGELIST, change_url(request), EXPORT, reverse("admin:support_outboxmessage_changelist")]:
        response = client.get(url)
        assert response.status_code == 403, url
        assert request.parent_name not in response.content.decode()


def test_request_list_query_count_does_not_grow_with_the_rows(coordinator_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for batch in (3, 30):
        ConnectionRequestFactory.create_batch(batch)
        with CaptureQueriesContext(connection) as queries:
            assert coordinator_client.get(CHANGELIST).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_requests_cannot_be_added_or_deleted_in_the_admin(coordinator_client, admin_client):
    request = ConnectionRequestFactory()
    for client in (coordinator_client, admin_client):
        assert client.get(reverse("admin:support_connectionrequest_add")).status_code == 403
        assert (
            client.get(reverse("admin:support_connectionrequest_delete", args=[request.pk])).status_code
            == 403
        )


def test_saving_the_change_form_changes_nothing(coordinator_client):
    request = ConnectionRequestFactory()
    coordinator_client.post(change_url(request), {"status": Status.CLOSED, "email": "other@example.org"})
    request.refresh_from_db()
    assert (request.status, request.email) != (Status.CLOSED, "other@example.org")


def test_change_page_shows_the_event_history(coordinator_client, coordinator):
    request = ConnectionRequestFactory()
    RequestEvent.objects.create(
        request=request,
        actor_kind="coordinator",
        actor=coordinator,
        from_status="verified",
        to_status="closed",
        note="Closed after a phone call",
    )
    page = coordinator_client.get(change_url(request)).content.decode()
    assert "Closed after a phone call" in page and 'id="events-group"' in page


# --- suggested matches and proposing ------------------------------------------


def test_suggestions_rank_region_then_age_then_language():
    disease = DiseaseFactory()
    request = ConnectionRequestFactory(
        disease=disease, country="France", region="Bretagne", child_age_band="1_4"
    )
    far = ConnectionRequestFactory(disease=disease, country="Canada", region="Québec", child_age_band="1_4")
    same_region = ConnectionRequestFactory(
        disease=disease, country="france", region="Bretagne ", child_age_band="12_17"
    )
    same_country_same_age = ConnectionRequestFactory(
        disease=disease, country="France", region="Alsace", child_age_band="1_4"
    )
    same_country_other_language = ConnectionRequestFactory(
        disease=disease, country="France", region="Alsace", child_age_band="1_4", language="German"
    )
    ConnectionRequestFactory(disease=disease, status=Status.UNVERIFIED)  # not verified: never suggested
    ConnectionRequestFactory(country="France", region="Bretagne")  # another disease
    ranked = [suggestion.request for suggestion in suggested_matches(request)]
    assert ranked == [same_region, same_country_same_age, same_country_other_language, far]


def test_suggestions_take_one_query_however_many_candidates(django_assert_num_queries):
    disease = DiseaseFactory()
    request = ConnectionRequestFactory(disease=disease)
    ConnectionRequestFactory.create_batch(3, disease=disease)
    with django_assert_num_queries(1):
        assert len(list(candidates_for(request))) == 3
    ConnectionRequestFactory.create_batch(30, disease=disease)
    with django_assert_num_queries(1):
        assert len(suggested_matches(request, limit=50)) == 33


def test_change_page_lists_suggestions_and_proposing_records_the_coordinator(coordinator_client, coordinator):
    disease = DiseaseFactory()
    request = ConnectionRequestFactory(disease=disease)
    other = ConnectionRequestFactory(disease=disease)
    page = coordinator_client.get(change_url(request)).content.decode()
    propose_url = reverse("admin:support_connectionrequest_propose", args=[request.pk, other.pk])
    assert propose_url in page
    assert coordinator_client.get(propose_url).status_code == 405
    response = coordinator_client.post(propose_url)
    assert response.status_code == 302
    match = ConnectionMatch.objects.get()
    assert (match.first, match.second, match.proposed_by) == (request, other, coordinator)
    assert RequestEvent.objects.filter(request=other, actor=coordinator, to_status=Status.MATCHED).exists()


def test_a_refused_proposal_is_explained(coordinator_client):
    request = ConnectionRequestFactory()
    other = ConnectionRequestFactory()  # another disease
    propose_url = reverse("admin:support_connectionrequest_propose", args=[request.pk, other.pk])
    response = coordinator_client.post(propose_url, follow=True)
    assert "same disease" in response.content.decode()
    assert not ConnectionMatch.objects.exists()


# --- admin actions are recorded -------------------------------------------------


def run_action(client, action, requests):
    return client.post(
        CHANGELIST, {"action": action, "_selected_action": [request.pk for request in requests]}, follow=True
    )


def test_close_action_records_who_closed(coordinator_client, coordinator):
    request = ConnectionRequestFactory(status=Status.INTRODUCED)
    run_action(coordinator_client, "close_selected", [request])
    request.refresh_from_db()
    assert request.status == Status.CLOSED
    event = RequestEvent.objects.get(request=request)
    assert (event.actor, event.from_status, event.to_status) == (
        coordinator,
        Status.INTRODUCED,
        Status.CLOSED,
    )


def test_close_action_refusal_is_reported_and_changes_nothing(coordinator_client):
    request = ConnectionRequestFactory(status=Status.UNVERIFIED)
    response = run_action(coordinator_client, "close_selected", [request])
    assert "cannot become" in response.content.decode()
    request.refresh_from_db()
    assert request.status == Status.UNVERIFIED


def test_withdraw_action_erases_and_records_the_coordinator(coordinator_client, coordinator):
    request = ConnectionRequestFactory()
    run_action(coordinator_client, "withdraw_selected", [request])
    request.refresh_from_db()
    assert (request.status, request.parent_name, request.email) == (Status.WITHDRAWN, "", "")
    assert RequestEvent.objects.filter(
        request=request, actor=coordinator, to_status=Status.WITHDRAWN
    ).exists()


# --- reporting ------------------------------------------------------------------


def test_csv_export_counts_per_disease_and_status_without_personal_data(coordinator_client):
    disease = DiseaseFactory(name="Example syndrome A", slug="example-a")
    requests = [
        *ConnectionRequestFactory.create_batch(2, disease=disease),
        ConnectionRequestFactory(disease=disease, status=Status.CLOSED),
    ]
    response = coordinator_client.get(EXPORT)
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows == [
        ["disease", "disease_slug", "status", "requests"],
        ["Example syndrome A", "example-a", "closed", "1"],
        ["Example syndrome A", "example-a", "verified", "2"],
    ]
    for request in requests:
        for field in ConnectionRequest.PERSONAL_FIELDS:
            value = getattr(request, field)
            if value and field not in {"relationship", "child_age_band"}:
                assert value not in body, field


def test_outbox_admin_shows_delivery_but_not_addresses_or_text(
    coordinator_client, django_capture_on_commit_callbacks
):
    from support.models import OutboxMessage

    request = ConnectionRequestFactory()
    message = OutboxMessage.objects.create(
        kind=OutboxMessage.Kind.VERIFY,
        request=request,
        recipient=request.email,
        subject="Please confirm",
        body=f"Dear {request.parent_name}",
        next_attempt_at=request.created_at,
    )
    changelist = coordinator_client.get(reverse("admin:support_outboxmessage_changelist")).content.decode()
    change = coordinator_client.get(
        reverse("admin:support_outboxmessage_change", args=[message.pk])
    ).content.decode()
    for page in (changelist, change):
        assert "waiting" in changelist
        assert request.email not in page and request.parent_name not in page
