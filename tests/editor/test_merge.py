"""A save rewrites only the fields that changed: the rest keeps its bytes."""

from __future__ import annotations

from generator.editor.merge import merged_text, new_text
from generator.records.load import parse_text

FILE = '''# บันทึกโดยผู้รายงาน
id: 2025-04-10-x
title: "ประชุม"  # ชื่อจากโพสต์
# ผู้จัด
organizers:
  - kkp-region-12

body: |
  บรรทัดหนึ่ง
  บรรทัดสอง
time: '09:00-12:00'
participants: 32
'''


def merged(new: dict, known: tuple[str, ...] = ("id", "title", "organizers", "body", "time", "participants",
                                                "date", "summary")) -> str:
    record, problems = parse_text(FILE, "x.yaml")
    assert record is not None and not problems
    return merged_text(FILE, record.data, new, known)


def data() -> dict:
    record, _ = parse_text(FILE, "x.yaml")
    assert record is not None
    return dict(record.data)


def test_nothing_changed_writes_the_same_bytes() -> None:
    assert merged(data()) == FILE


def test_a_changed_field_is_the_only_changed_line() -> None:
    new = data() | {"participants": 40}
    assert merged(new) == FILE.replace("participants: 32", "participants: 40")


def test_comments_and_quoting_of_untouched_fields_stay() -> None:
    new = data() | {"organizers": ["kkp-region-12", "nhso-region-12"]}
    assert merged(new) == FILE.replace("  - kkp-region-12\n", "  - kkp-region-12\n  - nhso-region-12\n")


def test_a_new_field_goes_after_the_one_the_form_puts_before_it() -> None:
    new = {"id": "2025-04-10-x", "title": "ประชุม", "date": "2025-04-10", **{k: v for k, v in data().items()
                                                                          if k not in ("id", "title")}}
    assert merged(new) == FILE.replace('# ชื่อจากโพสต์\n', '# ชื่อจากโพสต์\ndate: "2025-04-10"\n')


def test_a_cleared_field_is_removed_and_an_unknown_one_kept() -> None:
    new = {k: v for k, v in data().items() if k not in ("participants", "time")}
    assert merged(new, known=("participants",)) == FILE.replace("participants: 32\n", "")


def test_blank_values_from_the_form_are_not_written() -> None:
    new = data() | {"summary": "", "hashtags": [], "source": {"url": ""}}
    assert merged(new) == FILE


def test_ambiguous_strings_are_quoted_so_any_yaml_reader_keeps_them_text() -> None:
    text = new_text({"id": "x", "title": "yes", "time": "13:00", "date": "2025-04-10", "note": "#กขป.เขต 12",
                     "participants": 40, "body": "บรรทัด 1\nบรรทัด 2\n"})
    assert text == ('id: x\ntitle: "yes"\ntime: "13:00"\ndate: "2025-04-10"\nnote: "#กขป.เขต 12"\n'
                    "participants: 40\nbody: |\n  บรรทัด 1\n  บรรทัด 2\n")
    record, problems = parse_text(text, "x.yaml")
    assert record is not None and record.data["title"] == "yes" and record.data["participants"] == 40


MAP = '''id: m
links:
  - from: a
    to: b
    polarity: "+"
  - from: b   # ความล่าช้า
    to: c
    polarity: '-'
    note: 'เดิม'
'''


def test_a_changed_list_keeps_the_lines_of_its_unchanged_items() -> None:
    record, _ = parse_text(MAP, "m.yaml")
    assert record is not None
    links = [*record.data["links"], {"from": "c", "to": "a", "polarity": "+"}]
    text = merged_text(MAP, record.data, {"id": "m", "links": links}, ("id", "links"))
    assert text == MAP + '  - from: c\n    to: a\n    polarity: "+"\n'
    links = [{"from": "x", "to": "b", "polarity": "-"}, record.data["links"][1]]
    text = merged_text(MAP, record.data, {"id": "m", "links": links}, ("id", "links"))
    first = '  - from: a\n    to: b\n    polarity: "+"\n'
    assert text == MAP.replace(first, '  - from: x\n    to: b\n    polarity: "-"\n')
