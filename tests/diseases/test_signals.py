"""``page_changed_at`` moves when, and only when, something a public page shows changes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from diseases.editorial import editing, workflow
from diseases.editorial.edits import DiseaseEdit
from diseases.models import Disease
from tests.data.import_files import ALPS
from tests.factories import (
    AnnotationFactory,
    CategoryFactory,
    DiseaseFactory,
    DiseaseGeneFactory,
    PhenotypeSynonymFactory,
    ReferenceFactory,
)

pytestmark = pytest.mark.django_db


LONG_AGO = timezone.now() - timedelta(days=400)


def age_pages(*diseases):
    Disease.objects.filter(pk__in=[d.pk for d in diseases]).update(page_changed_at=LONG_AGO)


def changed(disease):
    return Disease.objects.get(pk=disease.pk).page_changed_at > LONG_AGO


def page_dates():
    return dict(Disease.objects.values_list("slug", "page_changed_at"))


def test_an_import_dates_only_the_pages_whose_content_it_changed(import_files):
    import_files.run()
    assert all(page_dates().values())
    Disease.objects.update(page_changed_at=LONG_AGO)
    import_files.run()
    assert set(page_dates().values()) == {LONG_AGO}  # nothing changed, nothing moves

    import_files.rows = [r for r in import_files.rows if r["database_id"] != "DECIPHER:1"]
    import_files.rows.append(
        {
            **import_files.rows[0],
            "database_id": "DECIPHER:1",
            "disease_name": "Lonely deletion syndrome",
            "hpo_id": "HP:0002716",
        }
    )
    import_files.run()
    moved = {slug for slug, date in page_dates().items() if date > LONG_AGO}
    assert moved == {"lonely-deletion-syndrome"}


def test_a_new_everyday_name_of_a_term_dates_the_pages_that_show_it(import_files):
    import_files.run()
    Disease.objects.update(page_changed_at=LONG_AGO)
    splenomegaly = next(t for t in import_files.terms if t["id"] == "HP:0001744")
    splenomegaly["synonyms"].append(("Big spleen", "EXACT", "layperson"))
    import_files.run()
    moved = {slug for slug, date in page_dates().items() if date > LONG_AGO}
    assert moved == {Disease.objects.get(name=ALPS).slug}


def test_an_editors_change_through_the_services_dates_the_page(staff_user):
    disease = DiseaseFactory()
    age_pages(disease)
    editing.apply_edit(
        disease=disease, edit=DiseaseEdit(fields={"summary": "New words."}), acting_user=staff_user
    )
    assert changed(disease)


def test_a_row_saved_from_the_shell_dates_its_page():
    disease, other = DiseaseFactory(), DiseaseFactory()
    reference = ReferenceFactory(disease=disease)
    age_pages(disease, other)
    reference.title = "A corrected title"
    reference.save()
    assert changed(disease) and not changed(other)


def test_a_deleted_symptom_row_dates_its_page():
    row = AnnotationFactory()
    age_pages(row.disease)
    row.delete()
    assert changed(row.disease)


def test_renaming_a_category_dates_every_page_filed_under_it():
    category = CategoryFactory(name="Hematology")
    filed, elsewhere = DiseaseFactory(), DiseaseFactory()
    filed.categories.add(category)
    age_pages(filed, elsewhere)
    category.name = "Blood diseases"
    category.save()
    assert changed(filed) and not changed(elsewhere)


def test_filing_a_page_under_a_category_or_a_family_dates_the_pages_involved():
    disease, group = DiseaseFactory(), DiseaseFactory()
    age_pages(disease, group)
    disease.categories.add(CategoryFactory())
    assert changed(disease) and not changed(group)
    age_pages(disease, group)
    disease.parents.add(group)
    assert changed(disease) and changed(group)


def test_a_genes_new_name_and_a_terms_new_everyday_name_date_the_pages_showing_them():
    link = DiseaseGeneFactory()
    row = AnnotationFactory()
    age_pages(link.disease, row.disease)
    link.gene.name = "a renamed gene"
    link.gene.save()
    PhenotypeSynonymFactory(phenotype=row.phenotype, name="a new everyday name")
    assert changed(link.disease) and changed(row.disease)


def test_publishing_dates_the_page(reviewer):
    disease = DiseaseFactory(status=Disease.Status.REVIEW)
    age_pages(disease)
    workflow.transition(disease=disease, action="publish", acting_user=reviewer)
    assert changed(disease)
