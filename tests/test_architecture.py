"""The import graph points one way: the contracts in pyproject.toml, checked by import-linter."""

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def contracts():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]


def test_every_app_is_checked_for_import_circles_at_every_depth():
    acyclic = [contract for contract in contracts() if contract["type"] == "acyclic_siblings"]
    assert acyclic and set(acyclic[0]["ancestors"]) == {"diseases", "support", "portal", "toolbox"}
    assert "depth" not in acyclic[0]  # the default, 10, reaches every module of these apps


def test_the_import_contracts_are_kept():
    # In a process of its own: import-linter sets up logging afresh, which would silence this one's loggers.
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]
    assert f"Contracts: {len(contracts())} kept, 0 broken." in result.stdout
