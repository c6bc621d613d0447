"""Finding diseases and symptoms by name, other name, everyday name or identifier.

Everything searchable lives in one denormalised table, ``SearchTerm``: one row per name, other
name, identifier or everyday name, with a folded copy of the text (lower case, accents removed,
punctuation turned into spaces). A disease or symptom is ranked by its best-matching row, and
that row is what the page shows as the reason it matched.

On PostgreSQL a row matches when its folded text equals or starts with the folded query, when its
weighted tsvector (kept in an indexed column) holds every query word, stemmed, the last one also
as the start of a word, or, when nothing matched word for word, when pg_trgm word similarity is
high enough (typos). SQLite has none of these, so it matches the same exact texts and prefixes
and, in place of stemming, every query word as the start of a word.

``search()`` serves the search page and the API, ``suggest()`` the autocomplete endpoint. Both
start from ``Disease.objects.published()``; ``rebuild_search_index()`` (run at the end of every
import) and ``index_disease()`` (run when an editor saves a page) keep the table current.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.lookups import TrigramSimilar
from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Case, F, FloatField, Func, Q, Value, When
from django.db.models.functions import Cast, Concat, Greatest, Length
from django.urls import reverse

from .importer.bulk import insert_rows
from .models import Disease, DiseaseSynonym, ExternalIdentifier, Phenotype, PhenotypeSynonym, SearchTerm

MAX_QUERY_LENGTH = 200
# Distinct diseases (or symptoms) a search returns at most; beyond that readers add words.
RESULT_LIMIT = 200
SUGGESTION_LIMIT = 8
# Trigram matching on one or two letters would match almost everything.
MIN_TYPO_LENGTH = 3
MIN_PREFIX_LENGTH = 3
KINDS = (SearchTerm.Kind.DISEASE, SearchTerm.Kind.SYMPTOM)

GREEK_LETTERS = {
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "ε": "epsilon",
    "κ": "kappa",
    "λ": "lambda",
    "μ": "mu",
}
APOSTROPHES = re.compile(r"['’ʼ`]")
NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")

# Other names, abbreviations and everyday names count as much as the name itself; HPO's related,
# broader or narrower synonyms are a little less certain.
FIELD_WEIGHTS = {SearchTerm.Field.RELATED_NAME: 0.85}
TSVECTOR_WEIGHTS = {SearchTerm.Field.RELATED_NAME: "B"}


def fold(text: str) -> str:
    """Lower case, accents and apostrophes removed, anything else that is not a letter or digit a space."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = "".join(GREEK_LETTERS.get(char, char) for char in text)
    text = APOSTROPHES.sub("", text)
    return NOT_ALPHANUMERIC.sub(" ", text).strip()


def clean_query(raw) -> str:
    """The reader's query, whitespace collapsed and cut to MAX_QUERY_LENGTH characters."""
    return " ".join(str(raw or "").split())[:MAX_QUERY_LENGTH].strip()


# --- Identifiers ------------------------------------------------------------------------------

IDENTIFIER_PATTERN = re.compile(
    r"^(?P<prefix>orphanet|orpha|omim|mim|gard|decipher|mondo|hpo|hp)\s*[:_ #-]?\s*(?P<code>\d{1,9})$",
    re.IGNORECASE,
)
NUMBER_PATTERN = re.compile(r"^\d{1,9}$")
IDENTIFIER_SOURCES = {
    "orphanet": ExternalIdentifier.Source.ORPHA,
    "orpha": ExternalIdentifier.Source.ORPHA,
    "omim": ExternalIdentifier.Source.OMIM,
    "mim": ExternalIdentifier.Source.OMIM,
    "gard": ExternalIdentifier.Source.GARD,
    "decipher": ExternalIdentifier.Source.DECIPHER,
    "mondo": ExternalIdentifier.Source.MONDO,
}


@dataclass(frozen=True)
class Identifier:
    """A query that is an identifier: ``source`` is an ExternalIdentifier source, "HP" or "GARD"."""

    source: str
    code: str

    @property
    def curie(self):
        return f"{self.source}:{self.code}"


