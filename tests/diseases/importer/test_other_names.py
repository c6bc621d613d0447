"""Records the sources list as names that are not names of the disease stay records: never other names."""

import pytest

from diseases import search
from diseases.models import Disease, DiseaseSynonym, ExternalIdentifier, Origin, SearchTerm
from tests.data.import_files import ALPS_MONDO, row

pytestmark = pytest.mark.django_db

# Written the way the real files write them for cystic fibrosis, seborrheic keratosis and others.
MODIFIER = "autoimmune lymphoproliferative syndrome, modifier of"
SUSCEPTIBILITY = "lymphoma, susceptibility to, in autoimmune lymphoproliferative syndrome"
SOMATIC = "Lymphoproliferative syndrome, somatic"


@pytest.fixture
def records_that_are_not_names(import_files):
    """ALPS's Mondo term lists a modifier and a susceptibility record among its exact synonyms, and
    an OMIM record of somatic changes that Mondo cross-references joins its page."""
    import_files.mondo[ALPS_MONDO]["synonyms"] += [MODIFIER, SUSCEPTIBILITY]
    import_files.xrefs[0]["xrefs"].append({"namespace": "OMIM", "id": "601860"})
    import_files.rows.append(row("OMIM:601860", SOMATIC, "HP:0001744"))
    return import_files


def alps():
    return Disease.objects.get(gard_id=8686)


def test_records_that_are_not_names_are_not_other_names_but_stay_with_their_labels(
    records_that_are_not_names,
):
    records_that_are_not_names.run()
    assert [s.name for s in alps().synonyms.all()] == ["ALPS", "Canale-Smith syndrome"]
    somatic = ExternalIdentifier.objects.get(source="OMIM", code="601860")
    assert (somatic.disease, somatic.label) == (alps(), SOMATIC)


def test_search_does_not_find_the_page_by_records_that_are_not_names(records_that_are_not_names):
    records_that_are_not_names.run()
    for text in (MODIFIER, SUSCEPTIBILITY, SOMATIC):
        # PostgreSQL may still find the page by its name's words; never by the record's text.
        assert text not in [hit.matched for hit in search.search(text).diseases]
    assert not SearchTerm.objects.filter(text__in=[MODIFIER, SUSCEPTIBILITY, SOMATIC]).exists()
    assert search.search("OMIM:601860").diseases[0].label == alps().name


def test_a_reimport_removes_imported_other_names_that_are_not_names_but_keeps_editors(
    records_that_are_not_names,
):
    records_that_are_not_names.run()
    # As an import before these rules wrote them, and an editor's own choice of the same kind.
    for name in (MODIFIER, SOMATIC):
        DiseaseSynonym.objects.get_or_create(
            disease=alps(), name=name, defaults={"position": 1002, "origin": Origin.IMPORT}
        )
    DiseaseSynonym.objects.update_or_create(
        disease=alps(), name=SUSCEPTIBILITY, defaults={"origin": Origin.EDITOR}
    )
    records_that_are_not_names.run()
    names = {s.name: s.origin for s in alps().synonyms.all()}
    assert names == {
        "ALPS": Origin.IMPORT,
        "Canale-Smith syndrome": Origin.IMPORT,
        SUSCEPTIBILITY: Origin.EDITOR,
    }


def test_a_page_renamed_by_an_editor_does_not_take_its_sources_name_when_that_is_not_a_name(import_files):
    # OMIM's title as phenotype.hpoa writes it, run together with the title it includes.
    import_files.rows.append(
        row("OMIM:230750", "Gastroschisisabdominal wall defects, included", "HP:0001744")
    )
    import_files.run()
    page = Disease.objects.get(identifiers__source="OMIM", identifiers__code="230750")
    Disease.objects.filter(pk=page.pk).update(name="Gastroschisis", summary="Our summary.")
    import_files.run()
    page.refresh_from_db()
    assert page.name == "Gastroschisis"
    assert not page.synonyms.exists()
