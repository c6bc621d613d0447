"""The endpoints of /api/v1/. Each reads through a named queryset method; tests pin their query counts."""

from django.conf import settings
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from diseases import comparison, matching, search
from diseases.identifiers import GENE_SYMBOL_PATTERN, HPO_ID_PATTERN, SLUG_PATTERN
from diseases.lookup import PageMoved, moved_response, published_disease_or_404
from diseases.models import Annotation, Disease, DiseaseGene, Gene, Phenotype
from diseases.pages.disease import DiseasePage

from .base import (
    DETAIL,
    ERRORS,
    PAGE_PARAMETERS,
    BoundedPageNumberPagination,
    PublicAPIView,
    PublicReadOnlyViewSet,
    PublishedDiseaseViewSet,
)
from .filters import DiseaseFilter, PhenotypeFilter
from .serializers import (
    AnnotatedDiseaseSerializer,
    CompareParametersSerializer,
    ComparisonSerializer,
    DiseaseDetailSerializer,
    DiseaseListSerializer,
    DiseaseMatchSerializer,
    GeneDetailSerializer,
    GeneDiseaseSerializer,
    GeneListSerializer,
    MatchParametersSerializer,
    MatchResultsSerializer,
    PhenotypeDetailSerializer,
    PhenotypeListSerializer,
    SearchHitSerializer,
    SearchParametersSerializer,
    SearchResultsSerializer,
    TermLinkSerializer,
)

SLUG_PARAMETER = OpenApiParameter(
    "slug",
    str,
    OpenApiParameter.PATH,
    pattern=f"^{SLUG_PATTERN}$",
    description="The disease's address on the site, for example `autoimmune-lymphoproliferative-syndrome`.",
    examples=[OpenApiExample("ALPS", value="autoimmune-lymphoproliferative-syndrome")],
)
PAST_LAST_PAGE = OpenApiResponse(DETAIL, "The page asked for is past the last one.")
HPO_ID_PARAMETER = OpenApiParameter(
    "hpo_id",
    str,
    OpenApiParameter.PATH,
    pattern=f"^{HPO_ID_PATTERN}$",
    description="The HPO id, for example `HP:0001744`.",
    examples=[OpenApiExample("Splenomegaly", value="HP:0001744")],
)


@extend_schema_view(
    list=extend_schema(
        summary="Published diseases",
        description="Published diseases in name order, filtered by the parameters given (all must match).",
        responses={
            200: OpenApiResponse(DiseaseListSerializer(many=True), "A page of diseases."),
            **ERRORS,
            404: PAST_LAST_PAGE,
        },
    ),
    retrieve=extend_schema(
        summary="One published disease in full",
        description=(
            "Names, categories, identifiers, the written sections as sanitised HTML, the symptom table "
            "grouped by how often each symptom occurs (with everyday names, HPO ids and provenance), the "
            "terms that are not a feature, references, resources, the HPO release and the last-updated date."
        ),
        parameters=[SLUG_PARAMETER],
        responses={
            200: OpenApiResponse(DiseaseDetailSerializer, "The disease."),
            **ERRORS,
            404: OpenApiResponse(DETAIL, "No published disease has this slug."),
        },
    ),
)
class DiseaseViewSet(PublishedDiseaseViewSet):
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    filter_backends = [DjangoFilterBackend]
    filterset_class = DiseaseFilter

    def shape_queryset(self, queryset):
        if self.action == "retrieve":
            return queryset.for_page()
        return queryset.for_api_list()

    def get_object(self):
        return published_disease_or_404(self.kwargs["slug"])

    def get_serializer_class(self):
        return DiseaseDetailSerializer if self.action == "retrieve" else DiseaseListSerializer

    def retrieve(self, request, *args, **kwargs):
        try:
            page = DiseasePage.build(self.get_object())
        except PageMoved as moved:
            # The address of a page merged into another keeps working.
            return moved_response(request, moved, absolute=True)
        return Response(self.get_serializer(page).data)


