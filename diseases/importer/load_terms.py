"""Write the HPO terms, their synonyms and is_a links: the difference only.

The ontology is the HPO's own: no editor owns a term, so each field simply follows the file. A term
that leaves the file is deleted, unless a symptom row still uses it; then it is kept as obsolete.
"""

from diseases.bulk import delete_rows, insert_rows, update_rows
from diseases.models import Annotation, Phenotype, PhenotypeSynonym

from .names import shorten
from .relations import dependents

TERM_FIELDS = ["name", "definition", "is_obsolete", "replaced_by_id"]
NAME_MAX = Phenotype._meta.get_field("name").max_length
SYNONYM_MAX = PhenotypeSynonym._meta.get_field("name").max_length
Link = Phenotype.parents.through


def target_synonyms(term):
    """One synonym per name; a name listed twice keeps its first scope and is lay if either says so."""
    synonyms = {}
    for synonym in term.synonyms:
        name = shorten(synonym.name, SYNONYM_MAX)
        if name in synonyms:
            scope, is_lay = synonyms[name]
            synonyms[name] = (scope, is_lay or synonym.is_lay)
        else:
            synonyms[name] = (synonym.scope, synonym.is_lay)
    return synonyms


def load_terms(ontology, summary, stage):
    """Bring the terms in line with ``ontology``.

    Returns ``({hpo_id: pk} of the terms in the file, {pk of terms no longer in it})``.
    """
    terms = ontology.terms
    existing = {
        row[0]: row[1:]
        for row in Phenotype.objects.values_list("hpo_id", "pk", *TERM_FIELDS).order_by().iterator(5000)
    }
    created = insert_rows(
        Phenotype,
        ["hpo_id", *TERM_FIELDS],
        (
            (term.hpo_id, shorten(term.name, NAME_MAX), term.definition, term.is_obsolete, None)
            for term in terms.values()
            if term.hpo_id not in existing
        ),
    )
    stage.advance()
    pks = dict(Phenotype.objects.values_list("hpo_id", "pk").order_by().iterator(5000))

    # Replacements point at other terms, so they are set once every term has a row.
    changes, updated = [], 0
    for term in terms.values():
        target = (
            shorten(term.name, NAME_MAX),
            term.definition,
            term.is_obsolete,
            pks[term.replaced_by] if term.replaced_by else None,
        )
        current = existing.get(term.hpo_id)
        if current is None:
            if target[3] is not None:
                changes.append((pks[term.hpo_id], *target))
        elif tuple(current[1:]) != target:
            changes.append((current[0], *target))
            updated += 1
    update_rows(Phenotype, TERM_FIELDS, changes)
    summary.changed_terms.update(pk for pk, *_ in changes)

    summary.count("HPO terms", created=created, updated=updated)
    stage.advance()
    in_file = {hpo_id: pk for hpo_id, pk in pks.items() if hpo_id in terms}
    # Synonyms and links of terms that left the file go now; the terms themselves once the
    # symptom rows are written (remove_terms), since a row may still use them until then.
    load_term_synonyms(terms, in_file, summary)
    stage.advance()
    load_term_links(terms, in_file, summary)
    stage.advance()
    gone = {pk for hpo_id, pk in pks.items() if hpo_id not in terms}
    return in_file, gone


def remove_terms(gone, summary):
    """Delete the terms that left the file; one still in use (by an editor's row) is kept, obsolete."""
    if not gone:
        return
    derived, blocking = dependents(Phenotype, {Annotation, PhenotypeSynonym, Phenotype, Link})
    still_used = set()
    for model, attname in [(Annotation, "phenotype_id"), *blocking]:
        still_used |= set(
            model._base_manager.filter(**{f"{attname}__in": gone}).values_list(attname, flat=True)
        )
    removed = gone - still_used
    newly_obsolete = list(
        Phenotype.objects.filter(pk__in=still_used, is_obsolete=False).values_list("pk", flat=True)
    )
    update_rows(Phenotype, ["is_obsolete"], [(pk, True) for pk in newly_obsolete])
    if removed:
        # Terms that named a removed term as their replacement lose the link, as SET_NULL would.
        Phenotype.objects.filter(replaced_by_id__in=removed).update(replaced_by=None)
        for model, attname in derived:
            delete_rows(
                model, model._base_manager.filter(**{f"{attname}__in": removed}).values_list("pk", flat=True)
            )
        delete_rows(Phenotype, removed)
    summary.count("HPO terms", updated=len(newly_obsolete), removed=len(removed))


def load_term_synonyms(terms, pks, summary):
    existing = {
        (phenotype_id, name): (pk, scope, is_lay)
        for pk, phenotype_id, name, scope, is_lay in PhenotypeSynonym.objects.values_list(
            "pk", "phenotype_id", "name", "scope", "is_lay"
        )
        .order_by()
        .iterator(5000)
    }
    new, changes = [], []
    for hpo_id, term in terms.items():
        phenotype_id = pks[hpo_id]
        for name, (scope, is_lay) in target_synonyms(term).items():
            current = existing.pop((phenotype_id, name), None)
            if current is None:
                new.append((phenotype_id, name, scope, is_lay))
            elif current[1:] != (scope, is_lay):
                changes.append((current[0], scope, is_lay))
                summary.changed_terms.add(phenotype_id)
    summary.changed_terms.update(phenotype_id for phenotype_id, *_ in new)
    summary.changed_terms.update(phenotype_id for phenotype_id, _ in existing)
    created = insert_rows(PhenotypeSynonym, ["phenotype_id", "name", "scope", "is_lay"], new)
    update_rows(PhenotypeSynonym, ["scope", "is_lay"], changes)
    removed = delete_rows(PhenotypeSynonym, [pk for pk, *_ in existing.values()])
    summary.count("HPO term synonyms", created=created, updated=len(changes), removed=removed)


def load_term_links(terms, pks, summary):
    existing = {
        (child, parent): pk
        for pk, child, parent in Link.objects.values_list("pk", "from_phenotype_id", "to_phenotype_id")
        .order_by()
        .iterator(5000)
    }
    target = {(pks[hpo_id], pks[parent]) for hpo_id, term in terms.items() for parent, _ in term.parents}
    new = sorted(key for key in target if existing.pop(key, None) is None)
    created = insert_rows(Link, ["from_phenotype_id", "to_phenotype_id"], new)
    removed = delete_rows(Link, existing.values())
    summary.count("HPO term parent links", created=created, removed=removed)
