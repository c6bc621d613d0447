"""Two to four published diseases side by side: one table of symptoms, then inheritance, genes and onset.

**How symptoms are related.** Two diseases rarely list a symptom by the same HPO term: one says
"Seizure", another "Focal-onset seizure". A term that some of the diseases do not list joins the row
of its most specific more general form that one of those diseases does list, read from the HPO
ancestor closure the symptom matcher keeps (``matching.current_data()``: each term's ancestors as
arrays, loaded once per process). So "Seizure" and "Focal-onset seizure" share a row, named by the
general term, and the disease's cell names its own, more specific one. The general term must say
something on its own: its information content must reach ``MIN_LINK_IC``, the threshold matching
uses (it and its descendants appear in under about 30% of diseases), so "Abnormality of the nervous
system" never gathers every neurological sign. A row only ever holds a term and its more specific
forms: siblings ("Focal-onset seizure" and "Generalized-onset seizure") stay apart unless a disease
lists their common parent, and a term with two parents joins only the more specific. Before the
matching index exists, only identical terms share a row.

**Groups.** A group with no symptom rows of its own (X-linked lymphoproliferative disease) is
compared by what its types record (``pages.types``), and its column says so; likewise its genes
and inheritance when it has none of its own.

All of it is computed from one ``for_compare()`` read, and the types' rows in a fixed number more,
so the number of queries does not grow with the number of symptoms.

**Not a feature.** A source may say a symptom is *not* a feature of a disease. Where another compared
disease lists that symptom, or a more specific form of it, the comparison says so for the first
disease, in its column of the symptom's row and in a list of its own: one disease having a symptom
the other is said never to have is worth seeing side by side.

All of it is computed from one ``for_compare()`` read, and the types' rows in a fixed number more,
so the number of queries does not grow with the number of symptoms.
"""

from dataclasses import dataclass, field

from django.core.validators import slug_re
from django.db import models

from .matching import current_data
from .matching.ranking import MIN_LINK_IC
from .models import Annotation, Disease, DiseaseCharacteristic, DiseaseRedirect
from .pages.text import everyday_name
from .pages.types import overviews_for

MIN_DISEASES = 2
MAX_DISEASES = 4
SLUG_MAX_LENGTH = Disease._meta.get_field("slug").max_length
RELATED_BY = (
    "Symptoms share a row when one is a more specific form of the other in the Human Phenotype "
    "Ontology (for example seizure and focal-onset seizure); the row is named by the more general one."
)
IDENTICAL_ONLY = (
    "Only identical symptoms share a row: the HPO hierarchy has not been loaded on this site yet."
)
NOTICE = (
    "This is general information, not a diagnosis or medical advice. It sets side by side what the "
    "sources record about each disease. Only a doctor who knows the person can say which, if any, applies."
)


class Share(models.TextChoices):
    ALL = "all", "Shared by all"
    SOME = "some", "Shared by some"
    ONE = "one", "Only in one"


@dataclass
class CellTerm:
    phenotype: object
    band: int

    @property
    def band_label(self):
        return Annotation.BAND_SHORT_LABELS[self.band]


@dataclass
class Cell:
    """What one disease lists in one row: usually one term, sometimes a general and a specific form."""

    terms: list[CellTerm] = field(default_factory=list)
    # The disease's terms other than the one naming the row: its more specific forms of it.
    specific_terms: list[CellTerm] = field(default_factory=list)

    @property
    def band(self):
        return min(term.band for term in self.terms)

    @property
    def band_label(self):
        return Annotation.BAND_SHORT_LABELS[self.band]


@dataclass
class SymptomRow:
    phenotype: object  # the row's most general term, which names it
    cells: list  # one per disease, in order: a Cell, or None where the disease does not list it
    # One list per disease, in order: the terms in this row its sources say are not features of it.
    not_features: list = field(default_factory=list)
    not_feature_of: list = field(default_factory=list)  # (disease, term) for each of those terms

    @property
    def columns(self):
        """(cell, terms said not to be features) for each disease, in order."""
        return list(zip(self.cells, self.not_features, strict=True))

    @property
    def everyday_name(self):
        return everyday_name(self.phenotype)

    @property
    def diseases_listing(self):
        return sum(cell is not None for cell in self.cells)

    @property
    def best_band(self):
        return min(cell.band for cell in self.cells if cell is not None)


@dataclass
class OnlyInOne:
    disease: object
    entries: list = field(default_factory=list)  # (SymptomRow, its one Cell)


@dataclass
class NotAFeature:
    """A term one disease's sources say is not a feature of it, which other compared diseases list."""

    phenotype: object
    row: SymptomRow  # the row where the others list it, or a more specific form of it
    listed_by: list  # (disease, Cell) for each other disease listing it there

    @property
    def everyday_name(self):
        return everyday_name(self.phenotype)


@dataclass
class NotFeaturesOf:
    disease: object
    entries: list = field(default_factory=list)  # NotAFeature


