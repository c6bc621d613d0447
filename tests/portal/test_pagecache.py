"""Whole public pages from the shared cache for anonymous readers, fresh after any change, never per-person."""

import pytest
from django.test import Client
from django.urls import reverse

from diseases.editorial import editing, revert, revisions, workflow
from diseases.editorial.edits import DiseaseEdit
from diseases.models import Disease
from tests.data.import_files import ALPS
from tests.factories import (
    AnnotationFactory,
    CategoryFactory,
    DataReleaseFactory,
    DiseaseFactory,
    DiseaseGeneFactory,
    PhenotypeSynonymFactory,
)
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db

NAME = "Autoimmune lymphoproliferative syndrome"


@pytest.fixture
def alps():
    disease = DiseaseFactory(name=NAME, slug="alps", summary="Written **once**.")
    disease.categories.add(CategoryFactory(name="Immune system diseases", slug="immune"))
    row = AnnotationFactory(disease=disease, phenotype__hpo_id="HP:0001744", phenotype__name="Splenomegaly")
    DiseaseGeneFactory(disease=disease, gene__symbol="FAS")
    DataReleaseFactory()
    return disease, row


def public_addresses(alps):
    disease, row = alps
    return {
        "/": NAME,
        "/about/": "About",
        "/about/data/": "Human Phenotype Ontology",
        "/diseases/": "?letter=A",
        "/diseases/?letter=A": NAME,
        "/diseases/alps/": "Written <strong>once</strong>.",
        "/diseases/alps/sheet/": NAME,
        "/diseases/alps/symptoms.csv": "Splenomegaly",
        "/diseases/alps/symptoms.json": "Splenomegaly",
        "/symptoms/HP:0001744/": NAME,
        "/genes/FAS/": NAME,
        "/categories/": "Immune system diseases",
        "/categories/immune/": NAME,
        "/glossary/": "Medical words explained",
        "/sitemap.xml": "/sitemap-diseases.xml",
        "/sitemap-diseases.xml": "/diseases/alps/",
        "/robots.txt": "Sitemap:",
    }


def hide_from_signals(disease, **values):
    """Change a row the way nothing in the site does (no signal, no generation): only a cache explains
    a reader still seeing the old value."""
    Disease.objects.filter(pk=disease.pk).update(**values)


# --- What is cached, and the headers ------------------------------------------------------------


def test_every_public_page_is_shared_with_cache_headers_and_sets_no_cookie(alps):
    reader = Client()
    for path, expected in public_addresses(alps).items():
        response = reader.get(path)
        assert response.status_code == 200, path
        assert expected in response.content.decode(), path
        assert response.cookies == {}, path
        assert "Cookie" not in response.get("Vary", ""), path
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert directives == {"public", "max-age=60", "s-maxage=300", "stale-while-revalidate=600"}, path
        assert response["ETag"].startswith('W/"'), path


def test_the_next_anonymous_reader_gets_the_stored_page_without_rendering_it(alps, django_assert_num_queries):
    disease, _ = alps
    first = Client().get("/diseases/alps/")
    hide_from_signals(disease, name="Renamed behind the cache's back")
    # Only the content generation is read (from the database inside a test's transaction; from the
    # shared cache in production): no page query, no template.
    with django_assert_num_queries(2):  # the cache table, and the generation
        again = Client().get("/diseases/alps/")
    assert again.status_code == 200
    assert again.content == first.content and NAME in again.content.decode()
    assert again["ETag"] == first["ETag"]


def test_an_address_with_parameters_the_page_does_not_read_is_not_cached(alps):
    disease, _ = alps
    Client().get("/diseases/alps/?utm_source=news")
    hide_from_signals(disease, name="Renamed behind the cache's back")
    response = Client().get("/diseases/alps/?utm_source=news")
    assert "Renamed behind the cache&#x27;s back" in response.content.decode()
    assert response["Cache-Control"] == "private, no-cache"


