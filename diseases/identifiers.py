"""Identifiers of diseases and symptoms in other databases: the one place they are written and parsed.

HPO ids (``HP:0001744``) name symptoms; ORPHA, OMIM, GARD, DECIPHER and MONDO codes name diseases.
Everything that checks or reads an identifier (models, URLs, the importer, search, the admin and
the API) uses the pattern and the parsers here. This module imports nothing of the app.
"""

import re
from dataclasses import dataclass

from django.core.validators import RegexValidator
from django.db import models
from django.urls.converters import SlugConverter

# A page's address on the site, as ``<slug:...>`` in the URLs matches it (Django's own pattern).
SLUG_PATTERN = SlugConverter.regex
SLUG_RE = re.compile(rf"^{SLUG_PATTERN}\Z")

# An HGNC gene symbol, such as CFTR or HLA-DRB1.
GENE_SYMBOL_PATTERN = r"[A-Za-z0-9][A-Za-z0-9.@-]{0,39}"
GENE_SYMBOL_RE = re.compile(rf"^{GENE_SYMBOL_PATTERN}\Z")

# The HPO id pattern, written once; ``(?i:...)`` variants accept it in any case.
HPO_ID_PATTERN = r"HP:\d{7}"
HPO_ID_RE = re.compile(rf"^{HPO_ID_PATTERN}\Z")
HPO_ID_ANY_CASE_RE = re.compile(rf"^(?i:{HPO_ID_PATTERN})\Z")
HPO_ID_MESSAGE = "An HPO id looks like HP:0001744."
HPO_ID_VALIDATOR = RegexValidator(rf"^{HPO_ID_PATTERN}$", HPO_ID_MESSAGE)
HPO = "HP"

# A Mondo term, such as MONDO:0009061: its code is always seven digits.
MONDO_CODE_PATTERN = r"\d{7}"
MONDO_ID_RE = re.compile(rf"^MONDO:{MONDO_CODE_PATTERN}\Z")
MONDO_CODE_RE = re.compile(rf"^{MONDO_CODE_PATTERN}\Z")


class Source(models.TextChoices):
    """The databases whose disease identifiers pages carry (``ExternalIdentifier.source``)."""

    ORPHA = "ORPHA", "Orphanet"
    OMIM = "OMIM", "OMIM"
    GARD = "GARD", "GARD"
    DECIPHER = "DECIPHER", "DECIPHER"
    MONDO = "MONDO", "Mondo"
    DOID = "DOID", "Disease Ontology"


# How people write each source's prefix; HP and HPO name symptoms.
PREFIXES = {
    "orphanet": Source.ORPHA,
    "orpha": Source.ORPHA,
    "omim": Source.OMIM,
    "mim": Source.OMIM,
    "gard": Source.GARD,
    "decipher": Source.DECIPHER,
    "mondo": Source.MONDO,
    "doid": Source.DOID,
    "hpo": HPO,
    "hp": HPO,
}
# Lenient: "orpha 3261", "OMIM#601859", "mondo_0008438", "hp:1744".
LENIENT_RE = re.compile(
    rf"^(?P<prefix>{'|'.join(PREFIXES)})\s*[:_ #-]?\s*(?P<code>\d{{1,9}})$", re.IGNORECASE
)
NUMBER_RE = re.compile(r"^\d{1,9}$")
# Strict: SOURCE:CODE exactly as the pages and the API write it.
CODE_PATTERN = r"[0-9A-Za-z._-]{1,30}"
CURIE_PATTERN = rf"(?:{'|'.join(Source.values)}):{CODE_PATTERN}"
CURIE_RE = re.compile(rf"^(?P<source>{'|'.join(Source.values)}):(?P<code>{CODE_PATTERN})\Z")


@dataclass(frozen=True)
class Identifier:
    """``source`` is a ``Source`` value, or ``HPO`` for a symptom."""

    source: str
    code: str

    @property
    def curie(self):
        return f"{self.source}:{self.code}"

    @property
    def is_symptom(self):
        return self.source == HPO


def parse_identifier(text: str, *, bare_number_source: str | None = Source.GARD) -> Identifier | None:
    """What a reader types: ORPHA:3261, OMIM 601859, GARD:8686, hp:1744 or, by default, a bare GARD number.

    Codes lose their leading zeros (MONDO:0008438 becomes MONDO 8438; see ``code_variants``); HPO ids
    get their seven digits back.
    """
    text = (text or "").strip()
    if NUMBER_RE.match(text):
        return Identifier(bare_number_source, str(int(text))) if bare_number_source else None
    match = LENIENT_RE.match(text)
    if not match:
        return None
    source, code = PREFIXES[match["prefix"].lower()], match["code"]
    if source == HPO:
        return Identifier(HPO, f"{int(code):07d}") if len(code) <= 7 else None
    return Identifier(source, str(int(code)))


def parse_curie(text: str) -> Identifier | None:
    """SOURCE:CODE exactly, as data files and API clients write it; None for anything else."""
    match = CURIE_RE.match(text or "")
    return Identifier(match["source"], match["code"]) if match else None


def parse_hpo_id(text: str) -> str | None:
    """``HP:0001744`` in any case, upper-cased; None for anything else."""
    text = (text or "").strip()
    return text.upper() if HPO_ID_ANY_CASE_RE.match(text) else None


def code_variants(code: str) -> list[str]:
    """A code as sources write it, with and without leading zeros (MONDO:0008438, ORPHA:3261)."""
    return sorted({code, code.zfill(7), code.zfill(6)})
