import re
from collections import Counter
from io import StringIO

import pytest
import textstat
from django.core.management import call_command
from wordfreq import zipf_frequency

from diseases.glossary.entries import ENTRIES, Entry
from diseases.glossary.words import (
    ZIPF_THRESHOLD,
    Matcher,
    count_technical_words,
    coverage,
    first_uses,
    is_technical,
    matcher_for,
    tokenize,
)
from diseases.models import Disease
from tests.factories import AnnotationFactory, DiseaseDefinitionFactory, DiseaseFactory, PhenotypeFactory

ANEMIA = Entry("anemia", ("anemia", "anaemia", "anemic"), "Too few red blood cells.")
CLEFT = Entry("cleft", ("cleft",), "A gap.")
CLEFT_PALATE = Entry("cleft palate", ("cleft palate",), "A gap in the roof of the mouth.")
PALATE = Entry("palate", ("palate",), "The roof of the mouth.")
RECESSIVE = Entry("autosomal recessive", ("autosomal recessive",), "Both copies are changed.")


# Tokenising


def test_tokenize_lower_cases_words_and_drops_numbers_and_tokens_of_one_or_two_letters():
    assert tokenize("Type 2 COL1A1 of the Heart, 46,XY in 22q11.2") == ["type", "the", "heart"]


def test_tokenize_splits_hyphenated_words_into_their_parts():
    assert tokenize("Non-progressive cone-rod dystrophy") == [
        "non",
        "progressive",
        "cone",
        "rod",
        "dystrophy",
    ]


def test_tokenize_keeps_a_hyphenated_word_whole_when_a_part_is_a_single_letter():
    assert tokenize("X-linked T-cell deficiency") == ["x-linked", "t-cell", "deficiency"]


def test_tokenize_drops_a_possessive_s():
    assert tokenize("Parkinson's disease and Parkinson’s") == ["parkinson", "disease", "and", "parkinson"]


# Technical words


@pytest.mark.parametrize("word", ["seizure", "seizures", "anemia", "hypoplasia", "autosomal"])
def test_is_technical_for_words_a_child_would_not_know(word):
    assert is_technical(word)


@pytest.mark.parametrize("word", ["kidney", "heart", "short", "child", "the", "kidneys"])
def test_is_technical_not_for_everyday_words_and_their_plurals(word):
    assert not is_technical(word)


def test_the_threshold_falls_between_the_examples_it_was_chosen_by():
    assert zipf_frequency("seizure", "en") < ZIPF_THRESHOLD <= zipf_frequency("kidney", "en")


def test_everyday_body_words_that_are_rare_in_print_are_not_technical():
    assert zipf_frequency("forehead", "en") < ZIPF_THRESHOLD
    assert not is_technical("forehead")
    assert not is_technical("eyebrows")


def test_common_words_with_a_medical_sense_are_technical():
    assert zipf_frequency("syndrome", "en") >= ZIPF_THRESHOLD
    assert is_technical("syndrome")
    assert is_technical("syndromes")


def test_is_technical_ignores_case():
    assert is_technical("Seizure")


def test_count_technical_words_counts_every_use_across_texts():
    counts = count_technical_words(["Seizures and anemia.", "Anemia of the heart.", ""])

    assert counts == Counter({"anemia": 2, "seizures": 1})


# First uses


def test_first_uses_match_whatever_the_case():
    text = "Severe ANEMIA."

    assert first_uses(text, (ANEMIA,)) == [(7, 13, ANEMIA)]


def test_first_uses_match_whole_words_only():
    assert first_uses("Anemias and preanemia", (ANEMIA,)) == []


def test_first_uses_match_a_word_inside_a_hyphenated_word():
    assert first_uses("non-anemic", (ANEMIA,)) == [(4, 10, ANEMIA)]


def test_first_uses_give_each_entry_once_at_its_first_use_by_any_form():
    text = "Anaemia at birth; anemia later; anemia again."

    assert first_uses(text, (ANEMIA,)) == [(0, 7, ANEMIA)]


def test_first_uses_prefer_the_longest_form_at_a_place():
    entries = (CLEFT, CLEFT_PALATE, PALATE)

    assert first_uses("Cleft palate.", entries) == [(0, 12, CLEFT_PALATE)]


def test_first_uses_never_overlap_and_come_in_text_order():
    entries = (PALATE, CLEFT, CLEFT_PALATE)
    text = "Cleft palate, cleft lip and a high palate."

    spans = first_uses(text, entries)

    assert [(text[start:end], entry) for start, end, entry in spans] == [
        ("Cleft palate", CLEFT_PALATE),
        ("cleft", CLEFT),
        ("palate", PALATE),
    ]


def test_first_uses_match_a_two_word_form_across_a_hyphen_or_line_break():
    assert first_uses("Autosomal-recessive", (RECESSIVE,)) == [(0, 19, RECESSIVE)]
    assert first_uses("autosomal\n  recessive", (RECESSIVE,)) == [(0, 21, RECESSIVE)]


