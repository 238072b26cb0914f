"""`kb build` with nothing changed since the last build into the same folder does nothing; any
change to the content, the site folder or the options builds again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import FIXTURES


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(FIXTURES / "valid", tmp_path / "content")
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


def build(project: Path, capsys: pytest.CaptureFixture[str], *options: str, output: str = "site") -> bool:
    """Whether the build was skipped as up to date."""
    assert main(["build", str(project / "content"), "-o", str(project / output), "-q", *options]) == 0
    return "up to date" in capsys.readouterr().out


def test_nothing_changed_builds_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert not build(project, capsys)
    site = (project / "site").stat().st_ino
    assert build(project, capsys)
    assert (project / "site").stat().st_ino == site  # the same folder, untouched


def test_an_edit_builds_again(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build(project, capsys)
    meeting = next((project / "content" / "meetings").glob("*.yaml"))
    meeting.write_text(meeting.read_text("utf-8").replace("title: ", "title: แก้ไข ", 1), "utf-8")
    assert not build(project, capsys)
    assert build(project, capsys)


@pytest.mark.parametrize("change", ["site removed", "page removed", "other folder", "drafts shown", "another day"])
def test_another_site_or_other_options_build_again(change: str, project: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build(project, capsys)
    options, output = [], "site"
    if change == "site removed":
        shutil.rmtree(project / "site")
    elif change == "page removed":
        (project / "site" / "index.html").unlink()
    elif change == "other folder":
        output = "site2"
    elif change == "another day":  # the sitemap dates every page by the build's day
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1744243200")
    else:
        options = ["--drafts"]
    assert not build(project, capsys, *options, output=output)
