"""Characters XML and HTML forbid, and bidirectional controls in names, are reported at
validation with the line and column where they stand and the character named; a site is never
built from them (issue 19: a title with U+0001 made feed.xml unreadable to every feed reader)."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from generator.cli import main
from generator.records.characters import FORBIDDEN, describe
from tests.conftest import FIXTURES

MT = "meetings/2025-04-10-kkp12.yaml"
ST = "stakeholders/ppho-trang.yaml"
M = (FIXTURES / "valid" / MT).read_text("utf-8")
S = (FIXTURES / "valid" / ST).read_text("utf-8")
TITLE = "title: กขป.เขต 12 สุขภาวะกลุ่มเปราะบางทางสังคม"


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def validate(tree: Path, files: dict[str, str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    for name, text in files.items():
        (tree / name).write_text(text, "utf-8")
    code = main(["validate", str(tree)])
    return code, capsys.readouterr().out.splitlines()[:-1]


def forbidden(line: int, col: int, field: str, th: str, en: str, at: int, hint: str) -> str:
    return (f"content/{MT}:{line}:{col}: error forbidden-character: '{field}' มี{th} ที่ตัวอักษรที่ {at} "
            f"(XML และ HTML ไม่รับอักขระนี้) / '{field}' contains the {en} at character {at} "
            f"(XML and HTML do not allow it) (แนะนำ / suggestion: {hint})")


def test_the_issue_title_is_refused_naming_each_character_where_it_stands(
        valid_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    title = 'title: "กขป.เขต 12 \\x01\\b\\v\\x1f\\uFFFE สุขภาวะ"'
    code, lines = validate(valid_tree, {MT: edit(M, TITLE, title)}, capsys)
    hint = "กขป.เขต 12  สุขภาวะ"
    assert code == 1
    assert lines == [
        forbidden(2, 20, "title", "อักขระควบคุม U+0001 START OF HEADING",
                  "control character U+0001 START OF HEADING", 12, hint),
        forbidden(2, 24, "title", "อักขระควบคุม U+0008 BACKSPACE", "control character U+0008 BACKSPACE", 13, hint),
        forbidden(2, 26, "title", "อักขระควบคุม U+000B LINE TABULATION",
                  "control character U+000B LINE TABULATION", 14, hint),
        forbidden(2, 28, "title", "อักขระควบคุม U+001F INFORMATION SEPARATOR ONE",
                  "control character U+001F INFORMATION SEPARATOR ONE", 15, hint),
        forbidden(2, 32, "title", "อักขระที่ไม่ใช่ตัวอักษร (noncharacter) U+FFFE", "noncharacter U+FFFE", 16, hint),
    ]


def test_the_same_characters_anywhere_in_a_record_and_in_a_long_body(
        valid_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = edit(M, "    role: ผู้นำเสนอ", '    role: "ผู้นำ\\uFFFFเสนอ"')
    text = edit(text, "body: |\n  เนื้อหาการประชุม", 'body: "ย่อหน้าแรก\\n\\nย่อหน้าที่สอง \\e[31m"')
    code, lines = validate(valid_tree, {MT: text}, capsys)
    assert code == 1
    assert lines == [
        forbidden(12, 17, "attendees[1].role", "อักขระที่ไม่ใช่ตัวอักษร (noncharacter) U+FFFF",
                  "noncharacter U+FFFF", 6, "ผู้นำเสนอ"),
        forbidden(24, 36, "body", "อักขระควบคุม U+001B ESCAPE", "control character U+001B ESCAPE", 27,
                  "ลบอักขระนี้ออก / remove the character"),
    ]


def test_a_character_written_as_is_is_named_at_its_line_and_column(
        valid_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = validate(valid_tree, {MT: edit(M, TITLE, "title: กขป.เขต 12\x07 สุขภาวะ")}, capsys)
    assert code == 1
    assert lines == [
        f"content/{MT}:2:18: error forbidden-character: ไฟล์มีอักขระควบคุม U+0007 ALERT (XML และ HTML ไม่รับอักขระนี้)"
        " / the file contains the control character U+0007 ALERT (XML and HTML do not allow it)"
        " (แนะนำ / suggestion: ลบอักขระนี้ออก / remove the character)"]


def test_a_surrogate_escape_is_named_with_the_whole_character_suggested(
        valid_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = validate(valid_tree, {MT: edit(M, TITLE, 'title: "ประชุม \\uD83D\\uDE00"')}, capsys)
    assert code == 1
    assert lines == [
        f"content/{MT}:2:16: error forbidden-character: ไฟล์มีตัวแทน (surrogate) ที่ไม่มีคู่ U+D83D เขียนเป็นรหัส"
        " (XML และ HTML ไม่รับอักขระนี้) / the file contains the lone surrogate U+D83D, written as an escape"
        " (XML and HTML do not allow it) (แนะนำ / suggestion: เขียนเป็น \\U0001F600 หรือตัวอักษรเอง"
        " / write \\U0001F600 or the character itself)"]


def test_bidirectional_overrides_in_titles_and_names_are_reported(
        valid_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stakeholder = edit(S, "name: สำนักงานสาธารณสุขจังหวัดตรัง", "name: สำนักงาน\u202eสาธารณสุข\u202c")
    stakeholder += "aliases: [\"\\u2066สสจ.\\u2069\"]\n"
    code, lines = validate(valid_tree, {ST: stakeholder}, capsys)
    assert code == 1
    assert lines == [
        f"content/{ST}:4:15: error bidi-control: 'name' มีอักขระกำหนดทิศทางข้อความ U+202E RIGHT-TO-LEFT OVERRIDE"
        " ที่ตัวอักษรที่ 9 ซึ่งใช้พรางข้อความได้ / 'name' contains the bidirectional control U+202E"
        " RIGHT-TO-LEFT OVERRIDE at character 9, which can disguise text (แนะนำ / suggestion: สำนักงานสาธารณสุข)",
        f"content/{ST}:4:25: error bidi-control: 'name' มีอักขระกำหนดทิศทางข้อความ U+202C POP DIRECTIONAL FORMATTING"
        " ที่ตัวอักษรที่ 19 ซึ่งใช้พรางข้อความได้ / 'name' contains the bidirectional control U+202C"
        " POP DIRECTIONAL FORMATTING at character 19, which can disguise text (แนะนำ / suggestion: สำนักงานสาธารณสุข)",
        f"content/{ST}:10:12: error bidi-control: 'aliases[1]' มีอักขระกำหนดทิศทางข้อความ U+2066 LEFT-TO-RIGHT ISOLATE"
        " ที่ตัวอักษรที่ 1 ซึ่งใช้พรางข้อความได้ / 'aliases[1]' contains the bidirectional control U+2066"
        " LEFT-TO-RIGHT ISOLATE at character 1, which can disguise text (แนะนำ / suggestion: สสจ.)",
        f"content/{ST}:10:22: error bidi-control: 'aliases[1]' มีอักขระกำหนดทิศทางข้อความ U+2069 POP DIRECTIONAL ISOLATE"
        " ที่ตัวอักษรที่ 6 ซึ่งใช้พรางข้อความได้ / 'aliases[1]' contains the bidirectional control U+2069"
        " POP DIRECTIONAL ISOLATE at character 6, which can disguise text (แนะนำ / suggestion: สสจ.)",
    ]


def test_text_that_only_looks_unusual_passes(valid_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Tabs and newlines, a Windows file's line ends, a bidi mark in a body (Arabic or Hebrew
    quoted in a report), emoji, zero-width and Thai marks are all allowed."""
    text = edit(M, TITLE, 'title: "กขป.\\tเขต 12 🙂 น\u200bํ้า"')
    text = edit(text, "body: |\n  เนื้อหาการประชุม", "body: |\n  ข้อความ \u202bمرحبا\u202c\n  บรรทัดสอง")
    code, lines = validate(valid_tree, {MT: text.replace("\n", "\r\n")}, capsys)
    assert (code, lines) == (0, [])


