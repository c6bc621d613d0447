import pytest
from django.core.management import call_command

from diseases.models import Annotation, Disease
from tests.browser.conftest import assert_no_axe_violations
from tests.factories import AnnotationFactory, PhenotypeSynonymFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def alps(transactional_db):
    call_command("load_demo")
    disease = Disease.objects.get(slug="autoimmune-lymphoproliferative-syndrome")
    if not disease.annotations.exists():
        # Until the real data is imported, give the page a long band that starts collapsed.
        for index in range(15):
            annotation = AnnotationFactory(
                disease=disease, band=Annotation.Band.OCCASIONAL, phenotype__name=f"Finding {index:02d}"
            )
            PhenotypeSynonymFactory(phenotype=annotation.phenotype)
        AnnotationFactory(disease=disease, band=Annotation.Band.VERY_FREQUENT, phenotype__name="Splenomegaly")
    return disease


def test_alps_page_expands_a_band_and_has_no_axe_violations(live_server, page, axe, alps):
    page.goto(live_server.url + alps.get_absolute_url())
    assert page.locator("h1").inner_text() == "Autoimmune lymphoproliferative syndrome"

    # Locators are lazy: pin the collapsed band by its id before opening it.
    band_id = page.locator("details.band:not([open])").first.get_attribute("id")
    band = page.locator(f"#{band_id}")
    row = band.locator("tbody tr").first
    assert not row.is_visible()
    band.locator("summary").click()
    assert band.evaluate("element => element.open")
    assert row.is_visible()

    assert_no_axe_violations(axe, page)
