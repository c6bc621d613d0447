"""The query side of search: ``search()`` for the search page and the API, ``suggest()`` for autocomplete.

Both read the ``SearchTerm`` table and start from ``Disease.objects.published()``; see the package's
docstring for how rows match and are ranked.
"""

import hashlib
from dataclasses import dataclass, field, replace
from functools import cache

from django.contrib.postgres.lookups import TrigramSimilar
from django.db import connection
from django.db.models import Case, F, FloatField, Func, Q, Value, When
from django.db.models.functions import Cast, Concat, Greatest, Length
from django.urls import reverse

from diseases import freshness
from diseases.identifiers import Identifier
from diseases.models import Disease, Phenotype, SearchTerm

from .folding import clean_query, fold

# Distinct diseases (or symptoms) a search returns at most; beyond that readers add words.
RESULT_LIMIT = 200
SUGGESTION_LIMIT = 8
# Trigram matching on one or two letters would match almost everything.
MIN_TYPO_LENGTH = 3
# Close spellings tried for each word of a query that matched nothing as typed.
SPELLINGS_PER_WORD = 5
MIN_PREFIX_LENGTH = 3
KINDS = (SearchTerm.Kind.DISEASE, SearchTerm.Kind.SYMPTOM)


def identifier_url(identifier: Identifier) -> str | None:
    """The page an identifier names, or None when no published page has it."""
    if identifier.is_symptom:
        phenotype = (
            Phenotype.objects.select_related("replaced_by")
            .only("hpo_id", "is_obsolete", "replaced_by__hpo_id")
            .filter(hpo_id=identifier.curie)
            .first()
        )
        if phenotype is None:
            return None
        if phenotype.is_obsolete and phenotype.replaced_by:
            return phenotype.replaced_by.get_absolute_url()
        return phenotype.get_absolute_url()
    disease = Disease.objects.published().with_identifier(identifier).only("slug").order_by("pk").first()
    return disease.get_absolute_url() if disease else None


# --- Results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    kind: str
    pk: int  # the disease's or the symptom's
    key: str  # the disease's slug or the symptom's HPO id
    label: str
    field: str
    matched: str
    score: float
    # The start of a disease's page in plain words, where the search page shows it (not kept in the cache).
    summary: str = ""

    @property
    def url(self) -> str:
        if self.kind == SearchTerm.Kind.DISEASE:
            return reverse("diseases:detail", kwargs={"slug": self.key})
        return reverse("diseases:symptom", kwargs={"hpo_id": self.key})

    @property
    def why(self) -> str:
        """Why this matched, such as "other name: Canale-Smith syndrome"; empty for the name itself."""
        if self.field == SearchTerm.Field.NAME:
            return ""
        return f"{SearchTerm.Field(self.field).label}: {self.matched}"

    def as_json(self) -> dict:
        key_name = "slug" if self.kind == SearchTerm.Kind.DISEASE else "hpo_id"
        return {
            "type": self.kind,
            "label": self.label,
            key_name: self.key,
            "url": self.url,
            "matched": self.matched,
        }


@dataclass
class SearchResults:
    query: str
    folded: str
    diseases: list[Hit] = field(default_factory=list)
    symptoms: list[Hit] = field(default_factory=list)
    # True when a group has RESULT_LIMIT hits and more were left out.
    diseases_limited: bool = False
    symptoms_limited: bool = False

    def __bool__(self):
        return bool(self.diseases or self.symptoms)


def _is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def _singular(token: str) -> str:
    """A plain plural or possessive "s" dropped, the little stemming SQLite's word match gets."""
    return token[:-1] if len(token) > 3 and token.endswith("s") and not token.endswith("ss") else token


def _visible_terms(kinds):
    """Search rows readers may see: current symptoms, and diseases that pass ``published()``."""
    visible = Q()
    if SearchTerm.Kind.DISEASE in kinds:
        visible |= Q(kind=SearchTerm.Kind.DISEASE, disease__in=Disease.objects.published())
    if SearchTerm.Kind.SYMPTOM in kinds:
        visible |= Q(kind=SearchTerm.Kind.SYMPTOM)
    return SearchTerm.objects.filter(visible)


ROW_VALUES = ("kind", "disease_id", "phenotype_id", "key", "label", "field", "text", "score")

