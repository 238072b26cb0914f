"""Thai dates and times as reports write them.

Digits are converted first, then one regular expression built from the month names (full,
`ม.ค.`, `มค.`, common misspellings) finds day–month–year, with or without spaces, `วันที่`,
a weekday, a dot or `เดือน` after the day, `พ.ศ.` (or what is left of it, `..`), a day range
('3-5', '๓ ถึง ๕': the first day counts) and Buddhist-era years of four or two digits; `วันที่
28/4/2564` too. Not meeting dates: posting timestamps (a date followed by a clock time, unless
its weekday or 'วันที่' and a quarter hour say the event starts then, or on a posted/updated,
news-agency or newspaper line), a founding day or a royal birthday, a blog's date heading above
the post, a site's date bar, a page's ISO stamp (`date 2025-09-02`), a range's end and a term's
ends (date_choice, which also prefers the day a report gives as its event's to a stamp before
it). A day and month alone take the year of a full date or stamp with the same day and month,
or of the range they open, or, given as the event's day with no full date in the post, the
post's one year (date_years); a year with two digits swapped (2653 for 2563), or one its
weekday does not fall in, is repaired only when the post itself names the right year nearby
(`ครั้งที่ 1/2564`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from ..thai import thai_to_arabic_digits
from .date_choice import in_ranges, reported_first
from .date_years import WEEKDAY_NUMBERS, weekday_year, yearless_meeting
from .text import posted_line

MONTH_FORMS = [
    ["มกราคม", "ม.ค.", "มค.", "มค", "มกรา"],
    ["กุมภาพันธ์", "กุมภาพันธ", "ก.พ.", "กพ.", "กพ", "กุมภา"],
    ["มีนาคม", "มี.ค.", "มีค.", "มีค", "มีนา"],
    ["เมษายน", "เม.ย.", "เมย.", "เมย", "เมษา"],
    ["พฤษภาคม", "พฤษภาคา", "พ.ค.", "พค.", "พค", "พฤษภา"],
    ["มิถุนายน", "มิ.ย.", "มิย.", "มิย", "มิถุนา"],
    ["กรกฎาคม", "กรกฏาคม", "กรกรฎาคม", "ก.ค.", "กค.", "กค", "กรกฎา", "กรกฏา"],
    ["สิงหาคม", "ส.ค.", "สค.", "สค", "สิงหา"],
    ["กันยายน", "ก.ย.", "กย.", "กย", "กันยา"],
    ["ตุลาคม", "ต.ค.", "ตค.", "ตค", "ตุลา"],
    ["พฤศจิกายน", "พ.ย.", "พย.", "พย", "พฤศจิกา"],
    ["ธันวาคม", "ธ.ค.", "ธค.", "ธค", "ธันวา"],
]
MONTHS = {form: number for number, forms in enumerate(MONTH_FORMS, 1) for form in forms}
MONTH_NAMES = "|".join(re.escape(f) for f in sorted(MONTHS, key=len, reverse=True))
DAY_NAMES = tuple(WEEKDAY_NUMBERS)  # จันทร์ … อาทิตย์, พฤหัสบดี before พฤหัส
DAY_NAME = f"(?:{'|'.join(DAY_NAMES)})"  # a weekday's name without its วัน (the titles' rules read it too)
WEEKDAYS = tuple(f"วัน{d}" for d in DAY_NAMES)
WEEKDAY = rf"(?:วัน{DAY_NAME}\s*)"
DATE = re.compile(
    rf"(?:{WEEKDAY}?(?:วันที่|ที่)?\s*)"
    r"(?<!\d)(?<!\d/)(?P<day>\d{1,2})(?:\s*(?:[-–]|ถึง|และ)\s*(?:วันที่\s*)?\d{1,2})?\.?\s*(?:เดือน\s*)?"
    rf"(?P<month>{MONTH_NAMES})"
    r"(?:\s*(?:พ\.\s?ศ\.|พ?\.\.|พศ\.?|ค\.\s?ศ\.)?\s*(?P<year>\d{4}|\d{2})(?::(?=\d{1,2}[.:]\d{2})|(?![\d:.]\d)))?")
STAMP = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-])")
TIMESTAMP_AFTER = re.compile(r"^\s*,?\s*(?:เวลา\s*)?\d{1,2}:(?P<minute>\d{2})(?!\s*[-–]\s*\d)(?:\s*น\.?)?")
# the paper's issue: 'เดลินิวส์ ฉบับวันที่ …', 'หนังสือพิมพ์เดลินิวส์ [ วันที่ 25/07/2560 ]'
SOURCE_LINE = re.compile(r"สำนักข่าว|หนังสือพิมพ์|ที่มา\s*:|แหล่งข่าว|ฉบับวันที่")
# a publication line: the date beside a views counter ('กองบรรณาธิการ TCIJ 6 พ.ค. 2563 | อ่านแล้ว 9731 ครั้ง')
VIEWS = re.compile(r"อ่านแล้ว\s*[\d,]+\s*ครั้ง|เข้าชม\s*:?\s*[\d,]+|[\d,]+\s*(?:views?|ครั้ง)\b", re.I)
# a numeric date with its Buddhist-era year in parentheses opening a paragraph, as a press office
# dates its report ('(22-1-2562)  ที่ห้องประชุม…'); a posting stamp is Gregorian or stands alone
# or, in a sentence, after 'วันที่' ('วันที่ 28/4/2564 ประชุม…'): a page's own stamps are Gregorian
NUMERIC = re.compile(r"^\((?P<day>\d{1,2})[-/.](?P<month>\d{1,2})[-/.](?P<year>25\d\d)\)"
                     r"|วันที่\s*(?P<sday>\d{1,2})/(?P<smonth>\d{1,2})/(?P<syear>25\d\d)(?!\d)", re.M)
# a page's posting line in words text.POSTED does not hold: 'ประกาศเมื่อวันที่ …', 'โพสเมื่อ : …',
# a blog's 'Daily Archives: …', a byline's 'โดย: … [27 กันยายน 2553]'
POSTED_ALSO = re.compile(r"ประกาศเมื่อ|โพสเมื่อ|archives?\s*:|^\s*โดย\s*:.*\[[^\]]*\]\s*$", re.I)
ENACTED = re.compile(r"ก่อตั้ง|(?<!ประชา)มติ|ประกาศใช้|พ\.ร\.บ\.|พระราชบัญญัติ|ประกาศราชกิจจา")
# an occasion's day, not a meeting's, in the sentence before: a royal jubilee ('เฉลิมพระชนมพรรษา
# 6 รอบ 28 กรกฎาคม 2567', 'ทรงมีพระชนมายุ ครบ 5 รอบ 2 เมษายน 2558'), a body's founding
# ('มีการก่อตั้งชมรม… เมื่อวันที่ 20 สิงหาคม 2544')
JUBILEE = re.compile(r"(?:พระชนมพรรษา|พระชนมายุ)\s*(?:ครบ\s*)?\d+\s*(?:รอบ|พรรษา)\s*$")
FOUNDING = re.compile(r"ก่อตั้ง")
YEARS_NAMED = re.compile(r"(?:/|พ\.\s?ศ\.\s?|ปี\s?(?:งบประมาณ\s?)?)(25\d\d)")
DATE_ONLY_REST = re.compile(r"^[\s,.:น()\-–]*(?:เวลา\s*)?[\d.:\s]*(?:น\.?)?\s*$")
TIME = re.compile(r"(?:เวลา|ตั้งแต่)\s*(\d{1,2})[.:](\d{2})\s*(?:น\.?)?\s*(?:(?:-|–|ถึง)\s*(\d{1,2})[.:](\d{2}))?")


@dataclass(frozen=True)
class FoundDate:
    value: date | None  # None when the year is missing
    day: int
    month: int
    start: int
    end: int
    text: str
    stamp: bool = False  # a page's ISO stamp: gives a year, never the meeting's date


def to_gregorian(year_text: str | None) -> int | None:
    if not year_text:
        return None
    year = int(year_text)
    if len(year_text) == 2:
        return 2500 + year - 543  # ๖๓ → 2563 BE → 2020
    if year >= 2400:
        return year - 543
    return year if 1900 <= year <= 2100 else None


def plausible(year: int) -> bool:
    return 1950 <= year <= date.today().year + 1


def repaired_year(year_text: str, plain: str) -> int | None:
    """2653 → 2563 when two neighbouring digits were swapped and the post names 2563 or a year
    next to it elsewhere (the meeting number 1/2564); None when nothing confirms a repair."""
    named = {int(y) for y in YEARS_NAMED.findall(plain)}
    for i in range(len(year_text) - 1):
        swapped = year_text[:i] + year_text[i + 1] + year_text[i] + year_text[i + 2:]
        gregorian = to_gregorian(swapped)
        if gregorian and plausible(gregorian) and any(abs(int(swapped) - y) <= 1 for y in named):
            return gregorian
    return None


def line_around(plain: str, start: int, end: int) -> str:
    line_start = plain.rfind("\n", 0, start) + 1
    line_end = plain.find("\n", end)
    return plain[line_start: line_end if line_end >= 0 else len(plain)]


def occasion(before: str) -> bool:
    """A royal jubilee ('…พระชนมพรรษา 6 รอบ', '…90 พรรษา' just before the date; a birthday's
    activities are held on the day) or a founding in the sentence before, not a meeting's day (a
    meeting that founds a club is the meeting's)."""
    return bool(JUBILEE.search(before) or FOUNDING.search(before) and "ประชุม" not in before)


