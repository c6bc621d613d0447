"""Every public page type, and every state of its forms, is valid HTML by the Nu Html Checker.

The pages come from Django's test client on a catalogue with everything a page can show; the
checker (the ``vnu-jar`` npm package, run with the machine's Java; see tests/checkers.py) reads them
all in one run. The axe checks in tests/browser/ look at the same pages for accessibility.
"""

from datetime import UTC, datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from diseases import matching, search
from diseases.models import Annotation, DataRelease, Disease
from portal import errors
from support import tokens
from tests.checkers import ToolMissing, html_errors
from tests.factories import (
    CategoryFactory,
    DataReleaseFactory,
    DiseaseDefinitionFactory,
    DiseaseFactory,
    GeneFactory,
    PhenotypeSynonymFactory,
    ReferenceFactory,
    disease_with_everything,
    matching_catalogue,
    phenotype_tree,
)
from tests.services import need, need_program

# Java starts once for the whole set, in about ten seconds: make test runs it, make test-fast does not.
pytestmark = [pytest.mark.slow, pytest.mark.django_db]


@pytest.fixture
def catalogue(settings):
    settings.SUPPORT_MIN_FILL_SECONDS = 0
    settings.SUPPORT_RATE_LIMIT = "1000/h"
    cache.clear()
    call_command("load_demo")
    call_command("load_glossary", verbosity=0)
    alps = Disease.objects.get(slug="autoimmune-lymphoproliferative-syndrome")
    # Glossary words in the definition and the symptom names open their explanations (popovers).
    DiseaseDefinitionFactory(
        disease=alps, text="An inherited disorder of the immune system, with lymphadenopathy & splenomegaly."
    )
    tree = phenotype_tree()
    PhenotypeSynonymFactory(phenotype=tree.splenomegaly, name="big spleen")
    Annotation.objects.create(disease=alps, phenotype=tree.splenomegaly, band=Annotation.Band.VERY_FREQUENT)
    Annotation.objects.create(
        disease=alps, phenotype=tree.bruise, band=Annotation.Band.RARE, is_excluded=True
    )
    Annotation.objects.create(disease=alps, phenotype=tree.seizure, band=Annotation.Band.FREQUENT)
    diseases = matching_catalogue(tree)
    everything = disease_with_everything(4)
    ReferenceFactory(disease=everything, number=2)
    Disease.objects.filter(pk=everything.pk).update(
        cause="Caused by a change in a gene.[1]",
        page_changed_at=datetime(2025, 1, 2, 3, 4, 5, 678901, tzinfo=UTC),
    )
    alps.categories.add(CategoryFactory(name="Hematology", slug="hematology"))
    for source in DataRelease.Source.values:
        DataReleaseFactory(source=source, loaded_at=datetime(2025, 1, 16, 10, 11, 12, 131415, tzinfo=UTC))
    search.rebuild_search_index()
    matching.build_similarity_index()
    return {"alps": alps, "everything": everything, "bare": DiseaseFactory(summary=""), **vars(diseases)}


def connect_form_errors(client, alps):
    """The parent form sent back with errors: missing fields, an unknown disease and no contact to share."""
    token = (
        client.get(reverse("support:connect"), {"disease": alps.slug}).context["form"]["form_token"].value()
    )
    base = {
        "form_token": token,
        "relationship": "parent",
        "child_age_band": "1_4",
        "privacy_acknowledged": "on",
    }
    return [
        client.post(reverse("support:connect"), base),
        client.post(reverse("support:connect"), {**base, "disease": "autoimune lymfo", "parent_name": "Zoë"}),
    ]


