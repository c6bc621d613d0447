"""Relevance on the real HPO and GARD catalogue: the page a reader means comes first, or in the top 3.

Slow (the real data is imported once per session) and meant for PostgreSQL, where CI runs them;
the misspelling cases need pg_trgm and are skipped on SQLite.
"""

import pytest
from django.db import connection
from django.urls import reverse

from diseases import search
from diseases.models import Disease

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


ALPS = "autoimmune-lymphoproliferative-syndrome"


FIRST, TOP_3 = 1, 3


needs_trigrams = pytest.mark.skipif(connection.vendor != "postgresql", reason="misspellings need pg_trgm")


DISEASE_CASES = [
    # Other names
    pytest.param("Canale-Smith syndrome", ALPS, FIRST, id="other-name-canale-smith"),
    pytest.param("Duncan disease", "x-linked-lymphoproliferative-disease", FIRST, id="other-name-duncan"),
    pytest.param("Purtilo syndrome", "x-linked-lymphoproliferative-disease", FIRST, id="other-name-purtilo"),
    pytest.param("Lou Gehrig disease", "amyotrophic-lateral-sclerosis", FIRST, id="other-name-lou-gehrig"),
    pytest.param(
        "Von Recklinghausen disease", "neurofibromatosis-type-1", FIRST, id="other-name-recklinghausen"
    ),
    pytest.param("Trisomy 21", "down-syndrome", FIRST, id="other-name-trisomy-21"),
    pytest.param("brittle bone disease", "osteogenesis-imperfecta", FIRST, id="other-name-brittle-bone"),
    # Mondo puts Orphanet's and OMIM's Pompe records on GARD's page, which GARD names after the enzyme.
    pytest.param("Pompe disease", "glucosidase-acid-14-alpha-deficiency", FIRST, id="other-name-pompe"),
    pytest.param("Steinert disease", "steinert-myotonic-dystrophy", FIRST, id="other-name-steinert"),
    # Abbreviations
    pytest.param("ALPS", ALPS, FIRST, id="abbreviation-alps"),
    pytest.param("DMD", "duchenne-muscular-dystrophy", FIRST, id="abbreviation-dmd"),
    pytest.param("PKU", "phenylketonuria", FIRST, id="abbreviation-pku"),
    pytest.param("CF", "cystic-fibrosis", FIRST, id="abbreviation-cf"),
    pytest.param("NF1", "neurofibromatosis-type-1", FIRST, id="abbreviation-nf1"),
    pytest.param("XLP", "x-linked-lymphoproliferative-disease", FIRST, id="abbreviation-xlp"),
    # Names, partial names, without accents or punctuation
    pytest.param("Autoimmune lymphoproliferative syndrome", ALPS, FIRST, id="name-alps"),
    # GARD's entry for Marfan syndrome is "Marfan syndrome type 1"; Mondo joins the other records to it.
    pytest.param("marfan", "marfan-syndrome-type-1", FIRST, id="name-start-marfan"),
    pytest.param("ehlers danlos", "ehlers-danlos-syndrome", FIRST, id="name-without-hyphen"),
    pytest.param("prader willi", "prader-willi-syndrome", FIRST, id="name-prader-willi"),
    pytest.param("huntingtons disease", "huntington-disease", FIRST, id="name-possessive"),
    pytest.param("fragile x", "fragile-x-syndrome", FIRST, id="name-fragile-x"),
    pytest.param("tay-sachs", "tay-sachs-disease", FIRST, id="name-tay-sachs"),
    # Misspellings
    pytest.param("autoimune lymphoproliferativ", ALPS, FIRST, id="typo-alps", marks=needs_trigrams),
    pytest.param(
        "duchene muscular distrophy",
        "duchenne-muscular-dystrophy",
        FIRST,
        id="typo-duchenne",
        marks=needs_trigrams,
    ),
    pytest.param("cistic fibrosis", "cystic-fibrosis", FIRST, id="typo-cystic", marks=needs_trigrams),
    pytest.param("phenylketonurea", "phenylketonuria", FIRST, id="typo-pku", marks=needs_trigrams),
    pytest.param("angelmann syndrome", "angelman-syndrome", FIRST, id="typo-angelman", marks=needs_trigrams),
    pytest.param("sickel cell", "sickle-cell-anemia", TOP_3, id="typo-sickle", marks=needs_trigrams),
    pytest.param("haemophilia", "hemophilia", TOP_3, id="typo-british-spelling", marks=needs_trigrams),
    pytest.param("marfan syndrom", "marfan-syndrome-type-1", FIRST, id="typo-marfan"),
    # Identifiers
    pytest.param("ORPHA:3261", ALPS, FIRST, id="identifier-orpha"),
    pytest.param("OMIM:601859", ALPS, FIRST, id="identifier-omim"),
    pytest.param("GARD:8686", ALPS, FIRST, id="identifier-gard"),
]


