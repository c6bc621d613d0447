"""The A–Z index: every published disease under its letter on one page, grouped by its first two letters.

A letter's page lists all its diseases (GARD's way), so any page is two clicks from the home page: the
letter, then the name. The groups ("Ab", "Ac", ...) give the long letters jump links, so a reader who
knows how a name starts skips straight to it. ``scripts/bench_pages.py`` measures the biggest letter.
"""

import unicodedata
from dataclasses import dataclass, field
from itertools import groupby

from .freshness import remember
from .models import Disease


def letter_counts() -> dict[str, int]:
    """Published pages per A–Z letter, counted once per content generation (home and index show them)."""
    return remember("letter-counts", Disease.objects.published().letter_counts)


def _initials(name: str) -> str:
    """The name's first two letters or digits, accents and case set aside: "Émery-Dreifuss" gives "em"."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    return "".join(char for char in plain if char.isalnum())[:2]


@dataclass
class LetterGroup:
    initials: str  # folded, such as "ab"
    diseases: list = field(default_factory=list)

    @property
    def label(self):
        return self.initials[:1].upper() + self.initials[1:]

    @property
    def anchor(self):
        return f"names-{self.initials}"


def letter_groups(diseases) -> list[LetterGroup]:
    """``diseases`` (with ``name`` and ``slug``) grouped by their first two letters, each group in name order.

    Sorted here rather than by the database, so SQLite and PostgreSQL (whatever its collation) give
    the same order, and "A-T" files under "At" with "Ataxia" rather than before "Aarskog".
    """
    keyed = sorted(
        ((_initials(disease.name), disease.name.casefold(), disease) for disease in diseases),
        key=lambda row: (row[0], row[1], row[2].pk),
    )
    return [
        LetterGroup(initials, [disease for _, _, disease in rows])
        for initials, rows in groupby(keyed, key=lambda row: row[0])
    ]
