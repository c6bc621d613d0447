"""Editors' work survives a re-import; what disappears upstream goes, unless an editor owns it."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from diseases.demo_content import ALPS as DEMO
from diseases.models import (
    Annotation,
    Disease,
    DiseaseSynonym,
    ExternalIdentifier,
    Origin,
    Phenotype,
    SearchTerm,
)
from tests.data.import_files import ALPS, summary_counts
from tests.factories import ReferenceFactory, ResourceFactory

pytestmark = pytest.mark.django_db


Band = Annotation.Band


def alps():
    return Disease.objects.get(gard_id=8686)


def row(disease, hpo_id):
    return disease.annotations.get(phenotype__hpo_id=hpo_id)


def test_written_content_references_and_resources_are_never_overwritten(import_files):
    import_files.run()
    written = datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC)
    Disease.objects.filter(gard_id=8686).update(
        summary="Our summary.", cause="Our cause.", status=Disease.Status.DRAFT, content_updated_at=written
    )
    ReferenceFactory(disease=alps(), number=1, title="Our reference")
    ResourceFactory(disease=alps(), title="Our support group")
    import_files.entries[0]["name"] = "ALPS (renamed upstream)"
    import_files.run()
    page = alps()
    assert (page.summary, page.cause, page.status) == ("Our summary.", "Our cause.", Disease.Status.DRAFT)
    assert page.content_updated_at == written
    assert [r.title for r in page.references.all()] == ["Our reference"]
    assert [r.title for r in page.resources.all()] == ["Our support group"]
    # A page with written content keeps its name; the sources' new name joins the other names.
    assert page.name == ALPS
    assert "ALPS (renamed upstream)" in [s.name for s in page.synonyms.all()]


def test_a_page_without_written_content_follows_the_sources_name(import_files):
    import_files.run()
    import_files.entries[0]["name"] = "ALPS (renamed upstream)"
    import_files.run()
    assert alps().name == "ALPS (renamed upstream)"
    assert alps().slug == "autoimmune-lymphoproliferative-syndrome"  # links keep working
    assert alps().content_updated_at is None  # the import is not an editorial change


def test_editor_other_names_and_identifiers_survive(import_files):
    import_files.run()
    DiseaseSynonym.objects.create(disease=alps(), name="FAS deficiency", origin=Origin.EDITOR)
    ExternalIdentifier.objects.create(disease=alps(), source="MONDO", code="0011380", origin=Origin.EDITOR)
    import_files.run()
    assert alps().synonyms.filter(name="FAS deficiency", origin=Origin.EDITOR).exists()
    assert alps().identifiers.filter(source="MONDO", code="0011380").exists()


def test_a_hidden_annotation_stays_hidden_and_a_corrected_band_stays_corrected(import_files):
    import_files.run()
    Annotation.objects.filter(disease=alps(), phenotype__hpo_id="HP:0002716").update(is_hidden=True)
    Annotation.objects.filter(disease=alps(), phenotype__hpo_id="HP:0001744").update(
        band=Band.RARE, band_corrected=True
    )
    import_files.rows[0]["frequency"] = "HP:0040282"  # the sources change splenomegaly's band too
    import_files.run()
    assert row(alps(), "HP:0002716").is_hidden
    spleen = row(alps(), "HP:0001744")
    assert spleen.band == Band.RARE and spleen.band_corrected
    assert spleen.frequency == "HP:0040282"  # the evidence still follows the sources


def test_an_annotation_an_editor_added_is_never_touched(import_files):
    import_files.run()
    seizure = Phenotype.objects.get(hpo_id="HP:0011097")
    Annotation.objects.create(disease=alps(), phenotype=seizure, band=Band.RARE, origin=Origin.EDITOR)
    import_files.rows.append(
        {**import_files.rows[0], "hpo_id": "HP:0011097", "frequency": "HP:0040281"}  # now upstream too
    )
    import_files.run()
    editor_row = row(alps(), "HP:0011097")
    assert (editor_row.origin, editor_row.band, editor_row.source_record) == (Origin.EDITOR, Band.RARE, "")


def test_annotations_removed_upstream_are_removed_unless_an_editor_owns_them(import_files):
    import_files.run()
    Annotation.objects.filter(disease=alps(), phenotype__hpo_id="HP:0002716").update(is_hidden=True)
    Annotation.objects.filter(disease=alps(), phenotype__hpo_id="HP:0001744").update(origin=Origin.EDITOR)
    import_files.rows = [
        r
        for r in import_files.rows
        if not (r["disease_name"] == ALPS and r["hpo_id"] in ("HP:0001873", "HP:0002716", "HP:0001744"))
    ]
    output = import_files.run()
    hpo_ids = set(alps().annotations.values_list("phenotype__hpo_id", flat=True))
    assert "HP:0001873" not in hpo_ids  # gone upstream, imported: removed
    assert "HP:0002716" in hpo_ids  # gone upstream, but an editor hid it: kept
    assert "HP:0001744" in hpo_ids  # gone upstream, but an editor owns the row: kept
    assert summary_counts(output, "Symptom rows (annotations)") == (0, 0, 1)


def test_a_page_whose_records_all_vanish_is_removed(import_files):
    import_files.run()
    import_files.rows = [r for r in import_files.rows if r["database_id"] != "DECIPHER:1"]
    import_files.run()
    assert not Disease.objects.filter(slug="lonely-deletion-syndrome").exists()
    assert not ExternalIdentifier.objects.filter(source="DECIPHER").exists()


def test_a_removed_page_takes_its_search_rows_with_it(import_files):
    import_files.run()  # the command also builds the search index
    lonely = Disease.objects.get(slug="lonely-deletion-syndrome")
    assert SearchTerm.objects.filter(disease=lonely).exists()
    import_files.rows = [r for r in import_files.rows if r["database_id"] != "DECIPHER:1"]
    import_files.run()
    assert not SearchTerm.objects.filter(disease_id=lonely.pk).exists()
    connection.check_constraints()  # no row is left pointing at the deleted page


def test_a_page_with_an_editors_work_is_kept_when_its_records_vanish(import_files):
    import_files.run()
    Disease.objects.filter(slug="lonely-deletion-syndrome").update(summary="Written by an editor.")
    import_files.rows = [r for r in import_files.rows if r["database_id"] != "DECIPHER:1"]
    import_files.run()
    page = Disease.objects.get(slug="lonely-deletion-syndrome")
    assert page.summary == "Written by an editor."
    assert not page.annotations.exists()  # its imported symptoms went with the record


def test_load_demo_then_import_gives_one_page_with_both(import_files):
    call_command("load_demo")
    import_files.run()
    page = Disease.objects.get(slug=DEMO["slug"])
    assert Disease.objects.filter(name=ALPS).count() == 1
    assert page.summary == DEMO["summary"]
    assert row(page, "HP:0001744").band == Band.VERY_FREQUENT
    assert {i.curie for i in page.identifiers.all()} == {
        "GARD:8686",
        "ORPHA:3261",
        "OMIM:601859",
        "MONDO:0011094",
        "DOID:0050432",
    }


def test_import_then_load_demo_gives_one_page_with_both(import_files):
    import_files.run()
    call_command("load_demo")
    page = Disease.objects.get(slug=DEMO["slug"])
    assert Disease.objects.filter(name=ALPS).count() == 1
    assert page.summary == DEMO["summary"]
    assert row(page, "HP:0001744").band == Band.VERY_FREQUENT
    assert "0 created, 0 updated, 0 removed" in import_files.run()


def test_the_import_does_not_touch_content_updated_at(import_files):
    call_command("load_demo")
    stamp = Disease.objects.get(slug=DEMO["slug"]).content_updated_at
    assert stamp is not None and stamp <= timezone.now()
    import_files.run()
    assert Disease.objects.get(slug=DEMO["slug"]).content_updated_at == stamp


def test_an_other_name_whose_capitals_change_upstream_follows_them(import_files):
    import_files.run()
    import_files.entries[0]["synonyms"] = ["Alps", "Canale-Smith syndrome"]
    import_files.run()
    assert [s.name for s in alps().synonyms.all()] == ["Alps", "Canale-Smith syndrome"]


def test_an_editors_spelling_of_an_other_name_is_kept(import_files):
    import_files.run()
    alps().synonyms.filter(name="ALPS").update(name="A.L.P.S.", origin=Origin.EDITOR)
    DiseaseSynonym.objects.create(disease=alps(), name="canale-smith syndrome", origin=Origin.EDITOR)
    import_files.run()
    names = {s.name: s.origin for s in alps().synonyms.all()}
    assert names["canale-smith syndrome"] == Origin.EDITOR
    assert "Canale-Smith syndrome" not in names  # no second copy in other capitals
    assert names["A.L.P.S."] == Origin.EDITOR and names["ALPS"] == Origin.IMPORT