@extend_schema_view(
    list=extend_schema(
        summary="HPO terms",
        description="Current (not obsolete) HPO terms in HPO-id order.",
        responses={
            200: OpenApiResponse(PhenotypeListSerializer(many=True), "A page of HPO terms."),
            **ERRORS,
            404: PAST_LAST_PAGE,
        },
    ),
    retrieve=extend_schema(
        summary="One HPO term and the published diseases annotated with it",
        description=(
            "The term, its synonyms, parents and children, and a page of the published diseases whose "
            "symptom table includes it, most frequent first. An obsolete term is shown with `replaced_by`."
        ),
        parameters=[HPO_ID_PARAMETER],
        responses={
            200: OpenApiResponse(PhenotypeDetailSerializer, "The term and a page of its diseases."),
            **ERRORS,
            404: OpenApiResponse(DETAIL, "No HPO term has this id, or the page is past the last one."),
        },
    ),
)
class PhenotypeViewSet(PublicReadOnlyViewSet):
    """HPO terms are public ontology data; the diseases they list go through published()."""

    lookup_field = "hpo_id"
    lookup_value_regex = HPO_ID_PATTERN
    filter_backends = [DjangoFilterBackend]
    filterset_class = PhenotypeFilter

    def get_queryset(self):
        if self.action == "retrieve":
            return Phenotype.objects.for_api_detail()
        return Phenotype.objects.current().only("hpo_id", "name").order_by("hpo_id")

    def get_serializer_class(self):
        return PhenotypeDetailSerializer if self.action == "retrieve" else PhenotypeListSerializer

    def get_allowed_query_params(self):
        if self.action == "retrieve":
            return PAGE_PARAMETERS
        return super().get_allowed_query_params()

    def retrieve(self, request, *args, **kwargs):
        phenotype = self.get_queryset().filter(hpo_id=kwargs["hpo_id"]).first()
        if phenotype is None:
            raise NotFound("No HPO term has this id.")
        annotations = Annotation.objects.listing_published_diseases(phenotype)
        paginator = BoundedPageNumberPagination()
        page = paginator.paginate_queryset(annotations, request, view=self)
        diseases = paginator.get_paginated_response(
            AnnotatedDiseaseSerializer(page, many=True, context=self.get_serializer_context()).data
        ).data
        context = {**self.get_serializer_context(), "diseases_page": diseases}
        return Response(PhenotypeDetailSerializer(phenotype, context=context).data)


SYMBOL_PARAMETER = OpenApiParameter(
    "symbol",
    str,
    OpenApiParameter.PATH,
    pattern=f"^{GENE_SYMBOL_PATTERN}$",
    description="The gene's approved HGNC symbol, for example `CFTR`.",
    examples=[OpenApiExample("CFTR", value="CFTR")],
)


@extend_schema_view(
    list=extend_schema(
        summary="Genes",
        description="Genes that at least one published disease is linked to, by symbol.",
        responses={
            200: OpenApiResponse(GeneListSerializer(many=True), "A page of genes."),
            **ERRORS,
            404: PAST_LAST_PAGE,
        },
    ),
    retrieve=extend_schema(
        summary="One gene and the published diseases linked to it",
        description=(
            "The gene's symbol, name and ids, and a page of the published diseases the sources link to "
            "it, main-gene links first. Gene links come from the HPO gene annotations; names from HGNC."
        ),
        parameters=[SYMBOL_PARAMETER],
        responses={
            200: OpenApiResponse(GeneDetailSerializer, "The gene and a page of its diseases."),
            **ERRORS,
            404: OpenApiResponse(DETAIL, "No gene has this symbol, or the page is past the last one."),
        },
    ),
)
class GeneViewSet(PublicReadOnlyViewSet):
    lookup_field = "symbol"
    lookup_value_regex = GENE_SYMBOL_PATTERN

    def get_queryset(self):
        genes = Gene.objects.only("symbol", "name", "hgnc_id", "ncbi_gene_id")
        return genes if self.action == "retrieve" else genes.linked_to_published().order_by("symbol")

    def get_serializer_class(self):
        return GeneDetailSerializer if self.action == "retrieve" else GeneListSerializer

    def get_allowed_query_params(self):
        if self.action == "retrieve":
            return PAGE_PARAMETERS
        return super().get_allowed_query_params()

    def retrieve(self, request, *args, **kwargs):
        gene = self.get_queryset().filter(symbol=kwargs["symbol"]).first()
        if gene is None:
            raise NotFound("No gene has this symbol.")
        paginator = BoundedPageNumberPagination()
        page = paginator.paginate_queryset(
            DiseaseGene.objects.published_diseases_of(gene), request, view=self
        )
        diseases = paginator.get_paginated_response(
            GeneDiseaseSerializer(page, many=True, context=self.get_serializer_context()).data
        ).data
        context = {**self.get_serializer_context(), "diseases_page": diseases}
        return Response(GeneDetailSerializer(gene, context=context).data)


