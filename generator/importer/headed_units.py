"""A body named only inside a person's title: the unit a head leads ('หัวหน้าฝ่ายปกครอง', 'หัวหน้า
แผนกอาสาสมัคร', 'ผอ.ส่วนส่งเสริมการศึกษา…', 'หัวหน้างานกายภาพบำบัด') and the temple an abbot leads
('เจ้าอาวาสวัดพราหมณี'). Alone, 'ฝ่าย', 'แผนก', 'งาน', 'ส่วน' and 'วัด' open plain words ('ทั้งสองฝ่าย',
'งานวันเด็ก', 'ส่วนใหญ่', 'วัดความดัน'); right after the title of the person who heads one, they open
its name."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .name_ends import MAX_TOKENS, name_end
from .text import THAI_LETTER

if TYPE_CHECKING:  # (organizations imports long_names, which calls this module)
    from .organizations import Mention

# the titles of a unit's or a temple's head, and the words that open what they head
LEADS = {"หัวหน้า": ("ฝ่าย", "แผนก", "งาน", "ส่วน"), "ผู้อำนวยการ": ("ฝ่าย", "ส่วน"), "ผอ.": ("ฝ่าย", "ส่วน"),
         "เจ้าอาวาส": ("วัด",)}
UNIT_HEADS = tuple(sorted({head for heads in LEADS.values() for head in heads}))
TITLED = re.compile(rf"(?:{'|'.join(map(re.escape, LEADS))})[ \t]?(?=[{THAI_LETTER}])")
# 'หัวหน้าส่วนราชการ' (every office's head), 'ส่วนใหญ่' (most): kinds of post or plain words, no one unit
NOT_UNITS = ("ส่วนราชการ", "ส่วนงาน", "ส่วนท้องถิ่น", "ส่วนตัว", "ส่วนร่วม", "ส่วนหนึ่ง", "ส่วนใหญ่", "งานทั่วไป")


def units_in_titles(text: str, mention: type[Mention], known: frozenset[str]) -> list[Mention]:
    """The units and temples named right after their head's title, each to where its name ends."""
    found = []
    for title in TITLED.finditer(text):
        start = title.end()
        lead = title.group().strip(" \t")
        head = next((h for h in LEADS[lead] if text.startswith(h, start)), None)
        if head is None or text.startswith(NOT_UNITS, start):
            continue
        end = name_end(text, start, known, len(head), MAX_TOKENS)
        if end - start >= len(head) + 3:  # not 'วัดอุ' where a post is cut off
            found.append(mention(start, end, text[start:end]))
    return found
