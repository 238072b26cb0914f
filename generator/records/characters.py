"""Characters XML and HTML forbid, and bidirectional controls in names, found where they stand.

A title with U+0001 validates as YAML (written "\\x01") but makes feed.xml ill-formed and
every page an HTML parse error; a right-to-left override in a name disguises it. Both are
reported at validation, so nothing downstream has to clean text: the feed, sitemap, pages,
search index, GraphML and GEXF only ever see text without them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from .diagnostics import Diagnostic
from .load import FieldPath, Record
from .schema_errors import field_name

# C0 controls but tab and newline, DEL and C1 controls, lone surrogates and the 66
# noncharacters (U+FDD0–U+FDEF, U+FFFE/U+FFFF of every plane): XML 1.0 refuses the C0
# controls, U+FFFE/U+FFFF and surrogates outright; HTML reports all of them as parse errors.
_NONCHARACTERS = "".join(chr(plane << 16 | low) for plane in range(17) for low in (0xFFFE, 0xFFFF))
FORBIDDEN = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef{_NONCHARACTERS}]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# what can hide one in a file's text: the character itself, or a YAML escape that writes one
# (\0 \a \b \v \f \r \e \N \x.. \u.... \U........); a plain "\n" or "\t" is harmless. Ranges
# only: the 34 astral noncharacters listed one by one made this scan 9× slower, so everything
# from U+1FFFE up (rare in Thai text) is read as suspect and checked value by value.
_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufdd0-\ufdef"
                      "\ufffe\uffff\U0001fffe-\U0010ffff]|\\\\[0abvfreNxuU]")
NAME_FIELDS = frozenset({"title", "name", "short", "aliases", "label", "hashtags", "reporter",
                         "honorific", "publisher", "credit"})
C0_NAMES = ["NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION",
            "ENQUIRY", "ACKNOWLEDGE", "ALERT", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED",
            "LINE TABULATION", "FORM FEED", "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN",
            "DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE",
            "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE",
            "END OF TRANSMISSION BLOCK", "CANCEL", "END OF MEDIUM", "SUBSTITUTE", "ESCAPE",
            "INFORMATION SEPARATOR FOUR", "INFORMATION SEPARATOR THREE",
            "INFORMATION SEPARATOR TWO", "INFORMATION SEPARATOR ONE"]
# YAML's one-letter escapes in double-quoted text, by the character they stand for
NAMED_ESCAPES = {"\x00": "0", "\x07": "a", "\x08": "b", "\x09": "t", "\x0a": "n", "\x0b": "v",
                 "\x0c": "f", "\x0d": "r", "\x1b": "e", "\x85": "N"}
REMOVE = "ลบอักขระนี้ออก / remove the character"
SHOWN_UP_TO = 60  # characters: a value this short is suggested back without the character


def describe(char: str) -> tuple[str, str]:
    """The character named in Thai and English: 'อักขระควบคุม U+0001 START OF HEADING'."""
    point = ord(char)
    code = f"U+{point:04X}"
    if point < 0x20 or point == 0x7F:
        name = C0_NAMES[point] if point < 0x20 else "DELETE"
        return f"อักขระควบคุม {code} {name}", f"control character {code} {name}"
    if 0x80 <= point <= 0x9F:
        return f"อักขระควบคุม C1 {code}", f"C1 control character {code}"
    if 0xD800 <= point <= 0xDFFF:
        return f"ตัวแทน (surrogate) ที่ไม่มีคู่ {code}", f"lone surrogate {code}"
    if BIDI.fullmatch(char):
        name = unicodedata.name(char)
        return f"อักขระกำหนดทิศทางข้อความ {code} {name}", f"bidirectional control {code} {name}"
    return f"อักขระที่ไม่ใช่ตัวอักษร (noncharacter) {code}", f"noncharacter {code}"


def character_diagnostics(record: Record) -> list[Diagnostic]:
    """Every forbidden character in any value or key, and every bidirectional control in a
    title or name, at its line and column in the file."""
    if record.text is not None and not _SUSPECT.search(record.text):
        return []  # nearly every file: one scan of its text in C
    found = []
    for where, text, is_key in strings(record.data):
        found.extend(forbidden_in(record, where, text, is_key))
        if not is_key and named(where):
            found.extend(bidi_in(record, where, text))
    return found


def strings(value: Any, where: FieldPath = ()) -> Iterator[tuple[FieldPath, str, bool]]:
    """(path, text, whether it is a key) for every key and text value, in document order."""
    if isinstance(value, str):
        yield where, value, False
    elif isinstance(value, dict):
        for key, item in value.items():
            yield (*where, key), str(key), True
            yield from strings(item, (*where, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, (*where, i))


def named(where: FieldPath) -> bool:
    """Is this a title or a name (the field, or an item of a list field, is one of them)?"""
    last = next((part for part in reversed(where) if isinstance(part, str)), "")
    return last in NAME_FIELDS


def forbidden_in(record: Record, where: FieldPath, text: str, is_key: bool) -> list[Diagnostic]:
    return found_in(record, where, text, is_key, FORBIDDEN, "forbidden-character",
                    (" (XML และ HTML ไม่รับอักขระนี้)", " (XML and HTML do not allow it)"))


def bidi_in(record: Record, where: FieldPath, text: str) -> list[Diagnostic]:
    return found_in(record, where, text, False, BIDI, "bidi-control",
                    (" ซึ่งใช้พรางข้อความได้", ", which can disguise text"))


def found_in(record: Record, where: FieldPath, text: str, is_key: bool, pattern: re.Pattern[str],
             code: str, why: tuple[str, str]) -> list[Diagnostic]:
    """Each character of the pattern in the text, at its line and column, named, with the fix."""
    name = field_name(where)
    found = []
    for offset, char in occurrences(pattern, text):
        th, en = describe(char)
        line, col = place(record, where, text, offset, is_key)
        found.append(Diagnostic(record.path, line, col, code,
                                f"'{name}' มี{th} ที่ตัวอักษรที่ {offset + 1}{why[0]}",
                                f"'{name}' contains the {en} at character {offset + 1}{why[1]}",
                                fixed(pattern, text)))
    return found


def occurrences(pattern: re.Pattern[str], text: str) -> list[tuple[int, str]]:
    return [(match.start(), match.group()) for match in pattern.finditer(text)]


def fixed(pattern: re.Pattern[str], text: str) -> str:
    """The value without the characters, when short enough to show; else how to fix it."""
    cleaned = pattern.sub("", text)
    if not cleaned or len(cleaned) > SHOWN_UP_TO or FORBIDDEN.search(cleaned) or "\n" in cleaned:
        return REMOVE
    return cleaned


def place(record: Record, where: FieldPath, text: str, offset: int, is_key: bool) -> tuple[int, int]:
    """Where the character at `offset` of a value stands in the file: the character itself, or
    the escape sequence that wrote it ("\\x01", "\\u202E", "\\b"), found from the value's start;
    the value's own place when neither is found."""
    line, col = record.position(where, key=is_key)
    source = record.text
    if source is None:
        return line, col
    start = line_offset(source, line) + col - 1
    char = text[offset]
    nth = text[:offset].count(char)
    for i, match in enumerate(written_as(char).finditer(source, start)):
        if i == nth:
            return position_of(source, match.start())
    return line, col


