"""The pages a family with a new diagnosis reads first, on the real catalogue: the top of each says plainly
what the condition is, what it affects and how it is passed on."""

import pytest

from diseases.models import Disease
from diseases.plain.measure import measure_summaries

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def plain_words(client, slug):
    html = client.get(Disease.objects.get(slug=slug).get_absolute_url()).content.decode()
    return html[html.index('id="summary"') : html.index('class="notice"')]


@pytest.mark.parametrize(
    "slug, what, affects, passed_on",
    [
        ("cystic-fibrosis", "It is a genetic condition.", "It mostly affects the lungs", "1 in 4 chance"),
        (
            "x-linked-lymphoproliferative-disease",
            "It is a genetic condition.",
            # Said from its types' symptoms, which the group gathers (Mondo's groups speak only for pages
            # without symptoms).
            "Its types mostly affect the immune system",
            "It mostly affects boys",
        ),
        ("polycystic-kidney-disease", "It is a genetic condition", "the kidneys", "1 in 2 chance"),
        (
            "down-syndrome",
            "caused by a change in the chromosomes",
            "It mostly affects",
            "only one person in a family",
        ),
    ],
)
def test_the_top_of_the_page_says_what_it_is_what_it_affects_and_how_it_is_passed_on(
    client, real_data, slug, what, affects, passed_on
):
    said = plain_words(client, slug)
    assert what in said and affects in said and passed_on in said
    assert "No person wrote these sentences" in said


def test_the_groups_page_names_its_types_genes(client, real_data):
    said = plain_words(client, "x-linked-lymphoproliferative-disease")
    assert "SH2D1A" in said and "XIAP" in said


def test_most_pages_have_a_summary_and_almost_all_read_at_grade_8_or_below(real_data):
    measures = measure_summaries()
    assert measures.with_summary / measures.pages >= 0.90
    assert measures.share_at_goal >= 0.95
