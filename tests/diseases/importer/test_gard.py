import json

import pytest

from diseases.importer.errors import ImportFileError
from diseases.importer.gard import parse_gard
from tests.data.import_files import default_entries


@pytest.fixture
def write_gard(tmp_path):
    def write(text):
        path = tmp_path / "diseases.trimmed.json"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def test_entries_have_ids_names_slugs_synonyms_and_categories(write_gard):
    catalogue = parse_gard(write_gard(json.dumps(default_entries())), "0.0.3")
    alps = catalogue.entries[0]
    assert (alps.gard_id, alps.slug, catalogue.version) == (
        8686,
        "autoimmune-lymphoproliferative-syndrome",
        "0.0.3",
    )
    assert alps.synonyms == ["ALPS", "Canale-Smith syndrome"]
    assert alps.categories == ["Cancer", "Genetics", "Hematology"]


def test_a_truncated_file_names_the_file_and_line(write_gard):
    text = json.dumps(default_entries(), indent=1)
    with pytest.raises(ImportFileError, match=r"diseases\.trimmed\.json, line \d+: .*truncated"):
        parse_gard(write_gard(text[: len(text) // 2]), "0.0.3")


def test_an_entry_without_a_name_names_its_line(write_gard):
    entries = default_entries()
    del entries[1]["name"]
    text = json.dumps(entries, indent=1)
    openings = [number for number, line in enumerate(text.splitlines(), start=1) if line == " {"]
    line = openings[1]  # the second entry opens on this line
    with pytest.raises(ImportFileError, match=rf"line {line}: GARD disease 5000 has no \"name\""):
        parse_gard(write_gard(text), "0.0.3")
