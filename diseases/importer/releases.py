"""Which release of each data file is loaded: written by the import (pages read ``DataRelease`` rows)."""

from diseases.models import DataRelease


def is_loaded(source_files) -> bool:
    """Whether every file is the release already loaded (same checksum), so an import can be skipped."""
    loaded = dict(DataRelease.objects.values_list("source", "checksum"))
    return all(loaded.get(file.source) == file.checksum for file in source_files)


def record_releases(releases, summary, now):
    """``releases`` are ``(SourceFile, version)`` pairs; only what changed is written."""
    existing = {release.source: release for release in DataRelease.objects.all()}
    created = updated = 0
    for source_file, version in releases:
        values = {"version": version, "file_name": source_file.path.name, "checksum": source_file.checksum}
        release = existing.get(source_file.source)
        if release is None:
            DataRelease.objects.create(source=source_file.source, loaded_at=now, **values)
            created += 1
        elif any(getattr(release, field) != value for field, value in values.items()):
            DataRelease.objects.filter(pk=release.pk).update(loaded_at=now, **values)
            updated += 1
    summary.count("Data releases", created=created, updated=updated)
