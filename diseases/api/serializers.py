"""Explicit, read-only serializers: every field the API shows is named here, and nothing else is."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from diseases import comparison, matching, search
from diseases.identifiers import HPO_ID_MESSAGE, HPO_ID_RE
from diseases.models import (
    Annotation,
    DataRelease,
    DiseaseDefinition,
    ExternalIdentifier,
    PhenotypeSynonym,
    Resource,
    SearchTerm,
)
from diseases.pages.symptoms import symptom_row
from diseases.pages.text import NOTICE


@extend_schema_field(OpenApiTypes.URI)
class PageUrlField(serializers.Field):
    """The absolute address of the object's page on the site (of the object itself, or ``source``)."""

    def __init__(self, source="*", **kwargs):
        super().__init__(source=source, read_only=True, **kwargs)

    def to_representation(self, value):
        return self.context["request"].build_absolute_uri(value.get_absolute_url())


class CategorySerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.SlugField()


class IdentifierSerializer(serializers.Serializer):
    source = serializers.ChoiceField(choices=ExternalIdentifier.Source.choices)
    code = serializers.CharField()
    curie = serializers.CharField(help_text="SOURCE:CODE, for example ORPHA:3261.")
    url = serializers.URLField(help_text="The record in that database.")


class DiseaseListSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    url = serializers.HyperlinkedIdentityField(view_name="api:disease-detail", lookup_field="slug")
    page_url = PageUrlField()
    categories = CategorySerializer(many=True)
    identifiers = IdentifierSerializer(many=True)
    last_updated = serializers.DateTimeField(
        source="content_updated_at", allow_null=True, help_text="When the written content last changed."
    )


class SymptomSerializer(serializers.Serializer):
    """One row of the symptom table, with its provenance; the same row the downloads carry."""

    hpo_id = serializers.CharField()
    term = serializers.CharField(help_text="The HPO term's name.")
    lay_names = serializers.ListField(child=serializers.CharField(), help_text="Everyday names.")
    band = serializers.ChoiceField(choices=Annotation.Band.choices)
    band_label = serializers.CharField(help_text="How often, for example 80–99%.")
    frequency = serializers.CharField(
        help_text="The frequency as the source gives it: HP:0040281, 7/13 or 45%."
    )
    onset = serializers.CharField()
    not_a_feature = serializers.BooleanField(
        help_text="The source says this is NOT a feature of the disease."
    )
    source_record = serializers.CharField(help_text="The source record, for example ORPHA:3261.")
    evidence = serializers.CharField(help_text="HPO evidence code: IEA, PCS or TAS.")
    hpo_release = serializers.CharField(help_text="The HPO release loaded; empty before any import.")


class SymptomBandSerializer(serializers.Serializer):
    band = serializers.ChoiceField(choices=Annotation.Band.choices)
    label = serializers.CharField()
    symptoms = SymptomSerializer(many=True)


class SectionSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    html = serializers.CharField(help_text="Sanitised HTML rendered from the editors' text.")


class ReferenceSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text="Cited in the text as [number].")
    title = serializers.CharField()
    publisher = serializers.CharField()
    published = serializers.CharField()
    url = serializers.CharField(help_text="Address of the work; may be empty.")
    pubmed_id = serializers.CharField()
    pubmed_url = serializers.CharField(help_text="Address on PubMed; empty without a PubMed id.")


class ResourceSerializer(serializers.Serializer):
    section = serializers.ChoiceField(choices=Resource.Section.choices)
    section_label = serializers.CharField(source="get_section_display")
    title = serializers.CharField()
    url = serializers.URLField()
    description = serializers.CharField()


class HpoReleaseSerializer(serializers.Serializer):
    version = serializers.CharField()
    loaded_at = serializers.DateTimeField()


class DownloadsSerializer(serializers.Serializer):
    csv = serializers.URLField()
    json = serializers.URLField()


class DefinitionSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="A medical definition, written for health professionals.")
    source = serializers.ChoiceField(choices=DiseaseDefinition.Source.choices)
    source_record = serializers.CharField(
        help_text="The record it comes from: MONDO:0009061 or UniProt's DI-01466."
    )
    source_url = serializers.URLField()
    release = serializers.CharField(allow_null=True, help_text="The release of the source loaded here.")
    licence = serializers.CharField()
    licence_url = serializers.URLField()