def test_a_form_claimed_by_two_entries_is_refused():
    with pytest.raises(ValueError, match="Anemia"):
        Matcher((ANEMIA, Entry("anaemia", ("Anemia",), "Again.")))


def test_matcher_for_builds_one_matcher_per_entries_and_keeps_it():
    entries = (ANEMIA, CLEFT)

    assert matcher_for(entries) is matcher_for(entries)
    assert matcher_for((ANEMIA, CLEFT)) is not matcher_for(entries)


# Coverage


def test_coverage_is_the_share_of_uses_whose_word_an_entry_explains():
    counts = Counter({"anemic": 3, "seizure": 1})

    assert coverage(counts, (ANEMIA,)) == 0.75


def test_coverage_does_not_credit_single_words_to_a_two_word_form():
    assert coverage(Counter({"cleft": 2, "palate": 2}), (CLEFT_PALATE,)) == 0.0


def test_coverage_of_nothing_counted_is_zero():
    assert coverage(Counter(), (ANEMIA,)) == 0.0


# The entries


def _normal(form):
    return " ".join(re.sub(r"[-‐‑]", " ", form.lower()).split())


def test_there_are_at_least_300_entries_sorted_by_term():
    terms = [entry.term for entry in ENTRIES]

    assert len(ENTRIES) >= 300
    assert terms == sorted(terms, key=str.lower)


def test_each_entry_lists_its_term_as_its_first_form():
    assert [entry.term for entry in ENTRIES if entry.forms[0] != entry.term.lower()] == []


def test_no_form_is_claimed_by_two_entries():
    claimed = Counter(_normal(form) for entry in ENTRIES for form in set(map(_normal, entry.forms)))

    assert [form for form, entries in claimed.items() if entries > 1] == []


def test_every_form_is_matched_to_its_own_entry():
    missed = []
    for entry in ENTRIES:
        for form in entry.forms:
            text = f"Before {form.capitalize()} after."
            if first_uses(text, ENTRIES) != [(7, 7 + len(form), entry)]:
                missed.append(form)

    assert missed == []


def test_every_explanation_is_8_to_30_words():
    assert [entry.term for entry in ENTRIES if not 8 <= len(entry.explanation.split()) <= 30] == []


def test_every_explanation_reads_at_grade_8_or_below():
    graded = {entry.term: textstat.flesch_kincaid_grade(entry.explanation) for entry in ENTRIES}

    assert {term: grade for term, grade in graded.items() if grade > 8} == {}


def test_every_explanation_is_one_or_two_sentences_of_its_own():
    explanations = [entry.explanation for entry in ENTRIES]

    assert [text for text in explanations if textstat.sentence_count(text) > 2] == []
    assert [text for text, n in Counter(explanations).items() if n > 1] == []


# The report


@pytest.mark.django_db
def test_glossary_report_counts_first_definitions_and_symptom_rows_of_published_pages():
    page = DiseaseFactory()
    DiseaseDefinitionFactory(disease=page, position=0, is_hidden=True, text="Hypoplasia everywhere.")
    DiseaseDefinitionFactory(disease=page, position=1, text="A seizure disorder with anemia.")
    DiseaseDefinitionFactory(disease=page, position=2, text="Hypotonia.")
    microcephaly = PhenotypeFactory(name="Microcephaly")
    AnnotationFactory(disease=page, phenotype=microcephaly)
    AnnotationFactory(disease=page, phenotype=PhenotypeFactory(name="Xanthelasma"))
    AnnotationFactory(disease=page, phenotype=PhenotypeFactory(name="Ataxia"), is_hidden=True)
    AnnotationFactory(disease=DiseaseFactory(), phenotype=microcephaly)
    draft = DiseaseFactory(status=Disease.Status.DRAFT)
    DiseaseDefinitionFactory(disease=draft, text="Ataxia.")
    AnnotationFactory(disease=draft, phenotype=PhenotypeFactory(name="Ataxia of the limbs"))
    out = StringIO()

    call_command("glossary_report", top=3, stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0] == "Texts counted: 4 (1 definitions, 3 symptom rows)"
    assert lines[1] == "Technical-word uses: 6 (5 different words)"
    assert lines[2] == f"Glossary: {len(ENTRIES)} entries explain 83.3% of those uses"
    assert lines[3] == "Most used technical words (* has no entry):"
    # Ties keep the order words were first met in: the definitions come first.
    assert [line.split() for line in lines[4:]] == [
        ["1.", "microcephaly", "2"],
        ["2.", "seizure", "1"],
        ["3.", "disorder", "1"],
    ]


@pytest.mark.django_db
def test_glossary_report_marks_the_words_without_an_entry():
    AnnotationFactory(phenotype=PhenotypeFactory(name="Xanthelasma"))
    out = StringIO()

    call_command("glossary_report", stdout=out)

    assert re.search(r"^ +1\. \* xanthelasma +1$", out.getvalue(), re.MULTILINE)
