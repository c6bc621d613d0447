import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse
from django.views.debug import ExceptionReporter

from diseases.models import Disease
from support import services, tokens, views
from support.models import ConnectionMatch, ConnectionRequest, OutboxMessage
from support.tokens import FormToken
from tests.factories import ConnectionRequestFactory, DiseaseFactory, DiseaseSynonymFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]

CONNECT = reverse("support:connect")
Status = ConnectionRequest.Status


@pytest.fixture(autouse=True)
def quick_forms(settings):
    settings.SUPPORT_MIN_FILL_SECONDS = 0
    settings.SUPPORT_RATE_LIMIT = "1000/h"
    cache.clear()


@pytest.fixture
def disease():
    return DiseaseFactory(name="Autoimmune lymphoproliferative syndrome", slug="alps-example")


def form_data(client, for_disease, /, **overrides):
    """What a parent sends: the token comes from a real GET of the form."""
    response = client.get(CONNECT, {"disease": for_disease.slug})
    data = {
        "form_token": response.context["form"]["form_token"].value(),
        "disease": for_disease.name,
        "disease_slug": for_disease.slug,
        "parent_name": "Siobhán Ó Súilleabháin",
        "email": "siobhan@example.org",
        "phone": "",
        "relationship": "parent",
        "child_age_band": "1_4",
        "country": "Ireland",
        "region": "Munster",
        "language": "Irish",
        "message": "Tá súil agam",
        "share_email": "on",
        "share_name": "on",
        "consented_to_share": "on",
        "privacy_acknowledged": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def html(response):
    return response.content.decode()


# --- the form page -----------------------------------------------------------


def test_form_is_prefilled_from_the_disease_page_link(client, disease, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(CONNECT, {"disease": disease.slug})
    page = html(response)
    assert response.status_code == 200
    assert f'value="{disease.name}"' in page
    assert 'data-autocomplete="/search/suggest/?type=disease"' in page
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.parametrize("value", ["no-such-disease", "bad\x00slug", "not a slug!"])
def test_unknown_disease_in_the_link_gets_a_kind_message(client, value):
    response = client.get(CONNECT, {"disease": value})
    assert response.status_code == 200
    assert "We could not find that disease in our list" in html(response)


def test_unpublished_disease_in_the_link_is_not_shown(client):
    draft = DiseaseFactory(status=Disease.Status.DRAFT, name="Secret draft syndrome")
    response = client.get(CONNECT, {"disease": draft.slug})
    assert "Secret draft syndrome" not in html(response)


def test_privacy_notice_is_linked_and_written_in_plain_words(client, disease):
    assert reverse("support:privacy") in html(client.get(CONNECT))
    page = html(client.get(reverse("support:privacy")))
    assert "Who sees your details" in page and "withdraw" in page


# --- submitting --------------------------------------------------------------


def test_valid_form_is_stored_and_redirects_to_the_thank_you_page(client, disease):
    response = client.post(CONNECT, form_data(client, disease))
    assert response.status_code == 302 and response["Location"] == reverse("support:thanks")
    request = ConnectionRequest.objects.get()
    assert (request.disease, request.status) == (disease, Status.UNVERIFIED)
    assert request.parent_name == "Siobhán Ó Súilleabháin"
    assert "check your email" in html(client.get(response["Location"])).lower()


def test_sending_the_same_form_twice_stores_one_request(client, disease):
    data = form_data(client, disease)
    first = client.post(CONNECT, data)
    second = client.post(CONNECT, data)
    assert first["Location"] == second["Location"] == reverse("support:thanks")
    assert ConnectionRequest.objects.count() == 1
    assert OutboxMessage.objects.count() == 1


@pytest.mark.parametrize(
    "name", ["李小龍", "Zoë Ødegård", "محمد عبد الله", "Nguyễn Thị Minh Khai", "Ngāti Pōneke", "O'Neil-Smith"]
)
def test_names_in_any_script_are_accepted(client, disease, name):
    client.post(CONNECT, form_data(client, disease, parent_name=name))
    assert ConnectionRequest.objects.get().parent_name == name


def test_disease_may_be_typed_by_slug_or_other_name(client, disease):
    DiseaseSynonymFactory(disease=disease, name="Canale-Smith syndrome")
    client.post(CONNECT, form_data(client, disease, disease="canale-smith SYNDROME", disease_slug=""))
    client.post(CONNECT, form_data(client, disease, disease=disease.slug, disease_slug=""))
    assert list(ConnectionRequest.objects.values_list("disease", flat=True)) == [disease.pk, disease.pk]


def test_errors_are_shown_next_to_each_field_and_what_was_typed_is_kept(client, disease):
    response = client.post(
        CONNECT,
        form_data(client, disease, email="siobhan-at-example", relationship="", consented_to_share=None),
    )
    page = html(response)
    assert response.status_code == 200
    assert not ConnectionRequest.objects.exists()
    assert 'value="siobhan-at-example"' in page and 'value="Siobhán Ó Súilleabháin"' in page
    assert 'id="id_email_error"' in page and "should look like name@example.org" in page
    assert 'id="id_relationship_error"' in page and "how you are related" in page
    assert 'id="id_consented_to_share_error"' in page
    email_input = re.search(r"<input[^>]*name=\"email\"[^>]*>", page).group(0)
    assert 'aria-invalid="true"' in email_input and "id_email_error" in email_input
    assert "<title>Error:" in page


def test_lengths_are_bounded(client, disease):
    response = client.post(CONNECT, form_data(client, disease, parent_name="a" * 151, message="m" * 1001))
    errors = response.context["form"].errors
    assert "parent_name" in errors and "message" in errors
    assert not ConnectionRequest.objects.exists()


def test_unknown_disease_is_refused_kindly_with_suggestions(client, disease):
    response = client.post(
        CONNECT, form_data(client, disease, disease="lymphoproliferative", disease_slug="")
    )
    page = html(response)
    assert "We could not find exactly “lymphoproliferative”" in page
    assert f'value="{disease.slug}"' in page  # offered as a choice
    response = client.post(
        CONNECT,
        form_data(
            client, disease, disease="lymphoproliferative", disease_slug="", disease_choice=disease.slug
        ),
    )
    assert response.status_code == 302
    assert ConnectionRequest.objects.get().disease == disease


def test_unpublished_disease_typed_by_name_is_refused(client, disease):
    draft = DiseaseFactory(status=Disease.Status.DRAFT, name="Hidden syndrome")
    response = client.post(CONNECT, form_data(client, disease, disease=draft.name, disease_slug=""))
    assert "We could not find “Hidden syndrome”" in html(response)
    assert not ConnectionRequest.objects.exists()


def test_sharing_no_contact_detail_is_refused(client, disease):
    response = client.post(CONNECT, form_data(client, disease, share_email=None))
    assert "share_email" in response.context["form"].errors


def test_honeypot_looks_like_success_but_stores_and_sends_nothing(client, disease):
    response = client.post(CONNECT, form_data(client, disease, website="https://spam.example"))
    assert response.status_code == 302 and response["Location"] == reverse("support:thanks")
    assert not ConnectionRequest.objects.exists()
    assert mail.outbox == []


def test_a_form_sent_faster_than_a_person_can_fill_it_is_refused(client, disease, settings):
    settings.SUPPORT_MIN_FILL_SECONDS = 60
    response = client.post(CONNECT, form_data(client, disease))
    assert response.status_code == 400
    assert "very quick" in html(response)
    assert 'value="Siobhán Ó Súilleabháin"' in html(response)
    assert not ConnectionRequest.objects.exists()


def test_a_tampered_form_token_is_refused_and_replaced(client, disease):
    data = form_data(client, disease)
    data["form_token"] = data["form_token"][:-2] + "xx"
    response = client.post(CONNECT, data)
    assert response.status_code == 400
    new_token = response.context["form"]["form_token"].value()
    assert FormToken.loads(new_token)  # a fresh, valid token to send again with
    assert not ConnectionRequest.objects.exists()


def test_a_form_left_open_too_long_must_be_sent_again(client, disease, settings, monkeypatch):
    data = form_data(client, disease)
    settings.SUPPORT_FORM_MAX_AGE_SECONDS = 10
    later = FormToken.loads(data["form_token"]).issued_at + 11
    monkeypatch.setattr("support.tokens.time.time", lambda: later)
    response = client.post(CONNECT, data)
    assert response.status_code == 400
    assert "open for a long time" in html(response)


def test_rate_limit_holds_in_the_shared_cache_and_keeps_what_was_typed(client, disease, settings):
    settings.SUPPORT_RATE_LIMIT = "2/h"
    for _ in range(2):
        assert client.post(CONNECT, form_data(client, disease)).status_code == 302
    response = client.post(CONNECT, form_data(client, disease))
    assert response.status_code == 429
    assert 'value="Siobhán Ó Súilleabháin"' in html(response)
    assert ConnectionRequest.objects.count() == 2
    # The count lives in the configured cache, where every server process sees it.
    assert any(key.startswith("ratelimit:connect:") for key in _cache_keys())


def _cache_keys():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM portal_cache")
        return [row[0].split(":", 2)[-1] for row in cursor.fetchall()]


def test_rate_limit_is_per_client(client, disease, settings):
    settings.SUPPORT_RATE_LIMIT = "1/h"
    assert client.post(CONNECT, form_data(client, disease), REMOTE_ADDR="203.0.113.1").status_code == 302
    assert client.post(CONNECT, form_data(client, disease), REMOTE_ADDR="203.0.113.1").status_code == 429
    assert client.post(CONNECT, form_data(client, disease), REMOTE_ADDR="203.0.113.2").status_code == 302


def test_behind_a_trusted_proxy_each_forwarded_client_is_counted_apart(client, disease, settings):
    settings.SUPPORT_RATE_LIMIT = "1/h"
    settings.TRUSTED_PROXIES = 1
    proxy = {"REMOTE_ADDR": "10.0.0.5"}
    first = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.1"}
    # A client cannot escape the limit by writing its own X-Forwarded-For in front of the proxy's.
    forged = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.77, 203.0.113.1"}
    second = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.2"}
    assert client.post(CONNECT, form_data(client, disease), **first).status_code == 302
    assert client.post(CONNECT, form_data(client, disease), **forged).status_code == 429
    assert client.post(CONNECT, form_data(client, disease), **second).status_code == 302


def test_rate_limit_works_through_redis_too(client, disease, redis_cache, settings):
    settings.SUPPORT_RATE_LIMIT = "1/h"
    assert client.post(CONNECT, form_data(client, disease)).status_code == 302
    assert client.post(CONNECT, form_data(client, disease)).status_code == 429


def test_an_unreachable_cache_lets_the_form_through(client, disease, settings, caplog, cache_outage_log):
    from tests.helpers import unreachable_redis_caches

    settings.CACHES = unreachable_redis_caches()
    settings.SUPPORT_RATE_LIMIT = "1/h"
    assert client.post(CONNECT, form_data(client, disease)).status_code == 302
    assert client.post(CONNECT, form_data(client, disease)).status_code == 302
    assert ConnectionRequest.objects.count() == 2
    assert "The cache is unreachable" in caplog.text


# --- links from the emails ---------------------------------------------------


def link(view_name, purpose, value):
    return reverse(view_name, kwargs={"token": tokens.make_link_token(purpose, value)})


def test_verify_link_asks_before_confirming(client):
    request = ConnectionRequestFactory(status=Status.UNVERIFIED, verified_at=None)
    url = link("support:verify", tokens.VERIFY_EMAIL, str(request.public_id))
    assert "Yes, confirm my email address" in html(client.get(url))
    request.refresh_from_db()
    assert request.status == Status.UNVERIFIED  # a mail scanner opening the link confirms nothing
    response = client.post(url)
    assert response["Location"] == reverse("support:verified")
    request.refresh_from_db()
    assert request.status == Status.VERIFIED


def test_expired_and_broken_links_get_a_kind_page(client, monkeypatch):
    request = ConnectionRequestFactory(status=Status.UNVERIFIED, verified_at=None)
    monkeypatch.setattr("django.core.signing.time.time", lambda: 1_000_000_000)
    old = link("support:verify", tokens.VERIFY_EMAIL, str(request.public_id))
    monkeypatch.undo()
    response = client.post(old)
    assert response.status_code == 410 and "This link has expired" in html(response)
    response = client.get(old[:-3] + "xx/")
    assert response.status_code == 400 and "This link does not work" in html(response)


def test_match_link_records_the_answer(client, coordinator):
    first, second = ConnectionRequestFactory(), ConnectionRequestFactory()
    second.disease = first.disease
    second.save()
    match = services.propose_match(first=first, second=second, acting_user=coordinator)
    url = link("support:match_response", tokens.MATCH_RESPONSE, f"{match.pk}:{first.public_id}")
    page = html(client.get(url))
    assert first.disease.name in page and second.parent_name not in page
    response = client.post(url, {"answer": "decline"})
    assert response["Location"] == reverse("support:match_answered", args=["decline"])
    match.refresh_from_db()
    assert match.status == ConnectionMatch.Status.DECLINED
    assert client.post(url, {"answer": "accept"}).status_code == 409


def test_withdraw_link_asks_then_erases(client):
    request = ConnectionRequestFactory()
    url = link("support:withdraw", tokens.WITHDRAW, str(request.public_id))
    assert "Withdraw and delete my details" in html(client.get(url))
    response = client.post(url)
    assert response["Location"] == reverse("support:withdrawn")
    request.refresh_from_db()
    assert (request.status, request.email) == (Status.WITHDRAWN, "")


# --- personal data stays private ---------------------------------------------


def test_public_pages_never_show_a_familys_details(client, disease):
    client.post(CONNECT, form_data(client, disease))
    request = ConnectionRequest.objects.get()
    urls = [
        reverse("support:thanks"),
        reverse("support:verified"),
        reverse("support:withdrawn"),
        reverse("support:privacy"),
        link("support:verify", tokens.VERIFY_EMAIL, str(request.public_id)),
        link("support:withdraw", tokens.WITHDRAW, str(request.public_id)),
        disease.get_absolute_url(),
        "/",
    ]
    for url in urls:
        page = html(client.get(url))
        for detail in [request.parent_name, request.email, request.region]:
            assert detail not in page, url


def test_error_reports_hide_the_posted_and_local_personal_data(client, disease, monkeypatch):
    data = form_data(client, disease)

    def broken_mail(**kwargs):
        raise RuntimeError("mail queue unavailable")

    monkeypatch.setattr(services, "queue_mail", broken_mail)
    request = RequestFactory().post(CONNECT, data)
    with pytest.raises(RuntimeError) as error:
        views.connect(request)
    report = ExceptionReporter(request, error.type, error.value, error.tb).get_traceback_text()
    assert "mail queue unavailable" in report
    for detail in ["Siobhán", "siobhan@example.org", "Munster", "Tá súil agam"]:
        assert detail not in report


def test_the_form_does_not_promise_a_family_it_may_not_find(client, disease):
    page = " ".join(html(client.get(CONNECT, {"disease": disease.slug})).split())
    assert (
        f"another family whose child has the same disease, {disease.name}, and who has asked us too." in page
    )
    assert "we cannot promise to find a family" in page
