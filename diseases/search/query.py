"""The query side of search: ``search()`` for the search page and the API, ``suggest()`` for autocomplete.

Both read the ``SearchTerm`` table and start from ``Disease.objects.published()``; see the package's
docstring for how rows match and are ranked.
"""

from dataclasses import dataclass, field

from django.contrib.postgres.lookups import TrigramSimilar
from django.db import connection
from django.db.models import Case, F, FloatField, Func, Q, Value, When
from django.db.models.functions import Cast, Concat, Greatest, Length
from django.urls import reverse

from diseases.identifiers import Identifier
from diseases.models import Disease, Phenotype, SearchTerm

from .folding import clean_query, fold

# Distinct diseases (or symptoms) a search returns at most; beyond that readers add words.
RESULT_LIMIT = 200
SUGGESTION_LIMIT = 8
# Trigram matching on one or two letters would match almost everything.
MIN_TYPO_LENGTH = 3
MIN_PREFIX_LENGTH = 3
KINDS = (SearchTerm.Kind.DISEASE, SearchTerm.Kind.SYMPTOM)

# Other names, abbreviations and everyday names count as much as the name itself; HPO's related,
# broader or narrower synonyms are a little less certain.
FIELD_WEIGHTS = {SearchTerm.Field.RELATED_NAME: 0.85, SearchTerm.Field.GENE: 0.85}
# The same weights in SQL, for the hand-written PostgreSQL statements (the values are ours, not input).
FIELD_WEIGHT_SQL = (
    "(CASE t.field "
    + " ".join(f"WHEN '{field}' THEN {weight}" for field, weight in FIELD_WEIGHTS.items())
    + " ELSE 1.0 END)"
)


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
    key: str  # the disease's slug or the symptom's HPO id
    label: str
    field: str
    matched: str
    score: float

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

# PostgreSQL: one statement per search. The search runs on every keystroke, so it is written out
# rather than built by the ORM, which took longer to assemble this query than PostgreSQL took to
# run it. Each kind gets its own branch with its own gate ({visible}, see _visible_sql): one gate
# for both kinds made PostgreSQL scan every published disease for every keystroke.
WORDS_BRANCH = """
    SELECT t.kind, t.disease_id, t.phenotype_id, t.key, t.label, t.field, t.text, length(t.folded) AS size,
        (CASE
            WHEN t.folded = %(folded)s THEN 1.0
            WHEN t.folded LIKE %(prefix)s THEN 0.9 + 0.08 * %(length)s / greatest(length(t.folded), 1)
            ELSE 0.6 + 0.25 * %(length)s / greatest(length(t.folded), 1)
                + 0.1 * ts_rank(t.vector, to_tsquery('english', %(tsquery)s))
        END) * {field_weight} AS score
    FROM diseases_searchterm t
    WHERE {visible} AND (t.folded LIKE %(prefix)s OR t.vector @@ to_tsquery('english', %(tsquery)s))
"""
# Trigram matching is the slow part, so it runs only when nothing of this kind matched word for
# word: PostgreSQL checks the NOT EXISTS once, before it scans anything for this branch. Word
# similarity finds the misspelt words inside a longer name; plain similarity then prefers the name
# that has least else in it.
TYPOS_BRANCH = """
    SELECT t.kind, t.disease_id, t.phenotype_id, t.key, t.label, t.field, t.text, length(t.folded),
        (0.55 * word_similarity(%(folded)s, t.folded) + 0.3 * similarity(t.folded, %(folded)s))
        * {field_weight}
    FROM diseases_searchterm t
    WHERE {visible} AND t.folded %%> %(folded)s AND NOT EXISTS (
        SELECT 1 FROM diseases_searchterm e
        WHERE {visible_e} AND (e.folded LIKE %(prefix)s OR e.vector @@ to_tsquery('english', %(tsquery)s))
    )
"""
POSTGRES_SEARCH = """
SELECT kind, disease_id, phenotype_id, key, label, field, text, score
FROM ({branches}) matches
ORDER BY score DESC, size
LIMIT %(limit)s
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
        END) * {field_weight} AS score
    FROM (
        (SELECT {columns} FROM diseases_searchterm
         WHERE kind = %({kind_param})s AND folded::text ~>=~ %(low)s AND folded::text ~<~ %(high)s
         ORDER BY kind, folded USING ~<~ LIMIT %(window)s)
        UNION ALL
        (SELECT {columns} FROM diseases_searchterm
         WHERE kind = %({kind_param})s AND vector @@ to_tsquery('english', %(tsquery)s)
         LIMIT %(window)s)
    ) t
    WHERE {visible}
"""
SUGGEST_WINDOW = 300


def _visible_sql(kind, alias: str) -> tuple[str, dict]:
    """The gate of ``_visible_terms`` for one kind, as SQL with named parameters, from ``published()``."""
    if kind == SearchTerm.Kind.SYMPTOM:
        return f"{alias}.kind = 'symptom'", {}
    published, values = Disease.objects.published().order_by().values("pk").query.sql_with_params()
    pieces = published.split("%s")
    params = {f"gate_{alias}_{index}": value for index, value in enumerate(values)}
    published = "".join(
        piece + (f"%({name})s" if name else "") for piece, name in zip(pieces, [*params, None], strict=True)
    )
    return f"({alias}.kind = 'disease' AND {alias}.disease_id IN ({published}))", params


