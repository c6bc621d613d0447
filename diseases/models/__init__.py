"""The disease catalogue's tables, one module per concept; import them from here.

Modules refer to each other in one direction (import-linter checks it), and name models of a
module above them by string in foreign keys:

- ``common``: who owns a row (``Origin``), a page's status and its one gate (``published_condition``),
  page addresses;
- ``catalogue``: a page's own rows (categories, other names, identifiers, definitions, family,
  references, resources);
- ``terms``: HPO terms, symptom rows (``Annotation``), inheritance and onset;
- ``genes``: genes and their links to diseases;
- ``editorial``: pending revisions and scheduled (un)publishing;
- ``glossary``: the glossary's entries, plain-word explanations of medical words;
- ``derived``: data releases loaded, search rows, the matching index, the content generation;
- ``disease``: ``Disease`` itself, with each screen's read as a named queryset method.
"""

from .catalogue import (
    PUBMED_ID_VALIDATOR,
    Category,
    DiseaseClassification,
    DiseaseDefinition,
    DiseaseFamily,
    DiseaseKind,
    DiseaseRedirect,
    DiseaseSynonym,
    ExternalIdentifier,
    Reference,
    Resource,
)
from .common import Origin, PageStatus, page_address, published_condition
from .derived import ContentGeneration, DataRelease, SearchTerm, SearchWord, SimilarityIndex
from .disease import (
    EDIT_PERMISSION,
    PUBLISH_PERMISSION,
    Disease,
    index_letter,
    page_row_lookups,
    symptom_table_lookups,
)
from .editorial import PENDING_STATUSES, DiseaseRevision, RevisionStatus, ScheduledTransition
from .genes import DiseaseGene, Gene
from .glossary import (
    GLOSSARY_ADD_PERMISSION,
    GLOSSARY_CHANGE_PERMISSION,
    GLOSSARY_DELETE_PERMISSION,
    GlossaryEntry,
)
from .terms import Annotation, DiseaseCharacteristic, Phenotype, PhenotypeSynonym, listed_symptom

__all__ = [
    "EDIT_PERMISSION",
    "GLOSSARY_ADD_PERMISSION",
    "GLOSSARY_CHANGE_PERMISSION",
    "GLOSSARY_DELETE_PERMISSION",
    "PUBLISH_PERMISSION",
    "PENDING_STATUSES",
    "PUBMED_ID_VALIDATOR",
    "Annotation",
    "Category",
    "ContentGeneration",
    "DataRelease",
    "Disease",
    "DiseaseCharacteristic",
    "DiseaseClassification",
    "DiseaseDefinition",
    "DiseaseFamily",
    "DiseaseGene",
    "DiseaseKind",
    "DiseaseRedirect",
    "DiseaseRevision",
    "DiseaseSynonym",
    "ExternalIdentifier",
    "Gene",
    "GlossaryEntry",
    "Origin",
    "PageStatus",
    "Phenotype",
    "PhenotypeSynonym",
    "Reference",
    "Resource",
    "RevisionStatus",
    "ScheduledTransition",
    "SearchTerm",
    "SearchWord",
    "SimilarityIndex",
    "index_letter",
    "listed_symptom",
    "page_address",
    "page_row_lookups",
    "published_condition",
    "symptom_table_lookups",
]
