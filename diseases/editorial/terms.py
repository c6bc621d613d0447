"""Editors' changes to what many pages share: a category, and an HPO term with its synonyms.

Like every editorial service: atomic, permission-checked, recorded in history with who did it. A
term's change also rewrites its search rows at once and the plain summaries of the pages that show
it (its everyday names are their words); the signals date those pages and move the content
generation. The import writes these tables in bulk instead.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from ..models import Annotation, Category, DiseaseCharacteristic, Phenotype
from ..plain.build import build_summaries
from ..search import index_phenotype
from .editing import save_with_history


def _require(user, action, model):
    if not user.has_perm(f"diseases.{action}_{model._meta.model_name}"):
        raise PermissionDenied(f"You are not allowed to {action} {model._meta.verbose_name_plural}.")


@transaction.atomic
def save_category(*, category: Category, acting_user) -> Category:
    _require(acting_user, "add" if category.pk is None else "change", Category)
    category.full_clean()
    save_with_history(category, acting_user=acting_user)
    return category


@transaction.atomic
def delete_category(*, category: Category, acting_user) -> None:
    _require(acting_user, "delete", Category)
    category._history_user = acting_user  # noqa: SLF001 - django-simple-history's documented hook
    category.delete()


@transaction.atomic
def save_term(*, phenotype: Phenotype, acting_user, parents=None, synonyms=()) -> Phenotype:
    """Save an HPO term as the editor left it, ``parents`` when given, and ``synonyms``, a list of
    ``(PhenotypeSynonym, delete)`` pairs of rows added, changed or removed."""
    _require(acting_user, "add" if phenotype.pk is None else "change", Phenotype)
    phenotype.full_clean(exclude=["parents"])
    save_with_history(phenotype, acting_user=acting_user)
    if parents is not None:
        phenotype.parents.set(parents)
    for synonym, delete in synonyms:
        synonym._history_user = acting_user  # noqa: SLF001
        if delete:
            if synonym.pk is not None:
                synonym.delete()
            continue
        synonym.phenotype = phenotype
        synonym.full_clean(exclude=["phenotype"])
        synonym.save()
    index_phenotype(phenotype)
    showing = set()
    for model in (Annotation, DiseaseCharacteristic):
        showing.update(model.objects.filter(phenotype=phenotype).values_list("disease_id", flat=True))
    if showing:
        build_summaries(showing)
    return phenotype