def _query_params(folded: str, *, limit: int) -> dict:
    """Parameters every PostgreSQL search statement takes; the last word also matches as a prefix."""
    tokens = folded.split()
    if len(tokens[-1]) >= MIN_PREFIX_LENGTH:
        tokens[-1] += ":*"
    return {
        "folded": folded,
        # fold() leaves only letters, digits and spaces, so LIKE and to_tsquery see no operators.
        "prefix": folded + "%",
        "tsquery": " & ".join(tokens),
        "length": float(len(folded)),
        "limit": limit,
    }


def _run_search(branches, params) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(POSTGRES_SEARCH.format(branches=" UNION ALL ".join(branches)), params)
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
        params[f"kind_{kind}"] = kind
        branches.append(
            SUGGEST_BRANCH.format(
                columns="kind, disease_id, phenotype_id, key, label, field, text, folded",
                visible=visible,
                kind_param=f"kind_{kind}",
                field_weight=FIELD_WEIGHT_SQL,
            )
        )
    return _run_search(branches, params)


def _postgres_rows(kinds, folded: str, *, limit: int) -> list[dict]:
    params = _query_params(folded, limit=limit)
    branches = []
    for kind in kinds:
        visible, visible_params = _visible_sql(kind, "t")
        params.update(visible_params)
        branches.append(WORDS_BRANCH.format(visible=visible, field_weight=FIELD_WEIGHT_SQL))
        if len(folded) >= MIN_TYPO_LENGTH:
            visible_e, visible_e_params = _visible_sql(kind, "e")
            params.update(visible_e_params)
            branches.append(
                TYPOS_BRANCH.format(visible=visible, visible_e=visible_e, field_weight=FIELD_WEIGHT_SQL)
            )
    return _run_search(branches, params)


def _sqlite_rows(kinds, folded: str, *, limit: int) -> list[dict]:
    """The fallback: the whole text, its start, or every word as the start of a word; no stemming or typos."""
    tokens = folded.split()
    coverage = Cast(Value(len(folded)), FloatField()) / Cast(Greatest(Length("folded"), 1), FloatField())
    field_weight = Case(
        *[When(field=name, then=Value(weight)) for name, weight in FIELD_WEIGHTS.items()],
        default=Value(1.0),
        output_field=FloatField(),
    )
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
        .annotate(score=score * field_weight)
        .order_by("-score", Length("folded"))
        .values(*ROW_VALUES)
    )
    return list(rows[:limit])


def _scored_rows(kinds, folded: str, *, limit: int) -> list[dict]:
    """Up to ``limit`` matching rows of the given kinds, scored from 0 to 1, best first; not grouped.

    The score says how a row matched, strongest first: the whole text (1), the start of the text
    (0.9 and up), every word (0.6 and up; on PostgreSQL stemmed, and weighted by ``ts_rank``), or,
    on PostgreSQL, trigram similarity (at most 0.85). Within each, shorter texts that the query
    covers more of score higher.
    """
    if _is_postgresql():
        return _postgres_rows(kinds, folded, limit=limit)
    return _sqlite_rows(kinds, folded, limit=limit)


def _suggestion_rows(kinds, folded: str, *, limit: int) -> list[dict]:
    if _is_postgresql():
        return _postgres_suggestions(kinds, folded, limit=limit)
    return _sqlite_rows(kinds, folded, limit=limit)


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
    # A target can match through several rows (name and other names); fetch enough rows to fill
    # ``limit`` targets in nearly every case, plus one more target to know there were more.
    return limit * 4 + 1


def _ranked(kinds, folded: str, *, limit: int) -> tuple[list[Hit], bool]:
    return _hits(_scored_rows(kinds, folded, limit=_rows_for(limit)), limit)


def search(query: str, *, kinds=KINDS, limit=RESULT_LIMIT) -> SearchResults:
    """Published diseases and current symptoms matching ``query``, best first, one query per kind."""
    query = clean_query(query)
    folded = fold(query)
    results = SearchResults(query=query, folded=folded)
    if not folded:
        return results
    if SearchTerm.Kind.DISEASE in kinds:
        results.diseases, results.diseases_limited = _ranked((SearchTerm.Kind.DISEASE,), folded, limit=limit)
    if SearchTerm.Kind.SYMPTOM in kinds:
        results.symptoms, results.symptoms_limited = _ranked((SearchTerm.Kind.SYMPTOM,), folded, limit=limit)
    return results


def suggest(query: str, *, kinds=KINDS, limit=SUGGESTION_LIMIT) -> list[Hit]:
    """Autocomplete: names that start with, or have words starting with, what was typed so far."""
    folded = fold(clean_query(query))
    if len(folded) < 2:
        return []
    # One query for all kinds, ranked together, so a strong symptom match is not pushed below weak
    # disease matches.
    return _hits(_suggestion_rows(kinds, folded, limit=_rows_for(limit)), limit)[0]


def did_you_mean(query: str, *, limit=3) -> list[str]:
    """Close spellings of a query that found nothing (PostgreSQL only: it needs pg_trgm)."""
    folded = fold(clean_query(query))
    if not _is_postgresql() or len(folded) < MIN_TYPO_LENGTH:
        return []
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
