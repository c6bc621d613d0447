"""The symptom-matching index: built once after imports and edits, loaded once per process.

Everything that does not depend on the chosen terms (the ancestor closure, each term's information
content and every published disease's visible annotations as flat arrays) is computed here by
``build_similarity_index()`` and stored in one ``SimilarityIndex`` row; ``current_data()`` loads it.
"""

import io
import threading
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from django.db import transaction
from django.db.models import BinaryField, Case, F, Value, When
from django.utils import timezone

from diseases.models import Annotation, Disease, DiseaseFamily, Phenotype, SimilarityIndex

PHENOTYPIC_ABNORMALITY = "HP:0000118"
# How much a disease term counts, by how often people with the disease have it. Most records give
# no frequency for a disease's defining features, so "unknown" counts like "occasional". Tried on
# 400 real diseases queried with their own five most frequent terms: these weights put the disease
# in the top 5 for 94% of them; a steeper scale (1, 0.7, 0.4, 0.15) only for 88%.
BAND_WEIGHTS = {
    Annotation.Band.VERY_FREQUENT: 1.0,
    Annotation.Band.FREQUENT: 0.9,
    Annotation.Band.OCCASIONAL: 0.75,
    Annotation.Band.RARE: 0.5,
    Annotation.Band.NOT_AVAILABLE: 0.75,
}
# A group with no symptoms of its own is matched by those its types record, each weighed by the share of
# its types that record it, and a little less: the group is found, but ranks below its types
# (``ranking.match`` also never lets it pass its best type).
GROUP_WEIGHT = 0.8


# --- Building ---------------------------------------------------------------------------------


def _matching_terms():
    """Current terms under "Phenotypic abnormality" (all current terms when that root is absent)."""
    terms = dict(Phenotype.objects.current().values_list("pk", "hpo_id"))
    edges = defaultdict(list)
    for child, parent in Phenotype.parents.through.objects.values_list(
        "from_phenotype_id", "to_phenotype_id"
    ):
        if child in terms and parent in terms:
            edges[child].append(parent)
    root = next((pk for pk, hpo_id in terms.items() if hpo_id == PHENOTYPIC_ABNORMALITY), None)
    ancestors = _ancestor_sets(terms, edges)
    if root is not None:
        kept = {pk for pk, anc in ancestors.items() if root in anc}
        # "All" and the other roots above "Phenotypic abnormality" go too.
        ancestors = {pk: anc & kept for pk, anc in ancestors.items() if pk in kept}
    return ancestors


def _ancestor_sets(terms, parents_of) -> dict[int, frozenset]:
    """Each term's ancestors including itself, computed once per term in dependency order."""
    ancestors = {}
    for start in terms:
        stack = [start]
        while stack:
            term = stack[-1]
            if term in ancestors:
                stack.pop()
                continue
            pending = [parent for parent in parents_of.get(term, ()) if parent not in ancestors]
            if pending:
                # A cycle would be a broken ontology file; break it rather than loop forever.
                pending = [parent for parent in pending if parent not in stack]
            if pending:
                stack.extend(pending)
                continue
            merged = {term}
            for parent in parents_of.get(term, ()):
                merged |= ancestors.get(parent, ())
            ancestors[term] = frozenset(merged)
            stack.pop()
    return ancestors


def _csr(lists):
    indptr = np.zeros(len(lists) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(items) for items in lists])
    indices = np.fromiter((item for items in lists for item in items), dtype=np.int32, count=int(indptr[-1]))
    return indptr, indices


