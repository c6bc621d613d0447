"""Editor Markdown to safe HTML: the only place editor text becomes markup.

Editors write Markdown and cite references as ``[1]`` or ``[1, 3]``. The HTML
produced here is sanitised by one nh3 allowlist, and it is the only editor
output that templates ever mark safe.

Pages keep the HTML of their texts (``rendered_texts``, stored when the text is saved), each with a
digest of the text it was made from and the renderer's version; ``stored_or_rendered`` uses it only
while both still match, so an outdated or missing copy is never shown. ``manage.py
rerender_markdown`` renders every page again after a change here (raise ``RENDERER_VERSION``).
"""

import hashlib
import re
from functools import lru_cache

import markdown
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "sup",
    "sub",
    "code",
    "pre",
    "h3",
    "h4",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id", "class"},
    "sup": {"class"},
    "th": {"scope"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
# Raise with any change to what the HTML of a given text is; stored HTML of another version is
# rendered again.
RENDERER_VERSION = 1

# "[1]" or "[1, 2]" or "[1–3]", but not a Markdown link "[text](url)" or "[1]: url".
CITATION_MARKER = re.compile(r"\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\](?![(:\[])")


def cited_numbers(source: str) -> list[int]:
    """Reference numbers a text cites, in first-cited order, ranges expanded."""
    numbers: list[int] = []
    for match in CITATION_MARKER.finditer(source or ""):
        for number in _expand(match.group(1)):
            if number not in numbers:
                numbers.append(number)
    return numbers


def _expand(marker: str) -> list[int]:
    numbers = []
    for part in re.split(r"\s*,\s*", marker):
        bounds = re.split(r"\s*[–-]\s*", part)
        if len(bounds) == 2 and int(bounds[0]) <= int(bounds[1]) <= int(bounds[0]) + 50:
            numbers.extend(range(int(bounds[0]), int(bounds[1]) + 1))
        else:
            numbers.extend(int(b) for b in bounds)
    return numbers


def _link_citations(source: str, anchor_prefix: str) -> str:
    def replace(match):
        links = ", ".join(
            f'<a href="#ref-{n}" id="{anchor_prefix}-cite-{n}" class="citation">{n}</a>'
            for n in _expand(match.group(1))
        )
        return f'<sup class="citations">[{links}]</sup>'

    return CITATION_MARKER.sub(replace, source)


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


@lru_cache(maxsize=4096)
def _render(source: str, anchor_prefix: str) -> str:
    html = markdown.markdown(
        _link_citations(source, anchor_prefix), extensions=["sane_lists"], output_format="html"
    )
    return sanitise_html(html)


def render_markdown(source: str, anchor_prefix: str = "text"):
    """Render editor Markdown to sanitised HTML, safe to put in a page.

    ``anchor_prefix`` keeps citation anchors unique when several sections of
    one page cite the same reference. Results are cached by their input.
    """
    if not source or not source.strip():
        return mark_safe("")
    return mark_safe(_render(source, anchor_prefix))  # noqa: S308 - sanitised by nh3 above


def _digest(source: str) -> str:
    return hashlib.blake2b(source.encode(), digest_size=16).hexdigest()


def rendered_texts(texts: dict[str, str]) -> dict:
    """The HTML of each non-empty text in ``{anchor prefix: Markdown}``, to store beside the texts."""
    return {
        "renderer": RENDERER_VERSION,
        "texts": {
            key: {"digest": _digest(source), "html": str(render_markdown(source, anchor_prefix=key))}
            for key, source in texts.items()
            if source and source.strip()
        },
    }


def stored_or_rendered(stored: dict, key: str, source: str):
    """The HTML of ``source`` from ``stored`` (``rendered_texts``) when it was made from this very text
    by this renderer; rendered now otherwise."""
    kept = (
        (stored or {}).get("texts", {}).get(key)
        if (stored or {}).get("renderer") == RENDERER_VERSION
        else None
    )
    if kept is not None and source and kept["digest"] == _digest(source):
        return mark_safe(kept["html"])  # noqa: S308 - made by render_markdown, sanitised by nh3
    return render_markdown(source, anchor_prefix=key)


def is_current(stored: dict, texts: dict[str, str]) -> bool:
    """Whether ``stored`` is exactly ``rendered_texts(texts)``, without rendering anything."""
    wanted = {key: _digest(source) for key, source in texts.items() if source and source.strip()}
    kept = (stored or {}).get("texts", {})
    if not wanted and not kept:
        return True  # nothing written, nothing to show: any renderer agrees
    return (stored or {}).get("renderer") == RENDERER_VERSION and wanted == {
        key: value["digest"] for key, value in kept.items()
    }
