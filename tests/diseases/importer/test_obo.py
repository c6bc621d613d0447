import pytest

from diseases.importer.errors import ImportFileError
from diseases.importer.obo import parse_obo
from tests.data.import_files import default_terms, obo_text, term


@pytest.fixture
def write_obo(tmp_path):
    def write(text):
        path = tmp_path / "hp.obo"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def parse(write_obo, terms=None, version="2025-01-16"):
    return parse_obo(write_obo(obo_text(terms or default_terms(), version)))


def test_release_version_comes_from_the_data_version_header(write_obo):
    assert parse(write_obo, version="2025-01-16").version == "2025-01-16"


def test_terms_have_ids_names_and_definitions_without_quotes_or_xrefs(write_obo):
    terms = parse(write_obo).terms
    assert terms["HP:0001744"].name == "Splenomegaly"
    assert terms["HP:0001744"].definition == "Abnormal increased size of the spleen."


def test_escaped_quotes_in_a_definition_are_unescaped(write_obo):
    ontology = parse(write_obo, [term("HP:0000001", "All", definition='Has to "perform" acts.')])
    assert ontology.terms["HP:0000001"].definition == 'Has to "perform" acts.'


def test_is_a_lines_give_the_parents(write_obo):
    terms = parse(write_obo).terms
    assert [parent for parent, _ in terms["HP:0011097"].parents] == ["HP:0001250"]


def test_synonyms_keep_their_scope_and_layperson_ones_are_marked_lay(write_obo):
    synonyms = {s.name: s for s in parse(write_obo).terms["HP:0001744"].synonyms}
    assert synonyms["Increased spleen size"].scope == "EXACT" and synonyms["Increased spleen size"].is_lay
    assert synonyms["Enlarged spleen"].scope == "RELATED" and not synonyms["Enlarged spleen"].is_lay


def test_obsolete_terms_are_kept_with_their_replacement(write_obo):
    obsolete = parse(write_obo).terms["HP:0001745"]
    assert obsolete.is_obsolete and obsolete.replaced_by == "HP:0001744"


def test_only_hp_terms_are_read(write_obo):
    text = obo_text(default_terms()) + "[Term]\nid: UPHENO:0000001\nname: Other ontology\n\n"
    ontology = parse_obo(write_obo(text))
    assert "UPHENO:0000001" not in ontology.terms
    assert "part_of" not in ontology.terms  # a [Typedef], not a term
    assert len(ontology.terms) == len(default_terms())


def test_an_unclosed_quote_names_the_file_and_line(write_obo):
    text = obo_text(default_terms()).replace(
        'def: "Abnormal increased size of the spleen."', 'def: "Abnormal'
    )
    path = write_obo(text)
    line = text.splitlines().index('def: "Abnormal [https://orcid.org/0000-0000-0000-0000]') + 1
    with pytest.raises(ImportFileError) as error:
        parse_obo(path)
    assert (error.value.path, error.value.line) == (path, line)
    assert f"hp.obo, line {line}" in str(error.value)


def test_a_file_cut_off_mid_line_is_reported_as_truncated(write_obo):
    text = obo_text(default_terms())
    cut = text[: text.index("name: Lymphadenopathy") + 10]
    with pytest.raises(ImportFileError, match=r"line \d+: the file ends in the middle of this line"):
        parse_obo(write_obo(cut))


def test_a_parent_missing_from_the_file_is_reported_with_its_line(write_obo):
    text = obo_text([term("HP:0000001", "All"), term("HP:0000118", "Abnormality", parents=["HP:0000999"])])
    line = text.splitlines().index("is_a: HP:0000999 ! parent") + 1
    with pytest.raises(
        ImportFileError, match=rf"line {line}: HP:0000118 is_a HP:0000999, a term not in the file"
    ):
        parse_obo(write_obo(text))


def test_a_file_without_a_data_version_is_refused(write_obo):
    text = obo_text(default_terms()).replace("data-version: hp/releases/2025-01-16\n", "")
    with pytest.raises(ImportFileError, match="no data-version"):
        parse_obo(write_obo(text))


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(ImportFileError, match=r"nowhere\.obo: the file does not exist"):
        parse_obo(tmp_path / "nowhere.obo")
