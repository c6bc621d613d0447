"""Whole public pages for anonymous readers from the shared cache, and HTTP caching for browsers and a CDN.

A request is served from the cache, or stored there, only when all of these hold:

- it is a GET or HEAD without the session cookie (so nobody signed in, or half-way through the
  second factor, is ever served a cached page or has theirs stored);
- its view is marked ``@public_page`` (``diseases.freshness``) and its query names only the
  parameters that view declares;
- the answer is a 200 that sets no cookie, does not vary on Cookie and is not marked private.

A cached page carries the content generation it was rendered under and is served only while that
generation is current (see ``diseases.freshness`` for why that is immediate and race-free). Pages
are kept per address and host, under a key that also names the deployed code.

Pages are kept gzipped and sent so to readers who accept it (``Vary: Accept-Encoding``). The first
reader who does not accept gzip unpacks the page once and stores the plain copy beside it, so the
readers after them are served as cheaply as the others.

**One render per page.** When a page is missing or out of date (after a publish, say) and many
readers ask at once, the first takes a short lock in the shared cache (``cache.add``, which holds
across processes and machines, on Redis and on the database cache alike) and renders it. The others
do not render it too: while the lock is held, a reader is given the previous version of the page,
marked stale, if the cache still has it, or else waits briefly for the render and is given its
result. The lock lives ``PAGE_CACHE_RENDER_LOCK_SECONDS`` at most, and a stale copy is given only
while it is held, so no reader is shown an old page for longer. A reader who has waited
``PAGE_CACHE_RENDER_WAIT_SECONDS`` without a result renders the page itself rather than hang. A render
whose answer may not be shared (the page was unpublished, or failed) drops the previous version and
tells the others to render for themselves. Each answer says how it was served in ``Cache-Status``
(RFC 9211): ``hit``, ``hit; detail=stale``, ``fwd=miss; collapsed`` (waited for another's render) or
``fwd=miss`` / ``fwd=stale`` (rendered here), with ``stored`` when it was kept.

Public answers get ``Cache-Control: public`` with ``max-age``, ``s-maxage`` and
``stale-while-revalidate``, and an ``ETag`` made of the code release and the content generation, so
a client that already has the page is answered 304 before anything is rendered or read. Every other
answer that does not say otherwise gets ``Cache-Control: private, no-cache``.

The middleware sits below the request log, the security headers and CSP, which are added afresh to
every answer, and above sessions, CSRF and authentication, which a cached answer never needs.
"""

import gzip
import hashlib
import logging
import re
import time
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import Resolver404, resolve
from django.utils.cache import has_vary_header, patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.utils.text import compress_string

from diseases import freshness

logger = logging.getLogger(__name__)

READS = {"GET", "HEAD"}
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
NOT_SHARED = ("private", "no-store", "no-cache")
CACHE_NAME = "portal"  # names this cache in Cache-Status


def is_anonymous_read(request) -> bool:
    return request.method in READS and settings.SESSION_COOKIE_NAME not in request.COOKIES


@lru_cache(maxsize=4096)
def _public_mark(urlconf, path):
    """The view's ``PublicPage`` mark, remembered per address: resolving costs more than a cached page."""
    try:
        return getattr(resolve(path, urlconf).func, "public_page", None)
    except Resolver404:
        return None


def public_page_of(request):
    """The ``PublicPage`` mark of the view at this address, if the page may be cached with this query."""
    public = _public_mark(getattr(request, "urlconf", None) or settings.ROOT_URLCONF, request.path_info)
    if public is None:
        return None
    if not request.META.get("QUERY_STRING"):
        return public
    try:
        query = set(request.GET)
    except Exception:  # a query Django refuses to parse is answered further down
        return None
    return public if query <= public.query else None


def page_key(request) -> str:
    """The cache key of this address on this host. The Host header is taken as sent: a page is only
    ever stored by a request that passed Django's host check, so an unknown host finds nothing."""
    address = f"{request.scheme}://{request.META.get('HTTP_HOST', '')}{request.get_full_path()}"
    digest = hashlib.blake2b(address.encode(), digest_size=16).hexdigest()
    return f"page:{freshness.code_release()}:{digest}"