# PostgreSQL: one statement per search, for both kinds. The search runs on every keystroke, so it is
# written out rather than built by the ORM, which took longer to assemble it than PostgreSQL took to
# run it. A row's score is how it matched, strongest first: the whole text (1), its start (0.9 and
# up), every word, stemmed, the last one also as the start of a word (0.6 and up), or, when nothing
# matched word for word, trigram similarity (at most 0.85); shorter texts that the query covers more
# of score higher, and the whole is multiplied by the weight stored with the row at index time. Of
# equal scores, the shorter text comes first, then the shorter name (a gene's own disease, "Cystic
# fibrosis", before the longer names of the others linked to CFTR), then the name.
#
# Broad words ("syndrome") match thousands of rows, so the matching reads only what ranks them
# (``words`` is kept narrow: row, kind, target, size, score), and the texts a page shows are read for
# the few rows kept. Each kind has its own branches, its own word index (a partial index per kind)
# and its own gate ({visible}, see _visible_sql): whole texts and their starts come from the
# (kind, folded) index, words from the kind's tsvector index.
PREFIX_BRANCH = """
    SELECT t.id, t.kind, coalesce(t.disease_id, t.phenotype_id) AS target, length(t.folded) AS size,
        (CASE WHEN t.folded = %(folded)s THEN 1.0
            ELSE 0.9 + 0.08 * %(length)s / greatest(length(t.folded), 1) END) * t.weight AS score
    FROM diseases_searchterm t
    WHERE t.kind = '{kind}' AND t.folded LIKE %(prefix)s AND {visible}
"""
WORDS_BRANCH = """
    SELECT t.id, t.kind, coalesce(t.disease_id, t.phenotype_id), length(t.folded),
        (0.6 + 0.25 * %(length)s / greatest(length(t.folded), 1)) * t.weight
    FROM diseases_searchterm t
    WHERE t.kind = '{kind}' AND t.vector @@ to_tsquery('english', %(tsquery)s) AND {visible}
"""
# Typos, only when no row of any kind matched word for word (a reader whose words match some names
# spelt them as we do). Each word of the query may be itself or one of its closest spellings among
# the words the rows use (trigram similarity, in the list of every different word,
# ``diseases_searchword``, far smaller than the rows); the rows holding one spelling of every word
# match, ranked by how close their whole text is to the query: word similarity finds the misspelt
# words inside a longer name, plain similarity then prefers the name with least else in it. The
# check reads the matches already found, and PostgreSQL makes it once, before anything here is read.
CORRECTED = """
corrected AS (
    SELECT to_tsquery('english', string_agg(spellings.choice, ' & ' ORDER BY spellings.position)) AS tsquery
    FROM (
        SELECT query.position, '(' || string_agg(
            candidate.word || CASE WHEN query.position = %(words)s THEN %(last_suffix)s ELSE '' END, ' | '
        ) || ')' AS choice
        FROM unnest(string_to_array(%(folded)s, ' ')) WITH ORDINALITY AS query(token, position)
        CROSS JOIN LATERAL (
            (SELECT query.token AS word)
            UNION
            (SELECT w.word FROM diseases_searchword w
             WHERE length(query.token) >= %(min_typo_length)s AND w.word %% query.token
             ORDER BY similarity(w.word, query.token) DESC, w.uses DESC, w.word
             LIMIT %(spellings)s)
        ) candidate
        GROUP BY query.position
    ) spellings
)"""
TYPOS_BRANCH = """
    SELECT t.id, t.kind, coalesce(t.disease_id, t.phenotype_id) AS target, length(t.folded) AS size,
        (0.55 * word_similarity(%(folded)s, t.folded) + 0.3 * similarity(t.folded, %(folded)s)) * t.weight
        AS score
    FROM corrected, diseases_searchterm t
    WHERE NOT EXISTS (SELECT 1 FROM words) AND t.kind = '{kind}' AND t.vector @@ corrected.tsquery AND {visible}
"""
# The best rows of each kind, then each target's best row among them, numbered by score: a page
# gets at most ``limit`` + 1 targets of each kind (the one more tells it there were more).
KIND_ROWS = "(SELECT * FROM {matches} WHERE kind = '{kind}' ORDER BY score DESC, size LIMIT %(rows)s)"
POSTGRES_SEARCH = """
WITH words AS MATERIALIZED ({words}),{corrected}{typos}
best AS (
    SELECT DISTINCT ON (kind, target) * FROM ({kind_rows}) kept ORDER BY kind, target, score DESC, size
),
ranked AS (
    SELECT s.kind, s.disease_id, s.phenotype_id, s.key, s.label, s.field, s.text, best.score,
        row_number() OVER (
            PARTITION BY s.kind ORDER BY best.score DESC, best.size, length(s.label), s.label
        ) AS place
    FROM best JOIN diseases_searchterm s ON s.id = best.id
)
SELECT kind, disease_id, phenotype_id, key, label, field, text, score
FROM ranked WHERE place <= %(limit)s + 1
ORDER BY kind, place
"""


