"""Drafts (`draft: true`): what is only unfinished is a warning; every other problem stays an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.records.validate import validate_content
from tests.records.test_validate import MT, meeting, write

DRAFT = "id: 2025-04-10-kkp12\ndraft: true\n"
AT = "content/meetings/2025-04-10-kkp12.yaml:"


def found(tree: Path) -> list[str]:
    return [d.format() for d in validate_content(tree).diagnostics]


def test_a_draft_missing_required_fields_is_warned_with_the_same_message(
        valid_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(valid_tree, {MT: DRAFT})
    assert found(valid_tree) == [
        AT + "1:1: warning missing-field: ขาดฟิลด์ที่ต้องมี 'date' / required field 'date' is missing",
        AT + "1:1: warning missing-field: ขาดฟิลด์ที่ต้องมี 'title' / required field 'title' is missing",
    ]
    assert main(["validate", "content"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "พบปัญหา 0 รายการใน 1 ไฟล์ / 0 error(s) in 1 file(s)"


def test_the_same_record_published_is_an_error(valid_tree: Path) -> None:
    write(valid_tree, {MT: DRAFT.replace("draft: true", "draft: false")})
    assert [line.split(": ")[1] for line in found(valid_tree)] == ["error missing-field"] * 2


def test_blank_values_of_a_skeleton_are_warnings(valid_tree: Path) -> None:
    """What `kb new` writes (title: "") and what a reporter blanks out: dates, provinces, times."""
    write(valid_tree, {MT: DRAFT + 'title: ""\ndate: ""\nprovince: ""\ntime: " "\n'})
    assert found(valid_tree) == [
        AT + "3:8: warning empty-value: 'title' ต้องไม่ว่าง / 'title' must not be empty",
        AT + "4:7: warning empty-value: 'date' ต้องไม่ว่าง / 'date' must not be empty",
        AT + "5:11: warning empty-value: 'province' ต้องไม่ว่าง / 'province' must not be empty",
        AT + "6:7: warning empty-value: 'time' ต้องไม่ว่าง / 'time' must not be empty",
    ]


def test_a_blank_value_is_one_warning_whatever_else_it_breaks(valid_tree: Path) -> None:
    """Not also an id of the wrong form, an unknown id, a bad date, an unknown province or node."""
    write(valid_tree, {MT: DRAFT + 'title: ทดลอง\ndate: "2025-04-10"\norganizers: [""]\nvenue:\n',
                       "systemmaps/new-map.yaml": 'id: new-map\ndraft: true\ntitle: แผนที่\nnodes:\n'
                       '  - {id: a, label: ก, kind: factor}\nlinks:\n  - {from: a, to: "", polarity: "+"}\n'})
    assert [line.split(": ", 1)[1] for line in found(valid_tree)] == [
        "warning empty-value: 'organizers[1]' ต้องไม่ว่าง / 'organizers[1]' must not be empty",
        "warning empty-value: 'venue' ต้องไม่ว่าง / 'venue' must not be empty",
        "warning empty-value: 'links[1].to' ต้องไม่ว่าง / 'links[1].to' must not be empty",
    ]


def test_a_skeleton_map_without_nodes_is_a_warning(valid_tree: Path) -> None:
    write(valid_tree, {"systemmaps/new-map.yaml": 'id: new-map\ndraft: true\ntitle: ""\nnodes: []\n'})
    assert [line.split(": ")[1:3] for line in found(valid_tree)] == [
        ["warning empty-value", "'title' ต้องไม่ว่าง / 'title' must not be empty"],
        ["warning too-few-items", "'nodes' ต้องมีอย่างน้อย 1 รายการ / 'nodes' needs at least 1 item(s)"],
    ]


@pytest.mark.parametrize(("old", "new", "code"), [
    ('date: "2025-04-10"', 'date: "2568-04-10"', "buddhist-year"),
    ('date: "2025-04-10"', 'date: "2025-02-30"', "impossible-date"),
    ("areas: [tamnan-phatthalung]", "areas: [tamnan-phatthalun]", "unknown-ref"),
    ("title: กขป.เขต 12", "title: กขป.เขต\u202e 12", "bidi-control"),
    ("mode: online", "mode: onlin", "invalid-value"),
    ("participants: 32", "participant: 32", "unknown-field"),
])
def test_other_problems_of_a_draft_stay_errors(valid_tree: Path, old: str, new: str, code: str) -> None:
    write(valid_tree, {MT: "draft: true\n" + meeting(old, new)})
    problems = validate_content(valid_tree).diagnostics
    assert [(d.code, d.severity) for d in problems] == [(code, "error")]


def test_draft_takes_true_or_false_only(valid_tree: Path) -> None:
    write(valid_tree, {MT: meeting("mode: online", "mode: online\ndraft: yes")})
    assert [(d.code, d.severity) for d in validate_content(valid_tree).diagnostics] == [("wrong-type", "error")]


def test_a_published_record_may_name_a_draft(valid_tree: Path) -> None:
    """The link renders as plain text in the public build: nothing to fix in the published record."""
    stakeholder = valid_tree / "stakeholders" / "ppho-trang.yaml"
    stakeholder.write_text("draft: true\n" + stakeholder.read_text("utf-8"), "utf-8")
    content = validate_content(valid_tree)
    assert content.diagnostics == []
    assert [r.id for r in content.published().drafts] == ["ppho-trang"]
    assert "ppho-trang" not in {r.id for r in content.published().records}
