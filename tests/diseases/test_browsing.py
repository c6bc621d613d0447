"""The A–Z index: a letter's page lists every disease under it, grouped by their first two letters."""

import pytest
from django.urls import reverse

from diseases.browsing import letter_groups
from diseases.models import Disease
from tests.factories import DiseaseFactory

pytestmark = pytest.mark.django_db


def letter_page(client, letter):
    return client.get(reverse("diseases:index"), {"letter": letter})


def test_a_letter_lists_all_its_diseases_on_one_page_past_the_old_page_size(client):
    for index in range(120):
        DiseaseFactory(name=f"Aa example {index:03d}")
    alps = DiseaseFactory(name="Autoimmune lymphoproliferative syndrome", slug="alps")
    response = letter_page(client, "A")
    html = response.content.decode()
    assert response.context["count"] == 121
    assert f'href="{alps.get_absolute_url()}"' in html
    assert html.count("Aa example ") == 120
    assert "Page 1 of" not in html and 'rel="next"' not in html


def test_a_letter_is_grouped_by_first_two_letters_with_jump_links(client):
    for name in ["Alport syndrome", "Angelman syndrome", "Aarskog syndrome", "A-T", "Ataxia telangiectasia"]:
        DiseaseFactory(name=name)
    response = letter_page(client, "a")
    groups = response.context["groups"]
    assert [group.label for group in groups] == ["Aa", "Al", "An", "At"]
    assert [disease.name for disease in groups[-1].diseases] == ["A-T", "Ataxia telangiectasia"]
    html = response.content.decode()
    for group in groups:
        assert f'href="#{group.anchor}"' in html and f'id="{group.anchor}"' in html


def test_accented_names_file_under_their_plain_letter_and_digits_under_0_9(client):
    DiseaseFactory(name="Émery-Dreifuss muscular dystrophy")
    DiseaseFactory(name="emanuel syndrome")
    DiseaseFactory(name="Åland Island eye disease")
    DiseaseFactory(name="3-M syndrome")
    DiseaseFactory(name="22q11.2 deletion syndrome")
    response = letter_page(client, "E")
    assert [(group.label, [d.name for d in group.diseases]) for group in response.context["groups"]] == [
        ("Em", ["emanuel syndrome", "Émery-Dreifuss muscular dystrophy"])
    ]
    counts = response.context["letters"]
    assert counts["E"] == 2 and counts["A"] == 1 and counts[Disease.OTHER_LETTER] == 2
    assert [d.name for d in letter_page(client, "A").context["groups"][0].diseases] == [
        "Åland Island eye disease"
    ]
    other = letter_page(client, Disease.OTHER_LETTER).context["groups"]
    assert [(group.label, len(group.diseases)) for group in other] == [("22", 1), ("3m", 1)]


def test_unpublished_diseases_are_not_listed_or_counted(client):
    DiseaseFactory(name="Batten disease")
    DiseaseFactory(name="Barth draft", status=Disease.Status.DRAFT)
    response = letter_page(client, "B")
    assert response.context["count"] == 1
    assert "Barth draft" not in response.content.decode()
    assert response.context["letters"]["B"] == 1


def test_the_index_without_a_letter_offers_the_letters_with_their_counts(client):
    DiseaseFactory(name="Alport syndrome")
    response = client.get(reverse("diseases:index"))
    html = response.content.decode()
    assert response.context["groups"] == [] and response.context["letters"]["A"] == 1
    assert '?letter=A"' in html and "Choose a letter" in html


def test_the_home_page_letter_tiles_keep_their_counts(client):
    for name in ["Alport syndrome", "Angelman syndrome", "Batten disease"]:
        DiseaseFactory(name=name)
    response = client.get(reverse("home"))
    letters = response.context["letters"]
    assert letters["A"] == 2 and letters["B"] == 1 and letters["C"] == 0
    assert '<span class="count">2<span class="visually-hidden"> diseases</span>' in response.content.decode()


@pytest.mark.parametrize("count", [3, 150])
def test_a_letter_page_takes_the_same_queries_however_many_diseases(
    client, django_assert_num_queries, count, no_page_cache
):
    for index in range(count):
        DiseaseFactory(name=f"Cc example {index}")
    letter_page(client, "C")  # keeps the letter counts in the shared cache
    # The content generation (the cache's copy, then the table's: a test runs in a transaction, whose
    # token is never shared), the letter counts from the cache, and the letter's names.
    with django_assert_num_queries(4):
        response = letter_page(client, "C")
    assert response.context["count"] == count


def test_each_letter_page_names_itself_as_canonical(client, settings):
    settings.SITE_URL = "https://portal.example.org"
    DiseaseFactory(name="Alport syndrome")
    html = letter_page(client, "a").content.decode()
    assert '<link rel="canonical" href="https://portal.example.org/diseases/?letter=A">' in html


def test_letter_groups_keep_a_stable_order_for_equal_names():
    first, second = DiseaseFactory(name="Same name"), DiseaseFactory(name="same name")
    groups = letter_groups([second, first])
    assert groups[0].diseases == [first, second]
