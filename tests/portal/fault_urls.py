"""The site's URLs plus views that fail on purpose, for the error-handler tests (ROOT_URLCONF)."""

from django.db import OperationalError
from django.urls import path

from portal.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


def broken(request):
    raise RuntimeError("a bug")


def database_gone(request):
    raise OperationalError("connection to server at 127.0.0.1, port 1 failed: Connection refused")


urlpatterns = [
    path("boom/", broken),
    path("api/boom/", broken),
    path("db-gone/", database_gone),
    path("api/db-gone/", database_gone),
    *urlpatterns,
]
