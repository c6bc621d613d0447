"""The search engine (diseases/search/) on small factory data, on SQLite and PostgreSQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diseases import search
from diseases.identifiers import parse_identifier
from diseases.models import (
    Disease,
    PhenotypeSynonym,
    SearchTerm,
    SearchWord,
)
from tests.factories import (
    DiseaseFactory,
    DiseaseGeneFactory,
    DiseaseSynonymFactory,
    ExternalIdentifierFactory,
    GeneFactory,
    PhenotypeFactory,
    PhenotypeSynonymFactory,
    searchable_alps,
)

pytestmark = pytest.mark.django_db


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="typo tolerance needs PostgreSQL's pg_trgm"
)


@pytest.fixture
def alps():
    return searchable_alps(omim_label="Autoimmune lymphoproliferative syndrome, type IA")


@pytest.fixture
def bruising():
    phenotype = PhenotypeFactory(hpo_id="HP:0000978", name="Bruising susceptibility")
    PhenotypeSynonymFactory(phenotype=phenotype, name="Bruise easily", is_lay=True)
    PhenotypeSynonymFactory(
        phenotype=phenotype, name="Bruisability", is_lay=False, scope=PhenotypeSynonym.Scope.EXACT
    )
    return phenotype


def labels(hits):
    return [hit.label for hit in hits]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Sjögren–Larsson SYNDROME", "sjogren larsson syndrome"),
        ("Crohn's disease", "crohns disease"),
        ("α-Thalassemia", "alpha thalassemia"),
        ("  22q11.2   deletion ", "22q11 2 deletion"),
        ("Straße", "strasse"),
        ("日本", ""),
        ("Haemophilia, oedema", "hemophilia edema"),
    ],
)
def test_fold_lowercases_strips_accents_and_turns_punctuation_into_spaces(text, folded):
    assert search.fold(text) == folded


@pytest.mark.parametrize(
    ("query", "curie"),
    [
        ("ORPHA:3261", "ORPHA:3261"),
        ("orphanet 3261", "ORPHA:3261"),
        ("OMIM:601859", "OMIM:601859"),
        ("MIM #601859", "OMIM:601859"),
        ("GARD:8686", "GARD:8686"),
        ("8686", "GARD:8686"),
        ("HP:0001744", "HP:0001744"),
        ("hp_1744", "HP:0001744"),
        ("MONDO:0013015", "MONDO:13015"),
    ],
)
def test_identifiers_are_recognised_in_their_usual_spellings(query, curie):
    assert parse_identifier(query).curie == curie


@pytest.mark.parametrize("query", ["ALPS", "ORPHA:", "HP:12345678", "Canale-Smith syndrome", "3261 alps"])
def test_names_and_broken_identifiers_are_not_identifiers(query):
    assert parse_identifier(query) is None


def test_disease_is_found_by_its_name(alps):
    search.rebuild_search_index()
    hits = search.search("autoimmune lymphoproliferative syndrome").diseases
    assert labels(hits) == [alps.name]
    assert hits[0].why == ""
    assert hits[0].url == alps.get_absolute_url()


def test_british_and_american_spellings_find_each_other():
    hemophilia = DiseaseFactory(name="Hemophilia")
    DiseaseFactory(name="Haemophilia type C")
    search.rebuild_search_index()
    assert labels(search.search("haemophilia").diseases)[0] == hemophilia.name
    assert labels(search.search("hemophilia type c").diseases) == ["Haemophilia type C"]


def test_disease_is_found_by_another_name_and_says_so(alps):
    search.rebuild_search_index()
    hits = search.search("Canale-Smith syndrome").diseases
    assert labels(hits) == [alps.name]
    assert hits[0].why == "other name: Canale-Smith syndrome"


@pytest.mark.parametrize(
    ("query", "why"),
    [
        ("ORPHA:3261", "identifier: ORPHA:3261"),
        ("OMIM 601859", "identifier: OMIM:601859"),
        ("GARD:8686", "identifier: GARD:8686"),
        ("type IA", "other name: Autoimmune lymphoproliferative syndrome, type IA"),
    ],
)
def test_disease_is_found_by_identifiers_and_source_names(alps, query, why):
    search.rebuild_search_index()
    hits = search.search(query).diseases
    assert hits[0].label == alps.name
    assert hits[0].why == why


def test_a_records_label_that_is_not_a_name_of_the_disease_finds_nothing_but_its_identifier_does():
    epilepsy = DiseaseFactory(name="Juvenile myoclonic epilepsy")
    # OMIM's susceptibility record for the disease, as phenotype.hpoa names it.
    ExternalIdentifierFactory(
        disease=epilepsy,
        source="OMIM",
        code="254770",
        label="Myoclonic epilepsy, juvenile, susceptibility to, 1",
    )
    search.rebuild_search_index()
    assert not search.search("susceptibility").diseases
    assert search.search("OMIM:254770").diseases[0].label == epilepsy.name


def test_an_abbreviation_counts_as_much_as_a_name(alps):
    named = DiseaseFactory(name="ALPS")
    search.rebuild_search_index()
    hits = search.search("alps").diseases
    assert {hit.label for hit in hits[:2]} == {alps.name, named.name}
    assert hits[0].score == hits[1].score == 1.0


def test_an_exact_abbreviation_ranks_above_a_name_that_only_starts_with_it(alps):
    DiseaseFactory(name="Alpsington disease")
    search.rebuild_search_index()
    assert labels(search.search("ALPS").diseases) == [alps.name, "Alpsington disease"]


def test_the_shortest_name_containing_the_query_ranks_first():
    DiseaseFactory(name="Marfan syndrome type 2")
    DiseaseFactory(name="Neonatal Marfan syndrome")
    DiseaseFactory(name="Marfan syndrome")
    search.rebuild_search_index()
    assert labels(search.search("marfan syndrome").diseases)[0] == "Marfan syndrome"


def test_accents_and_case_are_folded():
    DiseaseFactory(name="Sjögren-Larsson syndrome")
    search.rebuild_search_index()
    assert labels(search.search("SJOGREN larsson").diseases) == ["Sjögren-Larsson syndrome"]


def test_the_start_of_a_word_is_enough():
    DiseaseFactory(name="Autoimmune lymphoproliferative syndrome")
    search.rebuild_search_index()
    assert labels(search.search("lymphoprolif").diseases) == ["Autoimmune lymphoproliferative syndrome"]


def test_every_word_must_match_without_typos():
    DiseaseFactory(name="Batten disease")
    DiseaseFactory(name="Fabry disease")
    search.rebuild_search_index()
    assert labels(search.search("batten disease").diseases) == ["Batten disease"]


@pytest.mark.parametrize("status", [Disease.Status.DRAFT, Disease.Status.REVIEW])
def test_unpublished_diseases_are_never_found(status):
    DiseaseFactory(name="Secret syndrome", status=status)
    search.rebuild_search_index()
    assert search.search("secret syndrome").diseases == []
    assert search.suggest("secret") == []


def test_publishing_needs_no_reindex():
    disease = DiseaseFactory(name="Later syndrome", status=Disease.Status.DRAFT)
    search.rebuild_search_index()
    Disease.objects.filter(pk=disease.pk).update(status=Disease.Status.PUBLISHED)
    assert labels(search.search("later syndrome").diseases) == ["Later syndrome"]


def test_symptom_is_found_by_an_everyday_name(bruising):
    search.rebuild_search_index()
    hits = search.search("bruise easily").symptoms
    assert hits[0].key == "HP:0000978"
    assert hits[0].why == "everyday name: Bruise easily"
    assert hits[0].url == "/symptoms/HP:0000978/"


def test_symptom_is_found_by_its_name_and_other_names(bruising):
    search.rebuild_search_index()
    assert search.search("bruising susceptibility").symptoms[0].why == ""
    assert search.search("bruisability").symptoms[0].why == "other name: Bruisability"


def test_obsolete_symptoms_are_not_found(bruising):
    PhenotypeFactory(name="obsolete Bruising tendency", is_obsolete=True, replaced_by=bruising)
    search.rebuild_search_index()
    assert labels(search.search("bruising tendency").symptoms) == []


def test_diseases_and_symptoms_come_back_in_separate_groups(alps, bruising):
    DiseaseFactory(name="Easy bruising syndrome")
    search.rebuild_search_index()
    results = search.search("bruising")
    assert labels(results.diseases) == ["Easy bruising syndrome"]
    assert labels(results.symptoms) == ["Bruising susceptibility"]


def test_a_target_is_listed_once_with_its_best_match(alps):
    search.rebuild_search_index()
    hits = search.search("autoimmune lymphoproliferative").diseases
    assert labels(hits) == [alps.name]
    assert hits[0].field == SearchTerm.Field.NAME


def test_results_are_capped_and_say_so():
    for index in range(5):
        DiseaseFactory(name=f"Capped syndrome {index}")
    search.rebuild_search_index()
    results = search.search("capped syndrome", limit=3)
    assert len(results.diseases) == 3
    assert results.diseases_limited
    assert not search.search("capped syndrome", limit=5).diseases_limited


@postgresql_only
def test_misspellings_still_find_the_disease(alps):
    DiseaseFactory(name="Dianzani autoimmune lymphoproliferative disease")
    DiseaseFactory(name="Autoimmune lymphoproliferative syndrome due to CTLA4 haploinsufficiency")
    search.rebuild_search_index()
    assert labels(search.search("autoimune lymphoproliferativ").diseases)[0] == alps.name


@postgresql_only
def test_a_query_that_finds_nothing_gets_close_spellings(alps):
    search.rebuild_search_index()
    assert "Canale-Smith syndrome" in search.did_you_mean("canale smiht syndrom")


def test_suggestions_complete_the_start_of_names(alps, bruising):
    search.rebuild_search_index()
    suggestions = search.suggest("canale sm")
    assert [hit.label for hit in suggestions] == [alps.name]
    assert suggestions[0].as_json() == {
        "type": "disease",
        "label": alps.name,
        "slug": alps.slug,
        "url": alps.get_absolute_url(),
        "matched": "Canale-Smith syndrome",
    }


def test_symptom_suggestions_carry_the_hpo_id(bruising):
    search.rebuild_search_index()
    suggestion = search.suggest("bruise", kinds=(SearchTerm.Kind.SYMPTOM,))[0].as_json()
    assert suggestion["hpo_id"] == "HP:0000978"
    assert suggestion["type"] == "symptom"


def test_suggestions_can_be_limited_to_one_kind(alps, bruising):
    DiseaseFactory(name="Bruising syndrome")
    search.rebuild_search_index()
    assert {hit.kind for hit in search.suggest("bruis", kinds=(SearchTerm.Kind.DISEASE,))} == {"disease"}
    assert {hit.kind for hit in search.suggest("bruis", kinds=(SearchTerm.Kind.SYMPTOM,))} == {"symptom"}


def test_one_letter_gets_no_suggestions(alps):
    search.rebuild_search_index()
    assert search.suggest("a") == []


def test_index_disease_picks_up_an_editors_new_other_name(alps):
    search.rebuild_search_index()
    assert search.search("Quimby-Oxford disorder").diseases == []
    DiseaseSynonymFactory(disease=alps, name="Quimby-Oxford disorder")
    alps.synonyms.filter(name="ALPS").delete()
    search.index_disease(alps)
    assert labels(search.search("Quimby-Oxford disorder").diseases) == [alps.name]
    assert search.search("alps").diseases == []


def test_rebuild_keeps_one_row_per_spelling():
    disease = DiseaseFactory(name="Marfan syndrome")
    DiseaseSynonymFactory(disease=disease, name="MARFAN SYNDROME")
    search.rebuild_search_index()
    assert SearchTerm.objects.filter(disease=disease).count() == 1


def test_queries_are_cut_to_a_bounded_length():
    assert len(search.clean_query("x" * 1000)) == search.MAX_QUERY_LENGTH


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=300))
def test_any_text_is_a_safe_query(alps, query):
    if not SearchTerm.objects.exists():
        search.rebuild_search_index()
    search.search(query)
    search.suggest(query)
    search.did_you_mean(query)
    parse_identifier(query)


def test_plurals_and_possessives_find_the_singular_name():
    DiseaseFactory(name="Huntington disease")
    search.rebuild_search_index()
    assert labels(search.search("huntingtons diseases").diseases) == ["Huntington disease"]


def test_a_gene_symbol_finds_its_diseases_saying_why(cystic_fibrosis):
    search.rebuild_search_index()
    hits = search.search("CFTR").diseases
    assert hits[0].label == "Cystic fibrosis" and hits[0].why == "gene: CFTR"


def search_statements(queries):
    return [query["sql"] for query in queries if "diseases_searchterm" in query["sql"]]


def test_the_same_words_in_any_case_accents_or_spacing_are_answered_from_the_cache(alps):
    search.rebuild_search_index()
    first = search.search("Canale-Smith syndrome")
    with CaptureQueriesContext(connection) as queries:
        again = search.search("  CANALÉ smith   Syndrome ")
        suggested = search.suggest("canale")
        suggested_again = search.suggest("CANALE")
    assert len(search_statements(queries.captured_queries)) == 1  # the first suggestion only
    assert labels(again.diseases) == labels(first.diseases) == [alps.name]
    assert again.query == "CANALÉ smith Syndrome"  # the page still shows what the reader typed
    assert suggested_again == suggested and suggested[0].label == alps.name


def test_any_change_to_the_content_makes_cached_results_fresh_at_once(alps):
    search.rebuild_search_index()
    assert search.search("Quimby syndrome").diseases == []
    quimby = DiseaseFactory(name="Quimby syndrome")  # saving moves the content generation
    search.index_disease(quimby)
    assert labels(search.search("quimby syndrome").diseases) == ["Quimby syndrome"]


def test_each_row_keeps_the_weight_of_what_it_matched_on(cystic_fibrosis):
    PhenotypeSynonymFactory(
        phenotype=PhenotypeFactory(name="Bronchiectasis"), name="Widened airways", scope="BROAD", is_lay=False
    )
    search.rebuild_search_index()
    weights = dict(SearchTerm.objects.values_list("field", "weight").distinct())
    assert weights[SearchTerm.Field.NAME] == 1.0
    assert weights[SearchTerm.Field.GENE] == weights[SearchTerm.Field.RELATED_NAME] == 0.85


@postgresql_only
def test_every_word_of_the_rows_is_listed_once_and_an_edit_adds_its_new_words(alps):
    search.rebuild_search_index()
    listed = set(SearchWord.objects.values_list("word", flat=True))
    assert {"autoimmune", "lymphoproliferative", "canale", "smith", "alps"} <= listed
    # Counted once per row that uses it: the name, Canale-Smith syndrome and the OMIM record's label.
    assert (
        SearchWord.objects.get(word="syndrome").uses
        == SearchTerm.objects.filter(folded__contains="syndrome").count()
        == 3
    )
    DiseaseSynonymFactory(disease=alps, name="Zanzibar-Quimby disorder")
    search.index_disease(alps)
    assert SearchWord.objects.filter(word__in=["zanzibar", "quimby", "disorder"]).count() == 3
    # A misspelling of the new words is forgiven through the list.
    assert labels(search.search("zanzibr quimbi").diseases) == [alps.name]


@postgresql_only
def test_misspellings_are_tried_only_when_the_words_as_typed_match_nothing():
    DiseaseFactory(name="Sickle cell anemia")
    DiseaseFactory(name="Sickel syndrome")
    search.rebuild_search_index()
    assert labels(search.search("sickel cell").diseases) == ["Sickle cell anemia"]
    assert labels(search.search("sickel").diseases) == ["Sickel syndrome"]


def test_of_equal_matches_the_plainer_name_comes_first():
    cftr = GeneFactory(symbol="CFTR")
    for name in ["Congenital absence of the vas deferens", "Cystic fibrosis", "Bronchiectasis, type 1"]:
        disease = DiseaseFactory(name=name)
        DiseaseGeneFactory(disease=disease, gene=cftr)
    search.rebuild_search_index()
    assert labels(search.search("CFTR").diseases) == [
        "Cystic fibrosis",
        "Bronchiectasis, type 1",
        "Congenital absence of the vas deferens",
    ]
