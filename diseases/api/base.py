"""What every API endpoint shares: strict query parameters, bounded pagination, throttling and ETags.

``PublishedDiseaseViewSet`` is the one base for endpoints that list or show diseases; its queryset
always starts from ``Disease.objects.published()``, so a draft cannot reach the API by another path.
"""

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from drf_spectacular.utils import OpenApiResponse
from rest_framework import pagination, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.views import APIView

from diseases.models import Disease

PAGE_PARAMETERS = frozenset({"page", "page_size"})

ERROR_400 = OpenApiResponse(
    response={
        "type": "object",
        "description": "Each key names a query parameter; its list says what is wrong with it.",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
        "example": {"letter": ["Select a valid choice. AB is not one of the available choices."]},
    },
    description="A query parameter is unknown or has a value the endpoint cannot use.",
)
DETAIL = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
ERROR_429 = OpenApiResponse(
    response=DETAIL,
    description="Too many requests from this client; the Retry-After header says when to retry.",
)
ERRORS = {400: ERROR_400, 429: ERROR_429}


class BoundedPageNumberPagination(pagination.PageNumberPagination):
    """Page numbers with a page size the client may choose up to a limit; bad values are a 400."""

    page_size_query_param = "page_size"
    page_query_description = "Page number, starting at 1."

    @property
    def page_size(self):
        return settings.API_PAGE_SIZE

    @property
    def max_page_size(self):
        return settings.API_MAX_PAGE_SIZE

    @property
    def page_size_query_description(self):
        return f"Results per page, 1 to {self.max_page_size} (default {self.page_size})."

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value is None or value == "":
            return self.page_size
        return _positive_int(value, self.page_size_query_param, maximum=self.max_page_size)

    def get_page_number(self, request, paginator):
        value = request.query_params.get(self.page_query_param)
        if value is None or value == "":
            return 1
        return _positive_int(value, self.page_query_param)

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": self.page_query_description,
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": self.page_size_query_description,
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]


def _positive_int(value, name, maximum=None):
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise ValidationError({name: ["Must be a whole number, 1 or more."]})
    if maximum is not None and int(value) > maximum:
        raise ValidationError({name: [f"Must be at most {maximum}."]})
    return int(value)


class PublicAPIMixin:
    """Checks the query string before anything else, and answers GETs with an ETag (304 when it matches).

    An unknown parameter, an empty value or a parameter given twice is a 400 naming the parameter:
    a silently ignored typo would return every row and look like an answer.
    """

    # Parameters that may be empty ("?search=" means no search) or repeated ("?hpo=...&hpo=...").
    blank_query_params = frozenset({"search"})
    repeatable_query_params = frozenset()

    def get_allowed_query_params(self):
        """The query parameters this request may carry; anything else is a mistake worth telling."""
        return frozenset()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return  # any other method is refused with a 405, whatever its query string says
        allowed = self.get_allowed_query_params()
        errors = {}
        accepted = ", ".join(sorted(allowed)) or "none"
        for name, values in request.query_params.lists():
            if name not in allowed:
                errors[name] = [f"Unknown query parameter. This endpoint accepts: {accepted}."]
            elif len(values) > 1 and name not in self.repeatable_query_params:
                errors[name] = ["Give this parameter once."]
            elif "" in values and name not in self.blank_query_params:
                errors[name] = ["Give a value, or leave the parameter out."]
        if errors:
            raise ValidationError(errors)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Responses differ by Origin only in their CORS headers; caches must still keep them apart.
        patch_vary_headers(response, ["Origin"])
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        # The ETag is a hash of the body, so it changes exactly when the data a client sees does,
        # whether an editor, a reviewer or an import changed it.
        response.render()
        set_response_etag(response)
        return get_conditional_response(request, etag=response.headers["ETag"], response=response)


class PublicAPIView(PublicAPIMixin, APIView):
    """An endpoint that is not a list of rows; its parameters are checked by a serializer."""

    parameters_serializer_class = None

    def validated_parameters(self, request):
        parameters = self.parameters_serializer_class(data=request.query_params)
        if not parameters.is_valid():
            raise ValidationError({name: _messages(errors) for name, errors in parameters.errors.items()})
        return parameters.validated_data


def _messages(errors, where=""):
    """Errors as one flat list of sentences; a list parameter's errors name the value's position."""
    if isinstance(errors, dict):
        return [
            message
            for position, nested in errors.items()
            for message in _messages(nested, f"Value {int(position) + 1}: ")
        ]
    return [f"{where}{error}" for error in errors]


class PublicReadOnlyViewSet(PublicAPIMixin, viewsets.ReadOnlyModelViewSet):
    pagination_class = BoundedPageNumberPagination

    def get_allowed_query_params(self):
        if self.action != "list":
            return frozenset()
        filterset_class = getattr(self, "filterset_class", None)
        filters = frozenset(filterset_class.base_filters) if filterset_class else frozenset()
        return filters | PAGE_PARAMETERS

    def filter_queryset(self, queryset):
        # Filters belong to the list; a detail address is found by its lookup alone.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)


class PublishedDiseaseViewSet(PublicReadOnlyViewSet):
    """Base for anything that shows diseases: it only ever starts from the published ones."""

    def get_queryset(self):
        return self.shape_queryset(Disease.objects.published())

    def shape_queryset(self, queryset):
        """Narrow or prefetch for the action; never widen past published()."""
        return queryset