class GeneLinkSerializer(serializers.Serializer):
    symbol = serializers.CharField(source="gene.symbol", help_text="The approved HGNC symbol.")
    name = serializers.CharField(source="gene.name")
    hgnc_id = serializers.CharField(source="gene.hgnc_id", help_text="HGNC:1884; empty if HGNC lists none.")
    ncbi_gene_id = serializers.IntegerField(source="gene.ncbi_gene_id")
    is_main = serializers.BooleanField(
        help_text="Named by every record of the disease that names genes (or by its definition); other "
        "genes may modify the disease rather than cause it."
    )
    source_record = serializers.CharField(help_text="The record linking the gene, for example OMIM:219700.")
    url = serializers.SerializerMethodField(help_text="The gene in this API.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, link):
        return self.context["request"].build_absolute_uri(
            reverse("api:gene-detail", kwargs={"symbol": link.gene.symbol})
        )


class CharacteristicSerializer(serializers.Serializer):
    """A ``pages.disease.Characteristic``: the HPO term, the record that says so, and for inheritance what it
    means for a family."""

    hpo_id = serializers.CharField(source="row.phenotype.hpo_id")
    name = serializers.CharField(source="row.phenotype.name")
    source_record = serializers.CharField(
        source="row.source_record", help_text="The record that says so, for example OMIM:219700."
    )


class InheritanceSerializer(CharacteristicSerializer):
    explanation = serializers.CharField(help_text="What it means for a family, in plain words.")


class PlainSentenceSerializer(serializers.Serializer):
    text = serializers.CharField()
    source = serializers.CharField(
        source="attribution.source", help_text="The data source: mondo, hpoa, genes."
    )
    source_name = serializers.CharField(source="attribution.info.name")
    release = serializers.CharField(
        source="attribution.release.version",
        allow_null=True,
        default=None,
        help_text="Its release loaded here.",
    )
    detail = serializers.CharField(
        help_text="What in the source says so: a record, or the page's symptom list."
    )
    section = serializers.CharField(
        source="anchor", help_text="The part of the page that shows the fact in full."
    )


class PlainSummarySerializer(serializers.Serializer):
    """The page in plain words: the editors' summary where they wrote one, else sentences made from its facts."""

    text = serializers.CharField(source="plain_words")
    written_by = serializers.SerializerMethodField(
        help_text="`editors` for our editors' reviewed text, `generated` for sentences made from the data."
    )
    sentences = serializers.SerializerMethodField(
        help_text="For generated text, each sentence with its source; empty for the editors' text."
    )

    def get_written_by(self, page) -> str:
        return "editors" if page.summary_html else "generated"

    @extend_schema_field(PlainSentenceSerializer(many=True))
    def get_sentences(self, page):
        return [] if page.summary_html else PlainSentenceSerializer(page.plain, many=True).data


class DiseaseLinkSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    url = serializers.HyperlinkedIdentityField(view_name="api:disease-detail", lookup_field="slug")
    page_url = PageUrlField()


class TypeSlugsField(serializers.ListField):
    """The slugs of the types a symptom, gene or pattern is recorded for."""

    def __init__(self, **kwargs):
        super().__init__(child=serializers.SlugField(), read_only=True, **kwargs)

    def to_representation(self, types):
        return [type_.slug for type_ in types]


class TypeSymptomSerializer(serializers.Serializer):
    hpo_id = serializers.CharField(source="item.hpo_id")
    term = serializers.CharField(source="item.name")
    lay_names = serializers.ListField(child=serializers.CharField(), source="item.lay_names")
    band = serializers.ChoiceField(
        choices=Annotation.Band.choices, help_text="The most frequent band any type gives."
    )
    band_label = serializers.CharField()
    types = TypeSlugsField(help_text="The types whose pages record it.")


class TypeGeneSerializer(serializers.Serializer):
    symbol = serializers.CharField(source="item.symbol")
    name = serializers.CharField(source="item.name")
    types = TypeSlugsField(help_text="The types linked to the gene.")


class TypeInheritanceSerializer(serializers.Serializer):
    hpo_id = serializers.CharField(source="item.hpo_id")
    name = serializers.CharField(source="item.name")
    types = TypeSlugsField(help_text="The types inherited this way.")


class FromTypesSerializer(serializers.Serializer):
    """What a group's published types record: not records of the group itself."""

    types = DiseaseLinkSerializer(many=True, help_text="Its published types, two levels down, by name.")
    symptoms = TypeSymptomSerializer(many=True, help_text="Those most of its types record first.")
    symptom_total = serializers.IntegerField(help_text="How many different symptoms its types record.")
    genes = TypeGeneSerializer(many=True)
    inheritance = TypeInheritanceSerializer(many=True)


class DiseaseDetailSerializer(serializers.Serializer):
    """Serializes the ``DiseasePage`` the site's page is rendered from: the API shows what readers see."""

    slug = serializers.SlugField(source="disease.slug")
    name = serializers.CharField(source="disease.name")
    url = serializers.HyperlinkedRelatedField(
        source="disease", view_name="api:disease-detail", lookup_field="slug", read_only=True
    )
    page_url = PageUrlField(source="disease")
    other_names = serializers.ListField(child=serializers.CharField())
    categories = CategorySerializer(many=True, source="disease.categories.all")
    identifiers = IdentifierSerializer(many=True, source="disease.identifiers.all")
    summary_html = serializers.CharField(help_text="Sanitised HTML rendered from the editors' text.")
    plain_summary = serializers.SerializerMethodField(help_text="The page in plain words, or null.")
    sections = SectionSerializer(many=True)
    symptom_bands = serializers.SerializerMethodField(
        help_text="Symptoms by how often they occur, most often first."
    )
    not_a_feature = serializers.SerializerMethodField(help_text="Terms the sources say are NOT seen in it.")
    definition = serializers.SerializerMethodField(
        help_text="The imported medical definition shown on the page, or null."
    )
    genes = GeneLinkSerializer(many=True, help_text="Main genes first.")
    inheritance = InheritanceSerializer(many=True)
    onset = CharacteristicSerializer(many=True, help_text="Age of onset and course.")
    from_types = FromTypesSerializer(
        allow_null=True,
        help_text="For a group: the symptoms, genes and inheritance its types record; else null.",
    )
    parents = DiseaseLinkSerializer(many=True, help_text="Published pages of the groups it is a type of.")
    subtypes = DiseaseLinkSerializer(many=True, help_text="Published pages of its types.")
    references = ReferenceSerializer(many=True, source="disease.references.all")
    resources = ResourceSerializer(many=True, source="disease.resources.all")
    hpo_release = serializers.SerializerMethodField()
    last_updated = serializers.DateTimeField(
        source="disease.content_updated_at",
        allow_null=True,
        help_text="When the written content last changed.",
    )
    downloads = serializers.SerializerMethodField(help_text="The symptom table as CSV and JSON files.")
    notice = serializers.SerializerMethodField()

    @extend_schema_field(PlainSummarySerializer(allow_null=True))
    def get_plain_summary(self, page):
        return PlainSummarySerializer(page).data if page.plain_words else None

    def _hpo_release(self, page):
        return page.releases.get(DataRelease.Source.HPO)

    def _version(self, page):
        release = self._hpo_release(page)
        return release.version if release else ""

    @extend_schema_field(DefinitionSerializer(allow_null=True))
    def get_definition(self, page):
        if page.definition is None:
            return None
        shown, attribution = page.definition.definition, page.definition.attribution
        return {
            "text": shown.text,
            "source": shown.source,
            "source_record": shown.source_record,
            "source_url": shown.source_url,
            "release": attribution.release.version if attribution.release else None,
            "licence": attribution.info.licence,
            "licence_url": attribution.info.licence_url,
        }

    @extend_schema_field(SymptomBandSerializer(many=True))
    def get_symptom_bands(self, page):
        version = self._version(page)
        return [
            {
                "band": band.band,
                "label": band.label,
                "symptoms": [symptom_row(annotation, version) for annotation in band.rows],
            }
            for band in page.bands
        ]

    @extend_schema_field(SymptomSerializer(many=True))
    def get_not_a_feature(self, page):
        version = self._version(page)
        return [symptom_row(annotation, version) for annotation in page.excluded]

    @extend_schema_field(HpoReleaseSerializer(allow_null=True))
    def get_hpo_release(self, page):
        release = self._hpo_release(page)
        return HpoReleaseSerializer(release).data if release else None

    @extend_schema_field(DownloadsSerializer)
    def get_downloads(self, page):
        request = self.context["request"]
        return {
            kind: request.build_absolute_uri(f"{page.disease.get_absolute_url()}symptoms.{kind}")
            for kind in ("csv", "json")
        }

    def get_notice(self, page) -> str:
        return NOTICE


class PhenotypeLinkSerializer(serializers.Serializer):
    hpo_id = serializers.CharField()
    name = serializers.CharField()
    url = serializers.HyperlinkedIdentityField(view_name="api:phenotype-detail", lookup_field="hpo_id")


class PhenotypeListSerializer(PhenotypeLinkSerializer):
    page_url = PageUrlField()


class PhenotypeSynonymSerializer(serializers.Serializer):
    name = serializers.CharField()
    scope = serializers.ChoiceField(choices=PhenotypeSynonym.Scope.choices)
    is_lay = serializers.BooleanField(help_text="An everyday name rather than a medical one.")


class AnnotatedDiseaseSerializer(serializers.Serializer):
    """A published disease annotated with the term, and how often the term occurs in it."""

    slug = serializers.SlugField(source="disease.slug")
    name = serializers.CharField(source="disease.name")
    url = serializers.SerializerMethodField()
    band = serializers.ChoiceField(choices=Annotation.Band.choices)
    band_label = serializers.SerializerMethodField()
    frequency = serializers.CharField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, annotation):
        path = reverse("api:disease-detail", kwargs={"slug": annotation.disease.slug})
        return self.context["request"].build_absolute_uri(path)

    def get_band_label(self, annotation) -> str:
        return Annotation.BAND_SHORT_LABELS[annotation.band]


class AnnotatedDiseasePageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = AnnotatedDiseaseSerializer(many=True)


class PhenotypeDetailSerializer(serializers.Serializer):
    hpo_id = serializers.CharField()
    name = serializers.CharField()
    definition = serializers.CharField()
    url = serializers.HyperlinkedIdentityField(view_name="api:phenotype-detail", lookup_field="hpo_id")
    page_url = PageUrlField()
    hpo_url = serializers.URLField(help_text="The term on the HPO website.")
    is_obsolete = serializers.BooleanField()
    replaced_by = serializers.SerializerMethodField(
        help_text="For an obsolete term, the HPO id to use instead."
    )
    synonyms = PhenotypeSynonymSerializer(many=True)
    parents = PhenotypeLinkSerializer(many=True)
    children = PhenotypeLinkSerializer(many=True)
    diseases = serializers.SerializerMethodField(
        help_text="Published diseases with this term in their symptom table, most frequent first; paginated "
        "with the page and page_size parameters."
    )

    def get_replaced_by(self, phenotype) -> str | None:
        return phenotype.replaced_by.hpo_id if phenotype.replaced_by else None

    @extend_schema_field(AnnotatedDiseasePageSerializer)
    def get_diseases(self, phenotype):
        return self.context["diseases_page"]


class GeneListSerializer(serializers.Serializer):
    symbol = serializers.CharField(help_text="The approved HGNC symbol, such as CFTR.")
    name = serializers.CharField()
    hgnc_id = serializers.CharField(help_text="HGNC:1884; empty if HGNC lists none.")
    ncbi_gene_id = serializers.IntegerField()
    url = serializers.HyperlinkedIdentityField(view_name="api:gene-detail", lookup_field="symbol")
    page_url = PageUrlField()


