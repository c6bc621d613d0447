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