@dataclass
class RowGroup:
    key: str
    title: str
    rows: list


@dataclass
class Fact:
    """One kind of fact (inheritance, genes, onset) for each disease: a list of names, empty if unknown."""

    key: str
    title: str
    values: list


@dataclass
class TypeSymptom:
    """A symptom a group's types record, standing in the comparison for the group's own rows."""

    phenotype: object
    band: int

    @property
    def phenotype_id(self):
        return self.phenotype.pk


@dataclass
class Comparison:
    diseases: list
    shared_by_all: list
    shared_by_some: list
    only_in_one: list  # OnlyInOne, one per disease
    facts: list
    uses_hierarchy: bool
    counts: list = field(default_factory=list)  # symptoms compared for each disease
    from_types: list = field(default_factory=list)  # for each disease: are its symptoms its types'?
    not_features: list = field(default_factory=list)  # NotFeaturesOf, one per disease

    @property
    def has_not_features(self):
        return any(group.entries for group in self.not_features)

    @property
    def related_by(self):
        return RELATED_BY if self.uses_hierarchy else IDENTICAL_ONLY

    notice = NOTICE

    @property
    def symptom_counts(self):
        return list(zip(self.diseases, self.counts, strict=True))

    @property
    def columns(self):
        """(disease, whether its symptoms are its types') for each column."""
        return list(zip(self.diseases, self.from_types, strict=True))

    @property
    def shared_groups(self):
        return [
            RowGroup(Share.ALL, Share.ALL.label, self.shared_by_all),
            RowGroup(Share.SOME, Share.SOME.label, self.shared_by_some),
        ]


@dataclass
class Selection:
    """What the reader asked to compare: the published diseases found, and what could not be used."""

    diseases: list
    problems: list[str]
    slugs: list[str]  # the found diseases' own slugs, in order: for links that add or remove one


def _is_slug(value):
    """Letters, digits, hyphens and underscores (Django's slug pattern); anything else names no page."""
    return len(value) <= SLUG_MAX_LENGTH and slug_re.match(value) is not None


def select_diseases(values, published) -> Selection:
    """The published diseases at the addresses ``values``, in order, with a message for each that is not.

    ``published`` is ``Disease.objects.published()``. Repeated values count once; past
    ``MAX_DISEASES`` the rest are left out, with a message. The address of a page merged into another
    counts as that page.
    """
    problems = []
    slugs = []
    for value in values:
        value = value.strip()
        if not value or value in slugs:
            continue
        if not _is_slug(value):
            problems.append(f"“{value[:60]}” is not the address of a disease page.")
            continue
        slugs.append(value)
    if len(slugs) > MAX_DISEASES:
        problems.append(
            f"You can compare up to {MAX_DISEASES} diseases at once, so only the first {MAX_DISEASES} are shown."
        )
        slugs = slugs[:MAX_DISEASES]
    found = dict(published.filter(slug__in=slugs).values_list("slug", "pk"))
    missing = [slug for slug in slugs if slug not in found]
    if missing:
        moved = DiseaseRedirect.objects.filter(slug__in=missing, disease__in=published)
        found.update(moved.values_list("slug", "disease_id"))
    rows = {disease.pk: disease for disease in published.for_compare().filter(pk__in=set(found.values()))}
    diseases = []
    for slug in slugs:
        disease = rows.get(found.get(slug))
        if disease is None:
            problems.append(f"No published disease page has the address “{slug}”.")
        elif disease not in diseases:
            diseases.append(disease)
    return Selection(diseases, problems, [disease.slug for disease in diseases])


def _present(disease):
    return [row for row in disease.annotations.all() if not row.is_excluded]


def _excluded(disease):
    return [row for row in disease.annotations.all() if row.is_excluded]


def _not_features(diseases, ordered, data):
    """For each disease, the terms its sources say are not features that another disease lists in a row,
    itself or as a more specific form; each row's ``not_features`` are filled in on the way."""
    general_forms = {}  # a listed term's id -> itself and every more general term

    def covered_by(phenotype_id):
        if phenotype_id not in general_forms:
            forms = {phenotype_id}
            position = data.position(phenotype_id) if data is not None else None
            if position is not None:
                forms.update(int(data.term_ids[ancestor]) for ancestor in data.ancestors(position).tolist())
            general_forms[phenotype_id] = forms
        return general_forms[phenotype_id]

    groups = []
    for column, disease in enumerate(diseases):
        group = NotFeaturesOf(disease)
        for annotation in _excluded(disease):
            for row in ordered:
                listed_by = [
                    (other, cell)
                    for other, cell in zip(diseases, row.cells, strict=True)
                    if other is not disease
                    and cell is not None
                    and any(annotation.phenotype_id in covered_by(t.phenotype.pk) for t in cell.terms)
                ]
                if listed_by:
                    row.not_features[column].append(annotation.phenotype)
                    row.not_feature_of.append((disease, annotation.phenotype))
                    group.entries.append(NotAFeature(annotation.phenotype, row, listed_by))
        groups.append(group)
    return groups


