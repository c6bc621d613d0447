"""Every change to what a public page shows moves its ``page_changed_at``, however the change is made,
and moves the site's content generation (``freshness``), which tells caches their pages are stale.

Editors change pages through ``diseases.services``, but rows can also be saved from the shell, or
through the admin of something many pages show (a category's name, an HPO term's everyday names).
Signals catch all of these, so the date search engines and caches are told is always the page's
own. The import writes in bulk, which sends no signals; it marks the pages it changed itself
(``importer.run.mark_changed_pages``) and moves the generation once, at the end of its transaction.

The generation moves on a write to any model of this app but the few that no public page shows
(``NOT_SHOWN``), so a model added later is covered before anyone thinks of it.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from . import freshness
from .models import (
    Annotation,
    Category,
    ContentGeneration,
    Disease,
    DiseaseCharacteristic,
    DiseaseClassification,
    DiseaseDefinition,
    DiseaseFamily,
    DiseaseGene,
    DiseaseKind,
    DiseaseRevision,
    DiseaseSynonym,
    ExternalIdentifier,
    Gene,
    Phenotype,
    PhenotypeSynonym,
    Reference,
    Resource,
    ScheduledTransition,
    SearchTerm,
    SearchWord,
    SimilarityIndex,
)

# Rows that belong to one page through their ``disease`` foreign key.
PAGE_ROWS = [
    Annotation,
    DiseaseCharacteristic,
    DiseaseClassification,
    DiseaseDefinition,
    DiseaseGene,
    DiseaseKind,
    DiseaseSynonym,
    ExternalIdentifier,
    Reference,
    Resource,
]


# Tables no public page reads, or that change only with rows that move the generation themselves:
# the search rows and words (rewritten after a change to the page or term they index; cached search
# results are kept per generation), the matching index, the generation itself, and editors' pending
# revisions and schedules (readers see them only once applied, which writes the page's own rows).
NOT_SHOWN = {SearchTerm, SearchWord, SimilarityIndex, ContentGeneration, DiseaseRevision, ScheduledTransition}


def touch_pages(disease_ids) -> None:
    disease_ids = [pk for pk in disease_ids if pk is not None]
    if disease_ids:
        Disease.objects.filter(pk__in=disease_ids).update(page_changed_at=timezone.now())


def _disease_saved(sender, instance, **kwargs):
    touch_pages([instance.pk])


def _page_row_changed(sender, instance, **kwargs):
    touch_pages([instance.disease_id])


def _family_changed(sender, instance, **kwargs):
    touch_pages([instance.child_id, instance.parent_id])


def _links_changed(sender, instance, action, pk_set, reverse, model, **kwargs):
    if not action.startswith("post_"):
        return
    if model is Disease:  # changed from the other side (category.diseases.add, subtypes.add)
        touch_pages(list(pk_set or ()) + ([instance.pk] if isinstance(instance, Disease) else []))
    else:
        touch_pages([instance.pk, *(pk_set or ())] if sender is DiseaseFamily else [instance.pk])


def _category_saved(sender, instance, **kwargs):
    touch_pages(instance.diseases.values_list("pk", flat=True))


def _gene_saved(sender, instance, **kwargs):
    touch_pages(instance.disease_links.values_list("disease_id", flat=True))


def _term_changed(sender, instance, **kwargs):
    phenotype_id = instance.pk if sender is Phenotype else instance.phenotype_id
    for showing in (Annotation, DiseaseCharacteristic):  # symptom rows, inheritance and onset
        touch_pages(showing.objects.filter(phenotype_id=phenotype_id).values_list("disease_id", flat=True))


def _content_changed(sender, using, **kwargs):
    if kwargs.get("action", "post_").startswith("post_"):
        freshness.content_changed(using)


def shown_models():
    """Every model of this app that public pages may show, with the tables behind its many-to-many fields."""
    return [
        model
        for model in apps.get_app_config("diseases").get_models(include_auto_created=True)
        if model not in NOT_SHOWN and not hasattr(model, "instance_type")  # django-simple-history's copies
    ]


def connect():
    for model in shown_models():
        uid = f"generation_{model._meta.label_lower}"
        # The tables behind many-to-many fields change through add(), remove() and set() (m2m_changed),
        # or go with a row whose own deletion is signalled; a post_delete receiver on them would make
        # every cascade fetch and signal their rows one by one.
        signals = [m2m_changed] if model._meta.auto_created else [post_save, post_delete, m2m_changed]
        for signal in signals:
            signal.connect(_content_changed, sender=model, dispatch_uid=uid)
    post_save.connect(_disease_saved, sender=Disease, dispatch_uid="page_changed_disease")
    for model in PAGE_ROWS:
        for signal in (post_save, post_delete):
            signal.connect(_page_row_changed, sender=model, dispatch_uid=f"page_changed_{model.__name__}")
    for signal in (post_save, post_delete):
        signal.connect(_family_changed, sender=DiseaseFamily, dispatch_uid="page_changed_family")
    for through in (Disease.categories.through, DiseaseFamily):
        m2m_changed.connect(_links_changed, sender=through, dispatch_uid=f"page_links_{through.__name__}")
    post_save.connect(_category_saved, sender=Category, dispatch_uid="page_changed_category")
    post_save.connect(_gene_saved, sender=Gene, dispatch_uid="page_changed_gene")
    for model in (Phenotype, PhenotypeSynonym):
        for signal in (post_save, post_delete):
            signal.connect(_term_changed, sender=model, dispatch_uid=f"page_changed_{model.__name__}")