def not_the_meeting(plain: str, start: int, end: int) -> bool:
    """A posting timestamp, a news agency's dateline or a paper's issue, or the day a law or
    resolution was made ('คณะรัฐมนตรีได้มีมติ เมื่อวันที่ 21 ธันวาคม พ.ศ.2536') or a body founded
    ('ก่อตั้งเมื่อ วันที่ ๓ เดือน มิถุนายน พ.ศ. ๒๕๕๔'), not the day of the meeting."""
    line = line_around(plain, start, end)
    before = plain[max(0, start - 30): start]
    return (posted_line(line) or bool((SOURCE_LINE.search(line) or VIEWS.search(line) or POSTED_ALSO.search(line))
                                      and len(line) <= 120)
            or timestamped(plain, start, end)
            or bool(ENACTED.search(before) and "ประชุม" not in before)
            or occasion(plain[max(plain.rfind("\n", 0, start) + 1, start - 80): start]))


def timestamped(plain: str, start: int, end: int) -> bool:
    """A date followed by a clock time is when the page was posted, unless it reads as the event's
    with its starting time: its weekday named ('วันอังคารที่ 18 มีนาคม 2568 เวลา 09:30 น.'), or
    opened with 'วันที่' at a time a meeting starts, on the quarter hour ('วันที่ 21 มิถุนายน 2561
    เวลา 9:30 น'; 'วันที่ 22 ก.ย. 2561 เวลา 14:14 น.' was posted)."""
    stamp = TIMESTAMP_AFTER.match(plain[end: end + 20])
    return stamp is not None and not starts_the_event(plain[start: start + 20], int(stamp["minute"]))


