"""Admin sign-in: failed passwords are limited per account and per address; staff who see families' details
use a second factor (an authenticator app, with recovery codes); other staff may."""

import time
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from diseases.models import Disease
from tests.factories import DiseaseFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a long and memorable passphrase"


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("ada", "ada@example.org", PASSWORD)


@pytest.fixture
def editor_user(django_user_model):
    user = django_user_model.objects.create_user("edna", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def sign_in(browser, username, password=PASSWORD, **extra):
    return browser.post("/admin/login/?next=/admin/", {"username": username, "password": password}, **extra)


def app_code(device, steps_ahead=0):
    """The code an authenticator app shows for ``device`` (``steps_ahead`` periods later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def path_of(response):
    return urlsplit(response["Location"]).path


# --- Failed passwords (django-axes) -----------------------------------------------------------


def test_a_brute_force_attempt_is_locked_out_even_with_the_right_password(superuser, settings):
    settings.AXES_FAILURE_LIMIT = 5
    attacker = Client()
    for _ in range(4):
        response = sign_in(attacker, "ada", "wrong password")
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.content.decode()
    assert sign_in(attacker, "ada", "wrong password").status_code == 429  # the fifth failure locks
    locked = sign_in(attacker, "ada")
    assert locked.status_code == 429
    assert "Sign-in locked for now" in locked.content.decode()
    assert "_auth_user_id" not in attacker.session


def test_the_right_password_before_the_limit_signs_in(superuser):
    browser = Client()
    for _ in range(3):
        sign_in(browser, "ada", "wrong password")
    response = sign_in(browser, "ada")
    assert response.status_code == 302 and "_auth_user_id" in browser.session


def test_the_account_is_locked_whatever_address_the_attempts_come_from(superuser, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for address in ["192.0.2.1", "192.0.2.2", "192.0.2.3"]:
        sign_in(Client(REMOTE_ADDR=address), "ada", "wrong password")
    assert sign_in(Client(REMOTE_ADDR="192.0.2.99"), "ada").status_code == 429


def test_an_address_is_locked_whatever_accounts_it_tries(superuser, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for name in ["root", "admin", "administrator"]:
        sign_in(Client(REMOTE_ADDR="192.0.2.7"), name, "guess")
    assert sign_in(Client(REMOTE_ADDR="192.0.2.7"), "ada").status_code == 429
    assert sign_in(Client(REMOTE_ADDR="192.0.2.8"), "ada").status_code == 302


def test_the_address_is_the_one_the_trusted_proxies_vouch_for(superuser, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXIES = 1
    behind_proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for name in ["root", "admin", "administrator"]:
        sign_in(Client(**behind_proxy), name, "guess", headers={"X-Forwarded-For": "198.51.100.7"})
    # The attacker's address is locked; another reader behind the same proxy is not.
    assert (
        sign_in(Client(**behind_proxy), "ada", headers={"X-Forwarded-For": "198.51.100.7"}).status_code == 429
    )
    assert (
        sign_in(Client(**behind_proxy), "ada", headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 302
    )


def test_an_administrator_unlocks_with_axes_reset(superuser, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(2):
        sign_in(Client(), "ada", "wrong password")
    assert sign_in(Client(), "ada").status_code == 429
    call_command("axes_reset_username", "ada", verbosity=0)
    assert sign_in(Client(), "ada").status_code == 302


def test_failed_attempts_are_listed_in_the_admin(superuser, admin_client):
    sign_in(Client(), "ada", "wrong password")
    page = admin_client.get("/admin/axes/accessattempt/")
    assert page.status_code == 200 and "ada" in page.content.decode()


# --- Second factor (django-otp) ---------------------------------------------------------------


def test_a_superuser_must_enrol_with_a_qr_code_then_gets_recovery_codes(superuser):
    browser = Client()
    signed_in = sign_in(browser, "ada")
    assert path_of(signed_in) == "/admin/"
    assert path_of(browser.get("/admin/")) == "/admin/second-factor/setup/"
    assert path_of(browser.get("/admin/support/connectionrequest/")) == "/admin/second-factor/setup/"

    setup = browser.get("/admin/second-factor/setup/?next=/admin/")
    assert setup.status_code == 200 and "no-store" in setup["Cache-Control"]
    assert "scan this QR code" in setup.content.decode()
    qr = browser.get("/admin/second-factor/setup/qr.svg")
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content
    pending = TOTPDevice.objects.get(user=superuser, confirmed=False)

    wrong = browser.post("/admin/second-factor/setup/", {"code": "000000", "next": "/admin/"})
    assert "That code is not right" in wrong.content.decode()
    pending.refresh_from_db()
    pending.throttle_reset()  # django-otp makes a wrong code wait a second before the next try
    done = browser.post("/admin/second-factor/setup/", {"code": app_code(pending), "next": "/admin/"})
    assert done.status_code == 200
    codes = done.context["codes"]
    assert len(codes) == 10 and all(code in done.content.decode() for code in codes)
    assert TOTPDevice.objects.get(user=superuser).confirmed
    assert browser.get("/admin/").status_code == 200
    assert browser.get("/admin/second-factor/setup/qr.svg").status_code == 404  # the secret is shown once


def test_a_signed_up_superuser_types_a_code_at_each_sign_in(superuser):
    device = TOTPDevice.objects.create(user=superuser, name="Phone", confirmed=True)
    browser = Client()
    sign_in(browser, "ada")
    assert path_of(browser.get("/admin/")) == "/admin/second-factor/verify/"
    wrong = browser.post("/admin/second-factor/verify/", {"code": "123456", "next": "/admin/"})
    assert "That code is not right" in wrong.content.decode()
    device.refresh_from_db()
    device.throttle_reset()
    right = browser.post("/admin/second-factor/verify/", {"code": app_code(device), "next": "/admin/"})
    assert path_of(right) == "/admin/"
    assert browser.get("/admin/").status_code == 200


def test_repeated_wrong_codes_are_slowed_down(superuser):
    TOTPDevice.objects.create(user=superuser, name="Phone", confirmed=True)
    browser = Client()
    sign_in(browser, "ada")
    browser.post("/admin/second-factor/verify/", {"code": "123456"})
    slowed = browser.post("/admin/second-factor/verify/", {"code": "654321"})
    assert "Too many wrong codes in a row" in slowed.content.decode()


def test_a_recovery_code_works_once(superuser):
    TOTPDevice.objects.create(user=superuser, name="Phone", confirmed=True)
    recovery = StaticDevice.objects.create(user=superuser, name="Recovery codes", confirmed=True)
    recovery.token_set.create(token="abcd2345")
    first, second = Client(), Client()
    sign_in(first, "ada")
    assert (
        path_of(first.post("/admin/second-factor/verify/", {"code": "abcd 2345", "next": "/admin/"}))
        == "/admin/"
    )
    sign_in(second, "ada")
    again = second.post("/admin/second-factor/verify/", {"code": "abcd2345", "next": "/admin/"})
    assert again.status_code == 200 and "That code is not right" in again.content.decode()


def test_a_coordinator_must_use_it_too(django_user_model):
    coordinator = django_user_model.objects.create_user("cora", password=PASSWORD, is_staff=True)
    coordinator.groups.add(Group.objects.get(name="Coordinators"))
    browser = Client()
    sign_in(browser, "cora")
    assert path_of(browser.get("/admin/")) == "/admin/second-factor/setup/"


def test_an_editor_may_go_without_it_or_turn_it_on(editor_user):
    browser = Client()
    sign_in(browser, "edna")
    assert browser.get("/admin/").status_code == 200
    browser.get("/admin/second-factor/setup/")
    pending = TOTPDevice.objects.get(user=editor_user, confirmed=False)
    browser.post("/admin/second-factor/setup/", {"code": app_code(pending)})
    later = Client()
    sign_in(later, "edna")
    assert path_of(later.get("/admin/")) == "/admin/second-factor/verify/"


def test_the_development_server_does_not_ask_for_it(superuser, settings):
    settings.ADMIN_SECOND_FACTOR_REQUIRED = False
    browser = Client()
    sign_in(browser, "ada")
    assert browser.get("/admin/").status_code == 200


def test_a_password_alone_opens_no_staff_view_outside_the_admin(superuser):
    DiseaseFactory(slug="draft-syndrome", status=Disease.Status.DRAFT)
    browser = Client()
    sign_in(browser, "ada")
    assert browser.get("/diseases/draft-syndrome/").status_code == 404
    device = TOTPDevice.objects.create(user=superuser, name="Phone", confirmed=True)
    browser.post("/admin/second-factor/verify/", {"code": app_code(device)})
    assert browser.get("/diseases/draft-syndrome/").status_code == 200


def test_the_verify_page_never_redirects_off_site(superuser):
    device = TOTPDevice.objects.create(user=superuser, name="Phone", confirmed=True)
    browser = Client()
    sign_in(browser, "ada")
    response = browser.post(
        "/admin/second-factor/verify/", {"code": app_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"