# Autocomplete looks at a bounded number of rows per kind, so a common start such as "de" or
# "synd" (thousands of names) costs no more than a rare one: the first names in alphabetical order
# that start with what was typed (read in order from the (kind, folded) index), and a sample of the
# names with a word that starts with it. Exact matches are always among the first.
SUGGEST_BRANCH = """
    SELECT t.kind, t.disease_id, t.phenotype_id, t.key, t.label, t.field, t.text, length(t.folded) AS size,
        (CASE
            WHEN t.folded = %(folded)s THEN 1.0
            WHEN t.folded LIKE %(prefix)s THEN 0.9 + 0.08 * %(length)s / greatest(length(t.folded), 1)
            ELSE 0.6 + 0.25 * %(length)s / greatest(length(t.folded), 1)
        END) * t.weight AS score
    FROM (
        (SELECT {columns} FROM diseases_searchterm
         WHERE kind = '{kind}' AND folded::text ~>=~ %(low)s AND folded::text ~<~ %(high)s
         ORDER BY kind, folded USING ~<~ LIMIT %(window)s)
        UNION ALL
        (SELECT {columns} FROM diseases_searchterm
         WHERE kind = '{kind}' AND vector @@ to_tsquery('english', %(tsquery)s)
         LIMIT %(window)s)
    ) t
    WHERE {visible}
"""
SUGGEST_WINDOW = 300
SUGGEST_STATEMENT = """
SELECT kind, disease_id, phenotype_id, key, label, field, text, score
FROM ({branches}) matches
ORDER BY score DESC, size, length(label), label
LIMIT %(limit)s
"""


def _visible_sql(kind, alias: str) -> tuple[str, dict]:
    """The gate of ``_visible_terms`` for one kind, as SQL with named parameters, from ``published()``.

    A row of a disease passes when a published page with its id exists: PostgreSQL looks each matching
    row's page up in the index of published ids, which costs a few rows' worth where a query matches
    few, instead of reading every published id for every search.
    """
    if kind == SearchTerm.Kind.SYMPTOM:
        return f"{alias}.kind = 'symptom'", {}
    condition, values = _published_condition_sql()
    params = {f"gate_{alias}_{index}": value for index, value in enumerate(values)}
    pieces = condition.split("%s")
    condition = "".join(
        piece + (f"%({name})s" if name else "") for piece, name in zip(pieces, [*params, None], strict=True)
    )
    table = connection.ops.quote_name(Disease._meta.db_table)
    return (
        f"({alias}.kind = 'disease' AND EXISTS (SELECT 1 FROM {table} WHERE {table}.id = {alias}.disease_id "
        f"AND {condition}))",
        params,
    )


@cache
def _published_condition_sql() -> tuple[str, tuple]:
    """``Disease.objects.published()``'s condition as SQL on the disease table, compiled once."""
    query = Disease.objects.published().query
    return query.get_compiler(connection=connection).compile(query.where)


def _query_params(folded: str, *, limit: int) -> dict:
    """Parameters every PostgreSQL search statement takes; the last word also matches as a prefix."""
    tokens = folded.split()
    last_suffix = ":*" if len(tokens[-1]) >= MIN_PREFIX_LENGTH else ""
    tokens[-1] += last_suffix
    return {
        "folded": folded,
        "words": len(tokens),
        "last_suffix": last_suffix,
        # fold() leaves only letters, digits and spaces, so LIKE and to_tsquery see no operators.
        "prefix": folded + "%",
        "tsquery": " & ".join(tokens),
        "length": float(len(folded)),
        "limit": limit,
    }


def _fetch(statement, params) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return [dict(zip(ROW_VALUES, row, strict=True)) for row in cursor.fetchall()]


