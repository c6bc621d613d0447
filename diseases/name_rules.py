"""Texts the sources list as names of a disease that are not names of it.

Mondo's labels and exact synonyms and OMIM's titles in phenotype.hpoa also carry records about a
disease: "cystic fibrosis lung disease, modifier of" is OMIM's record of genes that change cystic
fibrosis, not another name for it. (GARD's names and synonyms, and Orphanet's and DECIPHER's titles,
carry none in the packaged releases.) The importer keeps such texts out of a page's other names and
the search index does not find a page by them. The records stay on the page, with their labels, as
records it is built on.

Each rule below was found in the real data; tests/diseases/test_name_rules.py gives a real example
of each, and names that must pass. A page whose own name uses a rule's word is that record ("Autism,
susceptibility to, 3"), so there the rule does not apply.

Two more rules compare a name with the page's other names, so the importer applies them
(``importer.names``): a name that is another again in a different order or with Mondo's "(disease)"
tag (``SEMANTIC_TAG``), and a GARD name cut short (``GARD_NAME_LIMIT``).

Nothing here imports the app: the importer and the search index both read it.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    why: str
    word: re.Pattern | None = None  # a page whose own name has this word keeps such names

    def rejects(self, text: str, page_name: str) -> bool:
        return bool(self.pattern.search(text)) and not (self.word and self.word.search(page_name))


def _rule(name, pattern, why, word=None) -> Rule:
    word = re.compile(word, re.IGNORECASE) if word else None
    return Rule(name, re.compile(pattern, re.IGNORECASE), why, word)


RULES = (
    _rule(
        "modifier",
        r"\bmodifier\b",
        "OMIM's record of genes that change a disease is not that disease.",
        word=r"\bmodifier\b",
    ),
    _rule(
        "susceptibility",
        # "X, susceptibility to, 1"; "X susceptibility 3", "X susceptibility, ...", "X susceptibility to"
        # at the end; "susceptibility to X 1". Not "Mendelian susceptibility to mycobacterial diseases".
        r",\s*susceptibility to\b"
        r"|\bsusceptibility(?: to)?(?=$|,|\s+(?:type\s+)?\d|\s+X-linked)"
        r"|^susceptibility to\b.*\d\w*$",
        "OMIM's record of a gene that raises the risk of a disease is not the disease.",
        word=r"\bsusceptib",
    ),
    _rule(
        "protection",
        r",\s*(?:protection against|resistance to|reduced risk of)\b",
        "OMIM's record of a gene that lowers the risk of a disease is not the disease.",
        word=r"\b(?:protect|resist)",
    ),
    _rule(
        "response",
        r",\s*(?:response to\b.*\bin|association with|reduced survival in)\b",
        "OMIM's record of how a drug works in a disease, or of what goes with it, is not the disease.",
    ),
    _rule(
        "somatic",
        r",\s*somatic\b",
        "OMIM's record of changes found only in a tumour or some cells is not the disease as inherited.",
        word=r"\bsomatic\b",
    ),
    _rule(
        "included",
        r",\s*included$",
        "phenotype.hpoa runs an OMIM title and one it includes into one text, which names nothing.",
    ),
    _rule(
        "flagged",
        r"\[(?:ambiguous|obs|dup)\]",
        "SNOMED CT, where Mondo took the term, marks it ambiguous, obsolete or a duplicate.",
    ),
    _rule(
        "morphology",
        r"\(morphologic abnormality\)",
        "SNOMED CT's name for the change seen in the tissue is not the name of the disease.",
    ),
    _rule("identifier", r"^[A-Z]+:\d+$", "An identifier is not a name."),
)

# Mondo's tag for the sense of a word that is a disease: "choriocarcinoma (disease)" is "Choriocarcinoma".
SEMANTIC_TAG = re.compile(r"\s*\((?:disease|disorder)\)", re.IGNORECASE)
# GARD's list cuts names at this many characters ("... cardiac defect-skeletal ano").
GARD_NAME_LIMIT = 80


def rejecting_rule(text: str, page_name: str = "") -> Rule | None:
    """The rule by which ``text`` is not a name of the page called ``page_name``, or None."""
    return next((rule for rule in RULES if rule.rejects(text, page_name)), None)


def is_name_of(text: str, page_name: str = "") -> bool:
    return rejecting_rule(text, page_name) is None