def parse_identifier(query: str) -> Identifier | None:
    """ORPHA:3261, OMIM 601859, GARD:8686, a bare GARD number such as 8686, or HP:0001744."""
    query = query.strip()
    if NUMBER_PATTERN.match(query):
        return Identifier(ExternalIdentifier.Source.GARD, str(int(query)))
    match = IDENTIFIER_PATTERN.match(query)
    if not match:
        return None
    prefix, code = match["prefix"].lower(), match["code"]
    if prefix in ("hp", "hpo"):
        return Identifier("HP", f"{int(code):07d}") if len(code) <= 7 else None
    return Identifier(IDENTIFIER_SOURCES[prefix], str(int(code)))


def _code_variants(code: str) -> list[str]:
    # Sources write codes with and without leading zeros (MONDO:0008438, ORPHA:3261).
    return sorted({code, code.zfill(7), code.zfill(6)})


def identifier_url(identifier: Identifier) -> str | None:
    """The page an identifier names, or None when no published page has it."""
    if identifier.source == "HP":
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
    identifier_match = Q(
        identifiers__source=identifier.source, identifiers__code__in=_code_variants(identifier.code)
    )
    if identifier.source == ExternalIdentifier.Source.GARD:
        identifier_match |= Q(gard_id=int(identifier.code))
    disease = Disease.objects.published().filter(identifier_match).only("slug").order_by("pk").first()
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
        END) * (CASE WHEN t.field = 'related_name' THEN {related_weight} ELSE 1.0 END) AS score
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
        * (CASE WHEN t.field = 'related_name' THEN {related_weight} ELSE 1.0 END)
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
        END) * (CASE WHEN t.field = 'related_name' THEN {related_weight} ELSE 1.0 END) AS score
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
                related_weight=FIELD_WEIGHTS[SearchTerm.Field.RELATED_NAME],
            )
        )
    return _run_search(branches, params)


def _postgres_rows(kinds, folded: str, *, limit: int) -> list[dict]:
    params = _query_params(folded, limit=limit)
    branches = []
    weight = FIELD_WEIGHTS[SearchTerm.Field.RELATED_NAME]
    for kind in kinds:
        visible, visible_params = _visible_sql(kind, "t")
        params.update(visible_params)
        branches.append(WORDS_BRANCH.format(visible=visible, related_weight=weight))
        if len(folded) >= MIN_TYPO_LENGTH:
            visible_e, visible_e_params = _visible_sql(kind, "e")
            params.update(visible_e_params)
            branches.append(TYPOS_BRANCH.format(visible=visible, visible_e=visible_e, related_weight=weight))
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


# --- Building the index ---------------------------------------------------------------------


ROW_FIELDS = ("kind", "field", "text", "folded", "disease_id", "phenotype_id", "label", "key")


def _row(kind, target, field_name, text):
    """``target`` is (pk, label, key): a disease's pk, name and slug, or a term's pk, name and HPO id."""
    pk, label, key = target
    disease_id, phenotype_id = (pk, None) if kind == SearchTerm.Kind.DISEASE else (None, pk)
    return (kind, field_name, text[:500], fold(text)[:500], disease_id, phenotype_id, label[:500], key)


def _unique_rows(rows):
    """One row per target and folded text; the first wins, so names are listed before other names."""
    seen = set()
    for row in rows:
        _, _, _, folded, disease_id, phenotype_id, _, _ = row
        key = (disease_id, phenotype_id, folded)
        if folded and key not in seen:
            seen.add(key)
            yield row


def _disease_rows(diseases):
    kind, fields = SearchTerm.Kind.DISEASE, SearchTerm.Field
    targets = {}
    for pk, name, slug, gard_id in diseases.values_list("pk", "name", "slug", "gard_id"):
        targets[pk] = target = (pk, name, slug)
        yield _row(kind, target, fields.NAME, name)
        if gard_id:
            yield _row(kind, target, fields.IDENTIFIER, f"GARD:{gard_id}")
    synonyms = DiseaseSynonym.objects.filter(disease__in=diseases).order_by("disease_id", "position", "pk")
    for disease_id, name in synonyms.values_list("disease_id", "name"):
        yield _row(kind, targets[disease_id], fields.OTHER_NAME, name)
    identifiers = ExternalIdentifier.objects.filter(disease__in=diseases).order_by(
        "disease_id", "source", "code"
    )
    for disease_id, source, code, label in identifiers.values_list("disease_id", "source", "code", "label"):
        yield _row(kind, targets[disease_id], fields.IDENTIFIER, f"{source}:{code}")
        if label:
            yield _row(kind, targets[disease_id], fields.OTHER_NAME, label)


