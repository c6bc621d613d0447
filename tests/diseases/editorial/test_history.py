import pytest
from django.urls import reverse

from diseases.editorial import editing
from diseases.editorial.edits import DiseaseEdit, RowChange
from diseases.models import Disease
from tests.factories import DiseaseFactory

pytestmark = pytest.mark.django_db


DRAFT, REVIEW, PUBLISHED = Disease.Status.DRAFT, Disease.Status.REVIEW, Disease.Status.PUBLISHED


def test_history_shows_who_changed_what_with_a_word_diff_and_a_revert_button(admin_client, staff_user):
    disease = DiseaseFactory(summary="Children often have large glands.", status=Disease.Status.DRAFT)
    swollen = DiseaseEdit(fields={"summary": "Children often have swollen glands."})
    editing.apply_edit(disease=disease, edit=swollen, acting_user=staff_user)
    html = admin_client.get(reverse("admin:diseases_disease_history", args=[disease.pk])).content.decode()
    assert "<del>large</del>" in html and "<ins>swollen</ins>" in html
    assert staff_user.username in html
    first = disease.history.last()
    revert_url = reverse("admin:diseases_disease_revert", args=[disease.pk, first.history_id])
    assert revert_url in html
    assert admin_client.post(revert_url).status_code == 302
    disease.refresh_from_db()
    assert disease.summary == "Children often have large glands."


def test_history_lists_changes_to_other_names_below_the_page_history(admin_client, staff_user):
    disease = DiseaseFactory(status=Disease.Status.DRAFT)
    rename = DiseaseEdit(rows={"synonyms": [RowChange(None, {"name": "Bellweather anomaly"})]})
    editing.apply_edit(disease=disease, edit=rename, acting_user=staff_user)
    html = admin_client.get(reverse("admin:diseases_disease_history", args=[disease.pk])).content.decode()
    table = html[html.index("Changes to other names") :]
    assert "Bellweather anomaly" in table and staff_user.username in table


def test_history_diff_escapes_editor_text(admin_client, staff_user):
    disease = DiseaseFactory(summary="Plain.")
    hostile = DiseaseEdit(fields={"summary": "<script>alert(1)</script>"})
    editing.apply_edit(disease=disease, edit=hostile, acting_user=staff_user)
    html = admin_client.get(reverse("admin:diseases_disease_history", args=[disease.pk])).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