def test_a_site_is_not_built_from_them_and_the_previous_site_stays(
        valid_tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "feed.xml").write_text("<feed/>", "utf-8")
    (valid_tree / MT).write_text(edit(M, TITLE, 'title: "ประชุม\\x01"'), "utf-8")
    assert main(["build", str(valid_tree), "-o", str(site), "-q"]) == 1
    assert "forbidden-character" in capsys.readouterr().out
    assert ET.parse(site / "feed.xml").getroot().tag == "feed"


@pytest.mark.parametrize("point", [0x00, 0x01, 0x08, 0x0B, 0x0C, 0x0D, 0x1F, 0x7F, 0x85, 0x9F, 0xD800,
                                   0xDFFF, 0xFDD0, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF])
def test_what_is_forbidden_is_exactly_what_xml_refuses_or_html_reports(point: int) -> None:
    assert FORBIDDEN.fullmatch(chr(point))
    assert f"U+{point:04X}" in describe(chr(point))[1]


@pytest.mark.parametrize("char", ["\t", "\n", " ", "~", "\xa0", "ก", "\u200b", "\u202e", "\ufffd", "🙂"])
def test_what_is_allowed_everywhere(char: str) -> None:
    assert not FORBIDDEN.fullmatch(char)


def test_the_quick_scan_of_a_file_never_misses_a_character_the_checks_report() -> None:
    """Files without a suspect character skip the value-by-value checks: the scan must cover
    every forbidden character and every direction control."""
    import sys

    from generator.records.characters import _SUSPECT, BIDI, FORBIDDEN

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    reported = {m.start() for m in FORBIDDEN.finditer(every)} | {m.start() for m in BIDI.finditer(every)}
    assert reported and reported <= {m.start() for m in _SUSPECT.finditer(every)}
