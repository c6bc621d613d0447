"""django-filter filtersets for the list endpoints; a bad value becomes a 400 naming the parameter."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from drf_spectacular.utils import extend_schema_field

from diseases.identifiers import (
    CURIE_PATTERN,
    CURIE_RE,
    GENE_SYMBOL_PATTERN,
    GENE_SYMBOL_RE,
    HPO_ID_MESSAGE,
    HPO_ID_PATTERN,
    HPO_ID_RE,
    SLUG_PATTERN,
    SLUG_RE,
    parse_curie,
    parse_hpo_id,
)
from diseases.models import Category, Disease, DiseaseSynonym, ExternalIdentifier, Phenotype, PhenotypeSynonym
from diseases.search import MAX_QUERY_LENGTH

LETTERS = Disease.INDEX_LETTERS
SOURCES = ", ".join(ExternalIdentifier.Source.values)


class CategoryField(forms.ModelChoiceField):
    """A category slug; anything that cannot be a slug is refused before it reaches the database."""

    def to_python(self, value):
        if value not in self.empty_values and not SLUG_RE.match(str(value)):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class CategoryFilter(django_filters.ModelChoiceFilter):
    field_class = CategoryField


class SearchFilter(django_filters.CharFilter):
    def __init__(self, **kwargs):
        # Length is checked on what was sent; surrounding spaces are ignored when filtering.
        super().__init__(max_length=MAX_QUERY_LENGTH, strip=False, **kwargs)


class RegexFilter(django_filters.CharFilter):
    """Text that must match ``regex``; anything else is a 400 naming the parameter."""

    field_class = forms.RegexField


def _search_schema(description):
    # Any text but the NUL character, which no database column can hold.
    return {
        "type": "string",
        "maxLength": MAX_QUERY_LENGTH,
        "pattern": r"^[^\u0000]*$",
        "description": description,
    }


class DiseaseFilter(django_filters.FilterSet):
    search = extend_schema_field(
        _search_schema("Words in the disease's name or one of its other names (case-insensitive).")
    )(SearchFilter(method="filter_search"))
    category = extend_schema_field(
        {
            "type": "string",
            "pattern": f"^{SLUG_PATTERN}$",
            "description": "A category's slug, for example `hematology`; an unknown slug is a 400.",
        }
    )(CategoryFilter(field_name="categories", queryset=Category.objects.all(), to_field_name="slug"))
    letter = extend_schema_field(
        {
            "type": "string",
            "enum": LETTERS,
            "description": "The A–Z index letter, in capitals; `0-9` holds names that do not start with a letter.",
        }
    )(django_filters.ChoiceFilter(choices=[(letter, letter) for letter in LETTERS], method="filter_letter"))
    identifier = extend_schema_field(
        {
            "type": "string",
            # For JavaScript regexes, where "$" ends the text (Python's would allow a final newline).
            "pattern": f"^{CURIE_PATTERN}$",
            "description": "An identifier in another database, written SOURCE:CODE, for example `ORPHA:3261`.",
            "example": "ORPHA:3261",
        }
    )(
        RegexFilter(
            method="filter_identifier",
            regex=CURIE_RE,
            strip=False,
            error_messages={"invalid": f"Write it as SOURCE:CODE, with SOURCE one of {SOURCES}."},
        )
    )

    gene = extend_schema_field(
        {
            "type": "string",
            "pattern": f"^{GENE_SYMBOL_PATTERN}$",
            "description": "A gene's approved HGNC symbol, for example `CFTR`: diseases linked to it.",
            "example": "CFTR",
        }
    )(
        RegexFilter(
            method="filter_gene",
            regex=GENE_SYMBOL_RE,
            strip=False,
            error_messages={"invalid": "Give a gene symbol such as CFTR."},
        )
    )
    inheritance = extend_schema_field(
        {
            "type": "string",
            "pattern": f"^{HPO_ID_PATTERN}$",
            "description": "An inheritance mode as an HPO id, for example `HP:0000007` (autosomal recessive).",
            "example": "HP:0000007",
        }
    )(
        RegexFilter(
            method="filter_inheritance",
            regex=HPO_ID_RE,
            strip=False,
            error_messages={"invalid": HPO_ID_MESSAGE},
        )
    )

    class Meta:
        model = Disease
        fields = ["search", "category", "letter", "identifier", "gene", "inheritance"]

    def filter_search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        other_names = DiseaseSynonym.objects.filter(disease=OuterRef("pk"), name__icontains=value)
        return queryset.filter(Q(name__icontains=value) | Q(Exists(other_names)))

    def filter_letter(self, queryset, name, value):
        return queryset.starting_with(value)

    def filter_gene(self, queryset, name, value):
        return queryset.with_gene(value)

    def filter_inheritance(self, queryset, name, value):
        return queryset.with_inheritance(value)

    def filter_identifier(self, queryset, name, value):
        identifier = parse_curie(value)
        matching = ExternalIdentifier.objects.filter(
            disease=OuterRef("pk"), source=identifier.source, code=identifier.code
        )
        return queryset.filter(Exists(matching))


class PhenotypeFilter(django_filters.FilterSet):
    search = extend_schema_field(
        _search_schema("Words in the term's name or synonyms, or its exact HPO id such as `HP:0001744`.")
    )(SearchFilter(method="filter_search"))

    class Meta:
        model = Phenotype
        fields = ["search"]

    def filter_search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        hpo_id = parse_hpo_id(value)
        if hpo_id:
            return queryset.filter(hpo_id=hpo_id)
        synonyms = PhenotypeSynonym.objects.filter(phenotype=OuterRef("pk"), name__icontains=value)
        return queryset.filter(Q(name__icontains=value) | Q(Exists(synonyms)))
