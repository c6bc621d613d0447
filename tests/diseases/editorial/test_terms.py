"""Categories and HPO terms changed in the admin go through the services: recorded, re-indexed, re-summarised."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from diseases import search
from diseases.editorial import terms
from diseases.models import Annotation, Category, Phenotype
from diseases.plain.build import build_summaries
from tests.factories import AnnotationFactory, CategoryFactory, DiseaseFactory, PhenotypeFactory
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db


def test_a_category_renamed_in_the_admin_is_recorded_with_who_did_it(admin_client, staff_user):
    category = CategoryFactory(name="Hematology")
    url = reverse("admin:diseases_category_change", args=[category.pk])
    data = admin_form_data(admin_client.get(url))
    data["name"] = "Blood"
    assert admin_client.post(url, data).status_code == 302
    latest = category.history.latest()
    assert (latest.name, latest.history_user) == ("Blood", staff_user)


def test_a_category_deleted_in_the_admin_is_recorded(admin_client, staff_user):
    category = CategoryFactory(name="Hematology")
    url = reverse("admin:diseases_category_delete", args=[category.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Category.objects.filter(pk=category.pk).exists()
    assert Category.history.filter(history_type="-", history_user=staff_user).exists()


def test_an_editor_without_the_permission_cannot_change_a_category(editor):
    with pytest.raises(PermissionDenied):
        terms.delete_category(category=CategoryFactory(), acting_user=editor)


@pytest.fixture
def shown_term():
    spleen = PhenotypeFactory(hpo_id="HP:0001744", name="Splenomegaly")
    page = DiseaseFactory(name="Spleen disease")
    AnnotationFactory(disease=page, phenotype=spleen, band=Annotation.Band.VERY_FREQUENT)
    search.rebuild_search_index()
    build_summaries()
    return spleen, page


def test_an_everyday_name_added_in_the_admin_is_searched_summarised_and_recorded_at_once(
    admin_client, staff_user, shown_term
):
    spleen, page = shown_term
    assert not search.search("big spleen").symptoms
    url = reverse("admin:diseases_phenotype_change", args=[spleen.pk])
    data = admin_form_data(admin_client.get(url))
    prefix = "synonyms"
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": str(total + 1),
            f"{prefix}-{total}-name": "big spleen",
            f"{prefix}-{total}-scope": "EXACT",
            f"{prefix}-{total}-is_lay": "on",
        }
    )
    assert admin_client.post(url, data).status_code == 302
    assert [hit.key for hit in search.search("big spleen").symptoms] == ["HP:0001744"]
    page.refresh_from_db()
    assert page.plain_summary["sentences"][0]["text"] == "Common signs include big spleen (splenomegaly)."
    synonym = spleen.synonyms.get(name="big spleen")
    assert synonym.history.latest().history_user == staff_user


def test_a_term_renamed_in_the_admin_is_found_by_its_new_name_and_recorded(
    admin_client, staff_user, shown_term
):
    spleen, _ = shown_term
    url = reverse("admin:diseases_phenotype_change", args=[spleen.pk])
    data = admin_form_data(admin_client.get(url))
    data["name"] = "Enlarged spleen"
    assert admin_client.post(url, data).status_code == 302
    assert [hit.label for hit in search.search("enlarged spleen").symptoms][:1] == ["Enlarged spleen"]
    assert Phenotype.history.filter(
        hpo_id="HP:0001744", history_user=staff_user, name="Enlarged spleen"
    ).exists()
