"""One import: check the files, parse them all, merge, write the difference in one transaction, re-index."""

import time
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone

from diseases.matching import build_similarity_index
from diseases.models import DataRelease
from diseases.search import indexes_are_stale, rebuild_search_index

from .gard import parse_gard
from .hpoa import parse_hpoa
from .load_annotations import load_annotations
from .load_diseases import load_diseases
from .load_terms import load_terms, remove_terms
from .merging import merge
from .obo import parse_obo
from .orphans import remove_orphans
from .progress import Progress
from .releases import is_loaded, record_releases
from .sources import SourceFile, default_paths, gard_package_version
from .summary import Summary

Source = DataRelease.Source


def gard_version(source_file, default_path):
    # The package's own file is named by the package version; another file only by its checksum.
    if source_file.path.resolve() == Path(default_path).resolve():
        return gard_package_version()
    return f"sha256:{source_file.checksum[:12]}"


def import_data(*, obo=None, hpoa=None, gard=None, if_changed=False, progress=None) -> Summary:
    """Load the HPO, its disease annotations and GARD's catalogue; paths default to the packages' files.

    Every file is read and checked before the first write, and all writes share one transaction,
    so a bad file leaves the database exactly as it was. The search and symptom-matching indexes
    are then rebuilt when anything changed (or when they are missing or stale), so callers never
    need a second step. Raises ``ImportFileError``.
    """
    progress = progress or Progress()
    defaults = default_paths()
    files = {
        source: SourceFile.open(source, path or defaults[source])
        for source, path in ((Source.HPO, obo), (Source.HPOA, hpoa), (Source.GARD, gard))
    }
    summary = Summary()
    if if_changed and is_loaded(files.values()):
        summary.skipped = True
        summary.releases = [
            (release.get_source_display(), release.version) for release in DataRelease.objects.all()
        ]
        rebuild_indexes(summary, only_if_stale=True)
        return summary

    with progress.stage(f"Reading {files[Source.HPO].path.name}") as stage:
        ontology = parse_obo(files[Source.HPO].path, stage)
    with progress.stage(f"Reading {files[Source.HPOA].path.name}") as stage:
        annotations = parse_hpoa(files[Source.HPOA].path, ontology.terms, stage)
    with progress.stage(f"Reading {files[Source.GARD].path.name}") as stage:
        catalogue = parse_gard(
            files[Source.GARD].path, gard_version(files[Source.GARD], defaults[Source.GARD]), stage
        )
    with progress.stage("Merging records into pages", 1) as stage:
        plans = merge(catalogue, annotations)
    releases = [
        (files[Source.HPO], ontology.version),
        (files[Source.HPOA], annotations.version),
        (files[Source.GARD], catalogue.version),
    ]
    summary.releases = [(Source(file.source).label, version) for file, version in releases]

    now = timezone.now()
    with transaction.atomic():
        with progress.stage("Writing HPO terms", 4) as stage:
            term_pks, gone_terms = load_terms(ontology, summary, stage)
        with progress.stage("Writing disease pages", 2) as stage:
            diseases = load_diseases(plans, summary, stage, now)
        with progress.stage("Writing symptom rows", 3) as stage:
            load_annotations(plans, diseases.disease_pks, term_pks, summary, stage)
        remove_orphans(diseases.lost_source, summary)
        remove_terms(gone_terms, summary)
        record_releases(releases, summary, now)
    refresh_planner_statistics()
    # After a run that changed nothing, only if the indexes are missing or stale: it then writes nothing.
    rebuild_indexes(summary, only_if_stale=not summary.totals.total)
    return summary


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
]


def refresh_planner_statistics():
    """ANALYZE the rewritten tables: PostgreSQL's stale statistics after a bulk load pick slow plans."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in IMPORTED_TABLES:
            cursor.execute(f"ANALYZE {table}")
