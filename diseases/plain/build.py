"""Writing each published page's plain summary from its facts, in bulk: after an import, for every page;
after an editor's change, for that page and the groups above it, which gather their types' facts.

Reads every fact the summaries need in a handful of queries whatever the number of pages, makes
the sentences (``summary.summarise``) and writes only the summaries that changed, moving those
pages' ``page_changed_at`` since the page shows its summary. Their reading grade is measured by
``manage.py catalogue_report``, not here: the readability library takes seconds to start.
"""

from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from ..bulk import batched
from ..models import (
    Annotation,
    Disease,
    DiseaseCharacteristic,
    DiseaseFamily,
    DiseaseGene,
    DiseaseKind,
    ExternalIdentifier,
    Phenotype,
    PhenotypeSynonym,
    listed_symptom,
)
from . import vocabulary
from .summary import Facts, Symptom, summarise

BATCH = 2000
# An everyday name longer than this explains rather than names; the sentence uses the medical name.
MOST_EVERYDAY_WORDS = 4


def summary_json(sentences) -> dict:
    return {"sentences": [sentence.as_json() for sentence in sentences]} if sentences else {}


def stored_sentences(plain_summary) -> list[dict]:
    """The sentences ``summary_json`` stored (each as ``Sentence.as_json``), none for an empty summary."""
    return (plain_summary or {}).get("sentences", [])


@transaction.atomic
def build_summaries(disease_ids=None) -> int:
    """Write the plain summary of every published page, or of ``disease_ids`` and the published groups up to
    two levels above them; returns how many changed. An unpublished page keeps no summary."""
    pages = Disease.objects.published()
    if disease_ids is not None:
        wanted = set(disease_ids)
        for _ in range(2):
            wanted |= set(
                DiseaseFamily.objects.filter(child_id__in=wanted).values_list("parent_id", flat=True)
            )
        Disease.objects.filter(pk__in=disease_ids).exclude(plain_summary={}).exclude(
            pk__in=pages.values("pk")
        ).update(plain_summary={})
        pages = pages.filter(pk__in=wanted)
    else:
        Disease.objects.exclude(pk__in=pages.values("pk")).exclude(plain_summary={}).update(plain_summary={})
    changed = 0
    page_ids = list(pages.order_by("pk").values_list("pk", flat=True))
    reader = FactsReader()
    for batch in batched(page_ids, BATCH):
        facts = reader.read(batch)
        stored = dict(Disease.objects.filter(pk__in=batch).values_list("pk", "plain_summary"))
        now = timezone.now()
        updates = []
        for pk in batch:
            new = summary_json(summarise(facts[pk]))
            if new != stored[pk]:
                updates.append(Disease(pk=pk, plain_summary=new, page_changed_at=now))
        Disease.objects.bulk_update(updates, ["plain_summary", "page_changed_at"])
        changed += len(updates)
    return changed


def summaries_exist() -> bool:
    return Disease.objects.published().exclude(plain_summary={}).exists()


