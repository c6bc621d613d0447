"""URLs under /api/: version 1 of the read-only API, its OpenAPI schema and its documentation."""

from csp.constants import SELF
from csp.decorators import csp_update
from django.http import JsonResponse
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from diseases.api.base import PublicAPIMixin
from diseases.api.views import (
    CompareView,
    DiseaseViewSet,
    GeneViewSet,
    MatchView,
    PhenotypeViewSet,
    SearchView,
)

app_name = "api"

router = SimpleRouter()
router.register("diseases", DiseaseViewSet, basename="disease")
router.register("phenotypes", PhenotypeViewSet, basename="phenotype")
router.register("genes", GeneViewSet, basename="gene")


class SchemaView(PublicAPIMixin, SpectacularAPIView):
    """The OpenAPI schema (YAML, or JSON for ``Accept: application/json``), with an ETag."""

    def get_allowed_query_params(self):
        return frozenset({"lang"})


# Swagger UI from the split view: its start-up script is a file of its own (?script), and our copy of
# the page template moves its inline style to static/css/api_docs.css, so no inline code runs here
# either. Its own stylesheet draws icons as data: images, which is all this page adds to the policy.
docs = csp_update({"img-src": [SELF, "data:"]})(SpectacularSwaggerSplitView.as_view(url_name="api:schema"))


def not_found(request, *args, **kwargs):
    """Anything else under /api/ is a JSON 404, as API clients expect, rather than the site's page."""
    return JsonResponse({"detail": "There is no API endpoint at this address."}, status=404)


urlpatterns = [
    path("v1/", include(router.urls)),
    path("v1/search/", SearchView.as_view(), name="search"),
    path("v1/match/", MatchView.as_view(), name="match"),
    path("v1/compare/", CompareView.as_view(), name="compare"),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", docs, name="docs"),
    # Only paths ending in "/" so that APPEND_SLASH still redirects /api/v1/diseases to the list;
    # [\s\S] rather than "." so that a path with an encoded newline in it is caught too.
    re_path(r"^[\s\S]*/$", not_found),
]