# --- Search and matching ----------------------------------------------------------------------------

PAGE_PARAMETERS_SCHEMA = [
    OpenApiParameter("page", {"type": "integer", "minimum": 1}, description="Page number, starting at 1."),
    OpenApiParameter(
        "page_size",
        {"type": "integer", "minimum": 1, "maximum": settings.API_MAX_PAGE_SIZE},
        description=f"Results per page, 1 to {settings.API_MAX_PAGE_SIZE} (default {settings.API_PAGE_SIZE}).",
    ),
]
MATCH_NOTICE = (
    "This is not a diagnosis. It lists rare diseases whose recorded symptoms look most like the ones "
    "given; only a doctor who knows the person can say what they have."
)


def in_site_order(results):
    """Both groups of hits as the search page orders them: the group with the stronger best hit first."""
    best_disease = results.diseases[0].score if results.diseases else 0
    best_symptom = results.symptoms[0].score if results.symptoms else 0
    if best_symptom > best_disease:
        return results.symptoms + results.diseases
    return results.diseases + results.symptoms


@extend_schema(
    summary="Search published diseases and HPO terms",
    description=(
        "The site's search engine, with the same results in the same order as its search page: names, "
        "other names, everyday names and identifiers, best match first. Without `type`, the group "
        "(diseases or symptoms) whose best hit is stronger comes first, as on the page."
    ),
    parameters=[
        OpenApiParameter(
            "q",
            {
                "type": "string",
                "minLength": 1,
                "maxLength": search.MAX_QUERY_LENGTH,
                "pattern": r"^[^\u0000]*$",
            },
            required=True,
            description="What to look for: words, an abbreviation, or an identifier such as ORPHA:3261.",
            examples=[OpenApiExample("Other name", value="Canale-Smith syndrome")],
        ),
        OpenApiParameter(
            "type",
            {"type": "string", "enum": list(search.KINDS)},
            description="Only diseases or only symptoms (HPO terms).",
        ),
        *PAGE_PARAMETERS_SCHEMA,
    ],
    responses={
        200: OpenApiResponse(SearchResultsSerializer, "A page of hits."),
        **ERRORS,
        404: PAST_LAST_PAGE,
    },
)
class SearchView(PublicAPIView):
    parameters_serializer_class = SearchParametersSerializer

    def get_allowed_query_params(self):
        return frozenset({"q", "type"}) | PAGE_PARAMETERS

    def get(self, request):
        parameters = self.validated_parameters(request)
        kind = parameters.get("type")
        results = search.search(parameters["q"], kinds=(kind,) if kind else search.KINDS)
        paginator = BoundedPageNumberPagination()
        page = paginator.paginate_queryset(in_site_order(results), request, view=self)
        hits = SearchHitSerializer(page, many=True, context={"request": request}).data
        return Response({"query": results.query, "type": kind, **paginator.get_paginated_response(hits).data})


