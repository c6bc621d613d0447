"""Write the symptom rows: the difference between the merged plans and the database.

- A row an editor added (origin "editor") is never touched, even if the sources list the term too.
- An imported row keeps ``is_hidden`` as the editor left it, and its band if ``band_corrected``.
- An imported row the sources no longer give is removed, unless an editor hid it or corrected its
  band: that decision is kept in case the sources bring the term back.
"""

from diseases.bulk import delete_rows, insert_rows, update_rows
from diseases.models import Annotation, Origin

VALUE_FIELDS = ["band", "frequency", "is_excluded", "source_record", "evidence", "onset", "pubmed_references"]
IMPORT = Origin.IMPORT.value


def target_rows(plans, disease_pks, term_pks):
    target = {}
    for plan, disease_pk in zip(plans, disease_pks, strict=True):
        for hpo_id, row in plan.annotations.items():
            target[(disease_pk, term_pks[hpo_id])] = (
                row.band,
                row.frequency,
                row.is_excluded,
                row.source_record,
                row.evidence,
                row.onset,
                row.pubmed_references,
            )
    return target


def load_annotations(plans, disease_pks, term_pks, summary, stage):
    target = target_rows(plans, disease_pks, term_pks)
    stage.advance()
    changes, gone = [], []
    rows = (
        Annotation.objects.values_list(
            "pk", "disease_id", "phenotype_id", *VALUE_FIELDS, "origin", "is_hidden", "band_corrected"
        )
        .order_by()
        .iterator(10_000)
    )
    for pk, disease_id, phenotype_id, *values, origin, is_hidden, band_corrected in rows:
        wanted = target.pop((disease_id, phenotype_id), None)
        if origin != IMPORT:
            continue
        if wanted is None:
            if not (is_hidden or band_corrected):
                gone.append(pk)
                summary.touch([disease_id])
            continue
        if band_corrected:
            wanted = (values[0], *wanted[1:])
        if tuple(values) != wanted:
            changes.append((pk, *wanted))
            summary.touch([disease_id])
    stage.advance()
    summary.touch(disease_id for disease_id, _ in target)  # what is left in target is new
    created = insert_rows(
        Annotation,
        ["disease_id", "phenotype_id", *VALUE_FIELDS, "origin", "is_hidden", "band_corrected"],
        ((*key, *values, IMPORT, False, False) for key, values in target.items()),
    )
    update_rows(Annotation, VALUE_FIELDS, changes)
    removed = delete_rows(Annotation, gone)
    summary.count("Symptom rows (annotations)", created=created, updated=len(changes), removed=removed)
    stage.advance()
