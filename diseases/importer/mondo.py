"""Parse the Mondo Disease Ontology as cellxgene-ontology-guide ships it: one JSON object, zstandard-compressed.

The object maps each term's id (``MONDO:0009061``) to its ``label``, ``description`` (the
definition), exact ``synonyms``, ``ancestors`` (every ancestor with its distance, 1 for a direct
parent), ``deprecated`` and, for some obsolete terms, ``replaced_by``. The file carries no
cross-references; ``mondo_xrefs`` reads those from another file.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..identifiers import MONDO_ID_RE
from .errors import ImportFileError

VERSION_IN_NAME = re.compile(r"(v\d{4}-\d{2}-\d{2})")
# Mondo also describes diseases of animals; this portal is about people.
NON_HUMAN_ANIMAL_DISEASE = "MONDO:0005583"
# Replacements are followed this many steps at most: a longer chain would be a broken file.
MAX_REPLACEMENTS = 10


@dataclass(slots=True)
class MondoTerm:
    mondo_id: str
    label: str
    definition: str = ""
    synonyms: list = field(default_factory=list)
    ancestors: dict = field(default_factory=dict)  # mondo_id -> distance (1 = direct parent)
    is_obsolete: bool = False
    replaced_by: str = ""

    @property
    def code(self):
        return self.mondo_id.split(":", 1)[1]


@dataclass
class MondoOntology:
    version: str
    terms: dict  # mondo_id -> MondoTerm

    def current(self, mondo_id: str) -> str | None:
        """The live term ``mondo_id`` stands for today, following replacements; None if it has none."""
        for _ in range(MAX_REPLACEMENTS):
            term = self.terms.get(mondo_id)
            if term is None:
                return None
            if not term.is_obsolete:
                return mondo_id
            if not term.replaced_by.startswith("MONDO:"):
                return None
            mondo_id = term.replaced_by
        return None

    def is_human_disease(self, mondo_id: str) -> bool:
        term = self.terms.get(mondo_id)
        return (
            term is not None
            and not term.is_obsolete
            and mondo_id != NON_HUMAN_ANIMAL_DISEASE
            and NON_HUMAN_ANIMAL_DISEASE not in term.ancestors
        )


def version_from_name(path) -> str:
    match = VERSION_IN_NAME.search(Path(path).name)
    return match.group(1) if match else ""


def _load_json(path: Path):
    try:
        if path.suffix == ".zst":
            import zstandard

            with open(path, "rb") as handle, zstandard.ZstdDecompressor().stream_reader(handle) as reader:
                return json.load(reader)
        with open(path, "rb") as handle:
            return json.load(handle)
    except FileNotFoundError:
        raise ImportFileError(path, None, "the file does not exist.") from None
    except (ValueError, EOFError) as error:  # JSON errors, zstandard's ZstdError and truncation
        raise ImportFileError(path, None, f"this is not valid compressed JSON ({error}).") from None
    except OSError as error:
        raise ImportFileError(path, None, f"the file cannot be read ({error.strerror or error}).") from None


def _text(path, mondo_id, entry, key, *, required=False):
    value = entry.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        problem = "has no label." if required else f'"{key}" must be text.'
        raise ImportFileError(path, None, problem, record=mondo_id)
    return " ".join(value.split())


def _term(path, mondo_id, entry) -> MondoTerm:
    if not MONDO_ID_RE.match(mondo_id):
        raise ImportFileError(path, None, "is not a Mondo id such as MONDO:0009061.", record=mondo_id)
    if not isinstance(entry, dict):
        raise ImportFileError(path, None, "must be a JSON object.", record=mondo_id)
    deprecated = entry.get("deprecated", False)
    if not isinstance(deprecated, bool):
        raise ImportFileError(path, None, '"deprecated" must be true or false.', record=mondo_id)
    synonyms = entry.get("synonyms", [])
    if not isinstance(synonyms, list) or not all(isinstance(s, str) for s in synonyms):
        raise ImportFileError(path, None, '"synonyms" must be a list of text.', record=mondo_id)
    ancestors = entry.get("ancestors", {})
    if not isinstance(ancestors, dict) or not all(
        MONDO_ID_RE.match(key) and isinstance(distance, int) and distance > 0
        for key, distance in ancestors.items()
    ):
        raise ImportFileError(
            path, None, '"ancestors" must map Mondo ids to distances (1, 2, ...).', record=mondo_id
        )
    return MondoTerm(
        mondo_id=mondo_id,
        label=_text(path, mondo_id, entry, "label", required=not deprecated),
        definition=_text(path, mondo_id, entry, "description"),
        synonyms=[" ".join(s.split()) for s in synonyms if s.strip()],
        ancestors=ancestors,
        is_obsolete=deprecated,
        replaced_by=_text(path, mondo_id, entry, "replaced_by"),
    )


def parse_mondo(path, version="", progress_stage=None) -> MondoOntology:
    """Read the whole ontology; ``version`` defaults to the release in the file's name (v2026-05-05)."""
    path = Path(path)
    data = _load_json(path)
    if not isinstance(data, dict) or not data:
        raise ImportFileError(path, None, "expected a JSON object of Mondo terms keyed by their ids.")
    if progress_stage is not None:
        progress_stage.total = len(data)
    terms = {}
    for mondo_id, entry in data.items():
        terms[mondo_id] = _term(path, mondo_id, entry)
        if progress_stage is not None:
            progress_stage.advance()
    for term in terms.values():
        for ancestor in term.ancestors:
            if ancestor not in terms:
                raise ImportFileError(
                    path,
                    None,
                    f"names the ancestor {ancestor}, a term not in the file.",
                    record=term.mondo_id,
                )
    version = version or version_from_name(path)
    if not version:
        raise ImportFileError(
            path, None, "the release is unknown: name the file MONDO-ontology-vYYYY-MM-DD.json.zst."
        )
    return MondoOntology(version=version, terms=terms)
