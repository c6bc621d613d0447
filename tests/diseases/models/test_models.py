import pytest

from diseases.models import Disease, ExternalIdentifier
from tests.factories import (
    DiseaseCharacteristicFactory,
    DiseaseClassificationFactory,
    DiseaseDefinitionFactory,
    DiseaseFactory,
    DiseaseGeneFactory,
    ExternalIdentifierFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("source", "code", "url"),
    [
        ("ORPHA", "3261", "https://www.orpha.net/en/disease/detail/3261"),
        ("OMIM", "601859", "https://omim.org/entry/601859"),
        ("GARD", "8686", "https://rarediseases.info.nih.gov/diseases/8686/index"),
        ("DECIPHER", "12", "https://www.deciphergenomics.org/syndrome/12"),
        ("MONDO", "0013015", "https://monarchinitiative.org/MONDO:0013015"),
    ],
)
def test_identifier_link_is_built_from_source_and_code(source, code, url):
    identifier = ExternalIdentifier(source=source, code=code)
    assert identifier.url == url
    assert identifier.curie == f"{source}:{code}"


def test_published_gate_hides_drafts_and_reviews():
    published = DiseaseFactory(status=Disease.Status.PUBLISHED)
    DiseaseFactory(status=Disease.Status.DRAFT)
    DiseaseFactory(status=Disease.Status.REVIEW)
    assert list(Disease.objects.published()) == [published]


def test_an_identifier_belongs_to_one_disease_only():
    ExternalIdentifierFactory(source="ORPHA", code="3261")
    with pytest.raises(Exception):  # noqa: B017 - IntegrityError from either backend
        ExternalIdentifierFactory(source="ORPHA", code="3261")


def test_index_letter_other_holds_names_not_starting_with_a_letter():
    digit = DiseaseFactory(name="15q13.3 microdeletion syndrome")
    DiseaseFactory(name="Alport syndrome")
    assert list(Disease.objects.starting_with(Disease.OTHER_LETTER)) == [digit]


def test_a_page_shows_only_names_until_it_has_something_to_read():
    bare = DiseaseFactory(name="Bare disease", summary="")
    DiseaseGeneFactory(disease=DiseaseFactory(summary=""))
    DiseaseDefinitionFactory(disease=DiseaseFactory(summary=""))
    DiseaseCharacteristicFactory(disease=DiseaseFactory(summary=""))
    DiseaseClassificationFactory(disease=DiseaseFactory(summary=""))
    DiseaseFactory(summary="Children with it bruise easily.")
    assert list(Disease.objects.showing_only_names()) == [bare]
