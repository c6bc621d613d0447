import pytest
from django.utils import timezone

from diseases.models import Annotation, DataRelease, Disease
from tests.factories import (
    AnnotationFactory,
    DiseaseFactory,
    PhenotypeFactory,
    PhenotypeSynonymFactory,
)

pytestmark = pytest.mark.django_db


Band = Annotation.Band


@pytest.fixture
def spleen():
    return PhenotypeFactory(
        hpo_id="HP:0001744", name="Splenomegaly", definition="Abnormal increased size of the spleen."
    )


@pytest.fixture
def hpo_release():
    return DataRelease.objects.create(
        source=DataRelease.Source.HPO,
        version="2025-01-16",
        file_name="hp.obo",
        checksum="0" * 64,
        loaded_at=timezone.now(),
    )


def page_html(client, phenotype, **params):
    response = client.get(phenotype.get_absolute_url(), params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("url", ["/symptoms/HP:00%0017/", "/symptoms/HP:abc/", "/symptoms/1744/"])
def test_a_malformed_symptom_id_is_a_friendly_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "could not find that page" in response.content.decode()


def test_a_lowercase_symptom_id_finds_the_term(client):
    phenotype = PhenotypeFactory()
    assert client.get(f"/symptoms/{phenotype.hpo_id.lower()}/").status_code == 200


def test_symptom_page_lists_published_diseases_with_the_term(client):
    phenotype = PhenotypeFactory(name="Splenomegaly", definition="The spleen is bigger than usual.")
    PhenotypeSynonymFactory(phenotype=phenotype, name="Increased spleen size")
    AnnotationFactory(phenotype=phenotype, disease__name="Shown syndrome")
    AnnotationFactory(
        phenotype=phenotype, disease__name="Draft syndrome", disease__status=Disease.Status.DRAFT
    )
    html = client.get(phenotype.get_absolute_url()).content.decode()
    assert "Increased spleen size" in html
    assert "Shown syndrome" in html and "Draft syndrome" not in html


def test_obsolete_symptom_redirects_to_its_replacement(client):
    replacement = PhenotypeFactory()
    obsolete = PhenotypeFactory(is_obsolete=True, replaced_by=replacement)
    response = client.get(obsolete.get_absolute_url())
    assert response.status_code == 301
    assert response["Location"] == replacement.get_absolute_url()


def test_unknown_symptom_is_a_friendly_404(client):
    response = client.get("/symptoms/HP:9999999/")
    assert response.status_code == 404
    assert "could not find that page" in response.content.decode()


def test_shows_the_terms_name_definition_and_lay_names(client, spleen):
    PhenotypeSynonymFactory(phenotype=spleen, name="Increased spleen size", is_lay=True)
    PhenotypeSynonymFactory(phenotype=spleen, name="Enlarged spleen (clinical)", is_lay=False)
    html = page_html(client, spleen)
    assert '<h1 id="term-name">Splenomegaly</h1>' in html
    assert "Abnormal increased size of the spleen." in html
    assert "Increased spleen size" in html
    assert "Enlarged spleen (clinical)" not in html


def test_links_to_parents_and_current_children(client, spleen):
    parent = PhenotypeFactory(name="Abnormal spleen morphology")
    child = PhenotypeFactory(name="Fluctuating splenomegaly")
    gone = PhenotypeFactory(name="Old child term", is_obsolete=True)
    spleen.parents.add(parent)
    child.parents.add(spleen)
    gone.parents.add(spleen)
    html = page_html(client, spleen)
    general = html[html.index("More general terms") : html.index("More specific terms")]
    assert f'href="{parent.get_absolute_url()}"' in general
    assert f'href="{child.get_absolute_url()}"' in html[html.index("More specific terms") :]
    assert "Old child term" not in html


def test_diseases_are_grouped_by_band_most_frequent_first(client, spleen):
    AnnotationFactory(phenotype=spleen, disease__name="Rare band disease", band=Band.RARE)
    AnnotationFactory(phenotype=spleen, disease__name="Top band disease", band=Band.VERY_FREQUENT)
    AnnotationFactory(phenotype=spleen, disease__name="Unknown band disease", band=Band.NOT_AVAILABLE)
    html = page_html(client, spleen)
    assert (
        html.index("How often: 80–99%")
        < html.index("Top band disease")
        < html.index("How often: 1–4%")
        < html.index("Rare band disease")
        < html.index("How often: Not available")
        < html.index("Unknown band disease")
    )


def test_hidden_excluded_and_unpublished_rows_are_not_listed(client, spleen):
    AnnotationFactory(phenotype=spleen, disease__name="Listed disease")
    AnnotationFactory(phenotype=spleen, disease__name="Hidden row disease", is_hidden=True)
    AnnotationFactory(phenotype=spleen, disease__name="Excluded row disease", is_excluded=True)
    AnnotationFactory(phenotype=spleen, disease__name="Draft disease", disease__status=Disease.Status.DRAFT)
    html = page_html(client, spleen)
    assert "Listed disease" in html
    assert "1 disease," in html
    for name in ("Hidden row disease", "Excluded row disease", "Draft disease"):
        assert name not in html


def test_diseases_are_paginated(client, spleen, settings):
    settings.DISEASES_PER_PAGE = 2
    for name in ["Alpha disease", "Beta disease", "Gamma disease"]:
        AnnotationFactory(phenotype=spleen, disease__name=name, band=Band.FREQUENT)
    first = page_html(client, spleen)
    second = page_html(client, spleen, page=2)
    assert "Alpha disease" in first and "Beta disease" in first and "Gamma disease" not in first
    assert "Gamma disease" in second and "Alpha disease" not in second
    assert "Page 1 of 2" in first and 'rel="next"' in first


def test_an_unknown_id_is_a_friendly_404(client):
    for address in ["/symptoms/HP:9999999/", "/symptoms/not-a-term/"]:
        response = client.get(address)
        assert response.status_code == 404
        assert "could not find that page" in response.content.decode()


def test_an_obsolete_id_redirects_to_its_replacement(client, spleen):
    obsolete = PhenotypeFactory(hpo_id="HP:0001745", is_obsolete=True, replaced_by=spleen)
    response = client.get(obsolete.get_absolute_url())
    assert response.status_code == 301
    assert response["Location"] == "/symptoms/HP:0001744/"


def test_an_obsolete_id_without_a_replacement_says_so(client):
    obsolete = PhenotypeFactory(is_obsolete=True, name="obsolete Big organ")
    assert "The HPO no longer uses this term." in page_html(client, obsolete)


def test_a_lower_case_id_finds_the_term(client, spleen):
    assert client.get("/symptoms/hp:0001744/").status_code == 200


def test_shows_the_hpo_release(client, spleen, hpo_release):
    assert "HPO release 2025-01-16" in page_html(client, spleen)


@pytest.mark.parametrize("disease_count", [3, 60])
def test_query_count_does_not_grow_with_diseases(
    client, django_assert_num_queries, no_page_cache, spleen, hpo_release, disease_count
):
    for band in [Band.VERY_FREQUENT, Band.FREQUENT, Band.RARE] * (disease_count // 3):
        AnnotationFactory(phenotype=spleen, band=band).disease.parents.add(DiseaseFactory())
    PhenotypeSynonymFactory(phenotype=spleen)
    spleen.parents.add(PhenotypeFactory())
    PhenotypeFactory().parents.add(spleen)
    # term, lay names, parents, children, disease count, one page of diseases, the groups whose types
    # list it (counted, then read), HPO release
    with django_assert_num_queries(9):
        html = page_html(client, spleen)
    assert html.count("(in 1 of its types)") == min(disease_count, 50)  # the 50 with most such types


def test_a_group_whose_types_list_the_symptom_is_named_apart_with_how_many_of_its_types(client, spleen):
    group = DiseaseFactory(name="Spleen group")
    for name in ("First type", "Second type"):
        type_ = DiseaseFactory(name=name)
        type_.parents.add(group)
        AnnotationFactory(disease=type_, phenotype=spleen)
    listing_itself = DiseaseFactory(name="Listing group")
    AnnotationFactory(disease=listing_itself, phenotype=spleen)
    next(iter(group.subtypes.all())).parents.add(listing_itself)
    html = page_html(client, spleen)
    groups = html[html.index("Groups whose types have it") :]
    assert (
        f'<a href="{group.get_absolute_url()}">Spleen group</a> <span class="muted">(in 2 of its types)</span>'
        in groups
    )
    assert "Listing group" not in groups  # it lists the symptom itself, above


def test_the_description_promises_a_meaning_and_everyday_names_only_where_the_term_has_them(client, spleen):
    assert (
        '<meta name="description" content="Splenomegaly: what it means, and the rare diseases'
        in page_html(client, spleen)
    )
    bare = PhenotypeFactory(name="Bare finding", definition="")
    assert '<meta name="description" content="Bare finding: the rare diseases whose records list it.">' in (
        page_html(client, bare)
    )
