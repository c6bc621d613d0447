"""Background work for the disease catalogue, run by django-tasks' worker (``manage.py db_worker``)."""

import io
import logging

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_tasks import task

from .matching import build_similarity_index
from .models import SimilarityIndex

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
    try:
        refresh_similarity_index.enqueue(timezone.now().isoformat())
    except Exception:
        # Matching then uses the previous index until the next refresh or import; search is unaffected.
        logger.exception("Could not queue a refresh of the symptom-matching index")


@task()
def apply_scheduled_changes() -> str:
    """Apply what reviewers scheduled and what is now due, by running ``manage.py apply_scheduled``.

    The command (which cron may run too, as a safety net) calls the services; going through it keeps
    this module free of an import of the services, which import it.
    """
    from django.core.management import call_command

    output = io.StringIO()
    call_command("apply_scheduled", stdout=output)
    return output.getvalue()


def schedule_go_live(when) -> None:
    """Queue ``apply_scheduled_changes`` to run at ``when`` (the worker runs it once it is due)."""
    job = apply_scheduled_changes
    try:
        if job.get_backend().supports_defer:
            job = job.using(run_after=when)
        job.enqueue()
    except Exception:
        # The cron safety net (manage.py apply_scheduled) still applies it; say so in the log.
        logger.exception("Could not queue the scheduled changes due at %s", when.isoformat())
