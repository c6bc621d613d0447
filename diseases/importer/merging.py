"""Turn the parsed files into the target state: one ``DiseasePlan`` per portal page. No database here.

Records are the GARD entries and the HPO annotation records (Orphanet, OMIM, DECIPHER). Records that
describe one disease become one page:

- Mondo says so: records that Mondo cross-references to the same term are one disease. A
  cross-reference that several Mondo terms share is ignored. A GARD entry no term cross-references
  is tied to the one Mondo term whose name or exact synonym is its name, where only one is; failing
  that, to the one term whose name or synonym in the cross-references' (older) release is.
- Their names say so: an HPO record joins the GARD entry whose name, or else whose only matching
  synonym, has the same normalised name (a synonym shared by several GARD entries joins nothing);
  records with the same normalised name join each other.

Where Mondo and a name disagree, a GARD entry keeps the records that share its name, as it always
has (ALPS keeps OMIM's record of its commonest type, which Mondo files as a subtype): the page stays
the GARD entry's Mondo term's, and names the other term too. Elsewhere Mondo wins: two GARD entries,
or records without one, never join by name across Mondo terms. A page with at least one GARD entry is
named after its lowest GARD id; otherwise after its best record.
Where several records annotate the same term, one row wins (``annotation_rank``). Pages of Mondo
terms find their families through Mondo's hierarchy (``family_keys``).
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from diseases.identifiers import Source
from diseases.models import DiseaseCharacteristic, DiseaseDefinition, ExternalIdentifier
from diseases.name_rules import is_name_of
from diseases.plain.vocabulary import MONDO_KINDS, MONDO_SYSTEMS

from .gard import GardEntry
from .hpoa import HpoaRecord
from .names import (
    base_slug,
    clean_name,
    disease_name,
    is_cut_short,
    normalise_name,
    same_name_key,
    synonym_name,
)

GARD = Source.GARD.value
MONDO = Source.MONDO.value
OMIM = Source.OMIM.value
JoinedBy = ExternalIdentifier.JoinedBy
# Cross-references of a page's Mondo term kept as its identifiers, beside its own records.
XREF_IDENTIFIERS = {Source.OMIM.value, Source.ORPHA.value, Source.DECIPHER.value, Source.DOID.value}
# How far up Mondo's hierarchy a page looks for the group it belongs to.
FAMILY_DISTANCE = 3
# The broad groups of Mondo the plain summary names: what kind of condition, of which part of the body.
NAMED_GROUPS = set(MONDO_KINDS) | set(MONDO_SYSTEMS)
WORD = re.compile(r"[A-Za-z0-9-]+")
# Mondo's roots say nothing about a disease: every one is filed under them.
ROOT_GROUPS = {"MONDO:0000001", "MONDO:0700096", "MONDO:0021125", "MONDO:0042489"}
# Orphanet's curated frequencies are preferred to OMIM's, then DECIPHER's.
SOURCE_RANK = {"ORPHA": 0, "OMIM": 1, "DECIPHER": 2}


@dataclass(slots=True)
class AnnotationPlan:
    hpo_id: str
    band: int
    frequency: str
    is_excluded: bool
    source_record: str
    evidence: str
    onset: str
    pubmed_references: str


@dataclass
class DiseasePlan:
    key: str  # the record that names the page: "GARD:8686" or "ORPHA:3261"
    name: str
    slug: str  # preferred; the writer makes it unique
    gard_id: int | None = None
    identifiers: list = field(default_factory=list)  # (source, code, label)
    synonyms: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    annotations: dict = field(default_factory=dict)  # hpo_id -> AnnotationPlan
    joined_by: dict = field(default_factory=dict)  # (source, code) -> JoinedBy: why it is on this page
    mondo_id: str = ""
    definitions: list = field(default_factory=list)  # (source, source_record, text), preferred first
    genes: dict = field(default_factory=dict)  # ncbi_gene_id -> (symbol, source_record, is_main)
    characteristics: list = field(default_factory=list)  # (kind, hpo_id, source_record)
    parent_keys: list = field(default_factory=list)  # keys of the pages of its group
    classification: list = field(default_factory=list)  # (mondo_id, label) of its direct Mondo parents
    kinds: list = field(default_factory=list)  # (mondo_id, label) of the broad groups the plain summary names
    other_mondo_ids: list = field(default_factory=list)  # terms of records it took in by name

    @property
    def slug_suffix(self):
        return self.key.replace(":", "-").lower()


def code_order(code: str):
    return (0, int(code), "") if code.isdigit() else (1, 0, code)


def record_order(record):
    return (SOURCE_RANK.get(record.source, len(SOURCE_RANK)), code_order(record.code))


def annotation_rank(record, annotation):
    """Lower wins: a reported feature over an exclusion, a frequency over none, Orphanet over OMIM
    over DECIPHER, then the more frequent band, then file order so the result never varies."""
    return (
        annotation.is_excluded,
        annotation.frequency == "",
        SOURCE_RANK.get(record.source, len(SOURCE_RANK)),
        annotation.band,
        code_order(record.code),
        annotation.line,
    )


def merged_annotations(records) -> dict:
    best = {}
    for record in records:
        for annotation in record.annotations:
            rank = annotation_rank(record, annotation)
            current = best.get(annotation.hpo_id)
            if current is None or rank < current[0]:
                best[annotation.hpo_id] = (rank, record, annotation)
    return {
        hpo_id: AnnotationPlan(
            hpo_id=hpo_id,
            band=annotation.band,
            frequency=annotation.frequency,
            is_excluded=annotation.is_excluded,
            source_record=record.curie,
            evidence=annotation.evidence,
            onset=annotation.onset,
            pubmed_references=annotation.pubmed_references,
        )
        for hpo_id, (_, record, annotation) in best.items()
    }


def other_names(name, candidates):
    """The candidates that are names of the disease (``diseases.name_rules``), whole, and not ``name``
    or each other again (``same_name_key``), in order."""
    seen = {same_name_key(name)}
    names = []
    for candidate in candidates:
        key = same_name_key(candidate)
        if (
            key
            and key not in seen
            and is_name_of(candidate, name)
            and not is_cut_short(candidate, candidates)
        ):
            seen.add(key)
            names.append(synonym_name(candidate))
    return names


@dataclass
class Sources:
    """The parsed files a merge reads; the Mondo, UniProt and gene files may be left out (tests do)."""

    catalogue: object
    hpoa: object
    mondo: object = None  # mondo.MondoOntology
    xrefs: object = None  # mondo_xrefs.MondoXrefs
    uniprot: object = None  # uniprot.UniprotDiseases
    genes: object = None  # genes.GeneLinks


class Components:
    """Union-find over records and Mondo terms.

    Each component has at most one Mondo term of its own; a GARD entry's component may also absorb,
    by name, records of other terms (``absorbed``).
    """

    def __init__(self):
        self.parent = {}
        self.mondo = {}  # root -> its Mondo term, or ""
        self.has_gard = {}  # root -> whether a GARD entry is in it
        self.absorbed = {}  # root -> the other Mondo terms it took in by name

    def add(self, node, mondo_id="", *, gard=False):
        if node not in self.parent:
            self.parent[node] = node
            self.mondo[node] = mondo_id
            self.has_gard[node] = gard
            self.absorbed[node] = set()

    def find(self, node):
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a, b, *, absorb=False) -> bool:
        """Join the components of ``a`` and ``b``; two Mondo terms only when ``absorb`` lets a GARD entry's
        component take in one without a GARD entry."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        mondo_a, mondo_b = self.mondo[root_a], self.mondo[root_b]
        if mondo_a and mondo_b and mondo_a != mondo_b:
            if not absorb or self.has_gard[root_a] == self.has_gard[root_b]:
                return False
            if self.has_gard[root_b]:
                root_a, root_b, mondo_a, mondo_b = root_b, root_a, mondo_b, mondo_a
            self.absorbed[root_a] |= {mondo_b}
            mondo_b = ""
        self.parent[root_b] = root_a
        self.mondo[root_a] = mondo_a or mondo_b
        self.has_gard[root_a] = self.has_gard[root_a] or self.has_gard[root_b]
        self.absorbed[root_a] |= self.absorbed[root_b]
        return True


