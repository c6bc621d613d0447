"""Property-based run of schemathesis against the live schema, served by a real server.

Schemathesis reads /api/schema/ and sends generated requests, valid and invalid, to every operation,
checking that none gets a 500, that invalid input gets a 4xx, and that every response matches the
schema: status, content type, headers and body. Examples are bounded so the run stays short.
"""

import pytest
import schemathesis
from django.core.management import call_command
from hypothesis import HealthCheck, settings

from diseases import matching, search
from diseases.models import Annotation, Disease
from tests.factories import (
    AnnotationFactory,
    CategoryFactory,
    DataReleaseFactory,
    DiseaseFactory,
    PhenotypeSynonymFactory,
    matching_catalogue,
    phenotype_tree,
)

MAX_EXAMPLES = 100
# A fuzzing run of about 40 s: make test and CI run it, make test-fast leaves it out.
pytestmark = pytest.mark.slow


@pytest.fixture
def api_schema(live_server, transactional_db, settings):
    # Hundreds of requests from one address in seconds: the throttle would rightly stop them.
    settings.API_ANON_RATE = None
    call_command("load_demo")
    alps = Disease.objects.get(slug="autoimmune-lymphoproliferative-syndrome")
    tree = phenotype_tree()
    PhenotypeSynonymFactory(phenotype=tree.splenomegaly, name="big spleen")
    AnnotationFactory(disease=alps, phenotype=tree.splenomegaly, band=Annotation.Band.VERY_FREQUENT)
    AnnotationFactory(disease=alps, phenotype=tree.bruise, band=Annotation.Band.RARE, is_excluded=True)
    matching_catalogue(tree)  # includes a draft and a hidden row
    for _ in range(3):
        DiseaseFactory().categories.add(CategoryFactory(name="Hematology"))
    DataReleaseFactory()
    search.rebuild_search_index()
    matching.build_similarity_index()
    loaded = schemathesis.openapi.from_url(f"{live_server.url}/api/schema/")
    loaded.hook(filter_failure)
    return loaded


def filter_failure(context, failure, case, response):
    """Keep every failure but one designed answer: a 400 for a category slug that names no category.

    Any slug is schema-valid, yet which categories exist is data the schema cannot list, and the
    issue asks for a 400 there (pinned in test_diseases). Schemathesis would call that a rejected
    valid request; nothing else is let through.
    """
    if failure.code != "ST202" or response.status_code != 400:
        return True
    body = response.json()
    return set(body) != {"category"} or not all(
        "not one of the available choices" in m for m in body["category"]
    )


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_conforms_to_the_schema_and_never_fails(case):
    case.call_and_validate()
