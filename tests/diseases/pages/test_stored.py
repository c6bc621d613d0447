"""Each disease page's HTML is kept under a key made of what it shows, so a change elsewhere on the site
(which empties the page cache) re-renders only the pages it changed, and never shows an outdated one."""

import pytest
from django.test import Client

from diseases.editorial import glossary as services
from diseases.models import Annotation, DataRelease, Disease, Phenotype
from diseases.pages.glossary import Glossary
from diseases.pages.stored import body_key
from tests.factories import (
    AnnotationFactory,
    DataReleaseFactory,
    DiseaseCharacteristicFactory,
    DiseaseFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def only_the_page_body_cache(settings):
    settings.PAGE_CACHE_ENABLED = False  # every request reaches the view


@pytest.fixture
def group():
    page = DiseaseFactory(name="Polycystic kidney disease", slug="pkd")
    AnnotationFactory(disease=page, phenotype__name="Renal cyst")
    DataReleaseFactory()
    return page


def page(path="/diseases/pkd/"):
    response = Client().get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_a_page_whose_content_did_not_change_is_not_rendered_again(group, django_assert_max_num_queries):
    assert "Renal cyst" in page()
    DiseaseFactory(name="Elsewhere syndrome")  # a change elsewhere: the content generation moves
    # The page's row, its family (three reads), the releases, the generation and the kept HTML; none
    # of its own rows.
    with django_assert_max_num_queries(8):
        assert "Renal cyst" in page()


def test_its_own_rows_changing_renders_it_again(group):
    assert "Renal cyst" in page()
    row = Annotation.objects.get(disease=group)
    row.is_hidden = True
    row.save()
    assert "Renal cyst" not in page()


def test_a_kept_page_is_the_one_served_while_its_rows_say_nothing_changed(group):
    assert "Renal cyst" in page()
    # Rewritten without any signal or date: only the kept HTML explains the old name still showing.
    Phenotype.objects.filter(name="Renal cyst").update(name="Kidney cyst")
    assert "Renal cyst" in page()


def test_a_type_renamed_or_unpublished_anyhow_shows_at_once_on_its_groups_page(group):
    subtype = DiseaseFactory(name="Polycystic kidney disease 1", slug="pkd1")
    group.subtypes.add(subtype)
    assert "Polycystic kidney disease 1" in page()
    Disease.objects.filter(pk=subtype.pk).update(name="PKD type 1")  # no signal reaches the group
    assert "PKD type 1" in page()
    Disease.objects.filter(pk=subtype.pk).update(status=Disease.Status.DRAFT)
    assert "PKD type 1" not in page()


def test_the_page_row_changed_anyhow_shows_at_once(group):
    assert "A short summary" in page()
    Disease.objects.filter(pk=group.pk).update(summary="Rewritten in the shell.")
    assert "Rewritten in the shell." in page()


def test_a_new_data_release_renders_the_page_again(group):
    assert "2025-05-06" in page()
    DataReleaseFactory(source="hpo").__class__.objects.filter(source="hpo").update(version="2026-01-01")
    assert "2026-01-01" in page()


def test_renaming_an_inheritance_term_from_the_shell_renders_the_pages_showing_it_again(group):
    shown = DiseaseCharacteristicFactory(disease=group, phenotype__name="Autosomal dominant inheritance")
    assert "Autosomal dominant inheritance" in page()
    shown.phenotype.name = "Dominant inheritance"
    shown.phenotype.save()
    assert "Dominant inheritance" in page() and "Autosomal dominant inheritance" not in page()


def test_a_changed_glossary_entry_renders_every_page_again_with_its_new_words(group, glossary, editor):
    kidney = DiseaseFactory(name="Cystic kidney disease", slug="ckd")
    AnnotationFactory(disease=kidney, phenotype__name="Multiple kidney cysts")
    cyst = glossary["cyst"]
    shipped = cyst.explanation
    for path in ["/diseases/pkd/", "/diseases/ckd/"]:
        assert shipped in page(path)
    services.save_entry(
        entry=cyst,
        term=cyst.term,
        forms=cyst.forms,
        explanation="A small closed bag of fluid.",
        acting_user=editor,
    )

    for path in ["/diseases/pkd/", "/diseases/ckd/"]:
        html = page(path)
        assert "A small closed bag of fluid." in html and shipped not in html


def test_the_key_names_the_glossary_as_it_is_now(group, glossary, editor):
    disease = Disease.objects.with_family().get(pk=group.pk)
    releases = DataRelease.objects.by_source()
    before = body_key(disease, releases, Glossary.current())
    services.delete_entry(entry=glossary["anemia"], acting_user=editor)

    assert body_key(disease, releases, Glossary.current()) != before
