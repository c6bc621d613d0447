"""The import graph points one way: the contracts in pyproject.toml, checked by import-linter."""

import tomllib
from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def contracts():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]


def test_every_app_is_checked_for_import_circles_at_every_depth():
    acyclic = [contract for contract in contracts() if contract["type"] == "acyclic_siblings"]
    assert acyclic and set(acyclic[0]["ancestors"]) == {"diseases", "support", "portal", "toolbox"}
    assert "depth" not in acyclic[0]  # the default, 10, reaches every module of these apps


def test_the_import_contracts_are_kept(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert lint_imports(no_cache=True) == 0, capsys.readouterr().out
    assert f"Contracts: {len(contracts())} kept, 0 broken." in capsys.readouterr().out
