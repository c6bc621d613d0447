"""Symptom-set matching: which published diseases best explain a set of chosen HPO terms.

The measure is semantic similarity over the HPO hierarchy:

* Information content (IC) of a term is ``-log(p)``, where ``p`` is the fraction of diseases
  annotated with the term or any of its descendants. "Seizure" is common and says little;
  "Focal impaired awareness seizure" is rare and says a lot.
* Resnik similarity of two terms is the IC of their most informative common ancestor.
* A disease is scored by a best-match average in both directions. Each chosen term takes its best
  match among the disease's terms, scaled by how often the disease has that term (a 80–99% term
  counts more than a 1–4% one); each of the disease's terms takes its best match among the chosen
  ones, weighted the same way, so a disease whose frequent features were not chosen ranks lower.
* A chosen term the disease is annotated *not* to have (or a more specific form of one) counts
  against it.

Everything that does not depend on the chosen terms (the ancestor closure, IC, and each disease's
annotations as flat arrays) is computed once by ``build_similarity_index()`` after an import and
stored in one ``SimilarityIndex`` row, so a query loads nothing but that row, and only when it
changed.
"""

import io
import threading
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from django.db import transaction
from django.db.models import BinaryField, Case, F, Value, When
from django.utils import timezone

from .models import Annotation, Disease, Phenotype, SimilarityIndex
from .search import parse_identifier

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
# Share of the score from the chosen terms' side; the rest comes from the disease's side.
CHOSEN_SIDE_WEIGHT = 0.7
# Each chosen term the disease is annotated not to have takes this share of a full match away.
EXCLUDED_PENALTY = 1.0
# A common ancestor less informative than this (present in over ~30% of diseases, such as
# "Abnormality of the nervous system") does not count as a meaningful link between two terms.
MIN_LINK_IC = 1.2
MAX_CHOSEN = 20
# Top-scoring diseases read from the database for a page of ``limit``: the index only holds
# published pages, so the few spare ones cover pages unpublished since it was built.
SPARE_CANDIDATES = 40


class MatchStatus:
    EXACT = "exact"
    MORE_SPECIFIC = "more_specific"  # the disease lists a more specific form of the chosen term
    MORE_GENERAL = "more_general"  # the disease lists a more general form of the chosen term
    RELATED = "related"  # both are kinds of one informative term
    MISSING = "missing"
    EXCLUDED = "excluded"

    MATCHED = {EXACT, MORE_SPECIFIC, MORE_GENERAL}


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
        Annotation.objects.filter(disease__in=Disease.objects.published(), is_hidden=False)
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

    # Diseases annotated with each term or a descendant: expand every annotation to its ancestors.
    ancestor_counts = np.diff(anc_indptr)[ann_term]
    expanded_terms = anc_indices[_ranges(anc_indptr[ann_term], ancestor_counts)]
    pairs = np.unique(
        np.repeat(ann_disease.astype(np.int64), ancestor_counts) * len(term_ids) + expanded_terms
    )
    counts = np.bincount(pairs % len(term_ids), minlength=len(term_ids))
    disease_total = max(len(disease_ids), 1)
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


# --- Matching ---------------------------------------------------------------------------------


@dataclass
class TermMatch:
    chosen: Phenotype
    status: str
    disease_term_id: int | None = None  # the disease's term that explains the chosen one
    link_term_id: int | None = None  # for RELATED: the informative common ancestor
    disease_term: Phenotype | None = None
    link_term: Phenotype | None = None

    @property
    def matched(self):
        return self.status in MatchStatus.MATCHED


@dataclass
class DiseaseMatch:
    disease: Disease
    score: float
    terms: list[TermMatch]

    @property
    def matched(self):
        return [term for term in self.terms if term.matched]

    @property
    def related(self):
        return [term for term in self.terms if term.status == MatchStatus.RELATED]

    @property
    def missing(self):
        return [term for term in self.terms if term.status == MatchStatus.MISSING]

    @property
    def excluded(self):
        return [term for term in self.terms if term.status == MatchStatus.EXCLUDED]

    @property
    def percent(self):
        return max(0, round(self.score * 100))


