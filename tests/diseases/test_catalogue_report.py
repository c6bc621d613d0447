from io import StringIO

import pytest
from django.core.management import call_command

from diseases.models import Disease
from tests.factories import DiseaseDefinitionFactory, DiseaseFactory

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
