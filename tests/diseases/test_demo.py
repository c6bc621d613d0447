import pytest
from django.core.management import call_command

from diseases.demo_content import ALPS
from diseases.markup import cited_numbers
from diseases.models import Disease

pytestmark = pytest.mark.django_db


def test_load_demo_builds_the_full_alps_page(client):
    call_command("load_demo")
    disease = Disease.objects.published().get(slug="autoimmune-lymphoproliferative-syndrome")
    assert {str(i) for i in disease.identifiers.all()} >= {"ORPHA:3261", "OMIM:601859"}
    assert all(getattr(disease, field).strip() for field in Disease.CONTENT_FIELDS)
    assert disease.references.count() >= 3
    assert {r.section for r in disease.resources.all()} == {
        "testing",
        "specialists",
        "research",
        "registries",
        "organisations",
        "learn_more",
    }
    assert "Canale-Smith syndrome" in [s.name for s in disease.synonyms.all()]
    assert {c.name for c in disease.categories.all()} == {"Cancer", "Genetics", "Hematology"}
    assert client.get(disease.get_absolute_url()).status_code == 200


def test_loading_the_demo_again_changes_nothing():
    call_command("load_demo")
    before = Disease.objects.get(slug=ALPS["slug"])
    call_command("load_demo")
    after = Disease.objects.get(slug=ALPS["slug"])
    assert after.updated_at == before.updated_at
    assert after.references.count() == len(ALPS["references"])


def test_loading_the_demo_keeps_an_editors_changes():
    call_command("load_demo")
    Disease.objects.filter(slug=ALPS["slug"]).update(summary="Edited by an editor.")
    call_command("load_demo")
    assert Disease.objects.get(slug=ALPS["slug"]).summary == "Edited by an editor."


def test_every_citation_in_the_demo_has_a_reference():
    numbers = {reference["number"] for reference in ALPS["references"]}
    cited = {n for field in Disease.CONTENT_FIELDS for n in cited_numbers(ALPS[field])}
    assert cited == numbers