@dataclass
class MatchResult:
    matches: list[DiseaseMatch]
    # Chosen terms that are not symptoms the matching knows (outside the phenotype tree).
    unusable: list[Phenotype]
    ready: bool = True


def score_diseases(data: SimilarityData, terms: list[int], rows=None) -> np.ndarray:
    """One score per disease in ``data.disease_ids`` for the chosen term positions ``terms``.

    ``rows`` may hold each term's ``similarity_row``, when the caller needs them too.
    """
    disease_count = len(data.disease_ids)
    chosen_side = np.zeros(disease_count)
    best_for_disease_term = np.zeros(len(data.ann_term))
    excluded_hits = np.zeros(disease_count)
    possible = 0.0
    for term in terms:
        similarity = (rows[term] if rows is not None else data.similarity_row(term))[data.ann_term]
        np.maximum(best_for_disease_term, similarity, out=best_for_disease_term)
        chosen_side += np.maximum.reduceat(similarity * data.ann_weight, data.starts[:-1])
        possible += data.best_possible(term)
        if len(data.excl_term):
            contradicted = np.isin(data.excl_term, data.ancestors(term))
            excluded_hits[np.unique(data.excl_disease[contradicted])] += 1
    chosen_side = chosen_side / possible if possible > 0 else chosen_side
    disease_side = np.divide(
        data._per_disease_sum(np.minimum(best_for_disease_term, data.ann_ic) * data.ann_weight),
        data.disease_capacity,
        out=np.zeros(disease_count),
        where=data.disease_capacity > 0,
    )
    score = CHOSEN_SIDE_WEIGHT * chosen_side + (1 - CHOSEN_SIDE_WEIGHT) * disease_side
    return score - EXCLUDED_PENALTY * excluded_hits / max(len(terms), 1)


@dataclass
class ChosenTerm:
    """What explaining one chosen term needs, worked out once per match rather than per disease."""

    position: int
    ancestors: frozenset
    descendants: frozenset
    similarity: np.ndarray

    @classmethod
    def build(cls, data: SimilarityData, position: int):
        return cls(
            position=position,
            ancestors=frozenset(data.ancestors(position).tolist()),
            descendants=frozenset(data.descendants(position).tolist()),
            similarity=data.similarity_row(position),
        )


def explain(
    data: SimilarityData, disease_index: int, chosen: ChosenTerm
) -> tuple[str, int | None, int | None]:
    """How disease ``disease_index`` accounts for a chosen term: the status and the term positions involved."""
    start, end = data.starts[disease_index], data.starts[disease_index + 1]
    disease_terms = data.ann_term[start:end]
    listed = disease_terms.tolist()
    excluded = data.excl_term[data.excl_disease == disease_index].tolist()
    contradicting = [term for term in excluded if term in chosen.ancestors]
    if contradicting:
        return MatchStatus.EXCLUDED, data.most_specific(np.array(contradicting)), None
    if chosen.position in listed:
        return MatchStatus.EXACT, chosen.position, None
    specific = [term for term in listed if term in chosen.descendants]
    if specific:
        return MatchStatus.MORE_SPECIFIC, data.most_specific(np.array(specific)), None
    general = [term for term in listed if term in chosen.ancestors and data.ic[term] >= MIN_LINK_IC]
    if general:
        return MatchStatus.MORE_GENERAL, data.most_specific(np.array(general)), None
    if listed:
        best = int(disease_terms[np.argmax(chosen.similarity[disease_terms])])
        if chosen.similarity[best] >= MIN_LINK_IC:
            shared = [term for term in data.ancestors(best).tolist() if term in chosen.ancestors]
            return MatchStatus.RELATED, best, data.most_specific(np.array(shared))
    return MatchStatus.MISSING, None, None