class GeneDiseaseSerializer(serializers.Serializer):
    """A published disease the sources link to the gene."""

    slug = serializers.SlugField(source="disease.slug")
    name = serializers.CharField(source="disease.name")
    url = serializers.SerializerMethodField()
    page_url = serializers.SerializerMethodField()
    is_main = serializers.BooleanField(
        help_text="One of the disease's main genes (see the disease's `genes`)."
    )
    source_record = serializers.CharField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, link):
        path = reverse("api:disease-detail", kwargs={"slug": link.disease.slug})
        return self.context["request"].build_absolute_uri(path)

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_url(self, link):
        return self.context["request"].build_absolute_uri(link.disease.get_absolute_url())


class GeneDiseasePageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = GeneDiseaseSerializer(many=True)


class GeneDetailSerializer(GeneListSerializer):
    hgnc_url = serializers.CharField(help_text="The gene at HGNC; empty without an HGNC id.")
    ncbi_url = serializers.URLField(help_text="The gene at NCBI Gene.")
    diseases = serializers.SerializerMethodField(
        help_text="Published diseases linked to the gene, main-gene links first; paginated with page and page_size."
    )

    @extend_schema_field(GeneDiseasePageSerializer)
    def get_diseases(self, gene):
        return self.context["diseases_page"]