def build_similarity_index() -> SimilarityIndex:
    """Precompute the arrays ``match()`` needs from published diseases' visible annotations."""
    ancestors = _matching_terms()
    term_ids = np.array(sorted(ancestors), dtype=np.int64)
    position = {pk: index for index, pk in enumerate(term_ids.tolist())}
    anc_lists = [sorted(position[a] for a in ancestors[pk]) for pk in term_ids.tolist()]
    anc_indptr, anc_indices = _csr(anc_lists)
    desc_lists = [[] for _ in anc_lists]
    for term, term_ancestors in enumerate(anc_lists):
        for ancestor in term_ancestors:
            desc_lists[ancestor].append(term)
    desc_indptr, desc_indices = _csr(desc_lists)

    rows = (
        Annotation.objects.visible()
        .filter(disease__in=Disease.objects.published())
        .order_by("disease_id", "phenotype_id")
        .values_list("disease_id", "phenotype_id", "band", "is_excluded")
    )
    present = defaultdict(list)
    excluded = defaultdict(list)
    for disease_id, phenotype_id, band, is_excluded in rows.iterator(chunk_size=20000):
        term = position.get(phenotype_id)
        if term is None:
            continue
        if is_excluded:
            excluded[disease_id].append(term)
        else:
            present[disease_id].append(
                (term, BAND_WEIGHTS.get(band, BAND_WEIGHTS[Annotation.Band.NOT_AVAILABLE]))
            )
    own = set(present)
    group_types = _groups_from_types(present)
    for group, types in group_types.items():
        present[group] = _gathered_terms([present[type_id] for type_id in types])

    disease_ids = np.array(sorted(present), dtype=np.int64)
    disease_position = {pk: index for index, pk in enumerate(disease_ids.tolist())}
    starts = np.zeros(len(disease_ids) + 1, dtype=np.int64)
    starts[1:] = np.cumsum([len(present[pk]) for pk in disease_ids.tolist()])
    ann_term = np.fromiter(
        (term for pk in disease_ids.tolist() for term, _ in present[pk]),
        dtype=np.int32,
        count=int(starts[-1]),
    )
    ann_weight = np.fromiter(
        (weight for pk in disease_ids.tolist() for _, weight in present[pk]),
        dtype=np.float32,
        count=int(starts[-1]),
    )
    ann_disease = np.repeat(np.arange(len(disease_ids), dtype=np.int32), np.diff(starts))

    # Diseases annotated with each term or a descendant: expand every annotation to its ancestors. Only
    # the diseases' own rows count: a group's rows repeat its types'.
    own_rows = np.isin(disease_ids, np.array(sorted(own), dtype=np.int64))[ann_disease]
    own_terms, own_diseases = ann_term[own_rows], ann_disease[own_rows]
    ancestor_counts = np.diff(anc_indptr)[own_terms]
    expanded_terms = anc_indices[_ranges(anc_indptr[own_terms], ancestor_counts)]
    pairs = np.unique(
        np.repeat(own_diseases.astype(np.int64), ancestor_counts) * len(term_ids) + expanded_terms
    )
    counts = np.bincount(pairs % len(term_ids), minlength=len(term_ids))
    disease_total = max(len(own), 1)
    with np.errstate(divide="ignore"):
        ic = np.where(counts > 0, -np.log(counts / disease_total), 0.0)

    excl_pairs = [
        (disease_position[pk], term)
        for pk, terms in excluded.items()
        if pk in disease_position
        for term in terms
    ]
    excl_disease = np.array([d for d, _ in excl_pairs], dtype=np.int32)
    excl_term = np.array([t for _, t in excl_pairs], dtype=np.int32)
    type_indptr, type_indices = _csr(
        [
            sorted(
                disease_position[type_id]
                for type_id in group_types.get(pk, ())
                if type_id in disease_position
            )
            for pk in disease_ids.tolist()
        ]
    )

    buffer = io.BytesIO()
    np.savez_compressed(
        buffer,
        term_ids=term_ids,
        ic=ic,
        annotated=counts > 0,
        anc_indptr=anc_indptr,
        anc_indices=anc_indices,
        desc_indptr=desc_indptr,
        desc_indices=desc_indices,
        disease_ids=disease_ids,
        starts=starts,
        ann_term=ann_term,
        ann_weight=ann_weight,
        excl_disease=excl_disease,
        excl_term=excl_term,
        type_indptr=type_indptr,
        type_indices=type_indices,
    )
    with transaction.atomic():
        index = SimilarityIndex.objects.create(
            built_at=timezone.now(),
            disease_count=len(disease_ids),
            term_count=len(term_ids),
            annotation_count=len(ann_term),
            data=buffer.getvalue(),
        )
        SimilarityIndex.objects.exclude(pk=index.pk).delete()
    return index


def _groups_from_types(present) -> dict[int, list[int]]:
    """Published groups with no symptom rows of their own, and their published types that have some."""
    groups = {}
    candidates = Disease.objects.published().exclude(pk__in=list(present)).values_list("pk", flat=True)
    for group, types in DiseaseFamily.objects.published_types(list(candidates)).items():
        with_rows = [type_id for type_id in types if type_id in present]
        if with_rows:
            groups[group] = with_rows
    return groups


def _gathered_terms(type_rows) -> list:
    """A group's (term, weight) rows from its types': the heaviest weight any type gives, times the share of
    its types that have the term, times ``GROUP_WEIGHT``."""
    best, listed = {}, defaultdict(int)
    for rows in type_rows:
        for term, weight in dict(rows).items():
            best[term] = max(best.get(term, 0.0), weight)
            listed[term] += 1
    return [(term, GROUP_WEIGHT * best[term] * listed[term] / len(type_rows)) for term in sorted(best)]


