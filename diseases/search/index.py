"""The index side of search: the ``SearchTerm`` rows and the ``SearchWord`` list of their words,
rebuilt after imports and kept current per page.

``rebuild_search_index()`` replaces both (the import runs it); ``index_disease()`` and
``index_phenotype()`` rewrite one page's or term's rows, and list their new words, after an editor's
change (the services run them). Neither does anything else: work
that must follow a change, such as refreshing the symptom-matching index, is the caller's to schedule.
"""

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import F, Func, Value
from django.db.models.functions import Concat

from diseases.bulk import insert_rows
from diseases.models import (
    DataRelease,
    Disease,
    DiseaseGene,
    DiseaseSynonym,
    ExternalIdentifier,
    Phenotype,
    PhenotypeSynonym,
    SearchTerm,
    SearchWord,
    SimilarityIndex,
)
from diseases.name_rules import is_name_of

from .folding import fold

# A related term or a gene is a less certain reason for a hit than a name: a match on one counts
# this much (other names, abbreviations and everyday names count as much as the name itself).
FIELD_WEIGHTS = {SearchTerm.Field.RELATED_NAME: 0.85, SearchTerm.Field.GENE: 0.85}
TSVECTOR_WEIGHTS = dict.fromkeys(FIELD_WEIGHTS, "B")


def _is_postgresql() -> bool:
    return connection.vendor == "postgresql"


ROW_FIELDS = ("kind", "field", "text", "folded", "disease_id", "phenotype_id", "label", "key", "weight")


def _row(kind, target, field_name, text):
    """``target`` is (pk, label, key): a disease's pk, name and slug, or a term's pk, name and HPO id."""
    pk, label, key = target
    disease_id, phenotype_id = (pk, None) if kind == SearchTerm.Kind.DISEASE else (None, pk)
    weight = FIELD_WEIGHTS.get(field_name, 1.0)
    return (
        kind,
        field_name,
        text[:500],
        fold(text)[:500],
        disease_id,
        phenotype_id,
        label[:500],
        key,
        weight,
    )


def _unique_rows(rows):
    """One row per target and folded text; the first wins, so names are listed before other names."""
    seen = set()
    for row in rows:
        _, _, _, folded, disease_id, phenotype_id, _, _, _ = row
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
        target = targets[disease_id]
        yield _row(kind, target, fields.IDENTIFIER, f"{source}:{code}")
        # A record's label is searched as another name only where it is one ("Keratosis, seborrheic,
        # somatic" names a record on the page, not the disease).
        if label and is_name_of(label, target[1]):
            yield _row(kind, target, fields.OTHER_NAME, label)
    genes = DiseaseGene.objects.filter(disease__in=diseases).order_by("disease_id", "gene__symbol")
    for disease_id, symbol in genes.values_list("disease_id", "gene__symbol"):
        yield _row(kind, targets[disease_id], fields.GENE, symbol)


def _symptom_rows(terms=Phenotype.objects):
    kind, fields = SearchTerm.Kind.SYMPTOM, SearchTerm.Field
    targets = {}
    for pk, hpo_id, name in terms.current().values_list("pk", "hpo_id", "name").order_by("pk"):
        targets[pk] = target = (pk, name, hpo_id)
        yield _row(kind, target, fields.NAME, name)
        yield _row(kind, target, fields.IDENTIFIER, hpo_id)
    synonyms = PhenotypeSynonym.objects.filter(phenotype__in=terms.current()).order_by("-is_lay", "pk")
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


# The same GIN indexes as migrations 0005 and 0020; rebuilding them once is far quicker than
# updating them row by row while 100,000 rows are written.
POSTGRES_INDEXES = {
    # Each kind's words in an index of their own: a search of one kind never steps over the other's.
    "searchterm_disease_vector_gin": (
        "CREATE INDEX searchterm_disease_vector_gin ON diseases_searchterm USING gin (vector) WHERE kind = 'disease'"
    ),
    "searchterm_symptom_vector_gin": (
        "CREATE INDEX searchterm_symptom_vector_gin ON diseases_searchterm USING gin (vector) WHERE kind = 'symptom'"
    ),
    "searchterm_folded_trgm": (
        "CREATE INDEX searchterm_folded_trgm ON diseases_searchterm USING gin (folded gin_trgm_ops)"
    ),
    "searchword_word_trgm": "CREATE INDEX searchword_word_trgm ON diseases_searchword USING gin (word gin_trgm_ops)",
}

# Every word of the given rows into the word list (PostgreSQL only, whose searches forgive typos),
# counted; a word already listed keeps its entry.
WORDS_SQL = """
INSERT INTO diseases_searchword (word, uses)
SELECT word, count(*) FROM diseases_searchterm t, regexp_split_to_table(t.folded, ' ') AS word
WHERE word <> '' AND {rows}
GROUP BY word
ON CONFLICT (word) DO NOTHING
"""


def _list_words(rows="true", params=()):
    if _is_postgresql():
        with connection.cursor() as cursor:
            cursor.execute(WORDS_SQL.format(rows=rows), params)


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
    SearchWord.objects.all().delete()
    # Rows are read into lists first: the connection cannot run queries while it is copying.
    created = insert_rows(
        SearchTerm, ROW_FIELDS, list(_unique_rows(_disease_rows(Disease.objects.order_by("pk"))))
    )
    created += insert_rows(SearchTerm, ROW_FIELDS, list(_unique_rows(_symptom_rows())))
    _fill_vectors(SearchTerm.objects.all())
    _list_words()
    if postgresql:
        with connection.cursor() as cursor:
            # Run the deferred foreign-key checks now: PostgreSQL cannot index a table that has some pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for statement in POSTGRES_INDEXES.values():
                cursor.execute(statement)
            # Fresh statistics (an import has just rewritten both tables) keep the search plans on the indexes.
            cursor.execute("ANALYZE diseases_searchterm")
            cursor.execute("ANALYZE diseases_searchword")
            cursor.execute("ANALYZE diseases_disease")
    return created


def indexes_are_stale() -> bool:
    """True when the search table or the matching index is missing, or older than the last import."""
    newest = SimilarityIndex.objects.order_by("-pk").values_list("built_at", flat=True).first()
    if newest is None or not SearchTerm.objects.exists():
        return True
    last_import = DataRelease.objects.order_by("-loaded_at").values_list("loaded_at", flat=True).first()
    return last_import is not None and last_import > newest


@transaction.atomic
def index_disease(disease: Disease) -> int:
    """Rewrite one disease's search rows from its name, other names and identifiers (with their labels
    that are names)."""
    SearchTerm.objects.filter(disease_id=disease.pk).delete()
    rows = list(_unique_rows(_disease_rows(Disease.objects.filter(pk=disease.pk))))
    created = insert_rows(SearchTerm, ROW_FIELDS, rows)
    _fill_vectors(SearchTerm.objects.filter(disease_id=disease.pk))
    _list_words("t.disease_id = %s", [disease.pk])
    return created


@transaction.atomic
def index_phenotype(phenotype: Phenotype) -> int:
    """Rewrite one HPO term's search rows from its name, id and synonyms (none once it is obsolete)."""
    SearchTerm.objects.filter(phenotype_id=phenotype.pk).delete()
    rows = list(_unique_rows(_symptom_rows(Phenotype.objects.filter(pk=phenotype.pk))))
    created = insert_rows(SearchTerm, ROW_FIELDS, rows)
    _fill_vectors(SearchTerm.objects.filter(phenotype_id=phenotype.pk))
    _list_words("t.phenotype_id = %s", [phenotype.pk])
    return created
