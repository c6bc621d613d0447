"""The import of Mondo, its cross-references, UniProt, genes, HGNC, inheritance and onset, end to end."""

import pytest
from django.core.management import CommandError, call_command

from diseases.models import (
    Annotation,
    DataRelease,
    Disease,
    DiseaseCharacteristic,
    DiseaseDefinition,
    DiseaseFamily,
    DiseaseGene,
    DiseaseRedirect,
    ExternalIdentifier,
    Gene,
)
from tests.data.import_files import (
    ALPS_DEFINITION,
    ALPS_MONDO,
    DYSTROPHY_DEFINITION,
    database_snapshot,
    mondo_term,
    row,
    summary_counts,
    xref_entry,
)

pytestmark = pytest.mark.django_db


def alps():
    return Disease.objects.get(gard_id=8686)


def test_definitions_are_written_with_their_source_records(import_files):
    import_files.run()
    definitions = list(alps().definitions.values_list("source", "source_record", "text"))
    assert definitions == [
        ("mondo", ALPS_MONDO, ALPS_DEFINITION),
        ("uniprot", "DI-00001", "A disorder of lymphocyte death described by UniProt for the tests."),
    ]
    # Tied to its Mondo term by its name alone, the GARD entry gets that term's definition too.
    dystrophy = Disease.objects.get(gard_id=5000)
    assert dystrophy.definitions.get().text == DYSTROPHY_DEFINITION
    assert dystrophy.identifiers.get(source="MONDO").joined_by == ExternalIdentifier.JoinedBy.MONDO_NAME


def test_a_gard_entry_is_never_tied_to_an_animal_disease(import_files):
    import_files.run()
    quiet = Disease.objects.get(gard_id=5001)
    assert not quiet.identifiers.filter(source="MONDO").exists()
    assert not quiet.definitions.exists()


def test_an_editors_choice_to_hide_a_definition_survives_a_new_release(import_files):
    import_files.run()
    DiseaseDefinition.objects.filter(disease=alps(), source="mondo").update(is_hidden=True)
    import_files.mondo[ALPS_MONDO]["description"] = "A reworded definition in a new release."
    import_files.run()
    mondo = alps().definitions.get(source="mondo")
    assert mondo.is_hidden and mondo.text == "A reworded definition in a new release."


def test_genes_get_hgnc_names_and_links_mark_the_main_gene(import_files):
    import_files.run()
    fas = Gene.objects.get(symbol="FAS")
    assert (fas.name, fas.hgnc_id, fas.ncbi_gene_id) == ("Fas cell surface death receptor", "HGNC:11920", 355)
    links = {
        link.gene.symbol: (link.is_main, link.source_record)
        for link in DiseaseGene.objects.filter(disease=alps())
    }
    # FAS is named by both records, FASLG by Orphanet's only; the gene without a symbol is left out.
    assert links == {"FAS": (True, "ORPHA:3261"), "FASLG": (False, "ORPHA:3261")}
    assert Gene.objects.count() == 2


def test_genes_no_page_names_any_more_are_removed(import_files):
    import_files.run()
    import_files.genes = [g for g in import_files.genes if g["symbol"] != "FASLG"]
    output = import_files.run()
    assert not Gene.objects.filter(symbol="FASLG").exists()
    assert summary_counts(output, "Genes") == (0, 0, 1)


def test_inheritance_and_onset_are_written_and_never_listed_as_symptoms(import_files):
    import_files.rows.append(row("OMIM:601859", "ALPS", "HP:0003577", aspect="C"))
    import_files.run()
    rows = set(
        DiseaseCharacteristic.objects.filter(disease=alps()).values_list(
            "kind", "phenotype__hpo_id", "source_record"
        )
    )
    assert rows == {
        ("inheritance", "HP:0000006", "OMIM:601859"),
        ("onset", "HP:0003577", "OMIM:601859"),
    }
    assert not Annotation.objects.filter(phenotype__hpo_id="HP:0000006").exists()