def match(phenotypes: list[Phenotype], *, limit=20) -> MatchResult:
    """Published diseases ranked by how well they explain ``phenotypes``, best first.

    Three queries whatever the number of terms or results: the index (its arrays only when it
    changed), the diseases through ``Disease.objects.published()``, and the names of the terms
    the explanations mention.
    """
    data = current_data()
    if data is None:
        return MatchResult(matches=[], unusable=[], ready=False)
    positions, usable, unusable = [], [], []
    for phenotype in phenotypes[:MAX_CHOSEN]:
        position = data.position(phenotype.pk)
        if position is None:
            unusable.append(phenotype)
        else:
            positions.append(position)
            usable.append(phenotype)
    if not positions or len(data.disease_ids) == 0:
        return MatchResult(matches=[], unusable=unusable)

    chosen = {position: ChosenTerm.build(data, position) for position in positions}
    scores = score_diseases(data, positions, {position: term.similarity for position, term in chosen.items()})
    candidate_count = min(limit + SPARE_CANDIDATES, len(scores))
    candidates = np.argpartition(-scores, candidate_count - 1)[:candidate_count]
    candidates = candidates[np.lexsort((data.disease_ids[candidates], -scores[candidates]))]
    candidates = [int(index) for index in candidates if scores[index] > 0]
    # The index is rebuilt after imports and edits; the gate is applied again here so a disease
    # unpublished since then never shows.
    published = (
        Disease.objects.published()
        .only("name", "slug")
        .in_bulk([int(data.disease_ids[i]) for i in candidates])
    )
    shown = [index for index in candidates if int(data.disease_ids[index]) in published][:limit]

    matches = []
    for index in shown:
        terms = []
        for phenotype, position in zip(usable, positions, strict=True):
            status, disease_term, link = explain(data, index, chosen[position])
            terms.append(
                TermMatch(
                    chosen=phenotype,
                    status=status,
                    disease_term_id=None if disease_term is None else int(data.term_ids[disease_term]),
                    link_term_id=None if link is None else int(data.term_ids[link]),
                )
            )
        matches.append(
            DiseaseMatch(
                disease=published[int(data.disease_ids[index])], score=float(scores[index]), terms=terms
            )
        )
    _attach_term_names(matches)
    return MatchResult(matches=matches, unusable=unusable)


def _attach_term_names(matches):
    wanted = {
        pk
        for disease_match in matches
        for term in disease_match.terms
        for pk in (term.disease_term_id, term.link_term_id)
        if pk is not None
    }
    if not wanted:
        return
    names = Phenotype.objects.only("hpo_id", "name").in_bulk(wanted)
    for disease_match in matches:
        for term in disease_match.terms:
            term.disease_term = names.get(term.disease_term_id)
            term.link_term = names.get(term.link_term_id)


def resolve_symptom_ids(values):
    """Resolve the ``hpo`` parameters: (phenotypes in order, messages about the ones that changed)."""
    messages, wanted = [], []
    for value in values:
        identifier = parse_identifier(value)
        if identifier is None or identifier.source != "HP":
            messages.append(
                f"“{value[:40]}” is not an HPO id (they look like HP:0001744), so it was left out."
            )
        elif identifier.curie not in wanted:
            wanted.append(identifier.curie)
    found = Phenotype.objects.select_related("replaced_by").only(
        "hpo_id",
        "name",
        "is_obsolete",
        "replaced_by__hpo_id",
        "replaced_by__name",
        "replaced_by__is_obsolete",
    )
    found = {phenotype.hpo_id: phenotype for phenotype in found.filter(hpo_id__in=wanted)}
    chosen = []
    for hpo_id in wanted:
        phenotype = found.get(hpo_id)
        if phenotype is None:
            messages.append(f"We do not know the symptom {hpo_id}, so it was left out.")
            continue
        if phenotype.is_obsolete:
            if phenotype.replaced_by is None:
                messages.append(
                    f"{hpo_id} ({phenotype.name}) is no longer used and has no successor; it was left out."
                )
                continue
            messages.append(
                f"{hpo_id} is no longer used; it was replaced by {phenotype.replaced_by.hpo_id} "
                f"({phenotype.replaced_by.name}), which we used instead."
            )
            phenotype = phenotype.replaced_by
        if phenotype.hpo_id not in {p.hpo_id for p in chosen}:
            chosen.append(phenotype)
    if len(chosen) > MAX_CHOSEN:
        messages.append(f"We compare up to {MAX_CHOSEN} symptoms at once; the rest were left out.")
    return chosen[:MAX_CHOSEN], messages
