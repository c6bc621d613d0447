"""Building the search and matching indexes: after every import, and by hand."""

from io import StringIO

import pytest
from django.core.management import call_command

from diseases import search
from diseases.models import SearchTerm, SimilarityIndex
from tests.factories import DiseaseFactory

pytestmark = pytest.mark.django_db


def build(*args):
    output = StringIO()
    call_command("build_search_index", *args, stdout=output)
    return output.getvalue()


def test_an_import_leaves_both_indexes_built(import_files):
    output = import_files.run()
    assert "Search index:" in output and "Matching index:" in output
    hits = search.search("Canale-Smith syndrome").diseases
    assert hits[0].label == "Autoimmune lymphoproliferative syndrome"
    assert SimilarityIndex.objects.get().disease_count > 0


def test_an_unchanged_import_rebuilds_a_missing_index(import_files):
    import_files.run()
    SearchTerm.objects.all().delete()
    output = import_files.run("--if-changed")
    assert "Already loaded" in output and "Search index:" in output
    assert search.search("ALPS").diseases


def test_an_unchanged_import_leaves_a_current_index_alone(import_files):
    import_files.run()
    built = SimilarityIndex.objects.get().pk
    assert "up to date" in import_files.run("--if-changed")
    assert SimilarityIndex.objects.get().pk == built


def test_the_command_rebuilds_from_what_is_in_the_database():
    DiseaseFactory(name="Hand-made syndrome")
    assert "Search index: 1 names" in build()
    assert search.search("hand made").diseases[0].label == "Hand-made syndrome"
    assert "up to date" in build("--if-stale")
