"""One import: check the files, parse them all, merge, write the difference in one transaction, re-index."""

import time

from django.db import connection, transaction
from django.utils import timezone

from diseases.bulk import batched
from diseases.freshness import content_changed
from diseases.matching import build_similarity_index
from diseases.models import Annotation, DataRelease, Disease, DiseaseCharacteristic
from diseases.plain.build import build_summaries, summaries_exist
from diseases.search import indexes_are_stale, rebuild_search_index

from .gard import parse_gard
from .genes import parse_genes
from .hgnc import parse_hgnc
from .hpoa import parse_hpoa
from .load_annotations import load_annotations
from .load_diseases import load_diseases
from .load_genes import load_genes
from .load_page_facts import (
    load_characteristics,
    load_classifications,
    load_definitions,
    load_families,
    load_kinds,
)
from .load_terms import load_terms, remove_terms
from .merging import merge
from .mondo import parse_mondo
from .mondo_xrefs import parse_mondo_xrefs
from .obo import parse_obo
from .orphans import remove_orphans
from .progress import Progress
from .releases import is_loaded, record_releases
from .sources import SourceFile
from .summary import Summary
from .uniprot import parse_uniprot

Source = DataRelease.Source
# The keyword each source's file is given by, to import_data and to the command (--obo, --mondo, ...).
FILE_OPTIONS = {
    "obo": Source.HPO,
    "hpoa": Source.HPOA,
    "gard": Source.GARD,
    "mondo": Source.MONDO,
    "mondo_xrefs": Source.MONDO_XREFS,
    "uniprot": Source.UNIPROT,
    "genes": Source.GENES,
    "hgnc": Source.HGNC,
}


def open_files(paths, stdout=None) -> dict:
    """Every source's file, the given one or its default (downloaded and checked the first time)."""
    return {
        source: SourceFile.open(source, paths.get(option), stdout=stdout)
        for option, source in FILE_OPTIONS.items()
    }


def import_data(*, if_changed=False, progress=None, stdout=None, **paths) -> Summary:
    """Load every data source; ``paths`` (obo=, hpoa=, mondo=, ...) default to the packages' files.

    Every file is read and checked before the first write, and all writes share one transaction,
    so a bad file leaves the database exactly as it was. The search and symptom-matching indexes
    are then rebuilt when anything changed (or when they are missing or stale), so callers never
    need a second step. Raises ``ImportFileError``.
    """
    unknown = set(paths) - set(FILE_OPTIONS)
    if unknown:
        raise TypeError(f"import_data() got unknown files: {', '.join(sorted(unknown))}")
    progress = progress or Progress()
    files = open_files(paths, stdout)
    summary = Summary()
    if if_changed and is_loaded(files.values()):
        summary.skipped = True
        summary.releases = [
            (release.get_source_display(), release.version) for release in DataRelease.objects.all()
        ]
        rebuild_indexes(summary, only_if_stale=True)
        if not summaries_exist():  # a catalogue imported before pages had plain summaries
            with transaction.atomic():
                summary.plain_summaries = build_summaries()
                content_changed()
        return summary

    parsed = parse_all(files, progress)
    with progress.stage("Merging records into pages", 1) as stage:
        plans = merge(
            parsed[Source.GARD],
            parsed[Source.HPOA],
            mondo=parsed[Source.MONDO],
            xrefs=parsed[Source.MONDO_XREFS],
            uniprot=parsed[Source.UNIPROT],
            genes=parsed[Source.GENES],
        )
    releases = [(files[source], parsed[source].version) for source in FILE_OPTIONS.values()]
    summary.releases = [(Source(file.source).label, version) for file, version in releases]

    now = timezone.now()
    with transaction.atomic():
        with progress.stage("Writing HPO terms", 4) as stage:
            term_pks, gone_terms = load_terms(parsed[Source.HPO], summary, stage)
        with progress.stage("Writing disease pages", 2) as stage:
            diseases = load_diseases(plans, summary, stage, now)
        with progress.stage("Writing symptom rows", 3) as stage:
            load_annotations(plans, diseases.disease_pks, term_pks, summary, stage)
        with progress.stage("Writing definitions, genes and families", 5) as stage:
            load_definitions(plans, diseases.disease_pks, summary)
            stage.advance()
            load_genes(plans, diseases.disease_pks, parsed[Source.HGNC], summary)
            stage.advance()
            load_characteristics(plans, diseases.disease_pks, term_pks, summary)
            stage.advance()
            load_families(plans, diseases.disease_pks, summary)
            stage.advance()
            load_classifications(plans, diseases.disease_pks, summary)
            load_kinds(plans, diseases.disease_pks, summary)
        remove_orphans(diseases.lost_source, summary, diseases.moved_to)
        remove_terms(gone_terms, summary)
        record_releases(releases, summary, now)
        mark_changed_pages(summary, now)
        with progress.stage("Writing plain summaries", 1):
            summary.plain_summaries = build_summaries()
        # Bulk writes send no signals: one move of the generation, committed with the import.
        content_changed()
    refresh_planner_statistics()
    # After a run that changed nothing, only if the indexes are missing or stale: it then writes nothing.
    rebuild_indexes(summary, only_if_stale=not summary.totals.total)
    return summary


