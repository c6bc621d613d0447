"""Parse the HPO ontology in OBO 1.2 format (hp.obo): HP terms only."""

import re
from dataclasses import dataclass, field

from diseases.identifiers import HPO_ID_RE
from diseases.models import PhenotypeSynonym

from .errors import ImportFileError
from .reading import read_lines

QUOTED = re.compile(r'^"((?:[^"\\]|\\.)*)"\s*(.*)$')
ESCAPES = {"n": "\n", "t": "\t", "W": " "}
SCOPES = set(PhenotypeSynonym.Scope.values)
LAY_SYNONYM_TYPE = "layperson"


@dataclass(slots=True)
class TermSynonym:
    name: str
    scope: str
    is_lay: bool


@dataclass(slots=True)
class Term:
    hpo_id: str
    line: int
    name: str = ""
    definition: str = ""
    parents: list = field(default_factory=list)  # (hpo_id, line) pairs
    synonyms: list = field(default_factory=list)
    is_obsolete: bool = False
    replaced_by: str = ""
    replaced_by_line: int = 0


@dataclass
class Ontology:
    version: str
    terms: dict  # hpo_id -> Term, in file order


def unescape(text):
    return re.sub(r"\\(.)", lambda match: ESCAPES.get(match.group(1), match.group(1)), text)


def quoted_text(path, number, value, tag):
    """The text between the quotes of ``tag: "..." rest``, and the rest."""
    match = QUOTED.match(value)
    if not match:
        raise ImportFileError(path, number, f'the {tag} must be text in double quotes ("...").')
    return unescape(match.group(1)).strip(), match.group(2)


def first_token(value):
    # OBO allows trailing "! comment" and "{modifiers}" after a value.
    return value.split(maxsplit=1)[0] if value.strip() else ""


class _TermReader:
    def __init__(self, path):
        self.path = path
        self.version = ""
        self.terms = {}
        self.term = None  # the [Term] stanza being read, or None in the header or other stanzas
        self.in_header = True

    def read(self, progress_stage=None):
        for number, line in read_lines(self.path, progress_stage):
            if not line.strip() or line.startswith("!"):
                continue
            if line.startswith("["):
                self.start_stanza(number, line.strip())
                continue
            tag, separator, value = line.partition(":")
            if not separator or not tag or " " in tag:
                raise ImportFileError(self.path, number, 'expected a "tag: value" line.')
            value = value.strip()
            if self.in_header:
                if tag == "data-version":
                    # "hp/releases/2025-01-16" -> "2025-01-16"
                    self.version = value.rstrip("/").rsplit("/", 1)[-1]
            elif self.term is not None:
                self.read_tag(number, tag, value)
        self.finish_term()
        self.check()
        return Ontology(version=self.version, terms=self.terms)

    def start_stanza(self, number, header):
        if not header.endswith("]"):
            raise ImportFileError(self.path, number, "a stanza header must look like [Term].")
        if self.in_header and not self.version:
            raise ImportFileError(
                self.path, number, "the header has no data-version line, so the release is unknown."
            )
        self.in_header = False
        self.finish_term()
        self.term = Term(hpo_id="", line=number) if header == "[Term]" else None

    def read_tag(self, number, tag, value):
        term = self.term
        if tag == "id":
            term.hpo_id = first_token(value)
        elif tag == "name":
            term.name = value
        elif tag == "def":
            term.definition = quoted_text(self.path, number, value, "definition")[0]
        elif tag == "is_a":
            parent = first_token(value)
            if parent.startswith("HP:"):
                term.parents.append((parent, number))
        elif tag == "synonym":
            name, rest = quoted_text(self.path, number, value, "synonym")
            words = rest.split()
            if not words or words[0] not in SCOPES:
                raise ImportFileError(
                    self.path, number, "a synonym needs a scope: EXACT, RELATED, BROAD or NARROW."
                )
            synonym_type = words[1] if len(words) > 1 and not words[1].startswith("[") else ""
            if name:
                term.synonyms.append(TermSynonym(name, words[0], synonym_type == LAY_SYNONYM_TYPE))
        elif tag == "is_obsolete":
            term.is_obsolete = value == "true"
        elif tag == "replaced_by":
            term.replaced_by, term.replaced_by_line = first_token(value), number

    def finish_term(self):
        term, self.term = self.term, None
        if term is None:
            return
        if not term.hpo_id:
            raise ImportFileError(self.path, term.line, "this [Term] has no id.")
        if not term.hpo_id.startswith("HP:"):
            return  # other ontologies' terms are not part of the HPO
        if not HPO_ID_RE.match(term.hpo_id):
            raise ImportFileError(
                self.path, term.line, f'"{term.hpo_id}" is not an HPO id (they look like HP:0001744).'
            )
        if not term.name:
            raise ImportFileError(self.path, term.line, f"the term {term.hpo_id} has no name.")
        if term.hpo_id in self.terms:
            raise ImportFileError(self.path, term.line, f"the term {term.hpo_id} appears twice.")
        self.terms[term.hpo_id] = term

    def check(self):
        if self.in_header:
            raise ImportFileError(self.path, None, "the file holds no [Term] stanzas.")
        if not self.terms:
            raise ImportFileError(self.path, None, "the file holds no HPO terms.")
        # A reference to a term the file does not define usually means the file was cut short.
        for term in self.terms.values():
            for parent, number in term.parents:
                if parent not in self.terms:
                    raise ImportFileError(
                        self.path, number, f"{term.hpo_id} is_a {parent}, a term not in the file."
                    )
            if term.replaced_by and term.replaced_by not in self.terms:
                raise ImportFileError(
                    self.path,
                    term.replaced_by_line,
                    f"{term.hpo_id} is replaced_by {term.replaced_by}, a term not in the file.",
                )


def parse_obo(path, progress_stage=None) -> Ontology:
    return _TermReader(path).read(progress_stage)
