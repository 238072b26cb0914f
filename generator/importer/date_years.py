"""A meeting's year when the post does not write it, or writes it wrong (issue 27, 27bb).

A day and month written without a year ('เมื่อวันที่ 2 ตุลาคมที่ผ่านมา', 'วันนี้ (4 ก.ค.)') take the
post's year when every year the post names is that one: its full dates, an English posting
date ('4 October 2023'), a numeric stamp ('07.06.2021'), a Buddhist-era year ('ครั้งที่ 11 พ.ศ.
2561', 'ประจำปี 2562'); not a target ('ภายในปี 2573'), a starting point ('นับตั้งแต่ปี 2537') or a
budget year, and for October to December not a project's year ('ประจำปี 2567' may be a budget
year that began in October 2566). A date whose weekday does not fall on it ('วันอังคารที่ 26
มกราคม 2563' under 'ครั้งที่ 1/2564') takes the one year near it, named in the post, on which the
weekday falls.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from .date_choice import SAID  # how a report gives its event's day: 'เมื่อวันที่ …', 'วันนี้ (4 ก.ค.)'

if TYPE_CHECKING:
    from .dates import FoundDate

ENGLISH_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
ENGLISH_DATE = re.compile(rf"\b(?:(?:{ENGLISH_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<a>(?:19|20)\d\d)"
                          rf"|\d{{1,2}}\s+(?:{ENGLISH_MONTHS}),?\s+(?P<b>(?:19|20)\d\d))\b")
NUMERIC_STAMP = re.compile(r"(?<![\d.])[0-3]\d[./][01]\d[./]((?:19|20|25)\d\d)(?![\d.])")  # a bar's '07.06.2021'
BE_YEAR = re.compile(r"(?<![\d,])(?<!\d\.)25\d\d(?![\d,])")
# a year that is not the post's: a target, a starting point, a budget year, every year
NOT_THE_POSTS = re.compile(r"(?:ในปี|ภายในปี|ตั้งแต่ปี|ถึงปี|งบประมาณ|ทุกปี|ปีงบ)\s*(?:พ\.\s?ศ\.\s?)?$")
ANNUAL = re.compile(r"ประจำปี\s*(?:พ\.\s?ศ\.\s?)?$")  # a project's year: a budget year in October–December
DAY_WORDS = re.compile(r"วัน[ก-๛]*ที่\s*$|\s+$")
PAST = re.compile(r"^\s*ที่ผ่านมา")
# a weekday's name without its วัน → its number (dates.DAY_NAMES is these names, in this order:
# พฤหัสบดี before พฤหัส, so that a pattern of them takes the whole name)
WEEKDAY_NUMBERS = {"จันทร์": 0, "อังคาร": 1, "พุธ": 2, "พฤหัสบดี": 3, "พฤหัส": 3, "ศุกร์": 4, "เสาร์": 5, "อาทิตย์": 6}
WEEKDAY_OPENING = re.compile(rf"^\s*(?:เมื่อ\s*)?วัน({'|'.join(WEEKDAY_NUMBERS)})")
NEAR = 3  # years: how far a year written wrong may be from the right one


def post_year(plain: str, dates: list[FoundDate], month: int) -> int | None:
    """The one year the post names (for a day of this month), or None when it names none or several."""
    years = {f.value.year for f in dates if f.value}
    years |= {int(m["a"] or m["b"]) for m in ENGLISH_DATE.finditer(plain)}
    years |= {to_year(int(m[1])) for m in NUMERIC_STAMP.finditer(plain)}
    for match in BE_YEAR.finditer(plain):
        before = plain[max(0, match.start() - 20): match.start()]
        if not NOT_THE_POSTS.search(before) and not (month >= 10 and ANNUAL.search(before)):
            years.add(int(match[0]) - 543)
    return years.pop() if len(years) == 1 else None


def to_year(year: int) -> int:
    return year - 543 if year >= 2400 else year


def reported_day(plain: str, found: FoundDate) -> bool:
    """A day and month given as the event's: after 'เมื่อ' or 'วันนี้ (', or before 'ที่ผ่านมา'."""
    opening = DAY_WORDS.sub("", plain[max(0, found.start - 12): found.start] + leading_words(found.text))
    return bool(SAID.search(opening) or PAST.match(plain[found.end:]))


def leading_words(text: str) -> str:
    """What the match holds before its day's digits ('เมื่อวันที่ ' keeps its 'วันที่')."""
    return text[: next((i for i, c in enumerate(text) if c.isdigit()), 0)]


def yearless_meeting(plain: str, dates: list[FoundDate]) -> date | None:
    """The first day and month given as the event's, in the post's one year."""
    for found in dates:
        if found.value is None and reported_day(plain, found):
            year = post_year(plain, dates, found.month)
            if year:
                try:
                    day = date(year, found.month, found.day)
                except ValueError:
                    continue
                # 'เมื่อวันอาทิตย์ที่ 22 เมษายน ที่ผ่านมา' at 'ประจำปี 2560': not a Sunday in 2560
                return day if named_weekday(found) in (None, day.weekday()) else None
    return None


def named_weekday(found: FoundDate) -> int | None:
    """The number of the weekday the date opens with ('วันอาทิตย์ที่ …', 'เมื่อวันอังคารที่ …'), if any."""
    opening = WEEKDAY_OPENING.match(found.text)
    return None if opening is None else WEEKDAY_NUMBERS[opening[1]]


def weekday_year(plain: str, found: FoundDate) -> FoundDate:
    """The date in the one year near it, named in the post, on which its weekday falls, when the
    weekday does not fall on the date as written; the date as written otherwise."""
    weekday = named_weekday(found)
    if found.value is None or weekday in (None, found.value.weekday()):
        return found
    fits = set()
    for year in {int(m[0]) - 543 for m in BE_YEAR.finditer(plain)} - {found.value.year}:
        try:
            if abs(year - found.value.year) <= NEAR and date(year, found.month, found.day).weekday() == weekday:
                fits.add(year)
        except ValueError:
            continue
    return replace(found, value=date(fits.pop(), found.month, found.day)) if len(fits) == 1 else found
