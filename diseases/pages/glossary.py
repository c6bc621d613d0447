"""The glossary where readers meet it: on a disease page, the first use of each glossary word opens its
explanation; ``/glossary/`` lists every entry A–Z; and the share of technical words on published pages
that the glossary explains.

A word opens its explanation without JavaScript: it becomes a ``<button popovertarget>`` and the
explanation a ``popover`` element right after it, which the browser opens on a click, a tap, Enter or
Space, and closes on Escape, a tap elsewhere or the explanation's own Close button. A browser without
popovers shows the explanation after the word instead.
"""

import hashlib
import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Count
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from ..glossary.words import Matcher, count_technical_words, normal_form
from ..models import Annotation, Disease, DiseaseDefinition, GlossaryEntry, index_letter

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Explanation:
    """An entry as pages show it."""

    pk: int
    term: str
    slug: str
    forms: tuple[str, ...]
    explanation: str

    @property
    def title(self) -> str:
        """The term as a heading: "Tetralogy of Fallot", "EEG"."""
        return self.term[:1].upper() + self.term[1:]


class Glossary:
    """Every entry, read in one query (``current``), with one matcher for all their forms.

    Built once per set of entries and kept in the process (``_BUILT``), keyed by ``version``, a digest
    of everything pages show of the entries: the matcher's regular expression is compiled once per
    change to the glossary, not once per page.
    """

    def __init__(self, rows, version: str):
        self.version = version
        claimed: dict[str, int] = {}
        entries = []
        for pk, term, slug, forms_json, explanation in rows:
            # The services refuse a form for two entries; one written around them must not break pages.
            own = []
            for form in json.loads(forms_json):
                owner = claimed.setdefault(normal_form(form), pk)
                if owner == pk:
                    own.append(form)
                else:
                    logger.warning("Glossary form %r of %r is another entry's too; left out", form, term)
            entries.append(Explanation(pk, term, slug, tuple(own), explanation))
        self.entries: tuple[Explanation, ...] = tuple(entries)
        self.matcher = Matcher(self.entries)

    @classmethod
    def current(cls) -> "Glossary":
        """The glossary as it is now: one query, and a matcher built only when the entries changed."""
        rows = tuple(GlossaryEntry.objects.for_pages())
        version = hashlib.blake2b(repr(rows).encode(), digest_size=16).hexdigest()
        glossary = _BUILT.get(version)
        if glossary is None:
            glossary = cls(rows, version)
            if len(_BUILT) >= 4:
                _BUILT.clear()
            _BUILT[version] = glossary
        return glossary

    def for_page(self) -> "PageGlossary":
        return PageGlossary(self)

    def a_to_z(self) -> list["LetterEntries"]:
        """The entries under their A–Z letters (terms starting with a digit under "0-9"), in term order."""
        ordered = sorted(self.entries, key=lambda entry: (index_letter(entry.term), entry.term.casefold()))
        return [
            LetterEntries(letter, list(entries))
            for letter, entries in groupby(ordered, key=lambda entry: index_letter(entry.term))
        ]


_BUILT: dict[str, Glossary] = {}


@dataclass
class LetterEntries:
    letter: str
    entries: list = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"letter-{self.letter.lower()}"


EXPLAINED_WORD = (
    '<button type="button" class="glossary-word" popovertarget="{id}">{word}</button>'
    '<span class="glossary-tip" id="{id}" popover>'
    '<strong class="glossary-tip-term">{title}</strong> {explanation} '
    '<a href="{url}">More in the glossary</a> '
    '<button type="button" class="glossary-tip-close" popovertarget="{id}" popovertargetaction="hide">'
    "Close</button></span>"
)


class PageGlossary:
    """One page's explanations: ``mark`` is called on each of the page's texts in page order (the
    template's ``explained`` filter does it as the page renders), and explains in each text the first
    use on the page of each glossary word; later uses stay plain."""

    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        self.explained: list[Explanation] = []  # in page order
        self._seen: set[int] = set()
        self._address = reverse("diseases:glossary")

    def mark(self, text: str) -> SafeString:
        """Plain ``text``, escaped, with its glossary words not yet explained on this page as buttons
        that open their explanations. Only our own markup is added to the escaped text."""
        text = str(text)
        pieces, position = [], 0
        for start, end, entry in self.glossary.matcher.uses(text):
            if entry.pk in self._seen:
                continue
            self._seen.add(entry.pk)
            self.explained.append(entry)
            pieces.append(escape(text[position:start]))
            pieces.append(
                format_html(
                    EXPLAINED_WORD,
                    id=f"glossary-{entry.slug}",
                    word=text[start:end],
                    title=entry.title,
                    explanation=entry.explanation,
                    url=f"{self._address}#{entry.slug}",
                )
            )
            position = end
        pieces.append(escape(text[position:]))
        return mark_safe("".join(pieces))  # every piece is escaped, or built by format_html


# --- Coverage ----------------------------------------------------------------------------------


@dataclass
class WordCounts:
    """Technical-word uses on published pages, where the glossary is measured: each page's definition
    (its first one not hidden, as the page shows it) and the names in its symptom table."""

    counts: Counter
    definitions: int
    symptom_rows: int


def page_word_counts() -> WordCounts:
    """Count technical words over every published page's definition and symptom names, streaming rows."""
    published = Disease.objects.published()
    definitions = list(_first_definitions(published))
    counts = count_technical_words(definitions)
    symptom_rows = 0
    # A symptom name is read once on every page that lists it: count each name once, then weigh it.
    names = (
        Annotation.objects.filter(is_hidden=False, disease__in=published)
        .values("phenotype_id")
        .annotate(rows=Count("pk"))
        .order_by()
        .values_list("phenotype__name", "rows")
    )
    for name, rows in names.iterator():
        symptom_rows += rows
        for word, uses in count_technical_words([name]).items():
            counts[word] += uses * rows
    return WordCounts(counts, len(definitions), symptom_rows)


def _first_definitions(published):
    """The definition readers see on each published page: its first that is not hidden."""
    rows = (
        DiseaseDefinition.objects.filter(is_hidden=False, disease__in=published)
        .order_by("disease_id", "position", "pk")
        .values_list("disease_id", "text")
    )
    previous = None
    for disease_id, text in rows.iterator():
        if disease_id != previous:
            previous = disease_id
            yield text
