"""The post's headline: never a menu, a template credit, a breadcrumb, a category label, a
share button or a date heading; without enclosing quotes or a leading '#'. A post that opens
with its body ('เมื่อวันที่ ...', 'ผู้สื่อข่าวรายงานว่า ...') has no headline: None, and the draft
asks for one."""

from __future__ import annotations

import re

from ..thai import thai_to_arabic_digits
from .dates import DATE
from .text import PHOTO, is_chrome, lines_of, strip_enclosing

STAMP_PREFIX = re.compile(r"^date \d{4}-\d\d-\d\d\s*")
LABEL_PREFIX = re.compile(r"^(?:เรื่อง|หัวข้อ|ข่าว)\s*:\s*")
BODY_START = re.compile(r"^(?:เมื่อ|วันนี้|วันที่|เวลา|ผู้สื่อข่าว|รายงานข่าว|ด้วย|ตามที่|วัน(?:จันทร์|อังคาร|พุธ|พฤหัส|ศุกร์|"
                        r"เสาร์|อาทิตย์))")
LONGEST_TITLE = 250
LOOK_AT = 8  # content lines searched for a dated activity heading


def content_lines(text: str) -> list[str]:
    """The page's lines that may be the post: without photo lines, chrome and page stamps."""
    lines = []
    for raw in lines_of(text)[:60]:
        line = STAMP_PREFIX.sub("", raw).strip()
        if line and not PHOTO.match(line) and not is_chrome(line):
            lines.append(line)
    return lines


def glued_date_heading(line: str) -> str | None:
    """'ประชุม...(ทีมบริหาร)6 มกราคม 2563': an activity heading with its date glued on."""
    plain = thai_to_arabic_digits(line)
    match = DATE.search(plain)
    if not match or match.start() <= 10 or match.end() < len(line) - 1:
        return None
    if plain[match.start() - 1].isspace() or plain[match.start(): match.start() + 3] in ("วัน", "ที่"):
        return None
    return line[: match.start()].strip()


def is_label(line: str, following: str | None) -> bool:
    """A category label: the next line starts with it ('ผู้ว่าราชการจังหวัด' above the headline)."""
    return following is not None and len(line) <= 30 and following != line and following.startswith(line)


WEEKDAY_COMMA = re.compile(r"^วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)(?:ที่)?\s*,\s*")


def is_date_heading(line: str) -> bool:
    """'วันศุกร์, 26 เมษายน 2567' or '7 ธันวาคม 2560' alone on its line: a date bar."""
    match = DATE.match(plain := WEEKDAY_COMMA.sub("", thai_to_arabic_digits(line)))
    return match is not None and not plain[match.end():].strip(" ,.:น")


def find_title(text: str) -> tuple[str | None, str | None]:
    """The headline (None when the post opens with its body) and the site name after ' | '."""
    lines = content_lines(text)
    for line in lines[:LOOK_AT]:
        heading = glued_date_heading(line)
        if heading:
            return strip_enclosing(heading), None
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if is_date_heading(line) or is_label(line, following):
            continue
        line = LABEL_PREFIX.sub("", line)
        if BODY_START.match(line) or len(line) > LONGEST_TITLE:
            return None, None
        title, _, site = line.partition(" | ")
        title = strip_enclosing(title)
        if len(title) < 4:
            continue
        return title, (site.strip() or None)
    return None, None
