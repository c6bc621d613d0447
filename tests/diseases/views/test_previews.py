import pytest
from django.urls import reverse

from diseases.models import Disease
from tests.factories import DiseaseFactory

pytestmark = pytest.mark.django_db


DRAFT, REVIEW, PUBLISHED = Disease.Status.DRAFT, Disease.Status.REVIEW, Disease.Status.PUBLISHED


def test_staff_preview_a_draft_with_a_banner_and_no_caching(client, editor):
    disease = DiseaseFactory(status=DRAFT, name="Hidden draft syndrome")
    assert client.get(disease.get_absolute_url()).status_code == 404
    client.force_login(editor)
    for url in [disease.get_absolute_url(), reverse("diseases:preview", args=[disease.slug])]:
        response = client.get(url)
        assert response.status_code == 200
        assert "Draft preview" in response.content.decode()
        assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_readers_get_404_for_the_preview_url(client):
    disease = DiseaseFactory(status=DRAFT)
    assert client.get(reverse("diseases:preview", args=[disease.slug])).status_code == 404
