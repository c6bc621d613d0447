from io import StringIO

import pytest
from django.core.management import call_command

from diseases.models import Disease
from tests.factories import AnnotationFactory, DiseaseDefinitionFactory, DiseaseFactory

pytestmark = pytest.mark.django_db


def report():
    out = StringIO()
    call_command("catalogue_report", stdout=out)
    return out.getvalue().splitlines()


def test_the_report_counts_each_published_page_with_a_definition_it_shows_once():
    twice = DiseaseFactory()
    DiseaseDefinitionFactory(disease=twice)
    DiseaseDefinitionFactory(disease=twice, position=1)
    DiseaseDefinitionFactory(disease=DiseaseFactory(), is_hidden=True)
    DiseaseDefinitionFactory(disease=DiseaseFactory(status=Disease.Status.DRAFT))
    DiseaseFactory()

    lines = report()

    assert lines[0] == "Published pages: 3"
    assert lines[1] == "With a definition: 1 (33.3%); with an editor's text: 3"


def test_the_report_prints_the_share_of_technical_word_uses_the_glossary_explains(glossary):
    page = DiseaseFactory()
    # Technical words: hepatosplenomegaly, xanthelasma (no entry), anemia; "Severe" and "with" are plain.
    DiseaseDefinitionFactory(disease=page, text="Severe anemia with hepatosplenomegaly.")
    AnnotationFactory(disease=page, phenotype__name="Xanthelasma")
    AnnotationFactory(disease=DiseaseFactory(), phenotype__name="Anemia")

    assert report()[-1] == (
        "Glossary coverage: 75.0% of 4 technical-word uses in definitions and symptom names have an "
        f"explanation ({len(glossary)} entries)"
    )


def test_the_report_says_how_to_load_an_empty_glossary():
    DiseaseDefinitionFactory(disease=DiseaseFactory(), text="Anemia.")

    assert report()[-1].endswith("(0 entries); load them with manage.py load_glossary")


def test_the_report_counts_pages_in_plain_words_and_how_easy_the_made_ones_are_to_read():
    from diseases.plain.build import build_summaries

    made = DiseaseFactory(summary="")
    AnnotationFactory(disease=made, phenotype__name="Seizure")
    DiseaseFactory(summary="Written by us.")  # our editors' text
    DiseaseFactory(summary="")  # nothing known: no summary
    build_summaries()

    lines = report()
    assert "In plain words: 2 pages (66.7%): 1 by our editors, 1 made from their facts" in lines
    # "Common signs include seizure." alone scores below grade 8.
    [grades] = [line for line in lines if line.startswith("Reading grade")]
    assert grades.endswith("at grade 8 or below: 100.0%") and "median " in grades


def test_the_report_counts_group_pages_without_symptoms_while_a_type_has_them():
    shown = DiseaseFactory(summary="")
    type_ = DiseaseFactory()
    type_.parents.add(shown)
    AnnotationFactory(disease=type_)
    bare = DiseaseFactory()
    DiseaseFactory().parents.add(bare)  # a group whose only type has no symptoms either
    listing = DiseaseFactory()
    AnnotationFactory(disease=listing)
    DiseaseFactory().parents.add(listing)  # a group with symptoms of its own

    [groups] = [line for line in report() if line.startswith("Group pages")]
    assert groups == (
        "Group pages: 3; without symptoms of their own: 2, of which 1 have types with symptoms and show "
        "theirs; group pages without symptoms while a type has them: 0"
    )
