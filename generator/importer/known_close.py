"""Extent rule 13 (name_extent.py): a full name the glossary knows closes a name read on past it.

'มหาวิทยาลัยนเรศวร|สัญจร', 'มหาวิทยาลัยนเรศวร|เข้ามามีบทบาท', 'กระทรวงสาธารณสุข|มากกว่าผู้ใช้บริการ',
'มหาวิทยาลัยขอนแก่น|บริการชุมชน': the words glued after a known body's whole name are the sentence
going on, as after a province (rule 4), unless they go on with the name (a level, a place, a part
of names such as แห่ง… or ประจำ…, a number, ฯ) or open another body (a head word or an
abbreviation: 'กรมอนามัยกระทรวงสาธารณสุข', a department of its ministry). A kind's full name
('มหาวิทยาลัยราชภัฏ', 'องค์การบริหารส่วนตำบล', one of many) or one ending with its level
('สำนักงานสาธารณสุขจังหวัด') is named by what follows it, so it closes nothing."""

from __future__ import annotations

import re
from functools import cache

from ..thai import load_glossary
from .name_ends import HEADS, NAME_PARTS
from .organizations import KINDS, body_abbreviations, kind_names, name_key
from .places import place_at
from .text import THAI_LETTER

LEVELS = ("จังหวัด", "อำเภอ", "ตำบล", "จ.", "อ.", "ต.", "เขต", "หมู่", "ม.", "บ้าน")
GOES_ON = (*LEVELS, *NAME_PARTS, "(", "แห่ง", "และ", "สาขา", "ประจำ", "ที่", "ฯ")
MIN_FULL = 6  # letters; shorter full names are parts of too many words


def squeezed(name: str) -> str:
    return re.sub(r"\s", "", name)


@cache
def closing_names() -> tuple[str, ...]:
    """The glossary's full names of single bodies (without spaces), longest first."""
    kinds = {squeezed(str(e["full"]).split(" (")[0]) for e in load_glossary() if name_key(str(e["short"])) in KINDS}
    kinds |= set(kind_names())
    names = {squeezed(str(e["full"]).split(" (")[0]) for e in load_glossary()}
    return tuple(sorted((n for n in names if len(n) >= MIN_FULL and n not in kinds and name_key(n) not in kinds
                         and not n.endswith(LEVELS) and n not in HEADS), key=len, reverse=True))


def written_end(text: str, start: int, full: str) -> int | None:
    """Where full (without spaces) ends, written from start with any spaces between its letters."""
    at = start
    for char in full:
        while at < len(text) and text[at] in " \t":
            at += 1
        if at >= len(text) or text[at] != char:
            return None
        at += 1
    return at


def known_close(text: str, start: int, end: int) -> int:
    """Rule 13: a name that opens with a known body's whole name and runs on glued into words that
    neither go on with it nor open another body ends with that name."""
    key = squeezed(text[start:end])
    full = next((f for f in closing_names() if len(key) > len(f) and key.startswith(f)), None)
    stop = written_end(text, start, full) if full else None
    if stop is None or stop >= end:
        return end
    rest = text[stop:end]
    if not re.match(f"[{THAI_LETTER}]", rest) or rest.startswith(GOES_ON) or rest.startswith(HEADS) \
            or rest.startswith(body_abbreviations()) or place_at(text, stop):
        return end
    return stop
