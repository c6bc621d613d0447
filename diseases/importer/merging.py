"""Turn the parsed files into the target state: one ``DiseasePlan`` per portal page. No database here.

- Each GARD entry is a page.
- An HPO record joins the GARD entry whose name, or else whose only matching synonym, has the same
  normalised name. A synonym shared by several GARD entries is ambiguous and joins nothing.
- HPO records left over join each other by normalised name; one that matches nothing is its own page.
- Where several records annotate the same term, one row wins (``annotation_rank``).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from diseases.models import ExternalIdentifier

from .names import base_slug, clean_name, disease_name, normalise_name, synonym_name

GARD = ExternalIdentifier.Source.GARD.value
# Orphanet's curated frequencies are preferred to OMIM's, then DECIPHER's.
SOURCE_RANK = {"ORPHA": 0, "OMIM": 1, "DECIPHER": 2}


@dataclass(slots=True)
class AnnotationPlan:
    hpo_id: str
    band: int
    frequency: str
    is_excluded: bool
    source_record: str
    evidence: str
    onset: str
    pubmed_references: str


@dataclass
class DiseasePlan:
    key: str  # the record that names the page: "GARD:8686" or "ORPHA:3261"
    name: str
    slug: str  # preferred; the writer makes it unique
    gard_id: int | None = None
    identifiers: list = field(default_factory=list)  # (source, code, label)
    synonyms: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    annotations: dict = field(default_factory=dict)  # hpo_id -> AnnotationPlan

    @property
    def slug_suffix(self):
        return self.key.replace(":", "-").lower()


def code_order(code: str):
    return (0, int(code), "") if code.isdigit() else (1, 0, code)


def record_order(record):
    return (SOURCE_RANK.get(record.source, len(SOURCE_RANK)), code_order(record.code))


def annotation_rank(record, annotation):
    """Lower wins: a reported feature over an exclusion, a frequency over none, Orphanet over OMIM
    over DECIPHER, then the more frequent band, then file order so the result never varies."""
    return (
        annotation.is_excluded,
        annotation.frequency == "",
        SOURCE_RANK.get(record.source, len(SOURCE_RANK)),
        annotation.band,
        code_order(record.code),
        annotation.line,
    )


def merged_annotations(records) -> dict:
    best = {}
    for record in records:
        for annotation in record.annotations:
            rank = annotation_rank(record, annotation)
            current = best.get(annotation.hpo_id)
            if current is None or rank < current[0]:
                best[annotation.hpo_id] = (rank, record, annotation)
    return {
        hpo_id: AnnotationPlan(
            hpo_id=hpo_id,
            band=annotation.band,
            frequency=annotation.frequency,
            is_excluded=annotation.is_excluded,
            source_record=record.curie,
            evidence=annotation.evidence,
            onset=annotation.onset,
            pubmed_references=annotation.pubmed_references,
        )
        for hpo_id, (_, record, annotation) in best.items()
    }


def other_names(name, candidates):
    """The candidates that differ from ``name`` and from each other once normalised, in order."""
    seen = {normalise_name(name)}
    names = []
    for candidate in candidates:
        key = normalise_name(candidate)
        if key and key not in seen:
            seen.add(key)
            names.append(synonym_name(candidate))
    return names


def build_plan(*, key, full_name, slug, gard_id=None, records=(), synonyms=(), categories=(), labels=()):
    records = sorted(records, key=record_order)
    name = disease_name(full_name)
    # A name cut to fit keeps its full form among the other names.
    candidates = ([full_name] if name != clean_name(full_name) else []) + list(synonyms)
    candidates += [record.name for record in records]
    identifiers = list(labels) + [
        (record.source, record.code, synonym_name(record.name)) for record in records
    ]
    return DiseasePlan(
        key=key,
        name=name,
        slug=slug,
        gard_id=gard_id,
        identifiers=identifiers,
        synonyms=other_names(name, candidates),
        categories=list(dict.fromkeys(categories)),
        annotations=merged_annotations(records),
    )


def gard_index(entries):
    by_name, by_synonym = defaultdict(list), defaultdict(set)
    for entry in entries:
        by_name[normalise_name(entry.name)].append(entry)
        for synonym in entry.synonyms:
            by_synonym[normalise_name(synonym)].add(entry.gard_id)
    return by_name, by_synonym


def merge(catalogue, hpoa) -> list[DiseasePlan]:
    entries = sorted(catalogue.entries, key=lambda entry: entry.gard_id)
    by_gard_id = {entry.gard_id: entry for entry in entries}
    by_name, by_synonym = gard_index(entries)

    joined = defaultdict(list)  # gard_id -> HPO records
    unmatched = defaultdict(list)  # normalised name -> HPO records
    for record in hpoa.records.values():
        key = normalise_name(record.name)
        if key in by_name:
            joined[min(entry.gard_id for entry in by_name[key])].append(record)
        elif len(by_synonym.get(key, ())) == 1:
            joined[next(iter(by_synonym[key]))].append(record)
        else:
            unmatched[key].append(record)

    plans = [
        build_plan(
            key=f"{GARD}:{gard_id}",
            full_name=entry.name,
            slug=entry.slug or base_slug(entry.name),
            gard_id=gard_id,
            records=joined.get(gard_id, ()),
            synonyms=entry.synonyms,
            categories=entry.categories,
            labels=[(GARD, str(gard_id), synonym_name(entry.name))],
        )
        for gard_id, entry in by_gard_id.items()
    ]
    groups = sorted(
        (sorted(records, key=record_order) for records in unmatched.values()),
        key=lambda g: record_order(g[0]),
    )
    plans += [
        build_plan(key=group[0].curie, full_name=group[0].name, slug=base_slug(group[0].name), records=group)
        for group in groups
    ]
    return plans
