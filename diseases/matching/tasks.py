"""Keeping the matching index current after editors' changes, on django-tasks' worker (``manage.py db_worker``)."""

import logging

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_tasks import task

from ..models import SimilarityIndex
from .index import build_similarity_index

logger = logging.getLogger(__name__)


@task()
def refresh_similarity_index(requested_at: str) -> bool:
    """Rebuild the matching index unless one was built after this refresh was asked for.

    Editors saving several pages in a row queue several refreshes; one rebuild covers them all.
    """
    newest = SimilarityIndex.objects.order_by("-pk").values_list("built_at", flat=True).first()
    if newest is not None and newest >= parse_datetime(requested_at):
        return False
    build_similarity_index()
    return True


def schedule_similarity_refresh() -> None:
    """Queue a rebuild; writers call it on commit, after a change to what matching ranks."""
    try:
        refresh_similarity_index.enqueue(timezone.now().isoformat())
    except Exception:
        # Matching then uses the previous index until the next refresh or import; search is unaffected.
        logger.exception("Could not queue a refresh of the symptom-matching index")
