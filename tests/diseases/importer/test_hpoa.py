import pytest

from diseases.importer.errors import ImportFileError
from diseases.importer.hpoa import parse_hpoa, pubmed_references
from diseases.models import Annotation
from tests.data.import_files import ALPS, default_rows, hpoa_text, row

TERMS = {"HP:0001744", "HP:0002716", "HP:0001250", "HP:0001873", "HP:0000006", "HP:0003577"}


@pytest.fixture
def write_hpoa(tmp_path):
    def write(rows=None, text=None, version="2025-01-16"):
        path = tmp_path / "phenotype.hpoa"
        path.write_text(
            text if text is not None else hpoa_text(rows or default_rows(), version), encoding="utf-8"
        )
        return path

    return write


def test_release_version_comes_from_the_version_header(write_hpoa):
    assert parse_hpoa(write_hpoa(version="2025-01-16")).version == "2025-01-16"


def test_rows_are_grouped_by_disease_record_with_its_name(write_hpoa):
    records = parse_hpoa(write_hpoa()).records
    assert list(records) == ["ORPHA:3261", "OMIM:601859", "OMIM:300000", "DECIPHER:1"]
    assert (records["ORPHA:3261"].source, records["ORPHA:3261"].code, records["ORPHA:3261"].name) == (
        "ORPHA",
        "3261",
        ALPS,
    )


def test_each_row_keeps_evidence_onset_frequency_and_pubmed_references(write_hpoa):
    row_ = next(
        a for a in parse_hpoa(write_hpoa()).records["OMIM:601859"].annotations if a.hpo_id == "HP:0001873"
    )
    assert (row_.evidence, row_.onset, row_.frequency) == ("PCS", "HP:0003577", "7/13")
    assert row_.pubmed_references == "PMID:111;PMID:222"
    assert row_.band == Annotation.Band.FREQUENT


def test_the_not_qualifier_marks_a_row_excluded(write_hpoa):
    annotations = {a.hpo_id: a for a in parse_hpoa(write_hpoa()).records["ORPHA:3261"].annotations}
    assert annotations["HP:0001250"].is_excluded
    assert not annotations["HP:0001744"].is_excluded


def test_the_excluded_frequency_term_marks_a_row_excluded(write_hpoa):
    path = write_hpoa([row("ORPHA:1", "A", "HP:0001744", frequency="HP:0040285")])
    assert parse_hpoa(path).records["ORPHA:1"].annotations[0].is_excluded


def test_inheritance_and_onset_aspects_are_not_symptom_rows(write_hpoa):
    records = parse_hpoa(write_hpoa()).records
    assert "HP:0000006" not in {a.hpo_id for a in records["OMIM:601859"].annotations}


def test_pubmed_references_keep_whole_entries_that_fit_1000_characters():
    column = ";".join(f"PMID:{n:08d}" for n in range(200))
    kept = pubmed_references(column)
    assert len(kept) <= 1000
    assert all(entry.startswith("PMID:") and len(entry) == 13 for entry in kept.split(";"))


def test_a_row_with_missing_columns_names_the_file_and_line(write_hpoa):
    text = hpoa_text(default_rows())
    lines = text.splitlines()
    lines[5] = "\t".join(lines[5].split("\t")[:6])
    path = write_hpoa(text="\n".join(lines) + "\n")
    with pytest.raises(
        ImportFileError, match=r"phenotype\.hpoa, line 6: expected 12 tab-separated columns, found 6"
    ):
        parse_hpoa(path)


def test_an_unreadable_frequency_names_the_line(write_hpoa):
    path = write_hpoa(
        [row("ORPHA:1", "A", "HP:0001744"), row("ORPHA:1", "A", "HP:0002716", frequency="often")]
    )
    with pytest.raises(ImportFileError, match=r"line 6: the frequency \"often\""):
        parse_hpoa(path)


def test_a_term_missing_from_the_ontology_names_the_line(write_hpoa):
    path = write_hpoa([row("ORPHA:1", "A", "HP:0001744"), row("ORPHA:1", "A", "HP:0009999")])
    with pytest.raises(ImportFileError, match=r"line 6: HP:0009999 is not a term of the HPO release"):
        parse_hpoa(path, known_terms=TERMS)


def test_a_file_without_a_version_header_is_refused(write_hpoa):
    text = hpoa_text(default_rows()).replace("#version: 2025-01-16\n", "")
    with pytest.raises(ImportFileError, match="#version: header is missing"):
        parse_hpoa(write_hpoa(text=text))


def test_a_file_cut_off_mid_row_is_reported_as_truncated(write_hpoa):
    text = hpoa_text(default_rows())
    with pytest.raises(ImportFileError, match="ends in the middle of this line"):
        parse_hpoa(write_hpoa(text=text[:-30]))
