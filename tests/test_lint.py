"""The code stays clean: ruff and mypy as configured in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True,
                          check=False)


def test_ruff() -> None:
    result = run("ruff", "check", "generator", "tests")
    assert result.returncode == 0, result.stdout


def test_mypy() -> None:
    result = run("mypy")
    assert result.returncode == 0, result.stdout
