"""A glossary word opens its explanation without JavaScript: by keyboard, and by a tap on a phone."""

import pytest
from playwright.sync_api import expect

from diseases.models import Annotation
from tests.browser.conftest import assert_no_axe_violations
from tests.factories import AnnotationFactory, DiseaseDefinitionFactory, DiseaseFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {
    "viewport": {"width": 360, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}


@pytest.fixture
def anemia_page(transactional_db, glossary):
    disease = DiseaseFactory(name="Example hereditary anemia", slug="example-anemia")
    DiseaseDefinitionFactory(disease=disease, text="A hereditary anemia with splenomegaly and gallstones.")
    AnnotationFactory(
        disease=disease, phenotype__name="Hepatosplenomegaly", band=Annotation.Band.VERY_FREQUENT
    )
    return disease


def is_open(locator):
    return locator.evaluate("element => element.matches(':popover-open')")


def test_an_explanation_opens_and_closes_by_keyboard_without_javascript(live_server, browser, anemia_page):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + anemia_page.get_absolute_url())
        word = page.locator('button.glossary-word[popovertarget="glossary-anemia"]')
        tip = page.locator("#glossary-anemia")
        expect(tip).to_be_hidden()

        word.focus()
        page.keyboard.press("Enter")
        expect(tip).to_be_visible()
        assert "Too few healthy red blood cells" in tip.inner_text()
        # The explanation comes next in the tab order: its link to the glossary, then Close.
        page.keyboard.press("Tab")
        expect(tip.get_by_role("link", name="More in the glossary")).to_be_focused()
        page.keyboard.press("Escape")
        expect(tip).to_be_hidden()
        expect(word).to_be_focused()

        page.keyboard.press("Space")
        expect(tip).to_be_visible()
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        expect(tip.get_by_role("button", name="Close")).to_be_focused()
        page.keyboard.press("Enter")
        expect(tip).to_be_hidden()
    finally:
        context.close()


def test_an_explanation_opens_by_a_tap_on_a_phone_and_fits_its_screen(live_server, browser, anemia_page):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    try:
        page.goto(live_server.url + anemia_page.get_absolute_url())
        tip = page.locator("#glossary-hepatosplenomegaly")

        page.locator('button.glossary-word[popovertarget="glossary-hepatosplenomegaly"]').tap()
        expect(tip).to_be_visible()
        box = tip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["viewport"]["width"]
        assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["viewport"]["height"]
        tip.get_by_role("button", name="Close").tap()
        expect(tip).to_be_hidden()

        # A tap beside an open explanation closes it.
        page.locator('button.glossary-word[popovertarget="glossary-anemia"]').tap()
        assert is_open(page.locator("#glossary-anemia"))
        page.touchscreen.tap(5, 5)
        expect(page.locator("#glossary-anemia")).to_be_hidden()
    finally:
        context.close()


def test_the_following_link_opens_the_entry_on_the_glossary_page(live_server, page, anemia_page):
    page.goto(live_server.url + anemia_page.get_absolute_url())
    page.locator('button.glossary-word[popovertarget="glossary-anemia"]').click()

    page.locator("#glossary-anemia").get_by_role("link", name="More in the glossary").click()

    page.wait_for_url("**/glossary/#anemia")
    expect(page.locator("dt#anemia")).to_be_in_viewport()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_page_with_an_explanation_open_has_no_axe_violations(
    live_server, browser, axe, anemia_page, device
):
    context = browser.new_context(**(PHONE if device == "phone" else {}))
    page = context.new_page()
    try:
        page.goto(live_server.url + anemia_page.get_absolute_url())
        assert_no_axe_violations(axe, page)
        page.locator('button.glossary-word[popovertarget="glossary-anemia"]').click()
        expect(page.locator("#glossary-anemia")).to_be_visible()
        assert_no_axe_violations(axe, page)
    finally:
        context.close()


def test_the_glossary_page_has_no_axe_violations(live_server, page, axe, glossary):
    page.goto(live_server.url + "/glossary/")
    page.get_by_role("link", name="T", exact=True).click()
    expect(page.locator("#letter-t")).to_be_in_viewport()
    assert_no_axe_violations(axe, page)