@extend_schema(
    summary="Rank published diseases by a set of symptoms",
    description=(
        "The site's symptom matching (/match/), with the same ranking: published diseases whose recorded "
        "symptoms are most like the HPO terms given, best first, each with how it accounts for every "
        "chosen symptom. Unknown ids are left out and obsolete ones replaced, as `notes` says. "
        + MATCH_NOTICE
    ),
    parameters=[
        OpenApiParameter(
            "hpo",
            {
                "type": "array",
                "items": {"type": "string", "pattern": f"^{HPO_ID_PATTERN}$"},
                "minItems": 1,
                "maxItems": matching.MAX_CHOSEN,
            },
            required=True,
            style="form",
            explode=True,
            description=f"An HPO id; repeat the parameter for each symptom, up to {matching.MAX_CHOSEN}.",
            examples=[OpenApiExample("Bruising and nosebleeds", value=["HP:0000978", "HP:0000421"])],
        ),
    ],
    responses={200: OpenApiResponse(MatchResultsSerializer, "The best-matching diseases."), **ERRORS},
)
class MatchView(PublicAPIView):
    parameters_serializer_class = MatchParametersSerializer
    repeatable_query_params = frozenset({"hpo"})

    def get_allowed_query_params(self):
        return frozenset({"hpo"})

    def get(self, request):
        chosen, notes = matching.resolve_symptom_ids(self.validated_parameters(request)["hpo"])
        result = matching.match(chosen) if chosen else matching.MatchResult(matches=[], unusable=[])
        notes += [
            f"{phenotype.name} ({phenotype.hpo_id}) is not a symptom, so it is not used for matching."
            for phenotype in result.unusable
        ]
        context = {"request": request}
        return Response(
            {
                "symptoms": TermLinkSerializer(chosen, many=True).data,
                "notes": notes,
                "ready": result.ready,
                "notice": MATCH_NOTICE,
                "results": DiseaseMatchSerializer(result.matches, many=True, context=context).data,
            }
        )


@extend_schema(
    summary="Compare two to four published diseases",
    description=(
        "The site's comparison (/compare/), with the same rows in the same order: the symptoms all the "
        "diseases list, those some list (with three or four), and those only one lists, each cell with "
        "how often the disease has it; then inheritance, main genes and onset. Symptoms in different "
        "words share a row when one is a more specific form of the other in the HPO (`related_by` says "
        "how). The address of a page merged into another counts as that page. " + comparison.NOTICE
    ),
    parameters=[
        OpenApiParameter(
            "d",
            {
                "type": "array",
                "items": {
                    "type": "string",
                    "pattern": f"^{SLUG_PATTERN}$",
                    "maxLength": comparison.SLUG_MAX_LENGTH,
                },
                "minItems": comparison.MIN_DISEASES,
                "maxItems": comparison.MAX_DISEASES,
                "uniqueItems": True,
            },
            required=True,
            style="form",
            explode=True,
            description=(
                f"A disease's address on the site; repeat the parameter for each, {comparison.MIN_DISEASES} "
                f"to {comparison.MAX_DISEASES} different diseases."
            ),
            examples=[
                OpenApiExample(
                    "ALPS and cystic fibrosis",
                    value=["autoimmune-lymphoproliferative-syndrome", "cystic-fibrosis"],
                )
            ],
        ),
    ],
    responses={
        200: OpenApiResponse(ComparisonSerializer, "The comparison."),
        **ERRORS,
        404: OpenApiResponse(DETAIL, "A `d` names no published disease (`detail` says which)."),
    },
)
class CompareView(PublicAPIView):
    parameters_serializer_class = CompareParametersSerializer
    repeatable_query_params = frozenset({"d"})

    def get_allowed_query_params(self):
        return frozenset({"d"})

    def get(self, request):
        slugs = self.validated_parameters(request)["d"]
        selection = comparison.select_diseases(slugs, Disease.objects.published())
        if selection.problems:
            raise NotFound(" ".join(selection.problems))
        if len(selection.diseases) < comparison.MIN_DISEASES:
            # Two addresses of one page (its own and one merged into it) are one disease.
            raise ValidationError({"d": ["Give two to four different diseases."]})
        result = comparison.compare(selection.diseases)
        return Response(ComparisonSerializer(result, context={"request": request}).data)
