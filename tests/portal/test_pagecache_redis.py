"""The page cache on a real Redis, with committed transactions: the shared copy of the content
generation, a reader racing a writer, and Redis becoming unreachable and coming back."""

import logging
import threading
import time

import pytest
from django.test import Client

from diseases.editorial import editing
from diseases.editorial.edits import DiseaseEdit
from tests.factories import DiseaseFactory
from tests.helpers import unreachable_redis_caches

pytestmark = pytest.mark.django_db(transaction=True)


def edit_summary(disease, user, text):
    editing.apply_edit(disease=disease, edit=DiseaseEdit(fields={"summary": text}), acting_user=user)


def page(path="/diseases/alps/"):
    response = Client().get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_a_committed_edit_is_read_back_at_once_and_an_unchanged_page_costs_no_query(
    redis_cache, staff_user, django_assert_num_queries
):
    disease = DiseaseFactory(slug="alps", summary="Before the edit.")
    assert "Before the edit." in page()  # renders, stores the page and the generation's copy
    with django_assert_num_queries(0):
        assert "Before the edit." in page()  # both from Redis
    edit_summary(disease, staff_user, "After the edit.")  # committed: the copy is dropped
    assert "After the edit." in page()
    with django_assert_num_queries(0):
        assert "After the edit." in page()


def test_a_page_rendered_before_a_commit_and_stored_after_it_is_never_served(
    redis_cache, settings, staff_user
):
    from tests.portal import race_urls

    settings.ROOT_URLCONF = "tests.portal.race_urls"
    race_urls.rendered.clear()
    race_urls.may_finish.clear()
    DiseaseFactory(name="Alport syndrome")
    slow = threading.Thread(target=page, args=["/slow/"])
    slow.start()
    assert race_urls.rendered.wait(timeout=30)
    disease = DiseaseFactory(name="Batten disease")  # committed while the slow reader renders
    del disease
    race_urls.may_finish.set()  # it now stores what it read before the commit
    slow.join(timeout=30)
    assert page("/slow/") == "Published: Alport syndrome, Batten disease"


def test_with_redis_unreachable_pages_are_served_fresh_and_a_lost_invalidation_is_bounded(
    redis_cache, settings, staff_user, caplog, cache_outage_log
):
    settings.CONTENT_GENERATION_CACHE_SECONDS = 2
    disease = DiseaseFactory(slug="alps", summary="Before the outage.")
    assert "Before the outage." in page()  # Redis now holds the page and the generation's copy
    reachable = settings.CACHES

    settings.CACHES = unreachable_redis_caches()  # this process loses Redis; Redis keeps its data
    with caplog.at_level(logging.WARNING):
        edit_summary(disease, staff_user, "Written during the outage.")  # its invalidation is lost
        for path in ["/diseases/alps/", "/", "/diseases/alps/"]:
            assert Client().get(path).status_code == 200
        assert "Written during the outage." in page()
    outage_lines = [r for r in caplog.records if r.name == "portal.cache"]
    assert len(outage_lines) == 1 and "The cache is unreachable" in outage_lines[0].getMessage()

    settings.CACHES = reachable  # back, with the old page and the old generation's copy in it
    # That copy lives at most CONTENT_GENERATION_CACHE_SECONDS; then the database's generation wins.
    time.sleep(settings.CONTENT_GENERATION_CACHE_SECONDS + 0.2)
    assert "Written during the outage." in page()
    assert "Written during the outage." in page()  # and stored again
