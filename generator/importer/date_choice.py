"""Which of a post's dates is its meeting's (issue 27, 27bb).

A report gives its event's day in words ('เมื่อวันที่ 19 พฤศจิกายน 2564', 'วันนี้ (13 ธ.ค. 66)',
'วันที่ 28 พฤศจิกายน 2566 นพ.…' opening a paragraph): that day is taken over a date before it
that is not so given, a page's posting stamp ('โพสเมื่อ : 24 พฤศจิกายน 2564', '19 พฤษภาคม 2559 ::
09:05:35 am', '[ วันที่ 29 พย. 66 ]' in the headline). A range's end is no meeting's day, and its
start takes its year ('30 สิงหาคมถึง 3 กันยายน 2564'); a range longer than TERM_DAYS is a term, a
reporting period or a long campaign ('ระยะเวลาตามสัญญา 1 ตุลาคม 2012 - 31 ตุลาคม 2013'): neither
end is a meeting's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .dates import FoundDate

SAID = re.compile(r"(?:เมื่อ|วันนี้\s*\()\s*$")
DAY_WORDS = re.compile(r"^\s*(?:วัน[ก-๛]*ที่|ที่)\s*")
# what may stand before a paragraph's opening day: bullets, a dateline ('สัตหีบ – ')
PARAGRAPH_OPENING = re.compile(r"^[\s\-–•.]*(?:[ก-๛]+\s*[-–]\s*)?$")
PARAGRAPH_GOES_ON = 20  # characters after the date on its line
THEN_THE_DAY = re.compile(r"^\s*เมื่อ")  # 'วันที่ 10 พฤษภาคม 2567 เมื่อ วันที่ 29 กุมภาพันธ์ 2567 …'
RANGE_JOIN = re.compile(r"^\s*(?:[-–—]|ถึง|จนถึง)\s*(?:วันที่\s*)?$")
TERM_DAYS = 60  # a range longer than this is a term, a reporting period or a campaign, not a meeting


def reported(plain: str, found: FoundDate) -> bool:
    """The day a report gives its event: after 'เมื่อ' or 'วันนี้ (', or 'วันที่ …' opening a
    paragraph that goes on; not a date followed by 'เมื่อ' and the event's day."""
    line_start = plain.rfind("\n", 0, found.start) + 1
    line_end = plain.find("\n", found.end)
    rest = plain[found.end: line_end if line_end >= 0 else len(plain)]
    if THEN_THE_DAY.match(rest):
        return False
    written = plain[found.start: found.end]
    day_words = written[: len(written) - len(DAY_WORDS.sub("", written))]
    before = re.sub(r"(?:วัน[ก-๛]*ที่|ที่)\s*$", "", (plain[line_start: found.start] + day_words).rstrip()).rstrip()
    if SAID.search(before):
        return True
    return bool(PARAGRAPH_OPENING.match(before) and written.lstrip().startswith("วัน")
                and len(rest.strip()) > PARAGRAPH_GOES_ON)


def reported_first(plain: str, candidates: list[FoundDate]) -> FoundDate:
    """The first candidate, unless it is not given as the event's day and a later one is."""
    if reported(plain, candidates[0]):
        return candidates[0]
    return next((f for f in candidates if reported(plain, f)), candidates[0])


def in_ranges(plain: str, dates: list[FoundDate]) -> tuple[list[FoundDate], list[FoundDate]]:
    """The dates, a range's start taking the year of its end ('12 กุมภาพันธ์ - 3 มีนาคม 2562'), and
    those that are no meeting's day: a range's end, and both ends of a range over TERM_DAYS."""
    out, no_days = list(dates), []
    for i, (start, end) in enumerate(pairwise(dates)):
        if start.stamp or end.stamp or end.value is None or not RANGE_JOIN.match(plain[start.end: end.start]):
            continue
        if start.value is None:
            try:
                out[i] = start = replace(start, value=date(end.value.year - (start.month > end.month),
                                                           start.month, start.day))
            except ValueError:
                continue
        no_days.append(end)
        if start.value is not None and (end.value - start.value).days > TERM_DAYS:
            no_days.append(start)
    return out, no_days