def mark_changed_pages(summary, now):
    """Move ``page_changed_at`` on the pages whose content this import changed, and on pages showing a
    term whose name or everyday names changed; the rest keep the date they last really changed."""
    showing_terms = [
        model.objects.filter(phenotype_id__in=batch).values_list("disease_id", flat=True)
        for model in (Annotation, DiseaseCharacteristic)
        for batch in batched(sorted(summary.changed_terms), 500)
    ]
    for pages in showing_terms:
        summary.touch(pages)
    for batch in batched(sorted(summary.touched), 500):
        Disease.objects.filter(pk__in=batch).update(page_changed_at=now)


def parse_all(files, progress) -> dict:
    """Every file parsed, in the order later ones need: the HPO before its annotations."""
    parsed = {}
    with progress.stage(f"Reading {files[Source.HPO].path.name}") as stage:
        parsed[Source.HPO] = parse_obo(files[Source.HPO].path, stage)
    with progress.stage(f"Reading {files[Source.HPOA].path.name}") as stage:
        parsed[Source.HPOA] = parse_hpoa(files[Source.HPOA].path, parsed[Source.HPO].terms, stage)
    readers = [
        (Source.GARD, parse_gard),
        (Source.MONDO, parse_mondo),
        (Source.MONDO_XREFS, parse_mondo_xrefs),
        (Source.UNIPROT, parse_uniprot),
        (Source.GENES, parse_genes),
        (Source.HGNC, parse_hgnc),
    ]
    for source, reader in readers:
        source_file = files[source]
        # The Mondo file names its release; the others are told theirs.
        version = "" if source == Source.MONDO else source_file.version
        with progress.stage(f"Reading {source_file.path.name}") as stage:
            parsed[source] = reader(source_file.path, version, stage)
    return parsed


def rebuild_indexes(summary, *, only_if_stale=False):
    """Rebuild the search table and the symptom-matching index, recording what was built in ``summary``."""
    if only_if_stale and not indexes_are_stale():
        return
    started = time.monotonic()
    summary.search_rows = rebuild_search_index()
    searched = time.monotonic()
    summary.similarity_index = build_similarity_index()
    summary.index_seconds = (searched - started, time.monotonic() - searched)


IMPORTED_TABLES = [
    "diseases_phenotype",
    "diseases_phenotypesynonym",
    "diseases_phenotype_parents",
    "diseases_disease",
    "diseases_diseasesynonym",
    "diseases_externalidentifier",
    "diseases_disease_categories",
    "diseases_annotation",
    "diseases_diseasedefinition",
    "diseases_gene",
    "diseases_diseasegene",
    "diseases_diseasecharacteristic",
    "diseases_diseasefamily",
    "diseases_diseaseclassification",
    "diseases_diseasekind",
]


def refresh_planner_statistics():
    """ANALYZE the rewritten tables: PostgreSQL's stale statistics after a bulk load pick slow plans.

    Outside a transaction it VACUUMs them too, which marks their pages all-visible at once rather than
    when autovacuum comes by: until then every index-only scan (search's gate reads the published
    pages' ids that way) also reads the table. A transaction (a test's) cannot VACUUM; it analyses only.
    """
    if connection.vendor != "postgresql":
        return
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        for table in IMPORTED_TABLES:
            cursor.execute(f"{command} {table}")
