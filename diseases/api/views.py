"""The endpoints of /api/v1/. Each screen's queryset is named here and its query count pinned by a test."""

from django.db.models import Prefetch
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from diseases.importer.releases import hpo_release
from diseases.models import Annotation, Category, Disease, ExternalIdentifier, Phenotype, PhenotypeSynonym

from .base import (
    DETAIL,
    ERRORS,
    PAGE_PARAMETERS,
    BoundedPageNumberPagination,
    PublicReadOnlyViewSet,
    PublishedDiseaseViewSet,
)
from .filters import DiseaseFilter, PhenotypeFilter
from .serializers import (
    AnnotatedDiseaseSerializer,
    DiseaseDetailSerializer,
    DiseaseListSerializer,
    PhenotypeDetailSerializer,
    PhenotypeListSerializer,
)

SLUG_PARAMETER = OpenApiParameter(
    "slug",
    str,
    OpenApiParameter.PATH,
    pattern=r"^[-a-zA-Z0-9_]+$",
    description="The disease's address on the site, for example `autoimmune-lymphoproliferative-syndrome`.",
    examples=[OpenApiExample("ALPS", value="autoimmune-lymphoproliferative-syndrome")],
)
PAST_LAST_PAGE = OpenApiResponse(DETAIL, "The page asked for is past the last one.")
HPO_ID_PARAMETER = OpenApiParameter(
    "hpo_id",
    str,
    OpenApiParameter.PATH,
    pattern=r"^HP:\d{7}$",
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
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    filter_backends = [DjangoFilterBackend]
    filterset_class = DiseaseFilter

    def shape_queryset(self, queryset):
        if self.action == "retrieve":
            return queryset.for_page()
        return (
            queryset.only("name", "slug", "content_updated_at")
            .prefetch_related(
                Prefetch("categories", queryset=Category.objects.only("name", "slug")),
                Prefetch(
                    "identifiers", queryset=ExternalIdentifier.objects.only("disease_id", "source", "code")
                ),
            )
            .order_by("name", "pk")
        )

    def get_object(self):
        disease = self.get_queryset().filter(slug=self.kwargs["slug"]).first()
        if disease is None:
            raise NotFound("No published disease has this slug.")
        return disease

    def get_serializer_class(self):
        return DiseaseDetailSerializer if self.action == "retrieve" else DiseaseListSerializer

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action == "retrieve":
            context["hpo_release"] = hpo_release()
        return context


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
    lookup_value_regex = r"HP:\d{7}"
    filter_backends = [DjangoFilterBackend]
    filterset_class = PhenotypeFilter

    def get_queryset(self):
        if self.action == "retrieve":
            return Phenotype.objects.select_related("replaced_by").prefetch_related(
                Prefetch(
                    "synonyms",
                    queryset=PhenotypeSynonym.objects.only("phenotype_id", "name", "scope", "is_lay"),
                ),
                Prefetch("parents", queryset=Phenotype.objects.only("hpo_id", "name").order_by("hpo_id")),
                Prefetch(
                    "children", queryset=Phenotype.objects.current().only("hpo_id", "name").order_by("hpo_id")
                ),
            )
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
        annotations = (
            Annotation.objects.filter(phenotype=phenotype, is_hidden=False, is_excluded=False)
            .filter(disease__in=Disease.objects.published())
            .select_related("disease")
            .only("band", "frequency", "disease__name", "disease__slug")
            .order_by("band", "disease__name", "disease__pk")
        )
        paginator = BoundedPageNumberPagination()
        page = paginator.paginate_queryset(annotations, request, view=self)
        diseases = paginator.get_paginated_response(
            AnnotatedDiseaseSerializer(page, many=True, context=self.get_serializer_context()).data
        ).data
        context = {**self.get_serializer_context(), "diseases_page": diseases}
        return Response(PhenotypeDetailSerializer(phenotype, context=context).data)
