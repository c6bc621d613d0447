"""Ranking published diseases by a set of chosen symptoms, and explaining each match.

See the package's docstring for the measure. ``match()`` serves the /match/ page and the API;
``resolve_symptom_ids()`` turns what a reader sent into HPO terms first.
"""

from dataclasses import dataclass

import numpy as np
from django.db import models

from diseases.identifiers import parse_identifier
from diseases.models import Disease, Phenotype

from .index import SimilarityData, current_data

# Share of the score from the chosen terms' side; the rest comes from the disease's side.
CHOSEN_SIDE_WEIGHT = 0.7
# Each chosen term the disease is annotated not to have takes this share of a full match away.
EXCLUDED_PENALTY = 1.0
# A common ancestor less informative than this (present in over ~30% of diseases, such as
# "Abnormality of the nervous system") does not count as a meaningful link between two terms.
MIN_LINK_IC = 1.2
MAX_CHOSEN = 20
# A group found through its types scores at most this share of its best type's score.
GROUP_BELOW_TYPE = 0.99
# Top-scoring diseases read from the database for a page of ``limit``: the index only holds
# published pages, so the few spare ones cover pages unpublished since it was built.
SPARE_CANDIDATES = 40


class MatchStatus(models.TextChoices):
    """How a disease accounts for one chosen symptom; the labels are what the page and the API say."""

    EXACT = "exact", "listed for this disease"
    # The disease lists a more specific, or a more general, form of the chosen term.
    MORE_SPECIFIC = "more_specific", "listed in a more specific form"
    MORE_GENERAL = "more_general", "listed in a more general form"
    # Both are kinds of one informative term.
    RELATED = "related", "close to a listed symptom"
    MISSING = "missing", "not listed for this disease"
    EXCLUDED = "excluded", "listed as not a feature of this disease"


MATCHED = {MatchStatus.EXACT, MatchStatus.MORE_SPECIFIC, MatchStatus.MORE_GENERAL}
MARKS = {MatchStatus.RELATED: "≈", MatchStatus.MISSING: "–", MatchStatus.EXCLUDED: "✗"}


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
        return self.status in MATCHED

    def get_status_display(self):
        return MatchStatus(self.status).label

    @property
    def mark(self):
        """A sign for the page beside the words: ✓ matched, ≈ close, – missing, ✗ not a feature."""
        return "✓" if self.matched else MARKS[self.status]

    @property
    def shown_term(self):
        """The disease's term to name beside the status, unless it is the chosen term itself."""
        if self.disease_term is None or self.disease_term.pk == self.chosen.pk:
            return None
        return self.disease_term


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
    _keep_groups_below_their_types(data, scores)
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


def _keep_groups_below_their_types(data, scores):
    """A group matched through its types never ranks above the best of them: the exact type comes first."""
    if data.type_indptr is None:
        return
    groups = np.flatnonzero(np.diff(data.type_indptr))
    for group in groups.tolist():
        types = data.type_indices[data.type_indptr[group] : data.type_indptr[group + 1]]
        scores[group] = min(scores[group], float(scores[types].max()) * GROUP_BELOW_TYPE)


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
        identifier = parse_identifier(value, bare_number_source=None)
        if identifier is None or not identifier.is_symptom:
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
