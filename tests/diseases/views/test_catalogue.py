import re

import pytest
from django.urls import reverse

from diseases.models import Annotation, Disease
from tests.factories import (
    AnnotationFactory,
    CategoryFactory,
    DiseaseDefinitionFactory,
    DiseaseFactory,
    PhenotypeSynonymFactory,
    ReferenceFactory,
    ResourceFactory,
    disease_with_everything,
    disease_with_symptoms,
)

pytestmark = pytest.mark.django_db


DRAFT, REVIEW, PUBLISHED = Disease.Status.DRAFT, Disease.Status.REVIEW, Disease.Status.PUBLISHED


CATEGORIES = reverse("diseases:categories")


def category_url(category):
    return reverse("diseases:category", kwargs={"slug": category.slug})


@pytest.fixture
def hematology():
    category = CategoryFactory(name="Hematology", slug="hematology")
    for name in ["Beta thalassemia", "Aplastic anemia"]:
        DiseaseFactory(name=name).categories.add(category)
    DiseaseFactory(name="Draft anemia", status=Disease.Status.DRAFT).categories.add(category)
    return category


def test_unpublished_pages_are_absent_from_index_and_sitemap(client):
    DiseaseFactory(name="Shown syndrome", slug="shown-syndrome")
    DiseaseFactory(name="Secret syndrome", slug="secret-syndrome", status=REVIEW)
    sitemap = client.get("/sitemap-diseases.xml").content.decode()
    assert "/diseases/shown-syndrome/" in sitemap and "secret-syndrome" not in sitemap
    index = client.get(reverse("diseases:index"), {"letter": "S"}).content.decode()
    assert "Shown syndrome" in index and "Secret syndrome" not in index


