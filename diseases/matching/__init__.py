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

- ``index``: everything that does not depend on the chosen terms (the ancestor closure, IC, and each
  disease's annotations as flat arrays) is computed once by ``build_similarity_index()`` after an
  import or an edit and stored in one ``SimilarityIndex`` row, so a query loads nothing but that
  row, and only when it changed;
- ``ranking``: ``match()`` scores and explains; ``resolve_symptom_ids()`` reads what a reader sent.
"""

from .index import BAND_WEIGHTS, SimilarityData, build_similarity_index, current_data
from .ranking import (
    MAX_CHOSEN,
    DiseaseMatch,
    MatchResult,
    MatchStatus,
    TermMatch,
    match,
    resolve_symptom_ids,
    score_diseases,
)

__all__ = [
    "BAND_WEIGHTS",
    "MAX_CHOSEN",
    "DiseaseMatch",
    "MatchResult",
    "MatchStatus",
    "SimilarityData",
    "TermMatch",
    "build_similarity_index",
    "current_data",
    "match",
    "resolve_symptom_ids",
    "score_diseases",
]