# --- Search and matching ----------------------------------------------------------------------------


class SearchParametersSerializer(serializers.Serializer):
    q = serializers.CharField(max_length=search.MAX_QUERY_LENGTH, trim_whitespace=False)
    type = serializers.ChoiceField(choices=SearchTerm.Kind.choices, required=False)


class SearchHitSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=SearchTerm.Kind.choices, source="kind")
    label = serializers.CharField(help_text="The disease's or the HPO term's name.")
    slug = serializers.SerializerMethodField(help_text="The disease's slug; null for a symptom.")
    hpo_id = serializers.SerializerMethodField(help_text="The HPO id; null for a disease.")
    url = serializers.SerializerMethodField(help_text="Its address in this API.")
    page_url = serializers.SerializerMethodField(help_text="Its page on the site.")
    matched_field = serializers.ChoiceField(
        choices=SearchTerm.Field.choices, source="field", help_text="Which of its texts matched best."
    )
    matched = serializers.CharField(help_text="The text that matched.")
    score = serializers.FloatField(help_text="How well it matched, from 0 to 1; results come best first.")

    def get_slug(self, hit) -> str | None:
        return hit.key if hit.kind == SearchTerm.Kind.DISEASE else None

    def get_hpo_id(self, hit) -> str | None:
        return hit.key if hit.kind == SearchTerm.Kind.SYMPTOM else None

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, hit):
        if hit.kind == SearchTerm.Kind.DISEASE:
            path = reverse("api:disease-detail", kwargs={"slug": hit.key})
        else:
            path = reverse("api:phenotype-detail", kwargs={"hpo_id": hit.key})
        return self.context["request"].build_absolute_uri(path)

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_url(self, hit):
        return self.context["request"].build_absolute_uri(hit.url)


class SearchResultsSerializer(serializers.Serializer):
    query = serializers.CharField(help_text="The query as searched: spaces collapsed.")
    type = serializers.ChoiceField(choices=SearchTerm.Kind.choices, allow_null=True)
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = SearchHitSerializer(many=True)


class MatchParametersSerializer(serializers.Serializer):
    hpo = serializers.ListField(
        child=serializers.RegexField(
            HPO_ID_RE, error_messages={"invalid": HPO_ID_MESSAGE}, trim_whitespace=False
        ),
        min_length=1,
        max_length=matching.MAX_CHOSEN,
    )


class TermLinkSerializer(serializers.Serializer):
    hpo_id = serializers.CharField()
    name = serializers.CharField()


class TermMatchSerializer(serializers.Serializer):
    hpo_id = serializers.CharField(source="chosen.hpo_id", help_text="The chosen symptom.")
    name = serializers.CharField(source="chosen.name")
    status = serializers.ChoiceField(choices=matching.MatchStatus.choices)
    disease_term = TermLinkSerializer(allow_null=True, help_text="The disease's term that explains it.")
    link_term = TermLinkSerializer(allow_null=True, help_text="For `related`: the term both are kinds of.")