def test_disease_page_shows_names_symptoms_and_sections_in_order(client):
    disease = disease_with_symptoms(
        5, name="Canale example syndrome", cause="Caused by a change in a gene.[1]"
    )
    response = client.get(disease.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    positions = [
        html.index(marker)
        for marker in [
            'id="disease-name"',
            'id="summary"',
            'id="symptoms"',
            'id="cause"',
            'id="resources"',
            'id="connect"',
            'id="references"',
        ]
    ]
    assert positions == sorted(positions)
    assert "5 symptoms" in html
    assert "not medical advice" in html
    assert f"/support/connect/?disease={disease.slug}" in html


@pytest.mark.parametrize("status", [Disease.Status.DRAFT, Disease.Status.REVIEW])
def test_unpublished_disease_is_404_for_readers(client, status):
    disease = DiseaseFactory(status=status)
    response = client.get(disease.get_absolute_url())
    assert response.status_code == 404
    assert "could not find that page" in response.content.decode()


def test_symptom_rows_are_grouped_by_band_most_frequent_first(client):
    disease = DiseaseFactory()
    rare = AnnotationFactory(disease=disease, band=Annotation.Band.RARE, phenotype__name="Zebra sign")
    frequent = AnnotationFactory(
        disease=disease, band=Annotation.Band.VERY_FREQUENT, phenotype__name="Yellow sign"
    )
    unknown = AnnotationFactory(
        disease=disease, band=Annotation.Band.NOT_AVAILABLE, phenotype__name="Aardvark sign"
    )
    PhenotypeSynonymFactory(phenotype=frequent.phenotype, name="big spleen")
    html = client.get(disease.get_absolute_url()).content.decode()
    assert (
        html.index(frequent.phenotype.name)
        < html.index(rare.phenotype.name)
        < html.index(unknown.phenotype.name)
    )
    assert "80–99% of people have these symptoms" in html
    assert "big spleen" in html
    assert f'href="/symptoms/{frequent.phenotype.hpo_id}/"' in html


def test_hidden_annotations_are_not_shown_and_excluded_ones_are_kept_apart(client):
    disease = DiseaseFactory()
    AnnotationFactory(disease=disease, phenotype__name="Hidden sign", is_hidden=True)
    AnnotationFactory(disease=disease, phenotype__name="Absent sign", is_excluded=True)
    AnnotationFactory(disease=disease, phenotype__name="Present sign")
    html = client.get(disease.get_absolute_url()).content.decode()
    assert "Hidden sign" not in html
    assert "1 symptom</strong>" in html
    assert html.index("Not a feature of this disease") < html.index("Absent sign")


def test_long_bands_start_collapsed_and_short_ones_open(client):
    disease = DiseaseFactory()
    for _ in range(20):
        AnnotationFactory(disease=disease, band=Annotation.Band.OCCASIONAL)
    AnnotationFactory(disease=disease, band=Annotation.Band.VERY_FREQUENT)
    html = client.get(disease.get_absolute_url()).content.decode()
    assert '<details class="band" id="band-1" open>' in html
    assert '<details class="band" id="band-3">' in html


def test_citations_link_to_references_and_back(client):
    disease = DiseaseFactory(summary="Known fact.[1]", treatment="Treated with care.[1]")
    ReferenceFactory(disease=disease, number=1, title="The source")
    html = client.get(disease.get_absolute_url()).content.decode()
    assert 'href="#ref-1" id="summary-cite-1"' in html
    assert 'id="ref-1"' in html
    assert 'href="#summary-cite-1"' in html
    assert 'href="#treatment-cite-1"' in html


def test_learn_more_links_come_from_identifiers_and_name(client):
    disease = disease_with_symptoms(1, name="Example syndrome")
    identifier = disease.identifiers.get()
    html = client.get(disease.get_absolute_url()).content.decode()
    assert f"https://www.orpha.net/en/disease/detail/{identifier.code}" in html
    for host in [
        "omim.org",
        "monarchinitiative.org",
        "medlineplus.gov",
        "clinicaltrials.gov",
        "pubmed.ncbi.nlm.nih.gov",
        "www.ncbi.nlm.nih.gov/gtr",
    ]:
        assert host in html


def test_the_medlineplus_link_is_named_for_the_whole_site_it_searches(client):
    html = client.get(DiseaseFactory(name="Example syndrome").get_absolute_url()).content.decode()
    assert (
        '<a href="https://medlineplus.gov/search/?query=Example+syndrome" rel="noopener">MedlinePlus</a>'
        in html
    )
    assert "MedlinePlus Genetics" not in html


def test_editor_learn_more_link_replaces_the_generated_one(client):
    disease = DiseaseFactory()
    ResourceFactory(
        disease=disease,
        section="learn_more",
        title="Our PubMed search",
        url="https://pubmed.ncbi.nlm.nih.gov/?term=special",
    )
    html = client.get(disease.get_absolute_url()).content.decode()
    assert html.count("pubmed.ncbi.nlm.nih.gov") == 1


@pytest.mark.parametrize("count", [3, 300])
def test_disease_page_query_count_does_not_grow_with_symptoms_genes_or_types(
    client, django_assert_num_queries, no_page_cache, glossary, count
):
    disease = disease_with_everything(count)
    # The page, 14 prefetches (two levels of types among them), the loaded data releases, the glossary's
    # entries, and what its types record: their symptom rows, genes and inheritance, and the terms shown.
    with django_assert_num_queries(22):
        response = client.get(disease.get_absolute_url())
    assert response.status_code == 200
    page = response.context["page"]
    assert page.from_types.symptom_total == count and len(page.from_types.genes) == count
    assert page.symptom_count == count and len(page.genes) == count and len(page.subtypes) == count
    assert len(page.inheritance) == len(page.onset) == len(page.parents) == count
    assert len(page.subtypes[0].subtypes.all()) == 2


def test_the_first_use_of_a_glossary_word_on_the_page_opens_its_explanation(client, glossary):
    disease = DiseaseFactory(name="Example anemia")
    DiseaseDefinitionFactory(disease=disease, text="A hereditary anemia with splenomegaly <and> more anemia.")
    AnnotationFactory(disease=disease, phenotype__name="Splenomegaly", band=Annotation.Band.VERY_FREQUENT)
    AnnotationFactory(disease=disease, phenotype__name="Hepatosplenomegaly", band=Annotation.Band.FREQUENT)

    html = client.get(disease.get_absolute_url()).content.decode()

    definition = html[html.index('<figure class="definition">') : html.index("</figure>")]
    table = html[html.index('id="symptoms"') :]
    # In page order: the definition's words first, then the symptom names not already explained.
    assert re.findall(r'popovertarget="glossary-([^"]+)">', definition) == [
        "hereditary",
        "anemia",
        "splenomegaly",
    ]
    assert "with splenomegaly" not in definition and "&lt;and&gt; more anemia." in definition
    assert re.findall(r'class="glossary-word" popovertarget="glossary-([^"]+)">', table) == [
        "hepatosplenomegaly"
    ]
    assert '<th scope="row">Splenomegaly</th>' in table
    assert 'id="glossary-anemia" popover>' in definition and glossary["anemia"].explanation in definition
    assert '<a href="/glossary/#anemia">More in the glossary</a>' in definition


def test_a_staff_preview_explains_glossary_words_too(client, editor, glossary):
    disease = DiseaseFactory(status=Disease.Status.DRAFT)
    DiseaseDefinitionFactory(disease=disease, text="A rare anemia.")
    client.force_login(editor)

    html = client.get(disease.get_absolute_url()).content.decode()

    assert 'popovertarget="glossary-anemia">anemia</button>' in html


def test_gard_id_redirects_to_the_disease_page(client):
    disease = DiseaseFactory(gard_id=8686)
    response = client.get(reverse("diseases:gard", kwargs={"gard_id": 8686}))
    assert response.status_code == 301
    assert response["Location"] == disease.get_absolute_url()


def test_unknown_gard_id_is_404(client):
    assert client.get(reverse("diseases:gard", kwargs={"gard_id": 1})).status_code == 404


def test_index_filters_by_letter_and_counts_each_letter(client):
    DiseaseFactory(name="Alport syndrome")
    DiseaseFactory(name="Angelman syndrome")
    DiseaseFactory(name="Batten disease")
    DiseaseFactory(name="Aicardi draft", status=Disease.Status.DRAFT)
    response = client.get(reverse("diseases:index"), {"letter": "a"})
    html = response.content.decode()
    assert "Alport syndrome" in html and "Angelman syndrome" in html
    assert "Batten disease" not in html and "Aicardi draft" not in html
    counts = dict(response.context["letters"])
    assert counts["A"] == 2 and counts["B"] == 1 and counts["C"] == 0
    assert '?letter=C"' not in html


def test_an_old_index_search_link_goes_to_the_search_page(client):
    response = client.get(reverse("diseases:index"), {"q": "batten disease"})
    assert response.status_code == 302
    assert response["Location"] == "/search/?q=batten+disease"


def test_index_survives_a_nonsense_page_number(client):
    DiseaseFactory()
    assert client.get(reverse("diseases:index"), {"page": "banana"}).status_code == 200


def test_category_tags_link_to_their_category_pages(client):
    disease = disease_with_symptoms(1)
    category = disease.categories.get()
    html = client.get(disease.get_absolute_url()).content.decode()
    assert f'href="/categories/{category.slug}/"' in html


def test_a_lay_name_equal_to_the_term_name_is_not_repeated(client):
    disease = DiseaseFactory()
    annotation = AnnotationFactory(disease=disease, phenotype__name="Autoimmunity")
    PhenotypeSynonymFactory(phenotype=annotation.phenotype, name="autoimmunity")
    PhenotypeSynonymFactory(phenotype=annotation.phenotype, name="Autoimmune disease")
    html = client.get(disease.get_absolute_url()).content.decode()
    row = html[html.index('<th scope="row">Autoimmunity</th>') :].split("</tr>")[0]
    assert "Autoimmune disease" in row and "autoimmunity" not in row


def test_an_editor_resource_anywhere_replaces_the_generated_link_to_that_site(client):
    disease = DiseaseFactory()
    ResourceFactory(
        disease=disease,
        section="research",
        title="Trials for this disease",
        url="https://clinicaltrials.gov/x",
    )
    ResourceFactory(
        disease=disease,
        section="learn_more",
        title="GeneReviews",
        url="https://www.ncbi.nlm.nih.gov/books/NBK1",
    )
    html = client.get(disease.get_absolute_url()).content.decode()
    assert html.count("clinicaltrials.gov") == 1
    assert "www.ncbi.nlm.nih.gov/gtr/" in html  # same host as GeneReviews, but another site


def test_the_letter_counts_are_kept_until_the_content_changes(client, no_page_cache):
    kept = DiseaseFactory(name="Alport syndrome")
    DiseaseFactory(name="Angelman syndrome")
    assert client.get(reverse("diseases:index")).context["letters"]["A"] == 2
    # A change no signal reports: only a kept count explains the index still saying 2.
    Disease.objects.filter(pk=kept.pk).update(status=Disease.Status.DRAFT)
    assert client.get(reverse("home")).context["letters"]["A"] == 2
    kept.refresh_from_db()
    kept.save()  # any real save moves the content generation
    assert client.get(reverse("diseases:index")).context["letters"]["A"] == 1


def test_categories_are_listed_with_their_published_disease_counts(client, hematology):
    CategoryFactory(name="Cancer", slug="cancer").diseases.add(DiseaseFactory(name="Rare tumour"))
    response = client.get(CATEGORIES)
    counts = {category.name: category.disease_count for category in response.context["categories"]}
    assert counts == {"Cancer": 1, "Hematology": 2}
    html = response.content.decode()
    assert f'href="{category_url(hematology)}">Hematology</a>' in html
    assert "2 diseases" in html


def test_a_category_without_published_diseases_is_not_a_link(client):
    empty = CategoryFactory(name="Leukodystrophy", slug="leukodystrophy")
    DiseaseFactory(status=Disease.Status.REVIEW).categories.add(empty)
    html = client.get(CATEGORIES).content.decode()
    assert "<span>Leukodystrophy</span>" in html
    assert category_url(empty) not in html


def test_a_category_page_lists_its_published_diseases_a_to_z(client, hematology):
    html = client.get(category_url(hematology)).content.decode()
    assert html.index("Aplastic anemia") < html.index("Beta thalassemia")
    assert "Draft anemia" not in html
    assert "2 diseases in this category" in html


def test_a_category_page_is_paginated(client, settings, hematology):
    settings.DISEASES_PER_PAGE = 1
    second = client.get(category_url(hematology), {"page": 2})
    assert [disease.name for disease in second.context["page"].object_list] == ["Beta thalassemia"]
    assert client.get(category_url(hematology), {"page": "nonsense"}).status_code == 200


def test_an_unknown_category_is_a_friendly_404(client):
    response = client.get(reverse("diseases:category", kwargs={"slug": "no-such-thing"}))
    assert response.status_code == 404
    assert "could not find that page" in response.content.decode()


def test_category_list_query_count_is_constant(client, django_assert_num_queries, no_page_cache):
    for index in range(16):
        category = CategoryFactory(name=f"Area {index}")
        for _ in range(index % 3):
            DiseaseFactory().categories.add(category)
    with django_assert_num_queries(1):
        client.get(CATEGORIES)


@pytest.mark.parametrize("size", [2, 40])
def test_category_page_query_count_does_not_grow_with_diseases(
    client, django_assert_num_queries, no_page_cache, size
):
    category = CategoryFactory(name="Neurology", slug="neurology")
    for _ in range(size):
        DiseaseFactory().categories.add(category)
    # The category, the count for the pages, and the page of diseases.
    with django_assert_num_queries(3):
        client.get(category_url(category))


def test_the_categories_page_says_only_diseases_gard_filed_are_listed(client):
    html = client.get(CATEGORIES).content.decode()
    assert "Only diseases that GARD has filed are listed here." in html
    assert "Each disease is filed under one or more areas of medicine" not in html
    assert (
        '<meta name="description" content="Rare diseases filed by area of medicine, as GARD files them'
        in html
    )


def test_a_category_page_describes_itself(client):
    category = CategoryFactory(name="Neurology", slug="neurology")
    html = client.get(category_url(category)).content.decode()
    assert '<meta name="description" content="The rare diseases GARD files under Neurology, A–Z.">' in html
