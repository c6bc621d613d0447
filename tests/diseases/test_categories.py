"""Browsing by category: /categories/ and /categories/<slug>/."""

import pytest
from django.urls import reverse

from diseases.models import Disease
from tests.factories import CategoryFactory, DiseaseFactory

pytestmark = pytest.mark.django_db

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