def etag_for(token) -> str:
    return f'W/"{freshness.code_release()}-{token}"'


def client_has(request, etag) -> bool:
    offered = request.META.get("HTTP_IF_NONE_MATCH")
    if not offered:
        return False
    weak = etag.removeprefix("W/")
    return any(tag.removeprefix("W/") == weak for tag in parse_etags(offered))


def make_public(response, etag=None):
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PAGE_CACHE_MAX_AGE,
        s_maxage=settings.PAGE_CACHE_S_MAXAGE,
        stale_while_revalidate=settings.PAGE_CACHE_STALE_WHILE_REVALIDATE,
    )
    if etag:
        response["ETag"] = etag
    return response


def make_private(response):
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_cache=True)
    return response


def not_modified(etag):
    return make_public(HttpResponseNotModified(), etag)


def accepts_gzip(request) -> bool:
    return bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def plain_key(key) -> str:
    return f"{key}:plain"


def stored_answer(entry, gzipped, status):
    """A stored page as this reader asked for it, with ``Cache-Status: portal; <status>``.

    ``entry`` is ``(token, status code, headers, body)``; the body is gzipped when ``gzipped``. Pages
    are kept gzipped (a fifth of their size, no secret in them to leak through compression), so
    serving the many readers who accept gzip costs no compression and moves fewer bytes.
    """
    _, code, headers, body = entry
    response = HttpResponse(body, status=code, headers=headers)
    if gzipped:
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(body))
    response["Cache-Status"] = f"{CACHE_NAME}; {status}"
    return response


def unpacked(entry):
    token, code, headers, compressed = entry
    return token, code, headers, gzip.decompress(compressed)


def is_shareable(response) -> bool:
    """An answer that is the same for everyone: a 200 with no cookie, no Vary: Cookie, nothing private."""
    if response.status_code != 200 or response.streaming:
        return False
    cache_control = response.get("Cache-Control", "")
    if response.cookies or has_vary_header(response, "Cookie") or any(w in cache_control for w in NOT_SHARED):
        # A public page that touched the session or the CSRF token: a bug to fix, not a page to share.
        logger.warning("A public page was not cached: it set a cookie, varies on Cookie or is private")
        return False
    return True


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (is_anonymous_read(request) and public_page_of(request)):
            return make_private(self.get_response(request))
        if not settings.PAGE_CACHE_ENABLED:
            response = self.get_response(request)
            return make_public(response) if is_shareable(response) else make_private(response)

        key = page_key(request)
        gzipped = accepts_gzip(request)
        wanted = key if gzipped else plain_key(key)
        found = cache.get_many([freshness.GENERATION_KEY, wanted])
        token = freshness.current_token(found.get(freshness.GENERATION_KEY), looked_in_cache=True)
        etag = etag_for(token)
        if client_has(request, etag):
            return not_modified(etag)  # the reader's copy is current: nothing rendered, nothing read
        stored = found.get(wanted)
        if stored is not None and stored[0] == token:
            return stored_answer(stored, gzipped, "hit")
        if not gzipped:
            # No plain copy of this version yet: unpack the gzipped one, once for every such reader.
            packed = cache.get(key)
            if packed is not None and packed[0] == token:
                plain = unpacked(packed)
                cache.set(wanted, plain, timeout=settings.PAGE_CACHE_TIMEOUT)
                return stored_answer(plain, gzipped, "hit")
            stored = packed
        return Render(self.get_response, request, key, token, gzipped).once(stale=stored)


# A lock's value once its render found the page may not be shared: the others then render it themselves.
NOT_SHAREABLE = "not-shareable"


