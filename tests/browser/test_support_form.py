import re

import pytest

from support.models import ConnectionRequest
from tests.browser.conftest import assert_no_axe_violations
from tests.factories import DiseaseFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("immediate_tasks")]

MAX_TABS = 80


@pytest.fixture
def site(live_server, settings):
    settings.SITE_URL = live_server.url
    settings.SUPPORT_MIN_FILL_SECONDS = 0
    settings.SUPPORT_RATE_LIMIT = "1000/h"
    return live_server


def tab_to(page, element_id):
    """Move the focus forward with the Tab key alone until it reaches ``element_id``."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


def type_into(page, element_id, text):
    tab_to(page, element_id)
    page.keyboard.type(text)


def choose_first_option(page, element_id):
    tab_to(page, element_id)
    page.keyboard.press("ArrowDown")


def tick(page, element_id):
    tab_to(page, element_id)
    page.keyboard.press("Space")


def submit(page):
    tab_to(page, "submit-request")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_parent_fills_the_form_by_keyboard_and_confirms_by_email(site, page, axe, mailoutbox):
    disease = DiseaseFactory(name="Autoimmune lymphoproliferative syndrome", slug="alps-browser")
    page.goto(f"{site.url}/support/connect/?disease={disease.slug}")
    assert page.locator("#id_disease").input_value() == disease.name
    assert_no_axe_violations(axe, page)

    # Sending it empty shows the error state: a summary, and a message next to each field.
    submit(page)
    assert page.title().startswith("Error:")
    assert page.locator(".error-summary").is_visible()
    assert page.locator("#id_parent_name_error").inner_text().endswith("Please tell us your name.")
    assert_no_axe_violations(axe, page)

    choose_first_option(page, "id_child_age_band")
    type_into(page, "id_parent_name", "Zoë Ødegård")
    choose_first_option(page, "id_relationship")
    type_into(page, "id_email", "zoe@example.org")
    type_into(page, "id_country", "Norway")
    type_into(page, "id_region", "Vestland")
    type_into(page, "id_language", "Norwegian")
    type_into(page, "id_message", "We would love to talk to a family who has been through this.")
    tick(page, "id_share_email")
    tick(page, "id_share_name")
    tick(page, "id_consented_to_share")
    tick(page, "id_privacy_acknowledged")
    submit(page)

    assert page.locator("h1").inner_text() == "Thank you. Please check your email"
    assert_no_axe_violations(axe, page)
    request = ConnectionRequest.objects.get()
    assert (request.parent_name, request.child_age_band, request.relationship) == (
        "Zoë Ødegård",
        "under_1",
        "parent",
    )

    (email,) = mailoutbox
    assert email.to == ["zoe@example.org"]
    verify_url = re.search(r"http://\S+/support/verify/\S+/", email.body).group(0)
    page.goto(verify_url)
    tab_to(page, "confirm-email")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Thank you, your email address is confirmed"
    assert_no_axe_violations(axe, page)
    request.refresh_from_db()
    assert request.status == ConnectionRequest.Status.VERIFIED


def test_disease_autocomplete_fills_in_the_name_and_its_slug(site, page):
    from diseases.search import rebuild_search_index

    disease = DiseaseFactory(name="Autoimmune lymphoproliferative syndrome", slug="alps-autocomplete")
    DiseaseFactory(name="Autoimmune lymphoproliferative syndrome", slug="alps-same-name")
    rebuild_search_index()
    page.goto(f"{site.url}/support/connect/")
    tab_to(page, "id_disease")
    page.keyboard.type("Autoimmune lympho")
    page.locator("#id_disease-listbox [role=option]").first.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.locator("#id_disease").input_value() == disease.name
    # Two diseases share this name: the slug of the chosen suggestion tells the server which one was meant.
    chosen = page.locator("#id_disease_slug").input_value()
    assert chosen in {disease.slug, "alps-same-name"}
    page.select_option("#id_child_age_band", "5_11")
    page.select_option("#id_relationship", "guardian")
    for field, value in [
        ("parent_name", "Ama Mensah"),
        ("email", "ama@example.org"),
        ("country", "Ghana"),
        ("language", "English"),
    ]:
        page.fill(f"#id_{field}", value)
    for box in ["share_email", "consented_to_share", "privacy_acknowledged"]:
        page.check(f"#id_{box}")
    with page.expect_navigation():
        page.click("#submit-request")
    assert ConnectionRequest.objects.get().disease.slug == chosen