def public_pages(client, catalogue):
    alps, everything, bare = catalogue["alps"], catalogue["everything"], catalogue["bare"]
    compare = reverse("diseases:compare")
    pages = {
        "home": "/",
        "about": "/about/",
        "about the data": "/about/data/",
        "A–Z": "/diseases/",
        "A–Z letter": "/diseases/?letter=A",
        "A–Z empty letter": "/diseases/?letter=Q",
        "disease (demo, in full)": alps.get_absolute_url(),
        "disease (every list)": everything.get_absolute_url(),
        "disease (names only)": bare.get_absolute_url(),
        "sheet (demo)": reverse("diseases:sheet", args=[alps.slug]),
        "sheet (every list)": reverse("diseases:sheet", args=[everything.slug]),
        "sheet (names only)": reverse("diseases:sheet", args=[bare.slug]),
        "compare (empty)": compare,
        "compare (one)": f"{compare}?d={alps.slug}",
        "compare (two)": f"{compare}?d={alps.slug}&d={catalogue['bleeding'].slug}",
        "compare (four, with problems)": (
            f"{compare}?d={alps.slug}&d={everything.slug}&d=nope&d=%3Cb%3E&d={catalogue['spleen'].slug}"
            f"&d={catalogue['focal'].slug}&d={bare.slug}"
        ),
        "compare (which did you mean)": f"{compare}?d={alps.slug}&add=skin+disease",
        "compare (no such name)": f"{compare}?d={alps.slug}&add=zzqqxx",
        "symptom": "/symptoms/HP:0001744/",
        "symptom (no diseases)": "/symptoms/HP:0000118/",
        "gene": everything.gene_links.first().gene.get_absolute_url(),
        "gene (no diseases)": GeneFactory().get_absolute_url(),
        "glossary": "/glossary/",
        "categories": "/categories/",
        "category": "/categories/hematology/",
        "search (empty)": "/search/",
        "search (results)": "/search/?q=alps",
        "search (symptoms)": "/search/?q=bruise&type=symptom",
        "search (no results)": "/search/?q=zzqqxx",
        "search (unknown identifier)": "/search/?q=ORPHA:999999",
        "match (empty)": "/match/",
        "match (results)": "/match/?hpo=HP:0000978&hpo=HP:0000421",
        "match (which did you mean)": "/match/?add=abnormal",
        "match (unknown id)": "/match/?hpo=HP:9999999",
        "parent form": f"/support/connect/?disease={alps.slug}",
        "parent form (unknown disease link)": "/support/connect/?disease=nope",
        "privacy notice": "/support/privacy/",
        "form sent": "/support/connect/thanks/",
        "verify link": f"/support/verify/{tokens.make_link_token(tokens.VERIFY_EMAIL, 'x')}/",
        "broken link": "/support/verify/not-a-token/",
        "address verified": "/support/verified/",
        "match answered": "/support/match-answered/accept/",
        "withdraw link": f"/support/withdraw/{tokens.make_link_token(tokens.WITHDRAW, 'x')}/",
        "withdrawn": "/support/withdrawn/",
        "page not found": "/no-such-page/",
    }
    rendered = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code in (200, 400, 404), (name, response.status_code)
        rendered[name] = response.content.decode()
    for index, response in enumerate(connect_form_errors(client, alps)):
        assert response.status_code == 200 and "error-summary" in response.content.decode()
        rendered[f"parent form with errors ({index + 1})"] = response.content.decode()
    missing_answer = client.post(f"/support/match/{tokens.make_link_token(tokens.MATCH_RESPONSE, '1:x')}/")
    rendered["match answer missing"] = missing_answer.content.decode()
    request = RequestFactory().get("/")
    for name, view in [
        ("400", errors.bad_request),
        ("403", errors.permission_denied),
        ("500", errors.server_error),
    ]:
        rendered[f"error {name}"] = view(request).content.decode()
    rendered["error 503"] = errors.service_unavailable(request).content.decode()
    return rendered


def checked(pages):
    """The checker's errors on ``pages``; skipped where it cannot be installed (no npm)."""
    try:
        return html_errors(pages)
    except ToolMissing as missing:
        need(False, f"needs {missing.program}, which is not installed (make test installs it)")


def test_every_public_page_and_form_state_is_valid_html(client, catalogue):
    need_program("java")
    pages = public_pages(client, catalogue)
    assert 'class="glossary-tip" id="glossary-splenomegaly" popover>' in pages["disease (demo, in full)"]
    problems = checked(pages)
    assert problems == []
    assert len(pages) > 45


def test_the_checker_reports_the_errors_we_fixed(catalogue):
    """The checker is real: the two kinds of error the issue found are reported when put back."""
    need_program("java")
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>'
        '<p><time datetime="2025-01-02T03:04:05.678901+00:00">2 January</time></p>'
        '<form><input type="hidden" name="t" maxlength="500"></form></body></html>'
    )
    problems = checked({"broken": page})
    assert any("datetime" in problem for problem in problems)
    assert any("maxlength" in problem for problem in problems)
