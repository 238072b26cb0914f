"""Shared paths and fixtures: the valid fixture tree, the seeds, the demo content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = FIXTURES / "seeds"  # copies of ../shared/seeds: the five real posts
CONTENT = ROOT / "content"


@pytest.fixture
def valid_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the valid fixture content at ./content in a temporary working folder."""
    shutil.copytree(FIXTURES / "valid", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return Path("content")


def demo_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: str = "cache") -> Path:
    """A copy of the demo content at tmp_path/content, built with its own cache folder."""
    shutil.copytree(CONTENT, tmp_path / "content")
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / cache))
    return tmp_path / "content"


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo content built once for the session's read-only checks (pages, browser, search)."""
    from tests.sitebuild import build

    return build(CONTENT, tmp_path_factory.mktemp("demo-site") / "site")
