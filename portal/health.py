"""Health checks for a load balancer, and a monitoring page for staff. Neither shows personal data.

``/health/live``: the process answers (no database, no cache). ``/health/ready``: the database and
the cache answer and every migration is applied; 503 otherwise, naming what failed and nothing more.
A small view rather than django-health-check: its 4.x has no migration check, and each check here
is a few lines. ``/admin/monitoring/`` adds, for staff, the mail outbox, the task queue and the data
releases loaded.
"""

import logging
import uuid

from django.contrib import admin
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Count, Min
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from diseases.models import DataRelease
from support.models import OutboxMessage

logger = logging.getLogger(__name__)

_migrations_applied = False


def _database():
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache():
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not return what was stored")
    cache.delete(key)


def _migrations():
    """Nothing left to migrate. Once true it stays true for this process, so only the first probe pays."""
    global _migrations_applied
    if not _migrations_applied:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise RuntimeError("migrations are not applied")
        _migrations_applied = True


CHECKS = {"database": _database, "cache": _cache, "migrations": _migrations}


def run_checks() -> dict[str, str]:
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
            results[name] = "ok"
        except Exception as exc:
            logger.warning("Readiness check %s failed (%s)", name, type(exc).__name__)
            results[name] = "failing"
    return results


@never_cache
def live(request):
    return HttpResponse("ok\n", content_type="text/plain")


@never_cache
def ready(request):
    checks = run_checks()
    healthy = all(result == "ok" for result in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "failing", "checks": checks}, status=200 if healthy else 503
    )


def _age_seconds(moment, now):
    return None if moment is None else max(0, round((now - moment).total_seconds()))


def monitoring_report():
    """Counts, ages and releases only: no address, name or message text ever leaves this function."""
    now = timezone.now()
    outbox = OutboxMessage.objects.filter(sent_at__isnull=True).aggregate(
        count=Count("pk"), oldest=Min("created_at")
    )
    queue = DBTaskResult.objects.filter(status=TaskResultStatus.READY).aggregate(
        count=Count("pk"), oldest=Min("enqueued_at")
    )
    failed = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count()
    return {
        "checks": run_checks(),
        "outbox_backlog": outbox["count"],
        "oldest_undelivered_mail_age_seconds": _age_seconds(outbox["oldest"], now),
        "task_queue_ready": queue["count"],
        "task_queue_oldest_age_seconds": _age_seconds(queue["oldest"], now),
        "tasks_failed": failed,
        "data_releases": [
            {"source": release.source, "version": release.version, "loaded_at": release.loaded_at.isoformat()}
            for release in DataRelease.objects.all()
        ],
    }


def _monitoring(request):
    report = monitoring_report()
    if request.GET.get("format") == "json":
        return JsonResponse(report)
    context = {**admin.site.each_context(request), "title": "Monitoring", "report": report}
    return render(request, "admin/monitoring.html", context)


monitoring = admin.site.admin_view(_monitoring)