def starts_the_event(opening: str, minute: int) -> bool:
    """A date followed by its time: the weekday named, or 'วันที่' and a meeting's quarter hour."""
    opening = opening.lstrip()
    return opening.startswith(WEEKDAYS) or (opening.startswith("วันที่") and minute % 15 == 0)


def numeric_dates(plain: str, text: str) -> list[FoundDate]:
    found = []
    for match in NUMERIC.finditer(plain):
        year, month, day = (int(match[g] or match["s" + g]) for g in ("year", "month", "day"))
        year -= 543
        if valid(year, month, day) and plausible(year) and not not_the_meeting(plain, match.start(), match.end()):
            found.append(FoundDate(date(year, month, day), day, month, match.start(), match.end(),
                                   text[match.start(): match.end()]))
    return found


def find_dates(text: str) -> list[FoundDate]:
    """Every day–month date in the text (Thai or Arabic digits), skipping posting timestamps;
    ISO stamps come along marked as such."""
    plain = thai_to_arabic_digits(text)
    found = [FoundDate(date(int(m["year"]), int(m["month"]), int(m["day"])), int(m["day"]), int(m["month"]),
                       m.start(), m.end(), m.group(0), stamp=True)
             for m in STAMP.finditer(plain) if valid(int(m["year"]), int(m["month"]), int(m["day"]))]
    for match in DATE.finditer(plain):
        if not_the_meeting(plain, match.start(), match.end()):
            continue
        day, month = int(match["day"]), MONTHS[match["month"]]
        year = to_gregorian(match["year"])
        if year and not plausible(year):
            year = repaired_year(match["year"], plain)
        if not 1 <= day <= 31 or (year and not valid(year, month, day)):
            continue
        found.append(FoundDate(date(year, month, day) if year else None, day, month, match.start(), match.end(),
                               text[match.start(): match.end()]))
    return sorted(found + numeric_dates(plain, text), key=lambda f: f.start)


def valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def with_inferred_years(dates: list[FoundDate]) -> list[FoundDate]:
    """'วันนี้ (2 ก.ย.)' takes the year of '2025-09-02' or '2 กันยายน 2568' elsewhere."""
    years = {(f.day, f.month): f.value.year for f in dates if f.value}
    return [replace(f, value=date(years[f.day, f.month], f.month, f.day))
            if f.value is None and (f.day, f.month) in years else f for f in dates]


REPORT_OPENING = re.compile(r"\s*วัน[ก-๛]*ที่")  # 'วันที่ …', 'วันศุกร์ที่ …'


