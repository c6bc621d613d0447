import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client

from diseases import markup
from diseases.editorial import editing
from diseases.editorial.edits import DiseaseEdit, RowChange
from diseases.models import Disease
from tests.factories import DiseaseFactory

pytestmark = pytest.mark.django_db


DRAFT, REVIEW, PUBLISHED = Disease.Status.DRAFT, Disease.Status.REVIEW, Disease.Status.PUBLISHED


def page(disease):
    response = Client().get(disease.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def edited(staff_user, **texts):
    disease = DiseaseFactory(slug="alps")
    editing.apply_edit(disease=disease, edit=DiseaseEdit(fields=texts), acting_user=staff_user)
    return Disease.objects.get(pk=disease.pk)


def test_missing_reference_errors_name_the_marker_and_the_section():
    errors = editing.missing_reference_errors({"summary": "x[1] y[3]", "cause": "z[3]"}, [1])
    assert errors == [
        "The marker [3] in Summary, Cause has no reference 3. Add reference 3 or remove the marker."
    ]


def test_deleting_a_cited_reference_is_refused(editor):
    from tests.factories import ReferenceFactory

    disease = DiseaseFactory(summary="Fact.[1]")
    reference = ReferenceFactory(disease=disease, number=1)
    removal = DiseaseEdit(rows={"references": [RowChange(reference.pk, delete=True)]})
    with pytest.raises(ValidationError, match=r"The marker \[1\] in Summary has no reference 1"):
        editing.apply_edit(disease=disease, edit=removal, acting_user=editor)
    assert disease.references.count() == 1


def test_deleting_an_uncited_reference_works(editor):
    from tests.factories import ReferenceFactory

    disease = DiseaseFactory(summary="Nothing cited.")
    reference = ReferenceFactory(disease=disease, number=2)
    removal = DiseaseEdit(rows={"references": [RowChange(reference.pk, delete=True)]})
    editing.apply_edit(disease=disease, edit=removal, acting_user=editor)
    assert disease.references.count() == 0


def test_saving_text_through_the_services_stores_its_html(staff_user):
    disease = edited(staff_user, summary="A **bold** start.", cause="<script>alert(1)</script>Genes.")
    texts = disease.texts_html["texts"]
    assert disease.texts_html["renderer"] == markup.RENDERER_VERSION
    assert texts["summary"]["html"] == "<p>A <strong>bold</strong> start.</p>"
    assert texts["cause"]["html"].strip() == "<p>Genes.</p>"  # the script is gone
    assert set(texts) == {"summary", "cause"}  # empty sections store nothing


def test_the_page_shows_the_stored_html_without_rendering_it_again(staff_user):
    disease = edited(staff_user, summary="Plain words.")
    stored = disease.texts_html
    stored["texts"]["summary"]["html"] = "<p>Taken from the store.</p>"  # same text, same renderer
    Disease.objects.filter(pk=disease.pk).update(texts_html=stored)
    assert "Taken from the store." in page(disease)


def test_text_changed_around_the_services_is_rendered_not_taken_from_an_outdated_store(staff_user):
    disease = edited(staff_user, summary="Old words.")
    Disease.objects.filter(pk=disease.pk).update(summary="New **words**.")  # no render, no signal
    html = page(disease)
    assert "New <strong>words</strong>." in html and "Old words." not in html


def test_html_from_another_renderer_version_is_not_used(staff_user):
    disease = edited(staff_user, summary="Plain words.")
    stored = disease.texts_html
    stored["renderer"] = markup.RENDERER_VERSION - 1
    stored["texts"]["summary"]["html"] = "<p>From an older renderer.</p>"
    Disease.objects.filter(pk=disease.pk).update(texts_html=stored)
    html = page(disease)
    assert "Plain words." in html and "older renderer" not in html


def test_the_command_renders_outdated_pages_again(staff_user):
    current = edited(staff_user, summary="Already current.")
    outdated = DiseaseFactory(slug="other", summary="Saved **around** the services.")
    assert outdated.texts_html == {}
    call_command("rerender_markdown", "--outdated", verbosity=0)
    outdated.refresh_from_db()
    assert (
        outdated.texts_html["texts"]["summary"]["html"]
        == "<p>Saved <strong>around</strong> the services.</p>"
    )
    assert Disease.objects.get(pk=current.pk).texts_html == current.texts_html

    stale = outdated.texts_html
    stale["renderer"] = markup.RENDERER_VERSION - 1
    Disease.objects.filter(pk=outdated.pk).update(texts_html=stale)
    call_command("rerender_markdown", verbosity=0)
    outdated.refresh_from_db()
    assert outdated.texts_html["renderer"] == markup.RENDERER_VERSION
