"""Disease names: the key two records must share to be one page, when a name is another again, and
names that fit the columns."""

import re
import unicodedata

from django.utils.text import slugify

from diseases.models import Disease, DiseaseSynonym
from diseases.name_rules import GARD_NAME_LIMIT, SEMANTIC_TAG

NAME_MAX = Disease._meta.get_field("name").max_length
SYNONYM_MAX = DiseaseSynonym._meta.get_field("name").max_length
SLUG_MAX = Disease._meta.get_field("slug").max_length
APOSTROPHES = re.compile(r"['’ʼ`´]")
NOT_WORD = re.compile(r"[\W_]+")
PUNCTUATION = re.compile(r"[^\w\s-]+")


def normalise_name(name: str) -> str:
    """Fold case, accents, punctuation and spacing: "Canale–Smith  Syndrome" == "canale smith syndrome".

    Apostrophes join rather than split, so "Crohn's" and "Crohns" agree.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = APOSTROPHES.sub("", text)
    return " ".join(NOT_WORD.sub(" ", text).split())


def same_name_key(name: str) -> str:
    """The normalised words in any order, without Mondo's "(disease)" tag: OMIM's "Cerebellar ataxia,
    autosomal dominant" and "autosomal dominant cerebellar ataxia (disease)" are one name."""
    return " ".join(sorted(normalise_name(SEMANTIC_TAG.sub(" ", name)).split()))


def is_cut_short(name: str, others) -> bool:
    """Whether ``name`` is one of ``others`` cut at GARD's limit ("... cardiac defect-skeletal ano")."""
    if len(name) != GARD_NAME_LIMIT:
        return False
    start, size = name.casefold(), len(normalise_name(name))
    return any(other.casefold().startswith(start) and len(normalise_name(other)) > size for other in others)


def clean_name(name: str) -> str:
    return " ".join(name.split())


def shorten(text: str, limit: int) -> str:
    """Cut text that is too long at a word boundary and mark the cut with an ellipsis."""
    text = clean_name(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "…"


def disease_name(name: str) -> str:
    return shorten(name, NAME_MAX)


def synonym_name(name: str) -> str:
    return shorten(name, SYNONYM_MAX)


def base_slug(name: str, limit: int = SLUG_MAX) -> str:
    # Punctuation separates words ("a/b" -> "a-b"), except apostrophes ("Crohn's" -> "crohns").
    text = PUNCTUATION.sub(" ", APOSTROPHES.sub("", name))
    return slugify(text)[:limit].strip("-")


def unique_slug(preferred: str, fallback_suffix: str, taken) -> str:
    """``preferred`` if free, else with the record's own suffix, else numbered; never in ``taken``.

    The suffix (such as "omim-601859") keeps the choice stable from one import to the next.
    """
    suffix = slugify(fallback_suffix)
    preferred = preferred[:SLUG_MAX].strip("-") or suffix
    if preferred not in taken:
        return preferred
    stem = preferred[: SLUG_MAX - len(suffix) - 1].strip("-")
    candidate = f"{stem}-{suffix}" if stem else suffix
    number = 2
    while candidate in taken:
        tail = f"-{number}"
        candidate = f"{stem}-{suffix}"[: SLUG_MAX - len(tail)] + tail
        number += 1
    return candidate
