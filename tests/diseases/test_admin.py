import pytest
from django.urls import reverse

from diseases.models import Disease
from tests.factories import (
    DiseaseSynonymFactory,
    PhenotypeFactory,
    PhenotypeSynonymFactory,
    disease_with_symptoms,
)
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:diseases_disease_changelist",
        "admin:diseases_disease_add",
        "admin:diseases_phenotype_changelist",
        "admin:diseases_category_changelist",
    ],
)
def test_admin_list_and_add_pages_render(admin_client, url_name):
    disease_with_symptoms(3)
    assert admin_client.get(reverse(url_name)).status_code == 200


def test_disease_change_form_shows_every_inline(admin_client):
    disease = disease_with_symptoms(3)
    html = admin_client.get(reverse("admin:diseases_disease_change", args=[disease.pk])).content.decode()
    for prefix in ["synonyms", "identifiers", "references", "resources", "annotations"]:
        assert f'id="{prefix}-group"' in html
    assert (
        "admin/js/autocomplete.js" in html
    )  # phenotypes are picked by autocomplete, not a 19,000-row select


def test_disease_admin_finds_by_synonym_and_identifier(admin_client):
    disease = disease_with_symptoms(1, name="Autoimmune lymphoproliferative syndrome")
    DiseaseSynonymFactory(disease=disease, name="Canale-Smith syndrome")
    url = reverse("admin:diseases_disease_changelist")
    assert disease.name in admin_client.get(url, {"q": "Canale-Smith"}).content.decode()
    code = disease.identifiers.get().code
    assert disease.name in admin_client.get(url, {"q": code}).content.decode()


def test_phenotype_autocomplete_finds_by_synonym_and_skips_obsolete(admin_client):
    current = PhenotypeFactory(name="Splenomegaly")
    PhenotypeSynonymFactory(phenotype=current, name="Increased spleen size")
    PhenotypeFactory(name="Increased spleen size, obsolete", is_obsolete=True)
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "spleen size",
            "app_label": "diseases",
            "model_name": "annotation",
            "field_name": "phenotype",
        },
    )
    names = [result["text"] for result in response.json()["results"]]
    assert names == [str(current)]


def test_saving_written_content_in_admin_moves_the_last_updated_date(admin_client):
    disease = disease_with_symptoms(1, status=Disease.Status.DRAFT)
    Disease.objects.filter(pk=disease.pk).update(content_updated_at=None)
    url = reverse("admin:diseases_disease_change", args=[disease.pk])
    data = admin_form_data(admin_client.get(url))
    data["treatment"] = "New treatment text."
    response = admin_client.post(url, data)
    assert response.status_code == 302
    disease.refresh_from_db()
    assert disease.treatment == "New treatment text."
    assert disease.content_updated_at is not None


def test_saving_without_text_changes_keeps_the_last_updated_date(admin_client):
    disease = disease_with_symptoms(1)
    Disease.objects.filter(pk=disease.pk).update(content_updated_at=None)
    url = reverse("admin:diseases_disease_change", args=[disease.pk])
    response = admin_client.post(url, admin_form_data(admin_client.get(url)))
    assert response.status_code == 302
    disease.refresh_from_db()
    assert disease.content_updated_at is None


def test_phenotype_autocomplete_survives_a_nul_character(admin_client):
    PhenotypeFactory(name="Splenomegaly")
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "spleno\x00",
            "app_label": "diseases",
            "model_name": "annotation",
            "field_name": "phenotype",
        },
    )
    assert response.status_code == 200
    assert [result["text"].split(" (")[0] for result in response.json()["results"]] == ["Splenomegaly"]
