"""Parse UniProt's disease descriptions as GNU Health ships them (``protein_diseases.xml``).

Each ``<record id="DI-01466">`` has ``<field>`` children: ``disease_name``, ``acronym``,
``mim_reference`` (``MIM:219700``) and ``description``. A few OMIM numbers have two or three
records; the one with the lowest UniProt id is kept, so the choice never varies.
"""

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from .errors import ImportFileError

RECORD_ID = re.compile(r"^DI-\d{5}$")
MIM_REFERENCE = re.compile(r"^MIM:(\d{6})$")


@dataclass(slots=True)
class UniprotDisease:
    record_id: str  # DI-01466
    name: str
    omim: str  # 219700
    description: str


@dataclass
class UniprotDiseases:
    version: str
    by_omim: dict  # "219700" -> UniprotDisease


def _fields(record):
    return {field.get("name"): " ".join((field.text or "").split()) for field in record.iter("field")}


def parse_uniprot(path, version, progress_stage=None) -> UniprotDiseases:
    path = Path(path)
    diseases = {}
    count = 0
    try:
        for _, element in ElementTree.iterparse(path, events=("end",)):
            if element.tag != "record":
                continue
            record_id = element.get("id", "")
            if not RECORD_ID.match(record_id):
                raise ImportFileError(
                    path, None, "is not a UniProt disease id such as DI-01466.", record=record_id or "?"
                )
            fields = _fields(element)
            element.clear()
            match = MIM_REFERENCE.match(fields.get("mim_reference", ""))
            if not match:
                raise ImportFileError(path, None, "has no OMIM number (MIM:nnnnnn).", record=record_id)
            if not fields.get("description") or not fields.get("disease_name"):
                raise ImportFileError(path, None, "has no disease name or description.", record=record_id)
            count += 1
            disease = UniprotDisease(record_id, fields["disease_name"], match.group(1), fields["description"])
            kept = diseases.get(disease.omim)
            if kept is None or disease.record_id < kept.record_id:
                diseases[disease.omim] = disease
            if progress_stage is not None:
                progress_stage.advance()
    except FileNotFoundError:
        raise ImportFileError(path, None, "the file does not exist.") from None
    except ElementTree.ParseError as error:
        line, _ = error.position
        raise ImportFileError(path, line, f"this is not well-formed XML ({error.msg}).") from None
    if not count:
        raise ImportFileError(path, None, "the file holds no disease records.")
    return UniprotDiseases(version=version, by_omim=diseases)