def written_as(char: str) -> re.Pattern[str]:
    """The character as it may stand in a YAML file: itself, or a double-quoted escape."""
    point = ord(char)
    forms = [f"x{point:02x}"] if point < 0x100 else []
    forms += [f"u{point:04x}", f"U{point:08x}"]
    hex_forms = "|".join(f"{form[0]}(?i:{form[1:]})" for form in forms)
    named_form = f"|{NAMED_ESCAPES[char]}" if char in NAMED_ESCAPES else ""
    raw = re.escape(char) if not 0xD800 <= point <= 0xDFFF else "(?!)"
    return re.compile(f"{raw}|\\\\(?:{hex_forms}{named_form})")


def line_offset(text: str, line: int) -> int:
    offset = 0
    for _ in range(line - 1):
        offset = text.index("\n", offset) + 1
    return offset


def position_of(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def reader_diagnostic(text: str, path: str, byte_offset: int, point: int) -> Diagnostic:
    """libyaml refuses a forbidden character written as is in the file; it tells where in
    bytes: say where in lines and columns, and which character."""
    offset = len(text.encode("utf-8", "surrogatepass")[:byte_offset].decode("utf-8", "replace"))
    line, col = position_of(text, offset)
    th, en = describe(chr(point))
    return Diagnostic(path, line, col, "forbidden-character",
                      f"ไฟล์มี{th} (XML และ HTML ไม่รับอักขระนี้)",
                      f"the file contains the {en} (XML and HTML do not allow it)", REMOVE)


def escape_diagnostic(text: str, path: str, line: int, col: int) -> Diagnostic | None:
    """A surrogate written as an escape ("\\uD83D", half of a JSON-style pair), which libyaml
    refuses: name it, and suggest the one escape of the whole character when it is a pair."""
    row = text.splitlines()[line - 1] if line <= len(text.splitlines()) else ""
    start = row.rfind("\\", 0, col)
    match = re.compile(r"\\u([dD][89abAB][0-9a-fA-F]{2})(?:\\u([dD][c-fC-F][0-9a-fA-F]{2}))?|"
                       r"\\u([dD][c-fC-F][0-9a-fA-F]{2})").match(row, max(start, 0))
    if start < 0 or not match:
        return None
    high = match.group(1) or match.group(3)
    th, en = describe(chr(int(high, 16)))
    hint = REMOVE
    if match.group(1) and match.group(2):
        whole = 0x10000 + (int(match.group(1), 16) - 0xD800) * 0x400 + int(match.group(2), 16) - 0xDC00
        hint = f"เขียนเป็น \\U{whole:08X} หรือตัวอักษรเอง / write \\U{whole:08X} or the character itself"
    return Diagnostic(path, line, start + 1, "forbidden-character",
                      f"ไฟล์มี{th} เขียนเป็นรหัส (XML และ HTML ไม่รับอักขระนี้)",
                      f"the file contains the {en}, written as an escape (XML and HTML do not allow it)",
                      hint)
