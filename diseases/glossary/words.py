"""Which words of a medical text are technical, how often they occur, and where a glossary explains them.

Pure functions over plain strings: nothing here reads the database or imports Django, so the page
rendering, the report command and the tests share one definition of "a technical word" and of "a use".
"""

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Protocol

from wordfreq import zipf_frequency

# A word is technical when its Zipf frequency in English (log10 of uses per billion words: 3 is once
# per million words, 4 ten times) is below 4.0. The scale's authors (van Heuven et al., 2014) read 1-3
# as low-frequency words and 4-7 as high-frequency ones; wordfreq's English mixes subtitles, books,
# news, Wikipedia and the web, so below 4 is roughly "not met week by week by a 12-year-old".
# Checked on the words this glossary is for: seizure 3.74, anemia 3.17, autosomal 2.62 and
# hypoplasia 2.07 fall below; kidney 4.03, heart 5.31, short 5.33 and child 5.30 stay above.
# A threshold of 3.5 would pass seizure, cardiac (3.84) and inherited (3.91), which a parent should
# have explained; 4.5 would flag kidney, liver (4.18), fever (4.22) and bone (4.47).
ZIPF_THRESHOLD = 4.0

# Where frequency misleads, listed in the singular (a plural follows its singular). Everyday words
# that general English seldom writes down, mostly parts of the body and what children go through:
# below the threshold, yet known to a 12-year-old.
EVERYDAY = frozenset(
    {
        "absent",
        "ankle",
        "armpit",
        "bellybutton",
        "blindness",
        "bruise",
        "bruising",
        "cheek",
        "chin",
        "cough",
        "diarrhea",
        "dimple",
        "elbow",
        "eyebrow",
        "eyelash",
        "eyelid",
        "fingernail",
        "forehead",
        "headache",
        "heel",
        "horizontal",
        "jaw",
        "knuckle",
        "nostril",
        "puberty",
        "rash",
        "rib",
        "scalp",
        "sibling",
        "spine",
        "swelling",
        "thigh",
        "thumb",
        "toe",
        "toenail",
        "tongue",
        "triangular",
        "urine",
        "vomiting",
        "wrist",
    }
)

# Words common in general English in another sense, or common in news and science writing, whose
# medical sense a child would not know.
TECHNICAL = frozenset(
    {
        "acute",
        "chronic",
        "cognitive",
        "concentration",
        "disorder",
        "dominant",
        "gene",
        "genetic",
        "motor",
        "progressive",
        "syndrome",
        "tissue",
        "x-linked",
        "y-linked",
    }
)

