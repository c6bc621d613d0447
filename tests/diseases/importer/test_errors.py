"""A missing, truncated or malformed file stops the import with its name and line; nothing changes."""

import pytest
from django.core.management import CommandError

from diseases.importer import run as import_run
from diseases.models import Disease, Phenotype
from tests.data.import_files import database_snapshot, hpoa_text

pytestmark = pytest.mark.django_db


def test_a_malformed_file_leaves_the_database_untouched(import_files):
    import_files.run()
    before = database_snapshot()
    import_files.terms[2]["name"] = "Renamed in the new release"  # a valid change in another file
    text = hpoa_text(import_files.rows)
    lines = text.splitlines()
    assert "HP:0040282" in lines[5]  # the sixth line: ORPHA:3261, lymphadenopathy
    lines[5] = lines[5].replace("HP:0040282", "about half")
    import_files.write_text("hpoa", "\n".join(lines) + "\n")
    with pytest.raises(CommandError) as error:
        import_files.run()
    assert "phenotype.hpoa, line 6" in str(error.value)
    assert "Nothing was imported" in str(error.value)
    assert database_snapshot() == before


def test_a_truncated_file_on_first_import_leaves_the_database_empty(import_files):
    text = hpoa_text(import_files.rows)
    import_files.write_text("hpoa", text[: len(text) - 20])
    with pytest.raises(CommandError, match=r"phenotype\.hpoa, line \d+: the file ends in the middle"):
        import_files.run()
    assert not Disease.objects.exists() and not Phenotype.objects.exists()


def test_a_missing_file_is_named(import_files):
    paths = import_files.write()
    paths["gard"].unlink()
    import_files.write = lambda: paths  # keep the file missing
    with pytest.raises(CommandError, match=r"diseases\.trimmed\.json: the file does not exist"):
        import_files.run()
    assert not Phenotype.objects.exists()


def test_a_failure_while_writing_rolls_everything_back(import_files, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(import_run, "load_annotations", fail)
    with pytest.raises(RuntimeError):
        import_files.run()
    # Terms and pages were written before the failure, in the same transaction.
    assert not Phenotype.objects.exists() and not Disease.objects.exists()