def test_families_and_mondo_classifications_are_written(import_files):
    import_files.mondo.update(
        dict(
            [
                mondo_term(
                    "MONDO:0011095",
                    "autoimmune lymphoproliferative syndrome type 1a",
                    ancestors={ALPS_MONDO: 1, "MONDO:0005046": 2, "MONDO:0700096": 3, "MONDO:0000001": 4},
                )
            ]
        )
    )
    import_files.xrefs.append(xref_entry("MONDO:0011095", "ALPS 1A", "OMIM:300100"))
    import_files.rows.append(row("OMIM:300100", "ALPS type 1A", "HP:0001744"))
    import_files.run()
    zed = Disease.objects.get(identifiers__source="OMIM", identifiers__code="300100")
    assert list(zed.parents.all()) == [alps()]
    assert list(alps().subtypes.all()) == [zed]
    assert list(alps().classifications.values_list("mondo_id", "label")) == [
        ("MONDO:0005046", "immune system disease")
    ]
    assert DiseaseFamily.objects.count() == 1


def test_a_page_merged_into_another_leaves_a_redirect_from_its_address(import_files, client):
    # First the Zed record has a page of its own; then Mondo says it is the same disease as ALPS.
    import_files.entries = [e for e in import_files.entries if e["id"] != 5000]
    import_files.run()
    zed = Disease.objects.get(identifiers__source="OMIM", identifiers__code="300000")
    old_slug = zed.slug
    import_files.xrefs[0]["xrefs"].append({"namespace": "OMIM", "id": "300000"})
    output = import_files.run()
    assert not Disease.objects.filter(slug=old_slug).exists()
    assert DiseaseRedirect.objects.get(slug=old_slug).disease == alps()
    # Its short address, printed on sheets, leads to the page it joined too.
    assert client.get(f"/d/{zed.pk}/")["Location"] == f"/diseases/{alps().slug}/"
    assert summary_counts(output, "Addresses of merged pages (redirects)") == (1, 0, 0)
    for suffix in ("", "symptoms.csv", "symptoms.json"):
        response = client.get(f"/diseases/{old_slug}/{suffix}")
        assert response.status_code == 301
        assert response["Location"] == f"/diseases/{alps().slug}/{suffix}"
    api = client.get(f"/api/v1/diseases/{old_slug}/")
    assert api.status_code == 301 and api["Location"].endswith(f"/api/v1/diseases/{alps().slug}/")
    # The page it now points to answers.
    assert client.get(f"/diseases/{alps().slug}/").status_code == 200


def test_every_source_release_is_recorded_and_if_changed_skips_them_all(import_files):
    import_files.run()
    assert set(DataRelease.objects.values_list("source", flat=True)) == set(DataRelease.Source.values)
    assert DataRelease.objects.get(source="mondo").version == "v2026-05-05"
    before = database_snapshot()
    assert "Already loaded" in import_files.run("--if-changed")
    assert database_snapshot() == before
    import_files.uniprot[0]["description"] = "Described again."
    assert "Already loaded" not in import_files.run("--if-changed")
    assert alps().definitions.get(source="uniprot").text == "Described again."


@pytest.mark.parametrize(
    ("kind", "text", "problem"),
    [
        ("mondo", '{"MONDO:1": {"label": "x"}}', "record MONDO:1: is not a Mondo id"),
        ("mondo_xrefs", '[{"id": "1"}]', "record #1: has no 7-digit Mondo id"),
        ("uniprot", "<tryton><record id='DI-00001'>", "this is not well-formed XML"),
        (
            "genes",
            "ncbi_gene_id\tgene_symbol\tdisease_id\n1\tA\tnope\n",
            'line 2: "nope" is not a disease id',
        ),
        ("hgnc", "HGNC ID\n", "line 1: the column header lacks"),
    ],
)
def test_a_malformed_new_source_is_refused_and_the_database_left_untouched(import_files, kind, text, problem):
    import_files.run()
    before = database_snapshot()
    import_files.write_text(kind, text)
    with pytest.raises(CommandError) as error:
        import_files.run()
    assert "Nothing was imported." in str(error.value) and problem in str(error.value)
    assert database_snapshot() == before


def test_the_command_accepts_each_file_by_its_own_option(import_files):
    paths = import_files.write()
    options = {kind: str(path) for kind, path in paths.items()}
    call_command("import_data", **options, verbosity=0)
    assert Disease.objects.filter(definitions__isnull=False).distinct().count() == 2
