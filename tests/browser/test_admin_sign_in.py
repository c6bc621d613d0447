"""The whole admin sign-in in Chromium: lockout, second-factor enrolment by QR code, and signing in again."""

import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a long and memorable passphrase"


def code_from_secret(secret, steps_ahead=0):
    """What an authenticator app shows for the key typed from the enrolment page."""
    totp = TOTP(b32decode(secret.replace(" ", "")), step=30, t0=0, digits=6)
    totp.time = time.time() + steps_ahead * 30
    return f"{totp.token():06d}"


def sign_in(page, base_url, password=PASSWORD):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", "ada")
    page.fill("#id_password", password)
    page.click("input[type=submit]")


def test_a_superuser_enrols_then_signs_in_with_a_code(live_server, page, django_user_model):
    django_user_model.objects.create_superuser("ada", "ada@example.org", PASSWORD)

    sign_in(page, live_server.url)
    page.wait_for_selector("text=Set up two-step sign-in")
    # The QR code drew (it loads after the page, from its own address).
    page.wait_for_function("() => document.querySelector('.qr img').naturalWidth > 0")
    secret = page.inner_text("#totp-secret")
    page.fill("input[name=code]", code_from_secret(secret))
    page.click("input[type=submit]")
    page.wait_for_selector("#recovery-codes")
    assert page.locator("#recovery-codes li").count() == 10
    page.click("text=Continue")
    page.wait_for_selector("text=Site administration")

    page.click("#logout-form button")
    sign_in(page, live_server.url)
    page.wait_for_selector("text=Open your authenticator app")
    page.fill("input[name=code]", code_from_secret(secret, steps_ahead=1))  # a code not used before
    page.click("input[type=submit]")
    page.wait_for_selector("text=Site administration")
    page.goto(f"{live_server.url}/admin/monitoring/")
    assert page.locator("#outbox-backlog").inner_text() == "0"


def test_too_many_wrong_passwords_lock_the_sign_in(live_server, page, django_user_model, settings):
    settings.AXES_FAILURE_LIMIT = 3
    django_user_model.objects.create_superuser("ada", "ada@example.org", PASSWORD)
    for _ in range(3):
        sign_in(page, live_server.url, password="not the password")
    page.wait_for_selector("text=Sign-in locked for now")
    sign_in(page, live_server.url)
    assert page.locator("h1").inner_text() == "Sign-in locked for now"