def _symptom_rows():
    kind, fields = SearchTerm.Kind.SYMPTOM, SearchTerm.Field
    targets = {}
    for pk, hpo_id, name in Phenotype.objects.current().values_list("pk", "hpo_id", "name").order_by("pk"):
        targets[pk] = target = (pk, name, hpo_id)
        yield _row(kind, target, fields.NAME, name)
        yield _row(kind, target, fields.IDENTIFIER, hpo_id)
    synonyms = PhenotypeSynonym.objects.filter(phenotype__is_obsolete=False).order_by("-is_lay", "pk")
    for phenotype_id, name, scope, is_lay in synonyms.values_list("phenotype_id", "name", "scope", "is_lay"):
        if is_lay:
            field_name = fields.LAY_NAME
        elif scope == PhenotypeSynonym.Scope.EXACT:
            field_name = fields.OTHER_NAME
        else:
            field_name = fields.RELATED_NAME
        yield _row(kind, targets[phenotype_id], field_name, name)


def _fill_vectors(terms):
    """Weighted tsvectors from the unaccented text and its folded form (PostgreSQL only)."""
    if not _is_postgresql():
        return
    document = Concat(Func(F("text"), function="unaccent"), Value(" "), F("folded"))
    for weight in ("A", "B"):
        fields = [name for name, value in TSVECTOR_WEIGHTS.items() if value == weight]
        subset = (
            terms.filter(field__in=fields) if weight != "A" else terms.exclude(field__in=TSVECTOR_WEIGHTS)
        )
        subset.update(vector=SearchVector(document, config="english", weight=weight))


# The same GIN indexes as migration 0005; rebuilding them once is far quicker than updating them
# row by row while 100,000 rows are written.
POSTGRES_INDEXES = {
    "searchterm_vector_gin": "CREATE INDEX searchterm_vector_gin ON diseases_searchterm USING gin (vector)",
    "searchterm_folded_trgm": (
        "CREATE INDEX searchterm_folded_trgm ON diseases_searchterm USING gin (folded gin_trgm_ops)"
    ),
}


@transaction.atomic
def rebuild_search_index() -> int:
    """Replace the whole search table from diseases (every status) and current HPO terms.

    Readers keep seeing the old rows until the transaction commits.
    """
    postgresql = _is_postgresql()
    if postgresql:
        with connection.cursor() as cursor:
            for name in POSTGRES_INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
    SearchTerm.objects.all().delete()
    # Rows are read into lists first: the connection cannot run queries while it is copying.
    created = insert_rows(
        SearchTerm, ROW_FIELDS, list(_unique_rows(_disease_rows(Disease.objects.order_by("pk"))))
    )
    created += insert_rows(SearchTerm, ROW_FIELDS, list(_unique_rows(_symptom_rows())))
    _fill_vectors(SearchTerm.objects.all())
    if postgresql:
        with connection.cursor() as cursor:
            # Run the deferred foreign-key checks now: PostgreSQL cannot index a table that has some pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for statement in POSTGRES_INDEXES.values():
                cursor.execute(statement)
            # Fresh statistics (an import has just rewritten both tables) keep the search plans on the indexes.
            cursor.execute("ANALYZE diseases_searchterm")
            cursor.execute("ANALYZE diseases_disease")
    return created


def indexes_are_stale() -> bool:
    """True when the search table or the matching index is missing, or older than the last import."""
    from .models import DataRelease, SimilarityIndex

    newest = SimilarityIndex.objects.order_by("-pk").values_list("built_at", flat=True).first()
    if newest is None or not SearchTerm.objects.exists():
        return True
    last_import = DataRelease.objects.order_by("-loaded_at").values_list("loaded_at", flat=True).first()
    return last_import is not None and last_import > newest


@transaction.atomic
def index_disease(disease: Disease) -> int:
    """Bring one disease's search rows up to date after an editor saved it, its other names or identifiers.

    Also queues a refresh of the symptom-matching index once the transaction commits, since the
    page's status or its symptom rows may have changed too. Editors' services call this.
    """
    from .tasks import schedule_similarity_refresh

    SearchTerm.objects.filter(disease_id=disease.pk).delete()
    rows = list(_unique_rows(_disease_rows(Disease.objects.filter(pk=disease.pk))))
    created = insert_rows(SearchTerm, ROW_FIELDS, rows)
    _fill_vectors(SearchTerm.objects.filter(disease_id=disease.pk))
    transaction.on_commit(schedule_similarity_refresh)
    return created
