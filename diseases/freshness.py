"""When cached public pages go stale: the site's content generation, and which views are public pages.

Every change to what a public page shows, however it is made, moves one token
(``ContentGeneration``): ``changes`` calls ``content_changed()`` from its signal receivers (admin,
services, revert, the shell), and the import calls it once at the end of its transaction. The token
is written inside the writer's transaction, so it becomes visible with the change it stands for and
never before; its copy in the shared cache is dropped at once and again after commit. Anything
cached (a page in ``portal.pagecache``, the A–Z counts) is stored with the token it was computed
under and used only while that token is current.

A reader that computed something before a commit and stores it after stores it under the old
token, which is no longer current: it is never served. While the cache is unreachable the copy
cannot be dropped; it lives only ``CONTENT_GENERATION_CACHE_SECONDS``, after which the token is read
from the database again.

A view opts in to being cached whole with ``@public_page``: the same answer for every anonymous
reader. Everything else (forms, search, staff pages, previews) stays private.
"""

import hashlib
import secrets
from dataclasses import dataclass
from functools import cache as once
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, transaction
from django.utils import timezone

from .models import ContentGeneration

GENERATION_KEY = "content-generation"
_ROW = 1


def content_changed(using=DEFAULT_DB_ALIAS) -> None:
    """Move the content generation: call inside (or after) any write to what public pages show.

    Within one transaction it moves once, however many rows are written (a cascade signals each),
    and again only if the generation was read in between.
    """
    if _moved_since_last_read(transaction.get_connection(using)):
        return
    token = secrets.token_hex(8)
    updated = (
        ContentGeneration.objects.using(using).filter(pk=_ROW).update(token=token, changed_at=timezone.now())
    )
    if not updated:
        ContentGeneration.objects.using(using).update_or_create(
            pk=_ROW, defaults={"token": token, "changed_at": timezone.now()}
        )
    # Now, so this transaction reads its own token; after commit, so no other reader keeps the old
    # one a moment longer than the old content.
    cache.delete(GENERATION_KEY)
    transaction.on_commit(_forget_copy, using=using)


def _moved_since_last_read(connection) -> bool:
    """Whether this transaction moved the generation and has not read it since.

    Moves and reads leave marks in Django's list of the transaction's on-commit callbacks (the list
    its own tests inspect). A savepoint rolled back takes its marks away with its writes, so a move
    undone by a rollback, or a read made inside one, never hides the next move.
    """
    for _, callback, _ in reversed(connection.run_on_commit):
        if callback is _forget_copy:
            return True
        if callback is _read_mark:
            return False
    return False


def _forget_copy():
    cache.delete(GENERATION_KEY)


def _read_mark():
    """Marks where the generation was read inside a transaction; does nothing on commit."""


def _stored_token(using=DEFAULT_DB_ALIAS) -> str:
    connection = transaction.get_connection(using)
    if connection.in_atomic_block:
        transaction.on_commit(_read_mark, using=using)
    row = ContentGeneration.objects.using(using).filter(pk=_ROW).values_list("token", flat=True).first()
    if row is None:  # a database just created or flushed
        content_changed(using)
        return _stored_token(using)
    return row


def current_token(cached=None, *, looked_in_cache=False) -> str:
    """The generation now: the cache's copy, or the database's.

    A caller that has already read ``GENERATION_KEY`` (with others, in one round trip) passes what it
    found as ``cached``, and ``looked_in_cache=True`` so a missing copy is not asked for twice.
    """
    if cached is None and not looked_in_cache:
        cached = cache.get(GENERATION_KEY)
    if cached is not None:
        return cached
    token = _stored_token()
    if transaction.get_connection().in_atomic_block:
        return token  # possibly not committed: never share it
    cache.add(GENERATION_KEY, token, timeout=settings.CONTENT_GENERATION_CACHE_SECONDS)
    # A writer may have committed and dropped the copy between our read and our add: read again, and
    # drop what we added if it is already old.
    latest = _stored_token()
    if latest != token:
        cache.delete(GENERATION_KEY)
    return latest


def remember(name, compute):
    """``compute()``, kept in the shared cache until the content generation moves."""
    key = f"{name}:{current_token()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=settings.PAGE_CACHE_TIMEOUT)
    return value


@once
def code_release() -> str:
    """What code and templates render the pages: SITE_RELEASE, or a digest of the project's sources.

    Part of every cache key and validator, so a deployment never serves pages made by the old code.
    """
    if settings.SITE_RELEASE:
        return settings.SITE_RELEASE
    digest = hashlib.blake2b(digest_size=6)
    root = Path(settings.BASE_DIR)
    for folder in ("diseases", "portal", "support", "toolbox", "templates", "static"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".html", ".txt", ".css", ".js", ".svg"}:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


# --- Public pages -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicPage:
    """A view whose answer is the same for every anonymous reader; ``query`` names the parameters it
    reads (an address with any other parameter is not cached, so nobody can fill the cache with them)."""

    query: frozenset = frozenset()


def public_page(view=None, *, query=()):
    """Mark a view as a public page, which ``portal.pagecache`` may keep and serve whole.

    ``@public_page`` or ``@public_page(query=["page"])``. Only for views whose answer depends on
    nothing but the address and the content: never on the user, the session, a form or a cookie.
    """

    def mark(view):
        @wraps(view)
        def public(request, *args, **kwargs):
            return view(request, *args, **kwargs)

        public.public_page = PublicPage(frozenset(query))
        return public

    return mark(view) if view is not None else mark