# A run of letters and digits with apostrophes inside ("Parkinson's"), and hyphens joining runs.
_COMPOUND = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:[-‐‑][^\W_]+(?:['’][^\W_]+)*)*")
_HYPHENS = re.compile(r"[-‐‑]")
_POSSESSIVE = re.compile(r"['’]s$")
_SINGLE_LETTER = re.compile(r"[^\W\d_]")


def tokenize(text: str) -> list[str]:
    """The words of ``text``, lower-cased, in order.

    Hyphenated words are split into their parts ("non-progressive" gives "non", "progressive"),
    except where a part is a single letter, which means nothing alone: "X-linked" and "T-cell" stay
    whole. A possessive "'s" is dropped. Tokens with a digit ("COL1A1", "22q11") and tokens of one or
    two letters are left out.
    """
    words = []
    for match in _COMPOUND.finditer(text.lower()):
        compound = match.group()
        parts = _HYPHENS.split(compound)
        if len(parts) > 1 and any(_SINGLE_LETTER.fullmatch(part) for part in parts):
            parts = ["-".join(parts)]
        for part in parts:
            word = _POSSESSIVE.sub("", part)
            if len(word) > 2 and not any(char.isdigit() for char in word):
                words.append(word)
    return words


def _singulars(word: str) -> list[str]:
    """Candidate singulars of a plural, so that "kidneys" is as everyday as "kidney"."""
    if word.endswith("ies"):
        return [word[:-3] + "y"]
    if word.endswith("es"):
        return [word[:-1], word[:-2]]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return [word[:-1]]
    return []


@lru_cache(maxsize=65536)
def is_technical(word: str) -> bool:
    """Whether ``word`` (a word as ``tokenize`` gives it) is one a 12-year-old would not know."""
    word = word.lower()
    forms = [word, *_singulars(word)]
    if any(form in EVERYDAY for form in forms):
        return False
    if any(form in TECHNICAL for form in forms):
        return True
    return max(zipf_frequency(form, "en") for form in forms) < ZIPF_THRESHOLD


def count_technical_words(texts: Iterable[str]) -> Counter:
    """How many times each technical word is used across ``texts``."""
    counts = Counter()
    for text in texts:
        counts.update(word for word in tokenize(text) if is_technical(word))
    return counts


class HasForms(Protocol):
    forms: Sequence[str]


def normal_form(form: str) -> str:
    """A form as the matcher keys it: case-folded, with any run of spaces or hyphens as one space."""
    return " ".join(_HYPHENS.sub(" ", form.casefold()).split())


def explained_words(entries: Iterable[HasForms]) -> frozenset[str]:
    """The single words that some entry explains: its forms without a space that ``tokenize`` reads
    as one word ("x-linked" is one; "x linked" and "cone-shaped" are not)."""
    words = set()
    for entry in entries:
        for form in entry.forms:
            tokens = tokenize(form)
            if len(tokens) == 1 and not any(char.isspace() for char in form):
                words.add(tokens[0])
    return frozenset(words)


def coverage(counter: Counter, entries: Iterable[HasForms]) -> float:
    """The share of technical-word uses in ``counter`` that an entry explains (0.0 when there are none).

    Only single-word forms count: a two-word form such as "cleft palate" explains those words
    together, not "palate" wherever it appears.
    """
    total = sum(counter.values())
    if not total:
        return 0.0
    explained = explained_words(entries)
    return sum(count for word, count in counter.items() if word in explained) / total


# Any run of spaces and hyphens between the words of a form: "autosomal recessive" also matches
# "autosomal-recessive" and a line break.
_SEPARATOR = r"[\s\-‐‑]+"


def _trie_pattern(forms: Iterable[str]) -> str:
    """One regular expression for all ``forms`` (normalised), as a trie of their characters.

    A trie keeps matching linear in the text however many forms there are, and because each branch
    is greedy and optional, the longest form that fits at a position is tried first.
    """
    trie: dict = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        ends_here = "" in node
        branches = [
            (_SEPARATOR if char == " " else re.escape(char)) + pattern(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends_here else body

    return pattern(trie)


class Matcher:
    """Finds where entries' forms are used in a text: one compiled regular expression over all forms.

    Build one per set of entries and keep it (``matcher_for`` does); matching is then one pass over
    the text.
    """

    def __init__(self, entries: Iterable[HasForms]):
        self.entries = tuple(entries)
        self.entry_for: dict[str, HasForms] = {}
        for entry in self.entries:
            for form in entry.forms:
                normal = normal_form(form)
                claimed = self.entry_for.setdefault(normal, entry)
                if claimed is not entry:
                    raise ValueError(f"The form {form!r} belongs to two entries.")
        body = _trie_pattern(self.entry_for) if self.entry_for else "(?!)"
        self.regex = re.compile(rf"\b(?:{body})\b", re.IGNORECASE)

    def uses(self, text: str) -> Iterable[tuple[int, int, HasForms]]:
        """Every use of a form in ``text``, in order, longest form first, never overlapping."""
        for match in self.regex.finditer(text):
            # None only for letters that match without case but fold to another (the long s "ſ").
            entry = self.entry_for.get(normal_form(match.group()))
            if entry is not None:
                yield match.start(), match.end(), entry

    def first_uses(self, text: str) -> list[tuple[int, int, HasForms]]:
        """Each entry's first use in ``text`` as ``(start, end, entry)``, in text order."""
        seen = set()
        spans = []
        for start, end, entry in self.uses(text):
            if id(entry) not in seen:
                seen.add(id(entry))
                spans.append((start, end, entry))
        return spans


_MATCHERS: dict[int, tuple[Sequence[HasForms], Matcher]] = {}


def matcher_for(entries: Sequence[HasForms]) -> Matcher:
    """The ``Matcher`` for ``entries``, built on the first call with them and kept.

    Keyed by identity, not by value: hashing hundreds of entries on every call would cost more than
    the match. Pass the same sequence each time (``ENTRIES``).
    """
    cached = _MATCHERS.get(id(entries))
    if cached is None or cached[0] is not entries:
        if len(_MATCHERS) >= 16:
            _MATCHERS.clear()
        cached = _MATCHERS[id(entries)] = (entries, Matcher(entries))
    return cached[1]


def first_uses(text: str, entries: Sequence[HasForms]) -> list[tuple[int, int, HasForms]]:
    """Each entry's first use in ``text`` as ``(start, end, entry)`` spans, in text order.

    Case does not matter; a form matches only as whole words; where forms overlap, the longest one
    that starts first wins, and the words it covers are not matched again.
    """
    return matcher_for(entries).first_uses(text)