class DiseaseMatchSerializer(serializers.Serializer):
    slug = serializers.SlugField(source="disease.slug")
    name = serializers.CharField(source="disease.name")
    url = serializers.SerializerMethodField()
    page_url = serializers.SerializerMethodField()
    score = serializers.FloatField(help_text="Similarity; higher is better. Results come best first.")
    percent = serializers.IntegerField(help_text="The score as the site shows it, 0 to 100.")
    terms = TermMatchSerializer(many=True, help_text="How the disease accounts for each chosen symptom.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, disease_match):
        path = reverse("api:disease-detail", kwargs={"slug": disease_match.disease.slug})
        return self.context["request"].build_absolute_uri(path)

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_url(self, disease_match):
        return self.context["request"].build_absolute_uri(disease_match.disease.get_absolute_url())


class MatchResultsSerializer(serializers.Serializer):
    symptoms = TermLinkSerializer(many=True, help_text="The symptoms used, after replacing obsolete ids.")
    notes = serializers.ListField(
        child=serializers.CharField(), help_text="What was left out or replaced, and why."
    )
    ready = serializers.BooleanField(help_text="False while the matching data is still being prepared.")
    notice = serializers.CharField()
    results = DiseaseMatchSerializer(many=True)


# --- Comparison ---------------------------------------------------------------------------------------


class CompareParametersSerializer(serializers.Serializer):
    d = serializers.ListField(
        child=serializers.SlugField(
            max_length=comparison.SLUG_MAX_LENGTH,
            error_messages={"invalid": "A disease's address is letters, digits, hyphens and underscores."},
            trim_whitespace=False,
        ),
        min_length=comparison.MIN_DISEASES,
        max_length=comparison.MAX_DISEASES,
    )

    def validate_d(self, slugs):
        if len(set(slugs)) != len(slugs):
            raise serializers.ValidationError("Give each disease once.")
        return slugs


class CellTermSerializer(serializers.Serializer):
    hpo_id = serializers.CharField(source="phenotype.hpo_id")
    term = serializers.CharField(source="phenotype.name")
    band = serializers.ChoiceField(choices=Annotation.Band.choices)
    band_label = serializers.CharField(
        help_text="How many people with the disease have it, as the page says."
    )


class CellSerializer(serializers.Serializer):
    band = serializers.ChoiceField(
        choices=Annotation.Band.choices,
        help_text="The most frequent band of the disease's terms in this row.",
    )
    band_label = serializers.CharField()
    terms = CellTermSerializer(many=True, help_text="The disease's own terms in this row.")


class TermSerializer(serializers.Serializer):
    hpo_id = serializers.CharField()
    term = serializers.CharField(source="name")


class ComparisonRowSerializer(serializers.Serializer):
    hpo_id = serializers.CharField(source="phenotype.hpo_id", help_text="The term that names the row.")
    term = serializers.CharField(source="phenotype.name")
    everyday_name = serializers.CharField(
        help_text="The row in plain words: its first everyday name, or the term."
    )
    cells = serializers.ListField(
        child=CellSerializer(allow_null=True),
        help_text="One per disease, in the order of `diseases`; null where the disease does not list it.",
    )
    not_features = serializers.ListField(
        child=TermSerializer(many=True),
        help_text=(
            "One list per disease, in the order of `diseases`: the terms in this row that the disease's "
            "sources say are NOT features of it."
        ),
    )


class NotAFeatureSerializer(serializers.Serializer):
    hpo_id = serializers.CharField(source="phenotype.hpo_id")
    term = serializers.CharField(source="phenotype.name")
    everyday_name = serializers.CharField()
    row_hpo_id = serializers.CharField(
        source="row.phenotype.hpo_id", help_text="The row where others list it."
    )
    listed_by = serializers.SerializerMethodField(
        help_text="The other diseases that list it, or a more specific form."
    )

    @extend_schema_field(serializers.ListField(child=serializers.SlugField()))
    def get_listed_by(self, entry):
        return [disease.slug for disease, _ in entry.listed_by]


class NotFeaturesSerializer(serializers.Serializer):
    slug = serializers.SlugField(source="disease.slug")
    symptoms = NotAFeatureSerializer(source="entries", many=True)


class OnlyInOneSerializer(serializers.Serializer):
    slug = serializers.SlugField(source="disease.slug")
    rows = serializers.SerializerMethodField()

    @extend_schema_field(ComparisonRowSerializer(many=True))
    def get_rows(self, only):
        return ComparisonRowSerializer([row for row, _ in only.entries], many=True).data


class FactSerializer(serializers.Serializer):
    key = serializers.ChoiceField(choices=["inheritance", "genes", "onset"])
    title = serializers.CharField()
    values = serializers.ListField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="One list per disease, in the order of `diseases`; empty where nothing is known.",
    )


class ComparisonSerializer(serializers.Serializer):
    diseases = DiseaseLinkSerializer(many=True)
    shared_by_all = ComparisonRowSerializer(many=True)
    shared_by_some = ComparisonRowSerializer(
        many=True, help_text="Listed by more than one disease but not all; only with three or four."
    )
    only_in_one = OnlyInOneSerializer(many=True, help_text="For each disease, what only it lists.")
    facts = FactSerializer(many=True, help_text="Inheritance, main genes and onset, where any is known.")
    not_features = NotFeaturesSerializer(
        many=True,
        help_text=(
            "For each disease, the symptoms its sources say are NOT features of it that another disease "
            "here lists (itself or a more specific form)."
        ),
    )
    related_by = serializers.CharField(help_text="How symptoms in different words were put in one row.")
    notice = serializers.CharField()
