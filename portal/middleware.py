"""Site-wide middleware: the request log and id, security headers Django lacks, the body charset guard, and
static files (WhiteNoise) with the share cards drawn since start-up."""

import logging
import re
import time
import uuid

from django.conf import settings
from whitenoise.middleware import WhiteNoiseMiddleware

from diseases import cards
from toolbox.redaction import loggable_path, redact

from . import errors, logs

logger = logging.getLogger("portal.requests")

# An id a trusted proxy passed on is reused only if it looks like one (no room for log injection).
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
REQUEST_ID_HEADER = "X-Request-ID"


def _request_id(request) -> str:
    offered = request.META.get("HTTP_X_REQUEST_ID", "")
    if settings.TRUSTED_PROXIES and REQUEST_ID.match(offered):
        return offered
    return uuid.uuid4().hex


def _logged_path(request) -> str:
    return loggable_path(request.path, getattr(request, "resolver_match", None) or False)


def _query_keys(request) -> list[str]:
    try:
        return sorted(redact(key)[:40] for key in request.GET)[:20]
    except Exception:  # a query Django refuses to parse (too many fields) was answered 400 already
        return []


# Browsers ask for /favicon.ico whatever the page names; crawlers too.
QUIET_PATHS = {"/favicon.ico"}


def _is_quiet(request, response) -> bool:
    """A static file or the favicon answered without a server error: each page brings several, and a
    line for each would bury the pages. WhiteNoise answers them from memory below this middleware."""
    static = request.path.startswith(settings.STATIC_URL)  # both carry the script prefix, if any
    return response.status_code < 500 and (static or request.path_info in QUIET_PATHS)


class RequestLogMiddleware:
    """One log line per request (method, path, query parameter names, status, duration) with its id.

    Query values are left out: a search box or a form's GET can carry anything a reader typed.
    Static files and the favicon get no line (``_is_quiet``), unless they fail.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = _request_id(request)
        token = logs.request_id.set(request.id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request.id
            if _is_quiet(request, response):
                return response
            path = _logged_path(request)
            logger.info(
                "%s %s %s",
                request.method,
                path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": path,
                    "query_keys": _query_keys(request),
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            return response
        finally:
            logs.request_id.reset(token)


class CrossOriginResourcePolicyMiddleware:
    """Cross-Origin-Resource-Policy on every answer (Django sets COOP but has no setting for CORP)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY)
        return response


UTF8 = {"utf-8", "utf8"}


class RequestCharsetMiddleware:
    """400 for a request whose body declares any charset but UTF-8, before anything reads that body.

    Django refuses such form bodies with BadRequest only when something reads request.POST, which
    CsrfViewMiddleware does first; JSON and other bodies are decoded as UTF-8 whatever they declare.
    Refusing them here, with a message, means nothing downstream ever decodes a body in a charset it
    was not written in.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Django parsed the Content-Type header when it built the request.
        charset = request.content_params.get("charset", "").strip().strip("\"'").lower()
        if charset and charset not in UTF8:
            return errors.error_response(
                request,
                400,
                detail="Please send the request body in UTF-8; this one declared another charset.",
            )
        return self.get_response(request)


CARD_FILE = re.compile(r"^[a-z0-9_-]{1,160}\.png$")
# How long a browser or crawler may keep the site's card given in place of one this process lacks.
STAND_IN_SECONDS = 300


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise, which also serves the share cards drawn after this process started.

    WhiteNoise lists the static files once, at start-up (looking on disk at each request is for
    development only); a card drawn later by a publish would answer 404. So an address under the
    cards' folder that is not in the list is looked for on disk once and added. Cards are named by
    what they show, so each is kept a year (``immutable``). A card not on this machine's disk (drawn
    on another machine since this one started, where ``CARDS_ROOT`` is not shared) is answered with
    the site's card for a few minutes, never a broken picture.
    """

    def __call__(self, request):
        path = request.path_info
        if path.startswith(self.cards_prefix) and path not in self.files:
            name = path[len(self.cards_prefix) :]
            if CARD_FILE.match(name):  # only names cards are given: no other file, no other folder
                found = self.card_file(name, path)
                if found is not None:
                    self.files[path] = found
                else:
                    stand_in = self.card_file(cards.site_card_name(), path)
                    if stand_in is not None:
                        response = self.serve(stand_in, request)
                        response["Cache-Control"] = f"max-age={STAND_IN_SECONDS}, public"
                        return response
        return super().__call__(request)

    @property
    def cards_prefix(self):
        return cards.cards_url_prefix()

    def card_file(self, name, url):
        path = cards.card_path(name)
        return self.get_static_file(str(path), url) if path.is_file() else None

    def immutable_file_test(self, path, url):
        return url.startswith(self.cards_prefix) or super().immutable_file_test(path, url)
