"""Parse the HPO disease annotations (phenotype.hpoa): one record per disease, with its rows.

Only rows of the "P" (phenotypic abnormality) and "H" (past medical history) aspects become symptom
rows. The other aspects describe the disease rather than a sign a person has: its inheritance ("I",
e.g. autosomal dominant) and its onset and course ("C") are kept apart on the record and shown as
such; modifiers ("M") are left out. Listing any of them as symptoms would mislead.
"""

import sys
from dataclasses import dataclass, field

from diseases.identifiers import HPO_ID_RE, parse_curie
from diseases.models import Annotation

from .errors import ImportFileError
from .frequency import frequency_band
from .reading import read_lines

SYMPTOM_ASPECTS = {"P", "H"}
ASPECTS = {"P", "H", "I", "C", "M"}
REQUIRED_COLUMNS = [
    "database_id",
    "disease_name",
    "qualifier",
    "hpo_id",
    "reference",
    "evidence",
    "onset",
    "frequency",
    "aspect",
]
PUBMED_MAX = Annotation._meta.get_field("pubmed_references").max_length
EVIDENCE_MAX = Annotation._meta.get_field("evidence").max_length
FREQUENCY_MAX = Annotation._meta.get_field("frequency").max_length


@dataclass(slots=True)
class HpoaAnnotation:
    hpo_id: str
    band: int
    is_excluded: bool
    frequency: str
    evidence: str
    onset: str
    pubmed_references: str
    line: int


@dataclass(slots=True)
class HpoaRecord:
    source: str
    code: str
    name: str
    line: int
    annotations: list = field(default_factory=list)
    inheritance: list = field(default_factory=list)  # HPO ids of aspect I rows, in file order
    onset: list = field(default_factory=list)  # HPO ids of aspect C rows: onset and course

    @property
    def curie(self):
        return f"{self.source}:{self.code}"


@dataclass
class HpoaFile:
    version: str
    records: dict  # curie -> HpoaRecord, in file order


def pubmed_references(reference_column: str) -> str:
    """The PMID: entries, ';'-joined, keeping whole entries that fit the column."""
    kept, length = [], 0
    for entry in reference_column.split(";"):
        entry = entry.strip()
        if not entry.startswith("PMID:"):
            continue
        extra = len(entry) + (1 if kept else 0)
        if length + extra > PUBMED_MAX:
            break
        kept.append(entry)
        length += extra
    return ";".join(kept)


class _HpoaReader:
    def __init__(self, path, known_terms):
        self.path = path
        self.known_terms = known_terms
        self.version = ""
        self.columns = None
        self.records = {}

    def fail(self, number, problem):
        raise ImportFileError(self.path, number, problem)

    def read(self, progress_stage=None):
        for number, line in read_lines(self.path, progress_stage):
            if self.columns is None:
                self.read_header(number, line)
            elif line.strip():
                self.read_row(number, line)
        if self.columns is None:
            self.fail(None, "the column header line (database_id, disease_name, ...) is missing.")
        if not self.version:
            self.fail(None, "the #version: header is missing, so the release is unknown.")
        if not self.records:
            self.fail(None, "the file holds no annotations.")
        return HpoaFile(version=self.version, records=self.records)

    def read_header(self, number, line):
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            if key.strip() == "version":
                self.version = value.strip()
            return
        names = line.split("\t")
        missing = [name for name in REQUIRED_COLUMNS if name not in names]
        if missing:
            self.fail(number, f"the column header lacks {', '.join(missing)}.")
        self.columns = {name: names.index(name) for name in REQUIRED_COLUMNS}
        self.width = len(names)

    def read_row(self, number, line):
        cells = line.split("\t")
        if len(cells) != self.width:
            self.fail(number, f"expected {self.width} tab-separated columns, found {len(cells)}.")
        column = self.columns
        database_id = cells[column["database_id"]].strip()
        record_id = parse_curie(database_id)
        if record_id is None:
            self.fail(number, f'"{database_id}" is not a disease id such as ORPHA:3261 or OMIM:601859.')
        hpo_id = cells[column["hpo_id"]].strip()
        if not HPO_ID_RE.match(hpo_id):
            self.fail(number, f'"{hpo_id}" is not an HPO id (they look like HP:0001744).')
        if self.known_terms is not None and hpo_id not in self.known_terms:
            self.fail(number, f"{hpo_id} is not a term of the HPO release being imported.")
        qualifier = cells[column["qualifier"]].strip()
        if qualifier not in ("", "NOT"):
            self.fail(number, f'the qualifier must be empty or NOT, not "{qualifier}".')
        aspect = cells[column["aspect"]].strip()
        if aspect not in ASPECTS:
            self.fail(number, f'the aspect must be one of P, H, I, C or M, not "{aspect}".')
        raw_frequency = cells[column["frequency"]].strip()
        try:
            band, excluded_by_frequency = frequency_band(raw_frequency)
        except ValueError as error:
            self.fail(number, str(error))
        if len(raw_frequency) > FREQUENCY_MAX:
            self.fail(number, f"the frequency is longer than {FREQUENCY_MAX} characters.")
        evidence = cells[column["evidence"]].strip()
        if len(evidence) > EVIDENCE_MAX:
            self.fail(number, f'"{evidence}" is not an evidence code such as TAS, PCS or IEA.')
        onset = cells[column["onset"]].strip()
        if onset and not HPO_ID_RE.match(onset):
            self.fail(number, f'the onset "{onset}" is not an HPO id.')
        name = cells[column["disease_name"]].strip()
        if not name:
            self.fail(number, f"{database_id} has no disease name.")

        record = self.records.get(database_id)
        if record is None:
            record = self.records[database_id] = HpoaRecord(
                source=record_id.source, code=record_id.code, name=name, line=number
            )
        if qualifier != "NOT" and aspect in ("I", "C"):
            kept = record.inheritance if aspect == "I" else record.onset
            if hpo_id not in kept:
                kept.append(sys.intern(hpo_id))
        if aspect in SYMPTOM_ASPECTS:
            record.annotations.append(
                HpoaAnnotation(
                    hpo_id=sys.intern(hpo_id),
                    band=band,
                    is_excluded=qualifier == "NOT" or excluded_by_frequency,
                    frequency=sys.intern(raw_frequency),
                    evidence=sys.intern(evidence),
                    onset=sys.intern(onset),
                    pubmed_references=pubmed_references(cells[column["reference"]]),
                    line=number,
                )
            )


def parse_hpoa(path, known_terms=None, progress_stage=None) -> HpoaFile:
    """Read the file; ``known_terms`` (a container of HPO ids) rejects rows naming unknown terms."""
    return _HpoaReader(path, known_terms).read(progress_stage)
