"""Search, autocomplete, categories and symptom matching in real Chromium."""

import pytest

from diseases import matching, search
from tests.browser.conftest import assert_no_axe_violations, open_suggestions
from tests.factories import (
    CategoryFactory,
    DiseaseFactory,
    DiseaseSynonymFactory,
    PhenotypeSynonymFactory,
    matching_catalogue,
    phenotype_tree,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def catalogue(transactional_db):
    tree = phenotype_tree()
    PhenotypeSynonymFactory(phenotype=tree.bruise, name="Bruise easily")
    PhenotypeSynonymFactory(phenotype=tree.nosebleed, name="Nosebleed")
    diseases = matching_catalogue(tree)
    blood = CategoryFactory(name="Hematology", slug="hematology")
    diseases.bleeding.categories.add(blood)
    diseases.spleen.categories.add(blood)
    alps = DiseaseFactory(name="Autoimmune lymphoproliferative syndrome", slug="alps")
    DiseaseSynonymFactory(disease=alps, name="Canale-Smith syndrome")
    DiseaseSynonymFactory(disease=alps, name="ALPS")
    alps.categories.add(blood)
    search.rebuild_search_index()
    matching.build_similarity_index()
    return alps


def test_typing_and_picking_a_suggestion_with_the_keyboard_opens_the_page(live_server, page, catalogue):
    page.goto(live_server.url + "/")
    listbox = open_suggestions(page, "#home-search", "canale sm")
    combobox = page.locator("#home-search")
    assert combobox.get_attribute("role") == "combobox"
    assert combobox.get_attribute("aria-expanded") == "true"
    assert (
        listbox.locator("[role=option]")
        .first.inner_text()
        .startswith("Autoimmune lymphoproliferative syndrome")
    )

    page.keyboard.press("ArrowDown")
    active = combobox.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == live_server.url + catalogue.get_absolute_url()
    assert page.locator("h1").inner_text() == "Autoimmune lymphoproliferative syndrome"


def test_escape_closes_the_suggestions_and_enter_then_searches(live_server, page, catalogue):
    page.goto(live_server.url + "/about/")
    open_suggestions(page, "#site-search", "alps")
    page.keyboard.press("Escape")
    assert page.locator("#site-search").get_attribute("aria-expanded") == "false"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/search/?q=alps" in page.url
    assert "matched other name: ALPS" in page.content()


def test_the_search_page_has_no_axe_violations_with_the_list_open(live_server, page, axe, catalogue):
    page.goto(live_server.url + "/search/?q=bruising")
    assert page.locator("#diseases-title").is_visible() and page.locator("#symptoms-title").is_visible()
    assert_no_axe_violations(axe, page)
    page.fill("#search-q", "")
    open_suggestions(page, "#search-q", "bruis")
    page.keyboard.press("ArrowDown")
    assert_no_axe_violations(axe, page)


def test_the_empty_and_no_hit_search_pages_have_no_axe_violations(live_server, page, axe, catalogue):
    page.goto(live_server.url + "/search/")
    assert_no_axe_violations(axe, page)
    page.goto(live_server.url + "/search/?q=zzqqxx")
    assert_no_axe_violations(axe, page)


def test_category_pages_have_no_axe_violations(live_server, page, axe, catalogue):
    page.goto(live_server.url + "/categories/")
    assert_no_axe_violations(axe, page)
    with page.expect_navigation():
        page.get_by_role("link", name="Hematology").click()
    assert page.locator("h1").inner_text() == "Hematology"
    assert_no_axe_violations(axe, page)


def test_symptoms_are_added_with_the_combobox_and_results_have_no_axe_violations(
    live_server, page, axe, catalogue
):
    page.goto(live_server.url + "/match/")
    assert_no_axe_violations(axe, page)
    open_suggestions(page, "#match-add", "bruise eas")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation(url="**/match/?hpo=HP%3A0000978"):
        page.keyboard.press("Enter")
    open_suggestions(page, "#match-add", "nosebl")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation(url="**/match/?hpo=HP%3A0000978&hpo=HP%3A0000421"):
        page.keyboard.press("Enter")
    first = page.locator(".match-results > li").first
    assert first.locator("h3").inner_text() == "Bleeding disorder"
    assert "This is not a diagnosis." in page.content()
    assert_no_axe_violations(axe, page)


def test_symptoms_can_be_added_without_javascript(live_server, browser, catalogue):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/match/")
        page.fill("#match-add", "bruise easily")
        with page.expect_navigation():
            page.get_by_role("button", name="Add").click()
        assert page.url.endswith("/match/?hpo=HP%3A0000978")
        assert page.locator(".chosen-symptoms").inner_text().startswith("Bruising susceptibility")
    finally:
        context.close()
