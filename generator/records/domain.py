"""Domain rules the schema cannot say: real dates, Gregorian years, times, URLs, provinces,
characters XML and HTML forbid."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import cache
from urllib.parse import urlparse

from ..thai import (
    buddhist_to_gregorian_year,
    has_thai_digits,
    load_provinces,
    looks_buddhist_year,
    province_by_name,
    thai_to_arabic_digits,
)
from .characters import character_diagnostics
from .diagnostics import Diagnostic, nearest
from .load import Record
from .schemas import Pattern, field_plan, values_at

ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
TIME = r"([01]?\d|2[0-3])[:.]([0-5]\d)"
TIME_RANGE = re.compile(rf"{TIME}(?:\s*-\s*{TIME})?")


def check_date(record: Record, where: tuple, value: str) -> Diagnostic | None:
    if has_thai_digits(value):
        return record.diagnostic(where, "thai-digits-date", f"วันที่ '{value}' ใช้เลขไทย",
                                 f"date '{value}' uses Thai digits", thai_to_arabic_digits(value))
    match = ISO_DATE.fullmatch(value)
    if not match:
        return record.diagnostic(where, "bad-date", f"วันที่ '{value}' ต้องเขียนแบบ ปปปป-ดด-วว (ค.ศ.)",
                                 f"date '{value}' must be written YYYY-MM-DD (Gregorian)")
    year, month, day = (int(g) for g in match.groups())
    if looks_buddhist_year(year):
        gregorian = f"{buddhist_to_gregorian_year(year)}-{month:02d}-{day:02d}"
        return record.diagnostic(where, "buddhist-year",
                                 f"ปี {year} เป็น พ.ศ. ให้ใช้ ค.ศ. {buddhist_to_gregorian_year(year)}",
                                 f"year {year} is Buddhist era; use {buddhist_to_gregorian_year(year)}",
                                 gregorian)
    try:
        date(year, month, day)
    except ValueError:
        return record.diagnostic(where, "impossible-date", f"ไม่มีวันที่ '{value}' ในปฏิทิน",
                                 f"'{value}' is not a real calendar date")
    return None


def check_time(record: Record, where: tuple, value: str) -> Diagnostic | None:
    text = thai_to_arabic_digits(value)
    match = TIME_RANGE.fullmatch(text.strip())
    hint = None
    if match:
        h1, m1, h2, m2 = match.groups()
        fixed = f"{int(h1):02d}:{m1}" + (f"-{int(h2):02d}:{m2}" if h2 else "")
        if h2 and (int(h2), int(m2)) <= (int(h1), int(m1)):
            return record.diagnostic(where, "bad-time-range",
                                     f"เวลาสิ้นสุดต้องหลังเวลาเริ่ม ('{value}')",
                                     f"the end time must be after the start time ('{value}')")
        if fixed == value:
            return None
        hint = fixed
    return record.diagnostic(where, "bad-time", f"เวลา '{value}' ต้องเขียนแบบ 09:00-12:00",
                             f"time '{value}' must be written like 09:00-12:00", hint)


def check_url(record: Record, where: tuple, value: str) -> Diagnostic | None:
    parts = urlparse(value)
    if parts.scheme in ("http", "https") and parts.netloc and " " not in value:
        return None
    if parts.scheme in ("http", "https") and " " in value:
        return record.diagnostic(where, "bad-url", f"ลิงก์ '{value}' มีช่องว่าง",
                                 f"link '{value}' contains spaces", value.replace(" ", "%20"))
    return record.diagnostic(where, "bad-url", f"ลิงก์ '{value}' ต้องขึ้นต้นด้วย http:// หรือ https://",
                             f"link '{value}' must start with http:// or https://")


def check_province(record: Record, where: tuple, value: str) -> Diagnostic | None:
    info = province_by_name(value)
    if info and info["name"] == value:
        return None
    if info:
        return record.diagnostic(where, "province-name", f"ใช้ชื่อจังหวัดเต็ม '{info['name']}'",
                                 f"write the province as '{info['name']}'", info["name"])
    return record.diagnostic(where, "unknown-province", f"ไม่มีจังหวัด '{value}' ใน 77 จังหวัด",
                             f"'{value}' is not one of the 77 provinces",
                             nearest(value.removeprefix("จ.").strip(), load_provinces()))


FORMAT_CHECKS: dict[str, Callable[[Record, tuple, str], Diagnostic | None]] = {
    "date": check_date, "time-range": check_time, "uri": check_url}


def check_region(record: Record) -> Diagnostic | None:
    province, region = record.data.get("province"), record.data.get("health_region")
    info = province_by_name(province) if isinstance(province, str) else None
    if not info or not isinstance(region, int) or isinstance(region, bool) or not 1 <= region <= 13:
        return None
    if info["health_region"] == region:
        return None
    right = info["health_region"]
    return record.diagnostic(("health_region",), "region-mismatch",
                             f"จังหวัด{info['name']}อยู่เขตสุขภาพที่ {right} ไม่ใช่ {region}",
                             f"{info['name']} is in health region {right}, not {region}", str(right))


Check = Callable[[Record, tuple, str], Diagnostic | None]


@cache
def checked_fields(kind: str) -> tuple[tuple[Pattern, Check], ...]:
    """(field pattern, its check) for every field of a kind with a format or a province."""
    found = []
    for field in field_plan(kind):
        check = check_province if field.province else FORMAT_CHECKS.get(field.format or "")
        if check is not None:
            found.append((field.pattern, check))
    return tuple(found)


def domain_diagnostics(record: Record) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for pattern, check in checked_fields(record.kind):
        for where, value in values_at(record.data, pattern):
            if isinstance(value, str) and (problem := check(record, where, value)):
                found.append(problem)
    if region := check_region(record):
        found.append(region)
    found.extend(character_diagnostics(record))
    return found
