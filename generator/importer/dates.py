"""Thai dates and times as reports write them.

Digits are converted first, then one regular expression built from the month names (full,
`ม.ค.`, `มค.`, common misspellings) finds day–month–year, with or without spaces, `วันที่`,
a weekday, `พ.ศ.`, a day range (the first day counts) and Buddhist-era years of four or two
digits. Posting timestamps (a date followed by a clock time, or on a posted/updated line) are
not meeting dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..thai import thai_to_arabic_digits

MONTH_FORMS = [
    ["มกราคม", "ม.ค.", "มค.", "มค", "มกรา"],
    ["กุมภาพันธ์", "กุมภาพันธ", "ก.พ.", "กพ.", "กพ", "กุมภา"],
    ["มีนาคม", "มี.ค.", "มีค.", "มีค", "มีนา"],
    ["เมษายน", "เม.ย.", "เมย.", "เมย", "เมษา"],
    ["พฤษภาคม", "พ.ค.", "พค.", "พค", "พฤษภา"],
    ["มิถุนายน", "มิ.ย.", "มิย.", "มิย", "มิถุนา"],
    ["กรกฎาคม", "กรกฏาคม", "ก.ค.", "กค.", "กค", "กรกฎา", "กรกฏา"],
    ["สิงหาคม", "ส.ค.", "สค.", "สค", "สิงหา"],
    ["กันยายน", "ก.ย.", "กย.", "กย", "กันยา"],
    ["ตุลาคม", "ต.ค.", "ตค.", "ตค", "ตุลา"],
    ["พฤศจิกายน", "พ.ย.", "พย.", "พย", "พฤศจิกา"],
    ["ธันวาคม", "ธ.ค.", "ธค.", "ธค", "ธันวา"],
]
MONTHS = {form: number for number, forms in enumerate(MONTH_FORMS, 1) for form in forms}
_MONTH_RE = "|".join(re.escape(f) for f in sorted(MONTHS, key=len, reverse=True))
WEEKDAY = r"(?:วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)\s*)"
DATE = re.compile(
    rf"(?:{WEEKDAY}?(?:วันที่|ที่)?\s*)"
    r"(?<![\d/])(?P<day>\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s*"
    rf"(?P<month>{_MONTH_RE})"
    r"(?:\s*(?:พ\.\s?ศ\.|พศ\.?|ค\.\s?ศ\.)?\s*(?P<year>\d{4}|\d{2})(?![\d:.]\d))?")
TIMESTAMP_AFTER = re.compile(r"^\s*(?:เวลา\s*)?\d{1,2}:\d{2}(?!\s*[-–]\s*\d)(?:\s*น\.?)?")
POSTED = re.compile(r"โพสต์|เผยแพร่|แก้ไขล่าสุด|อัปเดต|อัพเดท|posted|updated|published", re.IGNORECASE)
TIME = re.compile(r"(?:เวลา|ตั้งแต่)\s*(\d{1,2})[.:](\d{2})\s*(?:น\.?)?\s*(?:(?:-|–|ถึง)\s*(\d{1,2})[.:](\d{2}))?")


@dataclass(frozen=True)
class FoundDate:
    value: date | None  # None when the year is missing
    day: int
    month: int
    start: int
    end: int
    text: str


def to_gregorian(year_text: str | None) -> int | None:
    if not year_text:
        return None
    year = int(year_text)
    if len(year_text) == 2:
        return 2500 + year - 543  # ๖๓ → 2563 BE → 2020
    if year >= 2400:
        return year - 543
    return year if 1900 <= year <= 2100 else None


def find_dates(text: str) -> list[FoundDate]:
    """Every day–month date in the text (Thai or Arabic digits), skipping posting timestamps."""
    plain = thai_to_arabic_digits(text)
    found = []
    for match in DATE.finditer(plain):
        line_start = plain.rfind("\n", 0, match.start()) + 1
        line_end = plain.find("\n", match.end())
        line = plain[line_start: line_end if line_end >= 0 else len(plain)]
        if POSTED.search(line) or TIMESTAMP_AFTER.match(plain[match.end(): match.end() + 20]):
            continue
        day, month = int(match["day"]), MONTHS[match["month"]]
        year = to_gregorian(match["year"])
        try:
            value = date(year, month, day) if year else None
        except ValueError:
            continue
        if not 1 <= day <= 31:
            continue
        found.append(FoundDate(value, day, month, match.start(), match.end(), text[match.start(): match.end()]))
    return found


def meeting_date(text: str) -> date | None:
    """The meeting's date: the first full date; a day and month alone take the year of a full
    date with the same day and month elsewhere in the post, never a guessed one."""
    dates = find_dates(text)
    for found in dates:
        if found.value:
            return found.value
    return None


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
