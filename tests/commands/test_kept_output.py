"""kb build links into the new site what the last build wrote the same: the site equals one
built from nothing, byte for byte, and the old site's files are never written to."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import CONTENT

MEETING = "meetings/2020-01-06-region12-informal-workers.yaml"
EDITED = "meetings/2020-01-06-region12-informal-workers/index.html"


def files(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}


def build(root: Path, site: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_CACHE_DIR", str(cache))
    assert main(["build", str(root), "-o", str(site), "-q"]) == 0


def test_a_build_after_an_edit_links_what_did_not_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    site = tmp_path / "site"
    build(root, site, tmp_path / "cache", monkeypatch)
    before = {name: (path.stat().st_ino, path.read_bytes()) for name, path in files(site).items()}
    old_page = tmp_path / "old-page.html"
    os.link(site / EDITED, old_page)  # the old site's file itself, whatever becomes of the folder
    text = (root / MEETING).read_text("utf-8")
    (root / MEETING).write_text(text.replace("summary: คณะทำงานพี่เลี้ยงระดับเขต",
                                             "summary: คณะทำงานพี่เลี้ยงระดับเขตทั้งหมด", 1), "utf-8")
    build(root, site, tmp_path / "cache", monkeypatch)
    build(root, tmp_path / "cold", tmp_path / "cold-cache", monkeypatch)

    warm, cold = files(site), files(tmp_path / "cold")
    assert warm.keys() == cold.keys()
    assert [name for name in cold if warm[name].read_bytes() != cold[name].read_bytes()] == []
    same = [name for name in warm if name in before and before[name][1] == warm[name].read_bytes()]
    linked = [name for name in same if warm[name].stat().st_ino == before[name][0]]
    pages = [name for name in same if name.endswith("index.html")]
    assert len(pages) > 100
    assert len([name for name in linked if name.endswith("index.html")]) > 0.9 * len(pages)
    assert any(name.startswith("search/") for name in linked)
    assert warm[EDITED].stat().st_ino != before[EDITED][0]
    assert old_page.read_bytes() == before[EDITED][1], "the old site's page was written to"


def test_a_site_folder_put_there_by_something_else_is_not_linked_from(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The record is the last build's site's: a folder copied in its place is not trusted."""
    site = tmp_path / "site"
    build(CONTENT, site, tmp_path / "cache", monkeypatch)
    shutil.copytree(site, tmp_path / "copy")
    shutil.rmtree(site)
    (tmp_path / "copy").rename(site)
    inodes = {name: path.stat().st_ino for name, path in files(site).items()}
    (tmp_path / "cache" / "last-build.pickle").unlink()  # (else nothing changed: the build stops at once)
    build(CONTENT, site, tmp_path / "cache", monkeypatch)
    assert [name for name, path in files(site).items() if inodes.get(name) == path.stat().st_ino] == []