SYMPTOM_CASES = [
    pytest.param("bruise easily", "HP:0000978", FIRST, id="lay-bruise-easily"),
    pytest.param("easy bruising", "HP:0000978", FIRST, id="lay-easy-bruising"),
    pytest.param("nosebleed", "HP:0000421", FIRST, id="lay-nosebleed"),
    pytest.param("nose bleeds", "HP:0000421", FIRST, id="lay-nose-bleeds"),
    pytest.param("low muscle tone", "HP:0001252", FIRST, id="lay-low-muscle-tone"),
    pytest.param("large head", "HP:0000256", FIRST, id="lay-large-head"),
    pytest.param("small head", "HP:0000252", FIRST, id="lay-small-head"),
    pytest.param("clubfoot", "HP:0001762", FIRST, id="lay-clubfoot"),
    pytest.param("deafness", "HP:0000365", FIRST, id="lay-deafness"),
    pytest.param("extra fingers", "HP:0001161", TOP_3, id="lay-extra-fingers"),
    pytest.param("seizures", "HP:0001250", FIRST, id="plural-seizures"),
    pytest.param("Splenomegaly", "HP:0001744", FIRST, id="medical-name"),
    pytest.param("HP:0001744", "HP:0001744", FIRST, id="identifier-hp"),
]


def position(hits, key):
    keys = [hit.key for hit in hits]
    return keys.index(key) + 1 if key in keys else None


@pytest.mark.parametrize(("query", "slug", "within"), DISEASE_CASES)
def test_the_disease_a_reader_means_ranks_high(real_search, query, slug, within):
    hits = search.search(query).diseases
    found = position(hits, slug)
    assert found is not None and found <= within, [hit.key for hit in hits[:5]]


@pytest.mark.parametrize(("query", "hpo_id", "within"), SYMPTOM_CASES)
def test_the_symptom_a_reader_means_ranks_high(real_search, query, hpo_id, within):
    hits = search.search(query).symptoms
    found = position(hits, hpo_id)
    assert found is not None and found <= within, [(hit.key, hit.label) for hit in hits[:5]]


def test_the_other_name_is_given_as_the_reason(real_search):
    hit = search.search("Canale-Smith syndrome").diseases[0]
    assert hit.why == "other name: Canale-Smith syndrome"


@pytest.mark.parametrize("query", ["ORPHA:3261", "OMIM:601859", "GARD:8686", "8686"])
def test_identifiers_open_the_alps_page(client, real_search, query):
    response = client.get(reverse("diseases:search"), {"q": query})
    assert response.status_code == 302
    assert response["Location"] == reverse("diseases:detail", kwargs={"slug": ALPS})


def test_suggestions_complete_a_half_typed_name(real_search):
    labels = [hit.label for hit in search.suggest("autoimmune lymph")]
    assert labels[0] == "Autoimmune lymphoproliferative syndrome"


def test_symptom_suggestions_find_everyday_words(real_search):
    hits = search.suggest("bruise eas", kinds=("symptom",))
    assert hits[0].key == "HP:0000978"


def test_each_letter_count_matches_its_page_and_covers_every_disease(real_search):
    counts = Disease.objects.published().letter_counts()
    published = Disease.objects.published()
    assert sum(counts.values()) == published.count()
    for letter in Disease.INDEX_LETTERS:
        assert counts[letter] == published.starting_with(letter).count(), letter