def _row_keys(phenotypes, listed_by, columns, data):
    """Which row each term (by id) goes in: the id of the term that names the row.

    A term that some disease does not list joins the row of its most specific informative ancestor
    that such a disease lists ("Focal-onset seizure" joins "Seizure"), and follows that row if it
    moves up in turn. Rows therefore only ever hold a term and its more specific forms: never two
    siblings joined through a child they share.
    """
    key = {pk: pk for pk in phenotypes}
    if data is None:
        return key
    positions = {}
    for pk in phenotypes:
        position = data.position(pk)
        if position is not None:
            positions[position] = pk
    for position, pk in positions.items():
        outside = columns - listed_by[pk]
        if not outside:
            continue
        best = None
        for ancestor in data.ancestors(position).tolist():
            general = positions.get(ancestor)
            if general in (None, pk) or data.ic[ancestor] < MIN_LINK_IC or not listed_by[general] & outside:
                continue
            if best is None or data.ic[ancestor] > data.ic[best]:
                best = ancestor
        if best is not None:
            key[pk] = positions[best]

    def top(pk):
        # Each step goes to a strict ancestor, so this ends.
        while key[pk] != pk:
            pk = key[pk]
        return pk

    return {pk: top(pk) for pk in phenotypes}


def compare(diseases) -> Comparison:
    """The comparison of ``diseases`` (read with ``for_compare()``), in the order given."""
    data = current_data()
    present = [_present(disease) for disease in diseases]
    groups = overviews_for([disease for disease, rows in zip(diseases, present, strict=True) if not rows])
    from_types = [
        bool(not rows and disease.pk in groups) for disease, rows in zip(diseases, present, strict=True)
    ]
    present = [
        [TypeSymptom(entry.item, entry.band) for entry in groups[disease.pk].symptoms] if gathered else rows
        for disease, rows, gathered in zip(diseases, present, from_types, strict=True)
    ]
    phenotypes = {row.phenotype_id: row.phenotype for rows in present for row in rows}
    listed_by = {}
    for column, annotations in enumerate(present):
        for annotation in annotations:
            listed_by.setdefault(annotation.phenotype_id, set()).add(column)
    label = _row_keys(phenotypes, listed_by, set(range(len(diseases))), data)
    rows = {}
    for column, annotations in enumerate(present):
        for annotation in annotations:
            key = label[annotation.phenotype_id]
            row = rows.setdefault(
                key, SymptomRow(phenotypes[key], [None] * len(diseases), [[] for _ in diseases])
            )
            cell = row.cells[column] or Cell()
            term = CellTerm(annotation.phenotype, annotation.band)  # an Annotation, or a TypeSymptom
            cell.terms.append(term)
            if annotation.phenotype_id != key:
                cell.specific_terms.append(term)
            row.cells[column] = cell
    ordered = sorted(rows.values(), key=lambda row: (row.best_band, row.everyday_name.casefold()))
    everyone = len(diseases)
    only = [OnlyInOne(disease) for disease in diseases]
    for row in ordered:
        if row.diseases_listing == 1:
            column, cell = next((index, cell) for index, cell in enumerate(row.cells) if cell is not None)
            only[column].entries.append((row, cell))
    return Comparison(
        diseases=list(diseases),
        shared_by_all=[row for row in ordered if row.diseases_listing == everyone],
        shared_by_some=[row for row in ordered if 1 < row.diseases_listing < everyone],
        only_in_one=only,
        facts=_facts(diseases, groups),
        uses_hierarchy=data is not None,
        counts=[len(rows) for rows in present],
        from_types=from_types,
        not_features=_not_features(diseases, ordered, data),
    )


def _facts(diseases, groups):
    """Inheritance, main genes and onset of each disease; a group without its own gives its types'."""

    def names(disease, kind):
        return [row.phenotype.name for row in disease.characteristics.all() if row.kind == kind]

    def inheritance(disease):
        own = names(disease, DiseaseCharacteristic.Kind.INHERITANCE)
        if own or disease.pk not in groups:
            return own
        return [f"{entry.item.name} (in its types)" for entry in groups[disease.pk].inheritance]

    def genes(disease):
        own = [link.gene.symbol for link in disease.gene_links.all() if link.is_main]
        if own or disease.pk not in groups:
            return own
        return [f"{entry.item.symbol} (in its types)" for entry in groups[disease.pk].genes]

    facts = [
        Fact("inheritance", "How it is inherited", [inheritance(d) for d in diseases]),
        Fact("genes", "Genes", [genes(d) for d in diseases]),
        Fact(
            "onset", "Age of onset and course", [names(d, DiseaseCharacteristic.Kind.ONSET) for d in diseases]
        ),
    ]
    # "Where known": a kind no disease has a record of is left out.
    return [fact for fact in facts if any(fact.values)]
