"""Browsing A–Z, the comparison form and the structured data, in real Chromium."""

import pytest

from diseases import matching, search
from tests.browser.conftest import assert_no_axe_violations, open_suggestions
from tests.factories import DiseaseFactory, DiseaseSynonymFactory, matching_catalogue, phenotype_tree

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def long_letter(transactional_db):
    """Seventy names under A before ALPS: past the old first page of fifty."""
    for index in range(70):
        DiseaseFactory(name=f"Aa example disease {index:02d}")
    alps = DiseaseFactory(name="Autoimmune lymphoproliferative syndrome", slug="alps")
    DiseaseFactory(name="Batten disease")
    return alps


def test_any_disease_is_two_clicks_from_home_without_javascript(live_server, browser, long_letter):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        with page.expect_navigation():
            page.locator(".letters a", has_text="A").first.click()  # first click: the letter
        assert page.locator("h1").inner_text() == "Diseases A–Z: A"
        with page.expect_navigation():
            page.get_by_role(
                "link", name="Autoimmune lymphoproliferative syndrome"
            ).click()  # second: the name
        assert page.url == live_server.url + long_letter.get_absolute_url()
        assert page.locator("h1").inner_text() == "Autoimmune lymphoproliferative syndrome"
    finally:
        context.close()


def test_the_letter_page_jumps_to_a_group_and_has_no_axe_violations(live_server, page, axe, long_letter):
    page.goto(live_server.url + "/diseases/?letter=A")
    page.get_by_role("link", name="Au", exact=True).click()
    assert page.url.endswith("#names-au")
    assert page.locator("#names-au").is_visible()
    assert_no_axe_violations(axe, page)


@pytest.fixture
def catalogue(transactional_db):
    tree = phenotype_tree()
    diseases = matching_catalogue(tree)
    DiseaseSynonymFactory(disease=diseases.focal, name="Focal seizure disorder")
    search.rebuild_search_index()
    matching.build_similarity_index()
    return diseases


def test_a_disease_is_added_to_a_comparison_with_the_combobox(live_server, page, axe, catalogue):
    page.goto(live_server.url + catalogue.seizures.get_absolute_url())
    assert page.locator('script[type="application/ld+json"]').count() == 1  # and no CSP report (see page)
    open_suggestions(page, "#compare-add", "focal epilepsy tw")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation(url=f"**/compare/?d={catalogue.seizures.slug}&d={catalogue.focal_twin.slug}"):
        page.keyboard.press("Enter")
    seizure_row = page.locator("#all tbody tr").first
    assert seizure_row.locator("th").inner_text() == "Seizure"
    assert "as Focal-onset seizure" in seizure_row.inner_text()
    assert_no_axe_violations(axe, page)


def test_the_compare_page_adds_by_name_without_javascript(live_server, browser, catalogue):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + f"/compare/?d={catalogue.bleeding.slug}")
        page.fill("#compare-name", "spleen disease")
        with page.expect_navigation():
            page.get_by_role("button", name="Add").click()
        assert page.url.endswith(f"/compare/?d={catalogue.bleeding.slug}&d={catalogue.spleen.slug}")
        assert page.locator("#all").is_visible()
    finally:
        context.close()


def test_a_printed_disease_page_drops_navigation_and_forms(live_server, page, catalogue):
    page.goto(live_server.url + catalogue.bleeding.get_absolute_url())
    hidden_in_print = [".site-header", ".toc", ".page-actions", "form.compare-add", "#connect", ".downloads"]
    assert all(page.locator(selector).first.is_visible() for selector in hidden_in_print)
    page.emulate_media(media="print")
    assert not any(page.locator(selector).first.is_visible() for selector in hidden_in_print)
    assert page.locator("h1").is_visible() and page.locator("#symptoms").is_visible()


def test_the_home_and_about_pages_and_a_page_with_little_on_it_have_no_axe_violations(
    live_server, page, axe, long_letter
):
    from diseases.models import Disease

    DiseaseFactory(diagnosis="A blood test finds it.")
    barely = DiseaseFactory(name="Barely known syndrome", summary="")
    assert Disease.objects.published().count() > 70
    for address in ["/", "/about/", "/about/data/", barely.get_absolute_url()]:
        page.goto(live_server.url + address)
        assert_no_axe_violations(axe, page)
