"""Validation kept between builds: after any change, the records and problems equal a
validation from nothing, and only the changed files are read again."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.records import validate
from generator.records.kept import KeptLoads
from generator.records.validate import Content, validate_content
from tests.conftest import CONTENT

MEETING = "meetings/2020-01-06-region12-informal-workers.yaml"
ADDED = "meetings/2020-02-03-region12-informal-workers.yaml"


def edit(root: Path, name: str, old: str, new: str) -> None:
    text = (root / name).read_text("utf-8")
    assert old in text
    (root / name).write_text(text.replace(old, new, 1), "utf-8")


def body(root: Path) -> None:
    edit(root, MEETING, "summary: คณะทำงานพี่เลี้ยงระดับเขต", "summary: คณะทำงานพี่เลี้ยงระดับเขตทั้งหมด")


def broken(root: Path) -> None:
    """A date no calendar has: the file's own problem must show, at its line."""
    edit(root, MEETING, 'date: "2020-01-06"', 'date: "2020-02-30"')


def added(root: Path) -> None:
    """A meeting that refers to a stakeholder no file names: a problem between records."""
    text = (root / MEETING).read_text("utf-8").replace("id: 2020-01-06-region12-informal-workers",
                                                       "id: 2020-02-03-region12-informal-workers")
    (root / ADDED).write_text(text.replace("related:", "related:\n  - no-such-record", 1)
                              if "related:" in text else text + "related:\n  - no-such-record\n", "utf-8")


def removed(root: Path) -> None:
    """A stakeholder others refer to, gone: their references break."""
    next(path for path in sorted((root / "stakeholders").glob("*.yaml"))).unlink()


CHANGES: dict[str, Callable[[Path], None]] = {"body": body, "broken": broken, "added": added, "removed": removed}


def same(kept: Content, cold: Content) -> None:
    assert [(r.kind, r.path, r.data, r.text) for r in kept.records] == \
        [(r.kind, r.path, r.data, r.text) for r in cold.records]
    assert kept.diagnostics == cold.diagnostics


def counting_loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the kept loads read (parse and check) again."""
    read: list[str] = []

    def loads(jobs: list[validate.Job], *rest: Any) -> list[validate.Loaded]:
        read.extend(file for _, file, _ in jobs)
        return validate.load_all(jobs, *rest)

    monkeypatch.setattr("generator.records.kept.load_all", loads)
    return read


@pytest.mark.parametrize("name", list(CHANGES))
def test_a_kept_validation_equals_one_from_nothing(name: str, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    same(validate_content(root, memo=KeptLoads(tmp_path / "kept")), validate_content(root))
    CHANGES[name](root)
    read = counting_loads(monkeypatch)
    kept = validate_content(root, memo=KeptLoads(tmp_path / "kept"))
    cold = validate_content(root)
    same(kept, cold)
    if name != "removed":
        assert [Path(file).relative_to(root).as_posix() for file in read] == [ADDED if name == "added" else MEETING]
    else:
        assert read == []
    assert cold.ok == (name == "body"), cold.diagnostics[:3]


def test_other_code_reads_every_file_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    validate_content(root, memo=KeptLoads(tmp_path / "kept"))
    monkeypatch.setattr("generator.records.kept.checks_digest", lambda: "other code")
    read = counting_loads(monkeypatch)
    same(validate_content(root, memo=KeptLoads(tmp_path / "kept")), validate_content(root))
    assert len(read) == len(validate_content(root).records)
