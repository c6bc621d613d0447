"""Finding diseases and symptoms by name, other name, everyday name or identifier.

Everything searchable lives in one denormalised table, ``SearchTerm``: one row per name, other
name, identifier or everyday name, with a folded copy of the text (lower case, accents removed,
punctuation turned into spaces). A disease or symptom is ranked by its best-matching row, and
that row is what the page shows as the reason it matched.

On PostgreSQL a row matches when its folded text equals or starts with the folded query, or when
its weighted tsvector (kept in an indexed column, one index per kind) holds every query word,
stemmed, the last one also as the start of a word; a row's weight (a related term or a gene counts
less than a name) is stored with it at index time. When no row matched word for word, each query
word may be one of its closest spellings among every different word the rows use (``SearchWord``,
pg_trgm): typos. SQLite has none of these, so it matches the same exact texts and prefixes and, in
place of stemming, every query word as the start of a word.

Answers are kept in the shared cache per folded query until the content generation moves
(``diseases.freshness``), so the same words in any case, accents or spacing cost one lookup.

- ``folding``: ``fold()`` and the query limits, shared by both sides;
- ``query``: ``search()`` serves the search page and the API, ``suggest()`` the autocomplete;
- ``index``: ``rebuild_search_index()`` (run by every import), ``index_disease()`` and
  ``index_phenotype()`` (run by the services after an editor's change) keep the rows and words current.
"""

from .folding import MAX_QUERY_LENGTH, clean_query, fold
from .index import index_disease, index_phenotype, indexes_are_stale, rebuild_search_index
from .query import KINDS, Hit, SearchResults, did_you_mean, identifier_url, search, suggest

__all__ = [
    "KINDS",
    "MAX_QUERY_LENGTH",
    "Hit",
    "SearchResults",
    "clean_query",
    "did_you_mean",
    "fold",
    "identifier_url",
    "index_disease",
    "index_phenotype",
    "indexes_are_stale",
    "rebuild_search_index",
    "search",
    "suggest",
]