def heading_date(text: str, dates: list[FoundDate]) -> FoundDate | None:
    """A blog's date heading: the post's first line holds a date and nothing else, not a
    report's opening 'วันที่ …' or 'วันศุกร์ที่ …' without the 'พ.ศ.' a blog's heading writes."""
    plain = thai_to_arabic_digits(text)
    first = next((f for f in dates if not f.stamp), None)
    if first is None or plain[: first.start].strip(" \n,").removesuffix("ที่").strip() not in ("", *WEEKDAYS):
        return None  # the post's first line is the date, or a weekday, a comma and the date
    line_end = plain.find("\n", first.end)
    if line_end < 0 or not plain[line_end:].strip():
        return None  # a date and nothing under it heads no post
    if REPORT_OPENING.match(first.text) and "พ.ศ" not in first.text:
        return None  # 'วันที่ 5 กรกฎาคม 2567' opening a report; a blog writes 'วันพุธที่ 18 กรกฎาคม พ.ศ. 2555'
    time = TIME.match(plain[first.end: line_end].lstrip())
    if time and starts_the_event(plain[first.start: first.end], int(time[2])):
        return None  # 'วันที่ 4 สิงหาคม 2568 เวลา 10.00 น.' above a press office's report: the event's
    return first if DATE_ONLY_REST.match(plain[first.end: line_end]) else None


def meeting_date(text: str) -> date | None:
    """The meeting's date: the first full date that is not a stamp, a timestamp, the date bar
    heading the page above its post or a range's end, given as the event's day if one is (a
    posting stamp before it is not: date_choice); a day and month alone take the year of a full
    date with the same day and month, or of the range they open, or, given as the event's day
    with no full date in the post, the post's one year (date_years); never a guessed one."""
    plain = thai_to_arabic_digits(text)
    dates, no_days = in_ranges(plain, with_inferred_years(find_dates(text)))
    heading = heading_date(text, dates)
    bars = date_bars(text, dates)
    candidates = [weekday_year(plain, f) for f in dates
                  if f.value and not f.stamp and f not in no_days and f != heading and f not in bars]
    if candidates:
        return reported_first(plain, candidates).value
    return yearless_meeting(plain, dates)


PAGE_HEAD = 5  # lines: where a page puts its date bar, above the post
# what may open a date bar's line before the day: nothing, or a weekday as site software writes it
# ('จันทร์ ที่ 15 เดือน เมษายน พ.ศ.2556', 'วันเสาร์ ที่ 24 ตุลาคม พ.ศ. 2563'); 'วันที่ …' or
# 'วันจันทร์ที่ …' opens a sentence's date
BAR_OPENING = re.compile(rf"(?:{DAY_NAME}\s*(?:ที่)?|วัน{DAY_NAME}\s+ที่)?\s*")
# the event's place or hour in the paragraph under a bare date: the report's opening, not a bar
EVENT_AFTER = re.compile(r"(?:ที่(?:ห้อง|ศาลา|หอประชุม|โรง|อาคาร|สำนักงาน|ที่ว่าการ)|ณ\s|เวลา)")
BAR_REST = re.compile(r"^\s*\|?\s*$")  # a bare date further down: nothing after it, or a bar ('22 กันยายน 2558 |')


def date_bars(text: str, dates: list[FoundDate]) -> list[FoundDate]:
    """A page's date bar under the headline: a bare date alone on its line ('5 กรกฎาคม 2567') in
    the page's first lines, or anywhere as a paragraph of its own or before a bar ('11 มิถุนายน
    2568' under a notice's headline, '16 กุมภาพันธ์ 2022' under a photo's credit; a bare date
    whose line the report's sentence follows, '30 สิงหาคม 2565' above 'ที่ห้องประชุม…', is the
    report's); the post names its meeting 'วันที่ …' or in a sentence."""
    # (the match may open with a newline, or a weekday and 'ที่' the line's opening then holds)
    plain = thai_to_arabic_digits(text)
    bars = []
    for found in dates:
        day = found.start + next((i for i, c in enumerate(found.text) if c.isdigit()), 0)
        line_start = plain.rfind("\n", 0, day) + 1
        line_end = plain.find("\n", found.end)
        line_end = len(plain) if line_end < 0 else line_end
        rest = plain[found.end: line_end]
        if BAR_OPENING.fullmatch(plain[line_start:day]) and not EVENT_AFTER.match(plain[line_end:].lstrip()) and (
                (plain.count("\n", 0, line_start) < PAGE_HEAD and DATE_ONLY_REST.match(rest))
                or ("|" in rest or plain.startswith("\n\n", line_end)) and BAR_REST.match(rest)):
            bars.append(found)
    return bars


def meeting_time(text: str) -> str | None:
    """'เวลา 09.00 -12.00 น.' → '09:00-12:00'; 'เวลา 13.00 น.' → '13:00'."""
    match = TIME.search(thai_to_arabic_digits(text))
    if not match:
        return None
    h1, m1, h2, m2 = match.groups()
    if int(h1) > 23 or int(m1) > 59:
        return None
    start = f"{int(h1):02d}:{m1}"
    if h2 and int(h2) <= 23 and (int(h2), int(m2)) > (int(h1), int(m1)):
        return f"{start}-{int(h2):02d}:{m2}"
    return start
