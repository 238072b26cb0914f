"""kb serve's quick look at an edit, and the per-file memo that lets a rebuild read only the
files that changed. (tests/test_serve.py drives both through a real `kb serve`.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.records.diagnostics import format_text
from generator.records.validate import LoadMemo, validate_content
from generator.site.build import build_site
from generator.site.preview import PREVIEW_MOST, changed_records, preview_pages
from tests.conftest import CONTENT
from tests.site.test_page_cache import MEETING, edit


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copytree(CONTENT, tmp_path / "content")
    return tmp_path / "content"


def test_the_quick_look_is_the_page_the_full_build_then_gives(content: Path) -> None:
    """An edit that moves no related page: the quick look is already the final page."""
    before = build_site(validate_content(content))
    edit(content / MEETING, 'time: "13:00"', 'time: "14:30"')
    after = validate_content(content)
    records = changed_records(after, before)
    assert [r.id for r in records] == ["2020-01-06-region12-informal-workers"]
    [quick] = preview_pages(after, before, records)
    assert "14:30" in quick.html
    assert quick == build_site(after).page(quick.src_uri)


def test_new_records_are_looked_at_and_bulk_changes_are_not(content: Path) -> None:
    before = build_site(validate_content(content))
    meetings = sorted((content / "meetings").glob("*.yaml"))
    copy = content / "meetings" / "2020-02-03-copy.yaml"
    copy.write_text((content / MEETING).read_text("utf-8").replace(
        "id: 2020-01-06-region12-informal-workers", "id: 2020-02-03-copy"), "utf-8")
    [new] = changed_records(validate_content(content), before)
    assert new.id == "2020-02-03-copy"
    for meeting in meetings[:PREVIEW_MOST]:
        edit(meeting, "title: ", "title: แก้ ")
    assert changed_records(validate_content(content), before) == []  # left to the full build


def test_the_memo_reads_only_changed_files_and_reports_the_same(content: Path) -> None:
    memo = LoadMemo()
    first = validate_content(content, memo=memo)
    second = validate_content(content, memo=memo)
    assert all(a is b for a, b in zip(first.records, second.records, strict=True))
    edit(content / MEETING, "mode: onsite", "mode: by-pigeon")
    third = validate_content(content, memo=memo)
    changed = [b.path for a, b in zip(first.records, third.records, strict=True) if a is not b]
    assert [Path(p).name for p in changed] == [Path(MEETING).name]
    assert format_text(third.diagnostics) == format_text(validate_content(content).diagnostics)
    assert "by-pigeon" in format_text(third.diagnostics)
    (content / "meetings" / "2020-02-03-copy.yaml").write_text(
        (content / MEETING).read_text("utf-8").replace("mode: by-pigeon", "mode: onsite"), "utf-8")
    fourth = validate_content(content, memo=memo)  # a new file name: every file read again
    assert format_text(fourth.diagnostics) == format_text(validate_content(content).diagnostics)