def test_a_reader_with_the_current_page_gets_304_without_rendering(alps, django_assert_num_queries):
    first = Client().get("/diseases/alps/")
    Client().get("/")  # cached too, under the same generation
    for path in ["/diseases/alps/", "/genes/FAS/"]:  # stored, and not yet stored
        with django_assert_num_queries(2):
            response = Client().get(path, headers={"If-None-Match": first["ETag"]})
        assert response.status_code == 304
        assert response.content == b""
        assert response["ETag"] == first["ETag"] and "s-maxage=300" in response["Cache-Control"]


def test_an_old_etag_gets_the_new_page(alps, staff_user, django_capture_on_commit_callbacks):
    disease, _ = alps
    old = Client().get("/diseases/alps/")
    with django_capture_on_commit_callbacks(execute=True):
        editing.apply_edit(
            disease=disease, edit=DiseaseEdit(fields={"summary": "Written twice."}), acting_user=staff_user
        )
    response = Client().get("/diseases/alps/", headers={"If-None-Match": old["ETag"]})
    assert response.status_code == 200 and "Written twice." in response.content.decode()
    assert response["ETag"] != old["ETag"]


@pytest.mark.parametrize(
    "path", ["/support/connect/", "/api/v1/diseases/", "/health/ready", "/search/?q=alps&utm=x"]
)
def test_pages_that_are_not_public_pages_are_private_and_never_stored(alps, path):
    response = Client().get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] in {
        "private, no-cache",
        "max-age=0, no-cache, no-store, must-revalidate, private",
    }
    assert "ETag" not in response or path.startswith("/api/")


def test_only_the_page_with_a_form_carries_the_csrf_cookie(alps):
    reader = Client()
    assert reader.get("/diseases/alps/").cookies == {}
    form = reader.get("/support/connect/?disease=alps")
    assert "csrftoken" in form.cookies
    assert "private" in form["Cache-Control"]
    # A reader who has a CSRF cookie (but no session) is still served the shared page.
    shared = reader.get("/diseases/alps/")
    assert shared.cookies == {} and "public" in shared["Cache-Control"]


# --- Never per person -----------------------------------------------------------------------------


def test_staff_are_never_served_from_the_cache_nor_stored_in_it(alps, admin_client):
    disease, _ = alps
    Client().get("/diseases/alps/")  # stored for anonymous readers
    hide_from_signals(disease, name="Renamed behind the cache's back")
    staff = admin_client.get("/diseases/alps/")
    assert "Renamed behind the cache&#x27;s back" in staff.content.decode()
    assert staff["Cache-Control"] == "private, no-cache" and "ETag" not in staff
    assert NAME in Client().get("/diseases/alps/").content.decode()  # staff's page was not stored


def test_a_staff_preview_of_a_draft_at_the_public_address_is_never_stored(admin_client):
    DiseaseFactory(name="Draft disease", slug="draft", status=Disease.Status.DRAFT)
    preview = admin_client.get("/diseases/draft/")
    assert preview.status_code == 200 and "Draft disease" in preview.content.decode()
    assert "private" in preview["Cache-Control"]
    assert Client().get("/diseases/draft/").status_code == 404
    assert "private" in admin_client.get("/diseases/draft/preview/")["Cache-Control"]


def test_someone_signed_in_but_owing_the_second_factor_is_not_served_from_the_cache(alps, staff_user):
    disease, _ = alps
    Client().get("/diseases/alps/")
    hide_from_signals(disease, name="Renamed behind the cache's back")
    halfway = Client()
    halfway.force_login(staff_user)  # Django's own client: signed in, second factor not given yet
    response = halfway.get("/diseases/alps/")
    assert "Renamed behind the cache&#x27;s back" in response.content.decode()
    assert response["Cache-Control"] == "private, no-cache"


# --- Fresh after every kind of change ---------------------------------------------------------------


def read(path):
    response = Client().get(path)
    assert response.status_code in {200, 404}
    return response.content.decode() if response.status_code == 200 else 404


