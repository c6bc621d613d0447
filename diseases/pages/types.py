"""What a group's types have in common: the symptoms, genes and inheritance recorded for its published types
(two levels down, as its page lists them), shown on the group's page, sheet, comparison and API, and
always marked as coming from its types.

A fixed number of queries whatever the number of types: the types' symptom rows are counted as plain
values, and only the terms shown are read in full.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from ..models import (
    Annotation,
    Disease,
    DiseaseCharacteristic,
    DiseaseFamily,
    DiseaseGene,
    Phenotype,
    PhenotypeSynonym,
    listed_symptom,
)

# A group of hundreds of types lists the symptoms most of them share; the rest are on its types' pages.
MOST_SYMPTOMS = 80
# Types named beside a row; the rest are counted.
TYPES_NAMED = 3


@dataclass
class FromTypes:
    """One symptom, gene or inheritance pattern and the types that list it."""

    item: object  # a Phenotype (with lay_synonyms) or a Gene
    types: list  # the types listing it, by name
    band: int = Annotation.Band.NOT_AVAILABLE  # for a symptom: the most frequent band any type gives

    @property
    def named_types(self):
        return self.types[:TYPES_NAMED]

    @property
    def more_types(self):
        return len(self.types) - TYPES_NAMED if len(self.types) > TYPES_NAMED else 0

    @property
    def band_label(self):
        return Annotation.BAND_SHORT_LABELS[self.band]


@dataclass
class TypesOverview:
    types: list  # the published types, by name
    symptoms: list = field(default_factory=list)  # FromTypes of Phenotype, most types first
    symptom_total: int = 0  # how many different symptoms the types list, shown or not
    genes: list = field(default_factory=list)  # FromTypes of Gene
    inheritance: list = field(default_factory=list)  # FromTypes of Phenotype

    def __bool__(self):
        return bool(self.symptoms or self.genes or self.inheritance)

    @property
    def more_symptoms(self):
        return self.symptom_total - len(self.symptoms)

    @property
    def type_count(self):
        return len(self.types)


def types_of(disease) -> list:
    """A page's published types, two levels down, from its ``with_family()`` read: no query."""
    found = {}
    for subtype in disease.subtypes.all():
        found.setdefault(subtype.pk, subtype)
        for type_ in subtype.subtypes.all():
            found.setdefault(type_.pk, type_)
    return sorted(found.values(), key=lambda type_: type_.name.casefold())


def overviews(types_by_group) -> dict:
    """``{group id: TypesOverview}`` for groups given as ``{group id: [its types]}``, in five queries at
    most however many groups and types there are (none when no group has types)."""
    type_ids = {type_.pk for types in types_by_group.values() for type_ in types}
    if not type_ids:
        return {}
    rows = (
        Annotation.objects.filter(listed_symptom(), disease_id__in=type_ids)
        .order_by()
        .values_list("disease_id", "phenotype_id", "band")
    )
    listing = defaultdict(dict)  # term -> {type id: band}
    for type_id, phenotype_id, band in rows:
        listing[phenotype_id][type_id] = band
    genes = defaultdict(list)
    for link in DiseaseGene.objects.filter(disease_id__in=type_ids, is_main=True).select_related("gene"):
        genes[link.disease_id].append(link.gene)
    patterns = defaultdict(list)
    for row in DiseaseCharacteristic.objects.filter(
        disease_id__in=type_ids, kind=DiseaseCharacteristic.Kind.INHERITANCE
    ).select_related("phenotype"):
        patterns[row.disease_id].append(row.phenotype)

    shown = {}
    result = {}
    for group_id, types in types_by_group.items():
        ids = {type_.pk for type_ in types}
        by_pk = {type_.pk: type_ for type_ in types}
        counted = []
        for phenotype_id, bands in listing.items():
            here = [type_id for type_id in bands if type_id in ids]
            if here:
                counted.append((phenotype_id, here, min(bands[type_id] for type_id in here)))
        # Most types first; then the most frequent; the term's name breaks ties once terms are read.
        counted.sort(key=lambda entry: (-len(entry[1]), entry[2]))
        result[group_id] = (types, counted, by_pk)
        shown.update((phenotype_id, None) for phenotype_id, _, _ in counted[: MOST_SYMPTOMS * 2])
    terms = (
        Phenotype.objects.only("hpo_id", "name")
        .prefetch_related(
            Prefetch(
                "synonyms",
                queryset=PhenotypeSynonym.objects.filter(is_lay=True).only("phenotype_id", "name"),
                to_attr="lay_synonyms",
            )
        )
        .in_bulk(list(shown))
    )

    overview = {}
    for group_id, (types, counted, by_pk) in result.items():
        symptoms = [
            FromTypes(terms[phenotype_id], _by_name(by_pk[pk] for pk in here), band)
            for phenotype_id, here, band in counted
            if phenotype_id in terms
        ]
        symptoms.sort(key=lambda entry: (-len(entry.types), entry.band, entry.item.name.casefold()))
        overview[group_id] = TypesOverview(
            types=types,
            symptoms=symptoms[:MOST_SYMPTOMS],
            symptom_total=len(counted),
            genes=_gathered(types, genes, key=lambda gene: gene.symbol),
            inheritance=_gathered(types, patterns, key=lambda term: term.name),
        )
    return overview


def overview_of(disease) -> TypesOverview | None:
    """The overview of one page read with ``with_family()``; None when it has no published types."""
    types = types_of(disease)
    return overviews({disease.pk: types}).get(disease.pk) if types else None


def overviews_for(diseases) -> dict:
    """Overviews of pages read without their family (the comparison): two more queries for their types."""
    type_ids = DiseaseFamily.objects.published_types([disease.pk for disease in diseases])
    every_type = {pk for ids in type_ids.values() for pk in ids}
    if not every_type:
        return {}
    names = Disease.objects.only("name", "slug").in_bulk(list(every_type))
    return overviews({group: [names[pk] for pk in ids if pk in names] for group, ids in type_ids.items()})


def _by_name(types):
    return sorted(types, key=lambda type_: type_.name.casefold())


def _gathered(types, by_type, key):
    """Each gene (or pattern) the types list, with the types that list it, in key order."""
    seen = {}
    for type_ in types:
        for item in by_type.get(type_.pk, ()):
            entry = seen.setdefault(key(item), FromTypes(item, []))
            entry.types.append(type_)
    return [seen[name] for name in sorted(seen, key=str.casefold)]
