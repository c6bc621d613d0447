"""The glossary where readers meet it: ``/glossary/`` lists every entry A–Z."""

import hashlib
import logging
from dataclasses import dataclass, field
from itertools import groupby

from ..glossary.words import Matcher, normal_form
from ..models import GlossaryEntry, index_letter

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
        for pk, term, slug, forms, explanation in rows:
            # The services refuse a form for two entries; one written around them must not break pages.
            own = []
            for form in forms:
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
