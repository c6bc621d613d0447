"""Each disease page's HTML, kept under a key that changes whenever anything the page shows changes."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import prefetch_related_objects

from ..cards import card_for
from ..freshness import code_release
from ..models import DataRelease, Disease, page_row_lookups
from .disease import DiseasePage
from .glossary import Glossary


def body_key(disease, releases, glossary) -> str | None:
    """A key that changes whenever anything the page of ``disease`` shows changes, or None.

    ``disease`` is its full row with ``with_family()``. The key names: the row itself (a digest of
    every column), its ``page_changed_at`` (moved by every change to its own rows: names, symptoms,
    genes, references and the rest, see ``diseases.signals``), the names and addresses of its
    published groups and types and when each type last changed, the data releases it credits, the
    glossary (its ``version``, a digest of every entry), its share card and the code. So a change made
    anywhere else leaves it, and the page's HTML with it, as it was.
    """
    if not settings.PAGE_BODY_CACHE_ENABLED or disease.page_changed_at is None:
        return None
    family = (
        [(parent.pk, parent.name, parent.slug) for parent in disease.parents.all()],
        # The types' dates too: a group shows the symptoms, genes and inheritance its types record.
        [
            (
                subtype.pk,
                subtype.name,
                subtype.slug,
                subtype.page_changed_at,
                [(t.pk, t.name, t.slug, t.page_changed_at) for t in subtype.subtypes.all()],
            )
            for subtype in disease.subtypes.all()
        ],
    )
    card = card_for(disease)
    shown = (
        [getattr(disease, column.attname) for column in Disease._meta.concrete_fields],
        family,
        sorted((release.source, release.version, release.loaded_at) for release in releases.values()),
        glossary.version,
        card.url if card else None,  # its share card, once drawn, replaces the site's
    )
    digest = hashlib.blake2b(repr(shown).encode(), digest_size=16).hexdigest()
    return f"disease-page:{code_release()}:{disease.pk}:{digest}"


def disease_page_html(disease, render) -> str:
    """The HTML of a published page: kept under ``body_key``, or ``render(DiseasePage)`` when it moved.

    ``disease`` comes with ``with_family()`` only; its own rows are read only when it must be rendered.
    A whole-site change (the content generation, see ``diseases.freshness``) thus re-renders only
    the pages whose own content changed. A change to the glossary moves every page's key: each page
    explains its words as the glossary does now.
    """
    releases = DataRelease.objects.by_source()
    glossary = Glossary.current()
    key = body_key(disease, releases, glossary)
    html = cache.get(key) if key else None
    if html is None:
        prefetch_related_objects([disease], *page_row_lookups())
        html = render(DiseasePage.build(disease, releases, glossary))
        if key:
            cache.set(key, html, timeout=settings.PAGE_CACHE_TIMEOUT)
    return html