class FactsReader:
    """Reads ``Facts`` for pages in bulk; remembers the HPO's branches between batches."""

    def __init__(self):
        self._systems = None

    def systems_of(self, phenotype_ids) -> dict[int, tuple]:
        """The ``HPO_SYSTEMS`` branches each term sits under, keeping only the most specific of a line."""
        if self._systems is None:
            self._systems = _SystemFinder()
        return {pk: self._systems.of(pk) for pk in phenotype_ids}

    def read(self, page_ids) -> dict[int, Facts]:
        facts = {
            pk: Facts(name=name)
            for pk, name in Disease.objects.filter(pk__in=page_ids).values_list("pk", "name")
        }
        types_of = DiseaseFamily.objects.published_types(page_ids)
        direct = DiseaseFamily.objects.published_children(page_ids)
        parents = DiseaseFamily.objects.published_parents(page_ids)
        type_ids = {pk for ids in types_of.values() for pk in ids}
        everyone = set(page_ids) | type_ids

        mondo = {}
        for pk, code in (
            ExternalIdentifier.objects.filter(disease_id__in=page_ids, source=ExternalIdentifier.Source.MONDO)
            .order_by("disease_id", "joined_by", "code")
            .values_list("disease_id", "code")
        ):
            mondo.setdefault(pk, f"MONDO:{code}")
        kinds = defaultdict(list)
        for pk, mondo_id in DiseaseKind.objects.filter(disease_id__in=page_ids).values_list(
            "disease_id", "mondo_id"
        ):
            kinds[pk].append(mondo_id)

        symptoms = self._symptoms(everyone)
        onsets, inheritance = defaultdict(list), defaultdict(list)
        for pk, kind, hpo_id, record in DiseaseCharacteristic.objects.filter(
            disease_id__in=everyone
        ).values_list("disease_id", "kind", "phenotype__hpo_id", "source_record"):
            target = inheritance if kind == DiseaseCharacteristic.Kind.INHERITANCE else onsets
            target[pk].append((hpo_id, record))
        genes = defaultdict(list)
        for pk, symbol in (
            DiseaseGene.objects.filter(disease_id__in=everyone, is_main=True)
            .order_by("disease_id", "gene__symbol")
            .values_list("disease_id", "gene__symbol")
        ):
            genes[pk].append(symbol)

        for pk, page in facts.items():
            page.mondo_id = mondo.get(pk, "")
            page.kinds = kinds[pk]
            page.symptoms = symptoms.get(pk, [])
            page.onsets = onsets[pk]
            page.inheritance = inheritance[pk]
            page.genes = genes[pk]
            page.type_count = len(direct[pk])
            page.parent_names = parents[pk]
            types = types_of.get(pk, [])
            if types:
                page.type_symptoms = gathered_symptoms([symptoms.get(type_pk, []) for type_pk in types])
                page.type_genes = list(dict.fromkeys(g for type_pk in types for g in genes[type_pk]))
                page.type_inheritance = list(
                    dict.fromkeys(hpo_id for type_pk in types for hpo_id, _ in inheritance[type_pk])
                )
        return facts

    def _symptoms(self, disease_ids) -> dict[int, list[Symptom]]:
        rows = list(
            Annotation.objects.filter(listed_symptom(), disease_id__in=disease_ids)
            .order_by()  # the table's own order joins the terms and sorts every row by name
            .values_list("disease_id", "phenotype_id", "band")
        )
        term_ids = {phenotype_id for _, phenotype_id, _ in rows}
        terms = {}
        for batch in batched(sorted(term_ids), 5000):
            terms.update(
                (pk, (hpo_id, name))
                for pk, hpo_id, name in Phenotype.objects.filter(pk__in=batch).values_list(
                    "pk", "hpo_id", "name"
                )
            )
        everyday = {}
        for batch in batched(sorted(term_ids), 5000):
            for pk, name in PhenotypeSynonym.objects.filter(phenotype_id__in=batch, is_lay=True).values_list(
                "phenotype_id", "name"
            ):
                usable = (
                    name.casefold() != terms[pk][1].casefold()
                    and len(name.split()) <= MOST_EVERYDAY_WORDS
                    and "," not in name
                    and not any(word in name.casefold() for word in vocabulary.HURTFUL_WORDS)
                )
                # The shortest of a term's everyday names says it best in a sentence.
                if usable and (pk not in everyday or _shorter(name, everyday[pk])):
                    everyday[pk] = name
        systems = self.systems_of(term_ids)
        made = {}  # a term at a band reads the same on every page
        by_disease = defaultdict(list)
        for disease_id, phenotype_id, band in rows:
            symptom = made.get((phenotype_id, band))
            if symptom is None:
                hpo_id, name = terms[phenotype_id]
                symptom = Symptom(hpo_id, name, everyday.get(phenotype_id, ""), band, systems[phenotype_id])
                made[(phenotype_id, band)] = symptom
            by_disease[disease_id].append(symptom)
        return by_disease


def _shorter(name, than) -> bool:
    return (len(name.split()), len(name), name) < (len(than.split()), len(than), than)


def gathered_symptoms(lists) -> list[Symptom]:
    """A group's symptoms from its types' lists: each once, at the most frequent band any type gives it,
    with how many types list it."""
    seen = {}
    counts = defaultdict(int)
    for symptoms in lists:
        for symptom in {s.hpo_id: s for s in symptoms}.values():
            counts[symptom.hpo_id] += 1
            if symptom.hpo_id not in seen or symptom.band < seen[symptom.hpo_id].band:
                seen[symptom.hpo_id] = symptom
    return [
        Symptom(s.hpo_id, s.name, s.everyday_name, s.band, s.systems, in_types=counts[s.hpo_id])
        for s in seen.values()
    ]


class _SystemFinder:
    """Which of ``HPO_SYSTEMS`` a term sits under, from the HPO's parent links read once."""

    def __init__(self):
        self.parents = defaultdict(list)
        for child, parent in Phenotype.parents.through.objects.values_list(
            "from_phenotype_id", "to_phenotype_id"
        ):
            self.parents[child].append(parent)
        self.system_of_pk = dict(
            Phenotype.objects.filter(hpo_id__in=vocabulary.HPO_SYSTEMS).values_list("pk", "hpo_id")
        )
        self._memo = {}

    def of(self, pk) -> tuple:
        found = self._ancestor_systems(pk)
        for whole, parts in vocabulary.HPO_SYSTEM_PARTS.items():
            if whole in found and found & parts:
                found = found - {whole}
        return tuple(sorted(found))

    def _ancestor_systems(self, pk) -> frozenset:
        if pk in self._memo:
            return self._memo[pk]
        self._memo[pk] = frozenset()  # a cycle would be a broken ontology: stop there
        found = set()
        if pk in self.system_of_pk:
            found.add(self.system_of_pk[pk])
        for parent in self.parents.get(pk, ()):
            found |= self._ancestor_systems(parent)
        self._memo[pk] = frozenset(found)
        return self._memo[pk]
