"""Write what each page says about its disease beyond symptoms: definitions, inheritance and onset, family.

Each is the difference between the plans and the database. An editor's choice to hide a definition
is kept: the definition is found again by its page, source and record.
"""

from diseases.models import (
    DiseaseCharacteristic,
    DiseaseClassification,
    DiseaseDefinition,
    DiseaseFamily,
    DiseaseKind,
)

from .sync import sync_rows


def load_definitions(plans, disease_pks, summary):
    target = {}
    for plan, disease_pk in zip(plans, disease_pks, strict=True):
        for position, (source, source_record, text) in enumerate(plan.definitions):
            target.setdefault((disease_pk, source, source_record), (text, position))
    sync_rows(
        DiseaseDefinition,
        ["disease_id", "source", "source_record"],
        ["text", "position"],
        target,
        summary,
        "Definitions",
        kept_fields=["is_hidden"],
    )


def load_characteristics(plans, disease_pks, term_pks, summary):
    target = {}
    for plan, disease_pk in zip(plans, disease_pks, strict=True):
        for kind, hpo_id, source_record in plan.characteristics:
            target.setdefault((disease_pk, kind, term_pks[hpo_id]), (source_record,))
    sync_rows(
        DiseaseCharacteristic,
        ["disease_id", "kind", "phenotype_id"],
        ["source_record"],
        target,
        summary,
        "Inheritance, onset and course",
    )


def load_families(plans, disease_pks, summary):
    page_of = {plan.key: disease_pk for plan, disease_pk in zip(plans, disease_pks, strict=True)}
    target = {}
    for plan, disease_pk in zip(plans, disease_pks, strict=True):
        for parent_key in plan.parent_keys:
            parent_pk = page_of[parent_key]
            if parent_pk != disease_pk:
                target[(disease_pk, parent_pk)] = ()
    sync_rows(
        DiseaseFamily, ["child_id", "parent_id"], [], target, summary, "Disease families", page_keys=(0, 1)
    )


def load_classifications(plans, disease_pks, summary):
    target = {}
    for plan, disease_pk in zip(plans, disease_pks, strict=True):
        for position, (mondo_id, label) in enumerate(plan.classification):
            target[(disease_pk, mondo_id)] = (label[:500], position)
    sync_rows(
        DiseaseClassification,
        ["disease_id", "mondo_id"],
        ["label", "position"],
        target,
        summary,
        "Mondo classifications",
    )


def load_kinds(plans, disease_pks, summary):
    target = {}
    for plan, disease_pk in zip(plans, disease_pks, strict=True):
        for position, (mondo_id, label) in enumerate(plan.kinds):
            target[(disease_pk, mondo_id)] = (label[:500], position)
    sync_rows(
        DiseaseKind,
        ["disease_id", "mondo_id"],
        ["label", "position"],
        target,
        summary,
        "Mondo kinds of disease",
    )
