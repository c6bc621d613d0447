"""Pages whose every source record has gone upstream are deleted, if they hold nothing of an editor's.

A page keeps living when it has written content, references or resources, an editor's other name,
identifier or symptom row, a hidden or corrected symptom row, or rows of another table pointing at
it (a family's connection request, for example). A deleted page whose records another page took
(the sources now call them one disease) leaves a redirect from its address to that page.
"""

from django.db.models import Q

from diseases.bulk import batched, delete_rows
from diseases.models import (
    Annotation,
    Disease,
    DiseaseRedirect,
    DiseaseSynonym,
    ExternalIdentifier,
    Origin,
    Reference,
    Resource,
)

from .load_diseases import CategoryLink, diseases_with_written_content
from .relations import dependents

HANDLED = {Annotation, DiseaseSynonym, ExternalIdentifier, CategoryLink}
EDITOR = Origin.EDITOR.value


def _referencing(model, attname, pks, condition=None):
    condition = condition or Q()
    found = set()
    for batch in batched(sorted(pks), 500):
        found.update(
            model._base_manager.filter(condition, **{f"{attname}__in": batch}).values_list(attname, flat=True)
        )
    return found


def _pks(model, attname, pks):
    found = []
    for batch in batched(sorted(pks), 500):
        found += model._base_manager.filter(**{f"{attname}__in": batch}).values_list("pk", flat=True)
    return found


def redirect_merged(candidates, moved_to, summary):
    """Point the addresses of pages about to be deleted (and redirects to them) at the pages that absorbed them."""
    targets = {pk: moved_to[pk] for pk in candidates if moved_to.get(pk) not in (None, *candidates)}
    if not targets:
        return
    for old_pk, new_pk in targets.items():
        DiseaseRedirect.objects.filter(disease_id=old_pk).update(disease_id=new_pk)
    slugs = dict(Disease.objects.filter(pk__in=targets).values_list("pk", "slug"))
    DiseaseRedirect.objects.bulk_create(
        [DiseaseRedirect(slug=slugs[pk], disease_id=new_pk, merged_id=pk) for pk, new_pk in targets.items()]
    )
    summary.count("Addresses of merged pages (redirects)", created=len(targets))


def remove_orphans(candidates, summary, moved_to=None):
    candidates = set(candidates)
    if candidates:
        candidates -= _referencing(ExternalIdentifier, "disease_id", candidates)
        candidates -= diseases_with_written_content()
        candidates -= _referencing(DiseaseSynonym, "disease_id", candidates, Q(origin=EDITOR))
        editors_rows = Q(origin=EDITOR) | Q(is_hidden=True) | Q(band_corrected=True)
        candidates -= _referencing(Annotation, "disease_id", candidates, editors_rows)
    derived, blocking = dependents(Disease, HANDLED, keep=(Reference, Resource))
    for model, attname in blocking:  # references, resources and other apps' rows
        if candidates:
            candidates -= _referencing(model, attname, candidates)
    if candidates:
        redirect_merged(candidates, moved_to or {}, summary)
        for model, attname in [*derived, (Annotation, "disease_id"), (DiseaseSynonym, "disease_id")]:
            delete_rows(model, _pks(model, attname, candidates))
        delete_rows(CategoryLink, _pks(CategoryLink, "disease_id", candidates))
        delete_rows(Disease, candidates)
    summary.count("Diseases", removed=len(candidates))
