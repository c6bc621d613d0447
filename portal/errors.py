"""The site's answers to faults: 400, 403, 404, 500, and 503 while the database is unreachable.

Django's own error views are wrapped in ``requires_csrf_token``, which runs the CSRF check again and
so reads the request body again; a body Django refused to read (a form in latin-1, say) then raised a
second time inside the error view and gunicorn sent a bare 500. These views never touch the body,
the session, the user or the database: they render with a plain context (no context processors) and
answer JSON under /api/, as API clients expect.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

from diseases.search import MAX_QUERY_LENGTH

API_PREFIX = "/api/"

MESSAGES = {
    400: "The request could not be understood. Check the address, and send forms and bodies in UTF-8.",
    403: "You do not have permission to see this.",
    404: "There is nothing at this address.",
    500: "Something went wrong on our side. Please try again in a few minutes.",
    503: "The site is briefly unavailable. Please try again in a minute.",
}

# What a database outage raises: Django's wrappers, and psycopg's own errors where one escapes them.
DATABASE_UNREACHABLE = (OperationalError, InterfaceError)
try:
    import psycopg

    DATABASE_UNREACHABLE += (psycopg.OperationalError, psycopg.InterfaceError)
except ImportError:  # pragma: no cover - psycopg is a dependency; SQLite-only installs may lack it
    pass


def is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def error_response(request, status: int, *, detail: str | None = None, template: str | None = None):
    """The page (or, under /api/, the JSON body) for ``status``; never reads the body or the database."""
    detail = detail or MESSAGES[status]
    if is_api(request):
        response = JsonResponse({"detail": detail}, status=status)
    else:
        context = {"detail": detail, "status": status, "search_max_length": MAX_QUERY_LENGTH}
        response = HttpResponse(render_to_string(template or f"{status}.html", context), status=status)
    if status >= 500:
        add_never_cache_headers(response)
    return response


def bad_request(request, exception=None):
    return error_response(request, 400)


def permission_denied(request, exception=None):
    return error_response(request, 403)


def page_not_found(request, exception=None):
    return error_response(request, 404)


def server_error(request):
    """500, or 503 with Retry-After when what failed was reaching the database."""
    if isinstance(sys.exc_info()[1], DATABASE_UNREACHABLE):
        return service_unavailable(request)
    return error_response(request, 500)


def service_unavailable(request):
    response = error_response(request, 503)
    response["Retry-After"] = str(settings.DATABASE_OUTAGE_RETRY_AFTER)
    return response


def csrf_failure(request, reason=""):
    """A form sent without its token (cookies off, or a page left open too long): say what to do."""
    return error_response(
        request,
        403,
        detail="This form has expired or your browser blocked its cookie. Go back, reload the page and send it again.",
        template="403_csrf.html",
    )