def _postgres_suggestions(kinds, folded: str, *, limit: int) -> list[dict]:
    params = {
        **_query_params(folded, limit=limit),
        # The names that start with ``folded`` sort from ``low`` up to, not including, ``high``.
        "low": folded,
        "high": folded[:-1] + chr(ord(folded[-1]) + 1),
        "window": SUGGEST_WINDOW,
    }
    branches = []
    for kind in kinds:
        visible, visible_params = _visible_sql(kind, "t")
        params.update(visible_params)
        branches.append(
            SUGGEST_BRANCH.format(
                columns="kind, disease_id, phenotype_id, key, label, field, text, folded, weight",
                visible=visible,
                # Written into the statement (a literal of ours), so PostgreSQL picks the kind's indexes.
                kind=SearchTerm.Kind(kind).value,
            )
        )
    statement = SUGGEST_STATEMENT.format(branches=" UNION ALL ".join(branches))
    return _fetch(statement, {**params, "limit": _rows_for(limit)})


def _postgres_search(kinds, folded: str, *, limit: int) -> list[dict]:
    """Each kind's best ``limit`` + 1 targets, one (best) row each, best first, in one statement."""
    statement, gate_params = _search_statement(tuple(kinds), typos=len(folded) >= MIN_TYPO_LENGTH)
    params = {
        **_query_params(folded, limit=limit),
        **gate_params,
        "rows": _rows_for(limit),
        "min_typo_length": MIN_TYPO_LENGTH,
        "spellings": SPELLINGS_PER_WORD,
    }
    return _fetch(statement, params)


@cache
def _search_statement(kinds: tuple, *, typos: bool) -> tuple[str, dict]:
    """The search statement for these kinds, with or without its typo branches, and its gates'
    parameters: written once per process, in one line (psycopg keeps its parsing of statements of up
    to 4 kB, which this is once its indentation is gone)."""
    params, branches, typo_branches = {}, [], []
    for kind in kinds:
        visible, visible_params = _visible_sql(kind, "t")
        params.update(visible_params)
        # The kind is written into the statement (a literal of ours), so PostgreSQL picks its indexes.
        kind = SearchTerm.Kind(kind).value
        branches += [
            PREFIX_BRANCH.format(kind=kind, visible=visible),
            WORDS_BRANCH.format(kind=kind, visible=visible),
        ]
        typo_branches.append(TYPOS_BRANCH.format(kind=kind, visible=visible))
    kind_rows = [KIND_ROWS.format(matches="words", kind=kind) for kind in kinds]
    if typos:
        kind_rows += [KIND_ROWS.format(matches="typos", kind=kind) for kind in kinds]
    statement = POSTGRES_SEARCH.format(
        words=" UNION ALL ".join(branches),
        corrected=CORRECTED + "," if typos else "",
        typos=f" typos AS ({' UNION ALL '.join(typo_branches)})," if typos else "",
        kind_rows=" UNION ALL ".join(kind_rows),
    )
    # Only whitespace between words changes: the statement's literals hold single spaces at most.
    return " ".join(statement.split()), params


def _sqlite_rows(kinds, folded: str, *, limit: int) -> list[dict]:
    """The fallback: the whole text, its start, or every word as the start of a word; no stemming or typos."""
    tokens = folded.split()
    coverage = Cast(Value(len(folded)), FloatField()) / Cast(Greatest(Length("folded"), 1), FloatField())
    starts = Q(folded__startswith=folded)
    words = Q(*[Q(padded_folded__contains=f" {_singular(token)}") for token in tokens])
    score = Case(
        When(folded=folded, then=Value(1.0)),
        When(starts, then=0.9 + 0.08 * coverage),
        When(words, then=0.6 + 0.25 * coverage),
        default=Value(0.0),
        output_field=FloatField(),
    )
    rows = (
        _visible_terms(kinds)
        .annotate(padded_folded=Concat(Value(" "), "folded"))
        .filter(starts | words)
        .annotate(score=score * F("weight"))
        .order_by("-score", Length("folded"), Length("label"), "label")
        .values(*ROW_VALUES)
    )
    return list(rows[: _rows_for(limit)])


def _best_per_target(rows, limit: int) -> tuple[list[dict], bool]:
    """Rows come best first; keep each target's first (best) row, up to ``limit`` targets."""
    seen = set()
    best = []
    for row in rows:
        target = (row["kind"], row["disease_id"] or row["phenotype_id"])
        if target in seen:
            continue
        if len(best) == limit:
            return best, True
        seen.add(target)
        best.append(row)
    return best, False