class Render:
    """Rendering one page on a miss, at most once across every process and machine (see the module's
    docstring), and storing it."""

    def __init__(self, get_response, request, key, token, gzipped):
        self.get_response = get_response
        self.request = request
        self.key = key
        self.token = token
        self.gzipped = gzipped
        self.lock = f"{key}:rendering:{token}"
        self.lock_seconds = settings.PAGE_CACHE_RENDER_LOCK_SECONDS

    def once(self, stale):
        """Render, or give the previous version while another request renders, or wait for it.

        ``stale`` is what the cache holds for this address, of an older generation, or None.
        """
        if not self.lock_seconds:
            return self.render(fwd=self.forward(stale))
        taken = self.take_lock()
        if taken is None:  # the cache is unreachable: every request renders, as without a lock
            return self.render(fwd=self.forward(stale))
        if taken:
            return self.render(fwd=self.forward(stale), locked=True)
        holder = cache.get(self.lock)
        if holder == NOT_SHAREABLE:
            return self.render(fwd=self.forward(stale))
        if stale is not None and holder is not None:
            return self.stale_answer(stale)
        return self.wait()

    def take_lock(self):
        """True if this request now holds the render lock, False if another does, None if the cache is down.

        django-redis answers None, not False, when Redis cannot be reached (IGNORE_EXCEPTIONS).
        """
        return cache.add(self.lock, "rendering", timeout=self.lock_seconds)

    @staticmethod
    def forward(stale):
        return "fwd=stale" if stale is not None else "fwd=miss"

    def wait(self):
        """Wait for the request holding the lock to store the page; render it ourselves if it does not."""
        deadline = time.monotonic() + min(settings.PAGE_CACHE_RENDER_WAIT_SECONDS, self.lock_seconds)
        pause = 0.01
        # The holder stores the gzipped page, and the plain one too if its reader asked for that.
        pages = [self.key] if self.gzipped else [plain_key(self.key), self.key]
        while time.monotonic() < deadline:
            time.sleep(pause)
            pause = min(pause * 1.5, 0.1)
            found = cache.get_many([*pages, self.lock])
            for key in pages:
                entry = found.get(key)
                if entry is not None and entry[0] == self.token:
                    if self.gzipped == (key == self.key):
                        return stored_answer(entry, self.gzipped, "fwd=miss; collapsed")
                    return stored_answer(unpacked(entry), self.gzipped, "fwd=miss; collapsed")
            holder = found.get(self.lock)
            if holder == NOT_SHAREABLE:
                break
            if holder is None:  # the render ended without storing the page, or its lock ran out
                taken = self.take_lock()
                if taken or taken is None:
                    return self.render(fwd="fwd=miss; collapsed=?0", locked=bool(taken))
        return self.render(fwd="fwd=miss; collapsed=?0")

    def stale_answer(self, stale):
        """The previous version, while the lock's holder renders the new one: marked stale, and not to be
        kept by browsers or a CDN without asking again."""
        response = stored_answer(
            stale if self.gzipped else unpacked(stale), self.gzipped, "hit; detail=stale"
        )
        response["Cache-Control"] = "public, no-cache"
        return response

    def render(self, *, fwd, locked=False):
        response = self.get_response(self.request)
        if not is_shareable(response):
            if locked:
                # Nobody is to be shown the previous version any more, nor wait for a page never stored.
                cache.delete_many([self.key, plain_key(self.key)])
                cache.set(self.lock, NOT_SHAREABLE, timeout=self.lock_seconds)
            response["Cache-Status"] = f"{CACHE_NAME}; {fwd}"
            return make_private(response)
        make_public(response, etag_for(self.token))
        patch_vary_headers(response, ["Accept-Encoding"])
        headers = {name: value for name, value in response.items() if name.lower() != "content-length"}
        entry = (self.token, response.status_code, headers, compress_string(response.content))
        stored = {self.key: entry}
        if not self.gzipped:
            stored[plain_key(self.key)] = (*entry[:3], response.content)
        cache.set_many(stored, timeout=settings.PAGE_CACHE_TIMEOUT)
        if locked:
            # Those waiting find the page, or, should storing it have failed, render it themselves at once.
            # (A render that outlived its lock frees the next one's early: at worst one more render.)
            cache.delete(self.lock)
        answer = entry if self.gzipped else stored[plain_key(self.key)]
        return stored_answer(answer, self.gzipped, f"{fwd}; stored")
