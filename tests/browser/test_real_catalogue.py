"""The printable sheet and the comparison on the real catalogue, in real Chromium.

These read the real HPO, GARD and Mondo data (the ``real_data`` fixture, imported once per session
and kept). A live server of their own serves them without the transactional flush pytest-django's
``live_server`` does after each test, which would throw the imported catalogue away for the
real-data tests after them.
"""

import io

import pytest
from django.db.models import Count, Q
from pypdf import PdfReader
from pytest_django.live_server_helper import LiveServer

from diseases.models import Disease
from tests.browser.conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="session")
def _real_catalogue_server(_real_data_session):
    # For the whole session, as pytest-django's own live server: stopped straight after a test, a
    # request thread still finishing Chromium's last keep-alive connection would find the shared
    # SQLite connection already handed back.
    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture
def real_server(real_data, _real_catalogue_server):
    return _real_catalogue_server


def largest_symptom_table():
    visible = Q(annotations__is_hidden=False, annotations__is_excluded=False)
    return (
        Disease.objects.published()
        .annotate(symptoms=Count("annotations", filter=visible))
        .order_by("-symptoms", "pk")
        .first()
    )


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_sheet_of_the_largest_symptom_table_prints_on_at_most_two_pages(real_server, page, axe, paper):
    disease = largest_symptom_table()
    assert disease.symptoms >= 200, "the catalogue's largest table should be a long one"
    page.goto(f"{real_server.url}/diseases/{disease.slug}/sheet/")
    assert page.locator("h1").inner_text() == disease.name
    assert page.locator(".sheet-qr svg path").count() == 1
    pages = len(PdfReader(io.BytesIO(page.pdf(format=paper))).pages)
    assert 1 <= pages <= 2, f"{disease.name} ({disease.symptoms} symptoms) prints on {pages} {paper} pages"
    # The full page of the same disease prints on many more: the sheet is what makes it fit.
    page.goto(f"{real_server.url}{disease.get_absolute_url()}")
    assert len(PdfReader(io.BytesIO(page.pdf(format=paper))).pages) > pages
    if paper == "A4":
        page.goto(f"{real_server.url}/diseases/{disease.slug}/sheet/")
        assert_no_axe_violations(axe, page)


def test_comparing_two_real_diseases_shows_shared_and_distinct_symptoms(real_server, page, axe):
    page.goto(f"{real_server.url}/compare/?d=autoimmune-lymphoproliferative-syndrome&d=cystic-fibrosis")
    assert page.locator("h1").inner_text() == "Compare diseases"
    shared = page.locator("#all tbody th")
    assert "Increased spleen size (Splenomegaly)" in shared.all_inner_texts()
    assert "as Hepatosplenomegaly" in page.locator("#all tbody tr", has_text="Splenomegaly").inner_text()
    only_alps = page.locator("details", has_text="Only in Autoimmune lymphoproliferative syndrome")
    only_cf = page.locator("details", has_text="Only in Cystic fibrosis")
    assert only_alps.locator("tbody tr").count() > 10 and only_cf.locator("tbody tr").count() > 10
    facts = page.locator("#facts tbody").inner_text()
    assert "CFTR" in facts and "Autosomal recessive inheritance" in facts
    assert_no_axe_violations(axe, page)