def gard_index(entries):
    by_name, by_synonym = defaultdict(list), defaultdict(set)
    for entry in entries:
        by_name[normalise_name(entry.name)].append(entry)
        for synonym in entry.synonyms:
            by_synonym[normalise_name(synonym)].add(entry.gard_id)
    return by_name, by_synonym


def mondo_name_indexes(mondo, xrefs) -> list[dict]:
    """Normalised name -> the live human-disease terms that carry it: first by the ontology's labels and
    exact synonyms, then by the names and (exact or related) synonyms of the cross-references' release."""
    current = defaultdict(set)
    for mondo_id, term in mondo.terms.items():
        if mondo.is_human_disease(mondo_id):
            for name in [term.label, *term.synonyms]:
                current[normalise_name(name)].add(mondo_id)
    older = defaultdict(set)
    for mondo_id, names in xrefs.names.items() if xrefs is not None else ():
        live = mondo.current(mondo_id)
        if live is not None and mondo.is_human_disease(live):
            for name in names:
                older[normalise_name(name)].add(live)
    return [current, older]


class Merger:
    def __init__(self, sources: Sources):
        self.sources = sources
        self.entries = sorted(sources.catalogue.entries, key=lambda entry: entry.gard_id)
        self.records = list(sources.hpoa.records.values())
        self.components = Components()
        self.own_mondo = {}  # node -> (mondo_id, JoinedBy) for records Mondo ties to a term
        self.xref_owner = (
            sources.xrefs.resolve(sources.mondo) if sources.xrefs is not None and sources.mondo else {}
        )
        self.xrefs_of = defaultdict(list)  # mondo_id -> its cross-references, sorted
        for xref, owner in sorted(self.xref_owner.items()):
            self.xrefs_of[owner].append(xref)

    def merge(self) -> list[DiseasePlan]:
        self.tie_to_mondo()
        self.join_by_name()
        plans = [self.plan(members, mondo_id, absorbed) for members, mondo_id, absorbed in self.groups()]
        self.link_families(plans)
        return plans

    # Joining -----------------------------------------------------------------------------------------
    def tie_to_mondo(self):
        indexes = mondo_name_indexes(self.sources.mondo, self.sources.xrefs) if self.sources.mondo else []
        for entry in self.entries:
            node = f"{GARD}:{entry.gard_id}"
            mondo_id = self.xref_owner.get((GARD, str(entry.gard_id)))
            reason = JoinedBy.MONDO
            # Its name first, then its other names; in the ontology's names first, then the older ones.
            for name in [entry.name, *entry.synonyms]:
                for names in indexes:
                    matches = names.get(normalise_name(name), ()) if mondo_id is None else ()
                    if len(matches) == 1:
                        mondo_id, reason = next(iter(matches)), JoinedBy.MONDO_NAME
            self._add(node, mondo_id, reason, gard=True)
        for record in self.records:
            self._add(record.curie, self.xref_owner.get((record.source, record.code)), JoinedBy.MONDO)

    def _add(self, node, mondo_id, reason, *, gard=False):
        self.components.add(node, gard=gard)
        if mondo_id:
            self.own_mondo[node] = (mondo_id, reason)
            self.components.add(mondo_id, mondo_id)
            self.components.union(mondo_id, node)

    def join_by_name(self):
        by_name, by_synonym = gard_index(self.entries)
        same_name = defaultdict(list)
        for record in self.records:
            key = normalise_name(record.name)
            if key in by_name:
                gard_node = f"{GARD}:{min(entry.gard_id for entry in by_name[key])}"
                self.components.union(gard_node, record.curie, absorb=True)
            elif len(by_synonym.get(key, ())) == 1:
                self.components.union(f"{GARD}:{next(iter(by_synonym[key]))}", record.curie, absorb=True)
            same_name[key].append(record)
        for records in same_name.values():
            for record in records[1:]:
                self.components.union(records[0].curie, record.curie)

    def groups(self):
        """(members, mondo_id) per component: members are GARD entries, then records, in their order."""
        members = defaultdict(list)
        for entry in self.entries:
            members[self.components.find(f"{GARD}:{entry.gard_id}")].append(entry)
        for record in self.records:
            members[self.components.find(record.curie)].append(record)
        return [
            (group, self.components.mondo[root], sorted(self.components.absorbed[root]))
            for root, group in members.items()
        ]

    # Building a page ------------------------------------------------------------------------------
    def plan(self, members, mondo_id, absorbed=()) -> DiseasePlan:
        entries = [member for member in members if isinstance(member, GardEntry)]
        records = sorted((member for member in members if isinstance(member, HpoaRecord)), key=record_order)
        if entries:
            first = entries[0]
            key, full_name, slug = f"{GARD}:{first.gard_id}", first.name, first.slug or base_slug(first.name)
        else:
            first = records[0]
            key, full_name, slug = first.curie, first.name, base_slug(first.name)
        name = disease_name(full_name)
        plan = DiseasePlan(key=key, name=name, slug=slug, mondo_id=mondo_id or "")
        plan.gard_id = entries[0].gard_id if entries else None

        for entry in entries:
            plan.identifiers.append((GARD, str(entry.gard_id), synonym_name(entry.name)))
            plan.joined_by[(GARD, str(entry.gard_id))] = self._reason(
                f"{GARD}:{entry.gard_id}", key, mondo_id
            )
        for record in records:
            plan.identifiers.append((record.source, record.code, synonym_name(record.name)))
            plan.joined_by[(record.source, record.code)] = self._reason(record.curie, key, mondo_id)
        if mondo_id:
            # The term is on the page through a cross-reference, or else through a GARD entry's name.
            nodes = [f"{GARD}:{entry.gard_id}" for entry in entries] + [record.curie for record in records]
            by_reference = any(self.own_mondo.get(node) == (mondo_id, JoinedBy.MONDO) for node in nodes)
            self._add_mondo(plan, mondo_id, JoinedBy.MONDO if by_reference else JoinedBy.MONDO_NAME)
        for other in absorbed:
            self._add_mondo(plan, other, JoinedBy.NAME)
        plan.other_mondo_ids = list(absorbed)

        # A name cut to fit keeps its full form among the other names.
        candidates = [full_name] if name != clean_name(full_name) else []
        for entry in entries:
            candidates += [entry.name, *entry.synonyms]
        candidates += [record.name for record in records]
        term = self.sources.mondo.terms.get(mondo_id) if mondo_id else None
        if term is not None:
            candidates += [term.label, *term.synonyms]
        plan.synonyms = other_names(name, candidates)
        plan.categories = list(dict.fromkeys(c for entry in entries for c in entry.categories))
        plan.annotations = merged_annotations(records)
        plan.definitions = self._definitions(plan, term)
        plan.genes = self._genes(records, plan.definitions)
        plan.characteristics = self._characteristics(records)
        return plan

    def _reason(self, node, key, mondo_id):
        if node == key:
            return JoinedBy.SOURCE
        own = self.own_mondo.get(node)
        if own is not None and own[0] == mondo_id:
            return own[1]
        return JoinedBy.NAME

    def _add_mondo(self, plan, mondo_id, reason):
        term = self.sources.mondo.terms[mondo_id]
        plan.identifiers.append((MONDO, term.code, synonym_name(term.label)))
        plan.joined_by[(MONDO, term.code)] = reason
        present = {(source, code) for source, code, _ in plan.identifiers}
        for source, code in self.xrefs_of[mondo_id]:
            if source in XREF_IDENTIFIERS and (source, code) not in present:
                plan.identifiers.append((source, code, ""))
                plan.joined_by[(source, code)] = JoinedBy.MONDO

    def _definitions(self, plan, term):
        definitions = []
        if term is not None and term.definition:
            definitions.append((DiseaseDefinition.Source.MONDO.value, term.mondo_id, term.definition))
        uniprot = self.sources.uniprot
        if uniprot is not None:
            for source, code, _ in plan.identifiers:
                found = uniprot.by_omim.get(code) if source == OMIM else None
                if found is not None:
                    definitions.append(
                        (DiseaseDefinition.Source.UNIPROT.value, found.record_id, found.description)
                    )
        return definitions

    def _genes(self, records, definitions):
        """Each gene with the first record naming it, and whether it is one of the page's main genes.

        The files do not say whether a gene causes the disease or only modifies it (cystic fibrosis
        lists CFTR and 19 modifiers). Where a definition names genes, those are the main ones;
        otherwise the genes every gene-naming record of the page names. The page lists the others apart.
        """
        links = self.sources.genes
        if links is None:
            return {}
        named = [links.by_record[record.curie] for record in records if record.curie in links.by_record]
        first, counts = {}, defaultdict(int)
        for record in records:
            for ncbi_gene_id, symbol in links.by_record.get(record.curie, {}).items():
                first.setdefault(ncbi_gene_id, (symbol, record.curie))
                counts[ncbi_gene_id] += 1
        words = {word for _, _, text in definitions for word in WORD.findall(text)}
        defined = {ncbi_gene_id for ncbi_gene_id, (symbol, _) in first.items() if symbol in words}
        return {
            ncbi_gene_id: (
                symbol,
                source_record,
                ncbi_gene_id in defined if defined else counts[ncbi_gene_id] == len(named),
            )
            for ncbi_gene_id, (symbol, source_record) in first.items()
        }

    @staticmethod
    def _characteristics(records):
        seen, rows = set(), []
        for record in records:
            for kind, hpo_ids in (
                (DiseaseCharacteristic.Kind.INHERITANCE, record.inheritance),
                (DiseaseCharacteristic.Kind.ONSET, record.onset),
            ):
                for hpo_id in hpo_ids:
                    if (kind, hpo_id) not in seen:
                        seen.add((kind, hpo_id))
                        rows.append((kind.value, hpo_id, record.curie))
        return rows

    # Families -------------------------------------------------------------------------------------
    def link_families(self, plans):
        """Each Mondo page's parents: the nearest pages up its Mondo hierarchy, within FAMILY_DISTANCE."""
        mondo = self.sources.mondo
        if mondo is None:
            return
        page_of = {
            mondo_id: plan.key
            for plan in plans
            for mondo_id in [plan.mondo_id, *plan.other_mondo_ids]
            if mondo_id
        }
        for plan in plans:
            if plan.mondo_id:
                ancestors = mondo.terms[plan.mondo_id].ancestors
                plan.parent_keys = family_keys(ancestors, page_of, plan.key)
                plan.classification = [
                    (mondo_id, mondo.terms[mondo_id].label)
                    for mondo_id, distance in sorted(ancestors.items())
                    if distance == 1 and mondo_id not in ROOT_GROUPS
                ]
                plan.kinds = [
                    (mondo_id, mondo.terms[mondo_id].label)
                    for mondo_id, _ in sorted(ancestors.items(), key=lambda item: (item[1], item[0]))
                    if mondo_id in NAMED_GROUPS
                ]


def family_keys(ancestors: dict, page_of: dict, own_key: str) -> list:
    by_distance = defaultdict(list)
    for mondo_id, distance in ancestors.items():
        if distance <= FAMILY_DISTANCE and mondo_id in page_of and page_of[mondo_id] != own_key:
            by_distance[distance].append(page_of[mondo_id])
    if not by_distance:
        return []
    return sorted(set(by_distance[min(by_distance)]))


def merge(catalogue, hpoa, **optional) -> list[DiseasePlan]:
    """The pages the files describe; ``optional`` are the other ``Sources`` (mondo, xrefs, uniprot, genes)."""
    return Merger(Sources(catalogue, hpoa, **optional)).merge()