def test_an_edit_through_the_admin_is_read_back_at_once_when_approved(
    alps, admin_client, django_capture_on_commit_callbacks
):
    disease, _ = alps
    assert "Written <strong>once</strong>." in read("/diseases/alps/")
    url = reverse("admin:diseases_disease_change", args=[disease.pk])
    data = admin_form_data(admin_client.get(url))
    data["summary"] = "Edited in the **admin**."
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(url, data).status_code == 302
    # A published page's edit is a revision: readers, cached or not, see the page as it was.
    assert "Written <strong>once</strong>." in read("/diseases/alps/")
    for action in ["submit", "approve"]:
        with django_capture_on_commit_callbacks(execute=True):
            action_url = reverse("admin:diseases_disease_revision_action", args=[disease.pk, action])
            assert admin_client.post(action_url, {"now": "1"}).status_code == 302
    page = read("/diseases/alps/")
    assert "Edited in the <strong>admin</strong>." in page and "Written <strong>once</strong>" not in page


def test_an_edit_through_the_services_and_its_revert_are_read_back_at_once(
    alps, staff_user, django_capture_on_commit_callbacks
):
    disease, _ = alps
    assert "Written <strong>once</strong>." in read("/diseases/alps/")
    with django_capture_on_commit_callbacks(execute=True):
        editing.apply_edit(
            disease=disease, edit=DiseaseEdit(fields={"summary": "Written twice."}), acting_user=staff_user
        )
    assert "Written twice." in read("/diseases/alps/")
    first_version = disease.history.order_by("history_date").first()
    with django_capture_on_commit_callbacks(execute=True):
        reverting = revert.revert_disease(
            disease=disease, history_id=first_version.history_id, acting_user=staff_user
        )
        revisions.submit_revision(revision=reverting, acting_user=staff_user)
        revisions.approve_revision(revision=reverting, acting_user=staff_user)
    assert "Written <strong>once</strong>." in read("/diseases/alps/")


def test_unpublishing_takes_the_page_off_every_cached_list(
    alps, reviewer, django_capture_on_commit_callbacks
):
    disease, _ = alps
    assert NAME in read("/") and NAME in read("/diseases/?letter=A") and NAME in read("/genes/FAS/")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(disease=disease, action="unpublish", acting_user=reviewer)
    assert read("/diseases/alps/") == 404
    for path in ["/", "/diseases/?letter=A", "/genes/FAS/", "/symptoms/HP:0001744/", "/categories/immune/"]:
        assert NAME not in read(path), path


def test_a_save_from_the_shell_is_read_back_at_once(alps):
    disease, row = alps
    assert "Splenomegaly" in read("/diseases/alps/")
    disease.name = "Canale-Smith syndrome"
    disease.save()
    assert "Canale-Smith syndrome" in read("/diseases/alps/") and "Canale-Smith syndrome" in read("/")
    PhenotypeSynonymFactory(phenotype=row.phenotype, name="Big spleen", is_lay=True)
    assert "Big spleen" in read("/symptoms/HP:0001744/") and "Big spleen" in read("/diseases/alps/")
    category = disease.categories.get()
    category.name = "Blood and immune diseases"
    category.save()
    assert "Blood and immune diseases" in read("/categories/") and "Blood and immune diseases" in read(
        "/diseases/alps/"
    )