def _hits(rows, limit: int) -> tuple[list[Hit], bool]:
    best, limited = _best_per_target(rows, limit)
    hits = [
        Hit(
            kind=row["kind"],
            pk=row["disease_id"] or row["phenotype_id"],
            key=row["key"],
            label=row["label"],
            field=row["field"],
            matched=row["text"],
            score=row["score"],
        )
        for row in best
    ]
    return hits, limited


def _rows_for(limit: int) -> int:
    # A target can match through several rows (name and other names); read enough rows to fill
    # ``limit`` targets in nearly every case, plus one more target to know there were more.
    return limit * 4 + 1


def _remembered(name, kinds, folded, compute, **options):
    """``compute()``, kept per folded query (so case, accents, spacing and punctuation do not matter),
    kinds and options until the content generation moves: any publish makes every answer fresh at
    once, as it does the pages. The key names the code too, so a deployment never reads old rankings."""
    digest = hashlib.blake2b(folded.encode(), digest_size=16).hexdigest()
    shape = ",".join([*kinds, *(f"{option}={value}" for option, value in sorted(options.items()))])
    return freshness.remember(f"{name}:{freshness.code_release()}:{shape}:{digest}", compute)


def search(query: str, *, kinds=KINDS, limit=RESULT_LIMIT) -> SearchResults:
    """Published diseases and current symptoms matching ``query``, best first (one statement on
    PostgreSQL, one per kind on SQLite), from the shared cache when the same words were searched
    since the last change."""
    query = clean_query(query)
    folded = fold(query)
    if not folded:
        return SearchResults(query=query, folded=folded)
    found = _remembered("search", kinds, folded, lambda: _search(kinds, folded, limit), limit=limit)
    return replace(found, query=query)


def _search(kinds, folded: str, limit: int) -> SearchResults:
    results = SearchResults(query=folded, folded=folded)
    if _is_postgresql():
        rows = _postgres_search(kinds, folded, limit=limit)
        by_kind = {kind: [row for row in rows if row["kind"] == kind] for kind in kinds}
    else:
        by_kind = {kind: _sqlite_rows((kind,), folded, limit=limit) for kind in kinds}
    if SearchTerm.Kind.DISEASE in kinds:
        results.diseases, results.diseases_limited = _hits(by_kind[SearchTerm.Kind.DISEASE], limit)
    if SearchTerm.Kind.SYMPTOM in kinds:
        results.symptoms, results.symptoms_limited = _hits(by_kind[SearchTerm.Kind.SYMPTOM], limit)
    return results


def suggest(query: str, *, kinds=KINDS, limit=SUGGESTION_LIMIT) -> list[Hit]:
    """Autocomplete: names that start with, or have words starting with, what was typed so far."""
    folded = fold(clean_query(query))
    if len(folded) < 2:
        return []
    return _remembered("suggest", kinds, folded, lambda: _suggest(kinds, folded, limit), limit=limit)


def _suggest(kinds, folded: str, limit: int) -> list[Hit]:
    # One query for all kinds, ranked together, so a strong symptom match is not pushed below weak
    # disease matches.
    if _is_postgresql():
        rows = _postgres_suggestions(kinds, folded, limit=limit)
    else:
        rows = _sqlite_rows(kinds, folded, limit=limit)
    return _hits(rows, limit)[0]


def did_you_mean(query: str, *, limit=3) -> list[str]:
    """Close spellings of a query that found nothing (PostgreSQL only: it needs pg_trgm)."""
    folded = fold(clean_query(query))
    if not _is_postgresql() or len(folded) < MIN_TYPO_LENGTH:
        return []
    return _remembered("spellings", (), folded, lambda: _close_spellings(folded, limit), limit=limit)


def _close_spellings(folded: str, limit: int) -> list[str]:
    rows = (
        SearchTerm.objects.filter(
            Q(kind=SearchTerm.Kind.SYMPTOM) | Q(disease__in=Disease.objects.published()),
            TrigramSimilar(F("folded"), Value(folded)),
        )
        .exclude(field=SearchTerm.Field.IDENTIFIER)
        .annotate(
            similarity=Func(F("folded"), Value(folded), function="similarity", output_field=FloatField())
        )
        .order_by("-similarity", "text")
        .values_list("text", flat=True)[: limit * 4]
    )
    seen, names = set(), []
    for text in rows:
        if fold(text) not in seen:
            seen.add(fold(text))
            names.append(text)
    return names[:limit]
