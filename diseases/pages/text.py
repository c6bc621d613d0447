"""Words and snippets every page shares: the notice, plain text from editors' Markdown, descriptions."""

import html
import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst

from ..markup import CITATION_MARKER, render_markdown

NOTICE = "General information about a rare disease, not medical advice about any one person."
# Search engines show about this many characters of a description.
DESCRIPTION_LENGTH = 160
# The structured data names a page's most frequent symptoms, not all of a table that may run to 300.


def plain_text(source) -> str:
    """Editor Markdown as one line of plain text, without citation markers: for descriptions and cards."""
    if not source:
        return ""
    rendered = render_markdown(CITATION_MARKER.sub("", source))
    return " ".join(html.unescape(strip_tags(rendered)).split())


def plain_words(summary, sentences) -> str:
    """A page in plain words as one text: our editors' summary (Markdown), else the sentences made from
    its facts (their texts, from ``Disease.plain_summary``); empty when it has neither."""
    return plain_text(summary) or " ".join(sentence for sentence in sentences if sentence)


def shorten(text, length) -> str:
    """``text`` cut at a word boundary to at most ``length`` characters, with an ellipsis if cut."""
    return Truncator(text).chars(length)


def script_json(data):
    """``data`` as JSON safe inside a ``<script>`` element: no "<", ">" or "&" that could close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def everyday_name(phenotype) -> str:
    """A symptom in plain words: its first everyday name, or its medical name when it has none."""
    names = phenotype.lay_names
    return capfirst(names[0]) if names else phenotype.name