def test_an_import_is_read_back_at_once(import_files, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        import_files.run()
    slug = Disease.objects.get(name=ALPS).slug
    before = read(f"/diseases/{slug}/")
    assert "Splenomegaly" in before
    splenomegaly = next(t for t in import_files.terms if t["id"] == "HP:0001744")
    splenomegaly["synonyms"].append(("Big spleen", "EXACT", "layperson"))
    with django_capture_on_commit_callbacks(execute=True):
        import_files.run()
    assert "Big spleen" in read(f"/diseases/{slug}/") and "Big spleen" not in before


def test_a_cascade_of_deletions_moves_the_generation_once_and_the_next_reader_sees_it(alps):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    disease, _ = alps
    for _ in range(20):
        AnnotationFactory(disease=disease)
    assert NAME in read("/diseases/?letter=A")  # the generation has been read since the last write
    with CaptureQueriesContext(connection) as queries:
        disease.delete()  # 21 symptom rows, a gene link, a category link: each one signalled
    moves = [q for q in queries if q["sql"].startswith('UPDATE "diseases_contentgeneration"')]
    assert len(moves) == 1
    assert NAME not in read("/diseases/?letter=A")


def test_a_move_undone_by_a_savepoint_rollback_does_not_hide_the_next_one(alps):
    from django.db import transaction

    disease, _ = alps
    assert "Written" in read("/diseases/alps/")  # read since the last move
    with transaction.atomic():  # a trial write, as saving a revision makes to check it
        Disease.objects.get(pk=disease.pk).save()
        transaction.set_rollback(True)
    disease.summary = "Written after the trial."
    disease.save()
    assert "Written after the trial." in read("/diseases/alps/")


def test_an_editors_pending_revision_leaves_every_cached_page_in_place(alps, editor):
    from diseases import freshness

    disease, _ = alps
    read("/diseases/alps/")
    before = freshness.current_token()
    revisions.save_revision(
        disease=disease, edit=DiseaseEdit(fields={"summary": "Not yet."}), acting_user=editor
    )
    assert freshness.current_token() == before
    assert "Written <strong>once</strong>." in read("/diseases/alps/")


def test_readers_who_accept_gzip_get_the_stored_page_gzipped(alps):
    import gzip

    plain = Client().get("/diseases/alps/")
    for _ in range(2):  # rendered and stored, then from the cache
        packed = Client().get("/diseases/alps/", headers={"Accept-Encoding": "gzip, deflate, br"})
        assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
        assert gzip.decompress(packed.content) == plain.content
        assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content) / 2
    assert "Content-Encoding" not in plain and NAME in plain.content.decode()


def test_readers_who_do_not_accept_gzip_get_a_plain_copy_unpacked_once(alps, monkeypatch):
    import gzip

    from portal import pagecache

    packed = Client().get("/diseases/alps/", headers={"Accept-Encoding": "gzip"})  # rendered, kept gzipped
    unpacking = []
    decompress = gzip.decompress
    monkeypatch.setattr(pagecache.gzip, "decompress", lambda data: unpacking.append(1) or decompress(data))
    for _ in range(3):
        plain = Client().get("/diseases/alps/")
        assert plain["Cache-Status"] == "portal; hit" and "Content-Encoding" not in plain
        assert plain.content == decompress(packed.content)
        assert int(plain["Content-Length"]) == len(plain.content)
    assert len(unpacking) == 1  # the first plain reader unpacked it, for the others too
    assert Client().get("/diseases/alps/", headers={"Accept-Encoding": "gzip"}).content == packed.content


def test_a_plain_copy_of_an_older_version_is_never_served(
    alps, staff_user, django_capture_on_commit_callbacks
):
    disease, _ = alps
    assert "Written <strong>once</strong>." in read(
        "/diseases/alps/"
    )  # rendered for a plain reader: both kept
    with django_capture_on_commit_callbacks(execute=True):
        editing.apply_edit(
            disease=disease, edit=DiseaseEdit(fields={"summary": "Written twice."}), acting_user=staff_user
        )
    Client().get("/diseases/alps/", headers={"Accept-Encoding": "gzip"})  # the new version, gzipped only
    assert "Written twice." in read("/diseases/alps/")


def test_a_host_the_site_does_not_serve_is_refused_even_for_a_cached_page(alps):
    assert Client().get("/diseases/alps/").status_code == 200  # stored for testserver
    assert Client().get("/diseases/alps/", HTTP_HOST="evil.example").status_code == 400
    assert Client().get("/diseases/alps/", HTTP_HOST="evil.example").status_code == 400
