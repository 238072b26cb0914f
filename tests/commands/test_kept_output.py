"""kb build after an edit writes into the site only what changed (kept_output.py): the site
equals one built from nothing, byte for byte; an unchanged file is not touched, a changed one
is replaced whole (never written in place); pages of deleted records go, with their folders;
a move that fails half-way, or a site folder put there by something else, makes the next
build write the whole site again; builds killed earlier leave nothing behind for long."""

from __future__ import annotations

import errno
import gzip
import os
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.mkdocs import kept_output
from tests.conftest import CONTENT

MEETING = "meetings/2020-01-06-region12-informal-workers.yaml"
EDITED = "meetings/2020-01-06-region12-informal-workers/index.html"
ADDED = "meetings/2020-01-07-region12-informal-workers-again.yaml"


def files(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}


def folders(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_dir())


def build(root: Path, site: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("KB_CACHE_DIR", str(cache))
    return main(["build", str(root), "-o", str(site), "-q"])


def assert_same_as_cold(root: Path, site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold_site = tmp_path / "cold"
    shutil.rmtree(cold_site, ignore_errors=True)
    assert build(root, cold_site, tmp_path / "cold-cache", monkeypatch) == 0
    warm, cold = files(site), files(cold_site)
    assert warm.keys() == cold.keys()
    assert [name for name in cold if warm[name].read_bytes() != cold[name].read_bytes()] == []
    assert folders(site) == folders(cold_site)


def edit_summary(root: Path) -> None:
    text = (root / MEETING).read_text("utf-8")
    (root / MEETING).write_text(text.replace("summary: คณะทำงานพี่เลี้ยงระดับเขต",
                                             "summary: คณะทำงานพี่เลี้ยงระดับเขตทั้งหมด", 1), "utf-8")


def add_meeting(root: Path) -> None:
    """A copy of a meeting (and its photos) under a new name, which no other record refers to."""
    shutil.copytree(root / "media" / Path(MEETING).stem, root / "media" / Path(ADDED).stem)
    text = (root / MEETING).read_text("utf-8")
    (root / ADDED).write_text(text.replace(f"id: {Path(MEETING).stem}", f"id: {Path(ADDED).stem}", 1), "utf-8")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT, tmp_path / "content")
    return tmp_path / "content"


def test_a_build_after_an_edit_writes_only_what_changed(root: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    assert build(root, site, tmp_path / "cache", monkeypatch) == 0
    before = {name: (path.stat(), path.read_bytes()) for name, path in files(site).items()}
    old_page = tmp_path / "old-page.html"
    os.link(site / EDITED, old_page)  # the old file itself, whatever becomes of its name
    edit_summary(root)
    assert build(root, site, tmp_path / "cache", monkeypatch) == 0
    assert_same_as_cold(root, site, tmp_path, monkeypatch)

    warm = files(site)
    same = [name for name in warm if name in before and before[name][1] == warm[name].read_bytes()]
    untouched = [name for name in same if (warm[name].stat().st_ino, warm[name].stat().st_mtime_ns)
                 == (before[name][0].st_ino, before[name][0].st_mtime_ns)]
    pages = [name for name in same if name.endswith("index.html")]
    assert len(pages) > 100
    assert len([name for name in untouched if name.endswith("index.html")]) > 0.9 * len(pages)
    assert any(name.startswith("search/") for name in untouched)
    assert warm[EDITED].stat().st_ino != before[EDITED][0].st_ino
    assert old_page.read_bytes() == before[EDITED][1], "the page was written to in place"
    assert list(tmp_path.glob(".site-new-*")) == []


def test_search_files_the_site_holds_stay_when_the_theme_renders_every_page(
        root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The search index's unchanged files come back to the writer as digests alone (Site.held):
    a build whose pages MkDocs renders itself (KB_SHELL=false) must keep them in the site too."""
    site = tmp_path / "site"
    assert build(root, site, tmp_path / "cache", monkeypatch) == 0
    search = {name: path.stat().st_ino for name, path in files(site).items() if name.startswith("search/")}
    edit_summary(root)
    monkeypatch.setenv("KB_SHELL", "false")
    assert build(root, site, tmp_path / "cache", monkeypatch) == 0
    now = files(site)
    assert sorted(name for name in now if name.startswith("search/")) == sorted(search)
    assert any(now[name].stat().st_ino == inode for name, inode in search.items())  # held, not written
    assert_same_as_cold(root, site, tmp_path, monkeypatch)


def test_a_record_added_then_deleted_takes_its_page_and_folder_along(root: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    assert build(root, site, tmp_path / "cache", monkeypatch) == 0
    add_meeting(root)
    assert build(root, site, tmp_path / "cache", monkeypatch) == 0
    page = site / ADDED.removesuffix(".yaml")
    assert (page / "index.html").exists()
    listed = f"/{ADDED.removesuffix('.yaml')}/</loc>"
    assert listed in (site / "sitemap.xml").read_text("utf-8")  # not the last build's sitemap, kept
    assert listed.encode() in gzip.decompress((site / "sitemap.xml.gz").read_bytes())
    (root / ADDED).unlink()
    shutil.rmtree(root / "media" / Path(ADDED).stem)
    assert build(root, site, tmp_path / "cache", monkeypatch) == 0
    assert not page.exists()
    assert listed not in (site / "sitemap.xml").read_text("utf-8")
    assert_same_as_cold(root, site, tmp_path, monkeypatch)


def test_a_move_that_fails_half_way_makes_the_next_build_write_the_whole_site(
        root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    assert build(root, site, tmp_path / "cache", monkeypatch) == 0
    edit_summary(root)
    add_meeting(root)
    moved: list[str] = []
    replace = os.replace

    def replace_until_the_disk_fills(source: str, target: str) -> None:
        """The site's fourth file finds the disk full (the cache's files are written as usual)."""
        if str(target).startswith(str(site)):
            if len(moved) == 3:
                raise OSError(errno.ENOSPC, "No space left on device", target)
            moved.append(str(target))
        replace(source, target)

    with monkeypatch.context() as patched:
        patched.setattr(kept_output.os, "replace", replace_until_the_disk_fills)
        assert build(root, site, tmp_path / "cache", monkeypatch) == 1
    assert "kb build: [Errno 28] No space left on device" in capsys.readouterr().err
    assert len(moved) == 3 and list(tmp_path.glob(".site-new-*")) == []
    inodes = {name: path.stat().st_ino for name, path in files(site).items()}
    assert build(root, site, tmp_path / "cache", monkeypatch) == 0
    assert_same_as_cold(root, site, tmp_path, monkeypatch)
    kept = [name for name, path in files(site).items() if inodes.get(name) == path.stat().st_ino]
    assert [name for name in kept if not name.startswith("media/")] == []  # (photos: links to the photo store)


def test_a_site_folder_put_there_by_something_else_is_written_whole(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The record is the last build's site's: a folder copied in its place is not trusted."""
    site = tmp_path / "site"
    assert build(CONTENT, site, tmp_path / "cache", monkeypatch) == 0
    shutil.copytree(site, tmp_path / "copy")
    shutil.rmtree(site)
    (tmp_path / "copy").rename(site)
    inodes = {name: path.stat().st_ino for name, path in files(site).items()}
    (tmp_path / "cache" / "last-build.pickle").unlink()  # (else nothing changed: the build stops at once)
    assert build(CONTENT, site, tmp_path / "cache", monkeypatch) == 0
    assert [name for name, path in files(site).items() if inodes.get(name) == path.stat().st_ino] == []


def test_what_a_killed_build_left_beside_the_site_goes_with_the_next_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    left = tmp_path / ".site-new-killed"
    (left / "meetings" / "x").mkdir(parents=True)
    (left / "meetings" / "x" / "index.html").write_text("<p>half a site</p>", "utf-8")
    assert build(CONTENT, tmp_path / "site", tmp_path / "cache", monkeypatch) == 0
    assert list(tmp_path.glob(".site-new-*")) == []