def _ranges(starts, lengths):
    """Concatenated ``range(start, start + length)`` for each pair, without a Python loop."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(np.cumsum(lengths) - lengths, lengths)
    return np.repeat(starts, lengths) + (np.arange(total) - offsets)


# --- Loading ----------------------------------------------------------------------------------


@dataclass
class SimilarityData:
    version: tuple  # (SimilarityIndex id, built_at)
    term_ids: np.ndarray
    ic: np.ndarray
    annotated: np.ndarray
    anc_indptr: np.ndarray
    anc_indices: np.ndarray
    desc_indptr: np.ndarray
    desc_indices: np.ndarray
    disease_ids: np.ndarray
    starts: np.ndarray
    ann_term: np.ndarray
    ann_weight: np.ndarray
    excl_disease: np.ndarray
    excl_term: np.ndarray
    # For each disease, the positions of its types when it is a group matched through them (CSR);
    # an index built before groups were matched has none.
    type_indptr: np.ndarray = None
    type_indices: np.ndarray = None
    # Derived once per load.
    ann_ic: np.ndarray = field(init=False)
    disease_capacity: np.ndarray = field(init=False)

    def __post_init__(self):
        self.ann_ic = self.ic[self.ann_term]
        # The most a disease's side can score: every term explained by itself.
        self.disease_capacity = self._per_disease_sum(self.ann_weight * self.ann_ic)

    @classmethod
    def from_bytes(cls, version, payload):
        with np.load(io.BytesIO(bytes(payload))) as arrays:
            return cls(version=version, **{name: arrays[name] for name in arrays.files})

    def _per_disease_sum(self, values):
        if len(self.disease_ids) == 0:
            return np.zeros(0)
        return np.add.reduceat(values, self.starts[:-1]).astype(np.float64)

    def position(self, phenotype_id) -> int | None:
        index = int(np.searchsorted(self.term_ids, phenotype_id))
        if index < len(self.term_ids) and self.term_ids[index] == phenotype_id:
            return index
        return None

    def ancestors(self, term):
        return self.anc_indices[self.anc_indptr[term] : self.anc_indptr[term + 1]]

    def descendants(self, term):
        return self.desc_indices[self.desc_indptr[term] : self.desc_indptr[term + 1]]

    def similarity_row(self, term) -> np.ndarray:
        """Resnik similarity of ``term`` to every term: the IC of their most informative common ancestor."""
        row = np.zeros(len(self.term_ids))
        ancestors = self.ancestors(term)
        # Later (more informative) ancestors overwrite earlier ones, leaving the maximum.
        for ancestor in ancestors[np.argsort(self.ic[ancestors], kind="stable")]:
            row[self.descendants(ancestor)] = self.ic[ancestor]
        return row

    def most_specific(self, terms) -> int:
        """The most informative of ``terms``; on a tie, the one with most ancestors (the deepest)."""
        depth = np.diff(self.anc_indptr)[terms]
        return int(terms[np.lexsort((depth, self.ic[terms]))[-1]])

    def best_possible(self, term) -> float:
        """The highest similarity any disease can reach for ``term``: its most informative annotated ancestor."""
        ancestors = self.ancestors(term)
        annotated = ancestors[self.annotated[ancestors]]
        return float(self.ic[annotated].max()) if len(annotated) else 0.0


_loaded: dict = {"data": None}
_load_lock = threading.Lock()


def current_data() -> SimilarityData | None:
    """The newest similarity index, loaded once per process and again only when a newer one exists.

    One query either way: the stored arrays are sent only when the newest row is not the one loaded.
    A row is known by its id and build time together, since ids can be reused after a rollback.
    """
    loaded = _loaded["data"]
    loaded_version = loaded.version if loaded else (0, None)
    row = (
        SimilarityIndex.objects.annotate(
            payload=Case(
                When(pk=loaded_version[0], built_at=loaded_version[1], then=Value(None)),
                default=F("data"),
                output_field=BinaryField(),
            )
        )
        .order_by("-pk")
        .values_list("pk", "built_at", "payload")
        .first()
    )
    if row is None:
        return None
    pk, built_at, payload = row
    if (pk, built_at) == loaded_version:
        return loaded
    with _load_lock:
        data = SimilarityData.from_bytes((pk, built_at), payload)
        _loaded["data"] = data
    return data
