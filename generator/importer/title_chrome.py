"""Lines and pieces of lines that a site's template or platform puts around every post, of any
site (title.py reads them): never a headline, nor part of one.

- office or broadcast hours, a run of weekdays and a span of times ('จันทร์ - ศุกร์ 08:30-16:30',
  'ออกอากาศ วันจันทร์-ศุกร์ : 20.05 - 20.20 น.'): the site's, above or beside every post;
- Blogger's search box ('ค้นหาบล็อกนี้', 'Search this blog'), atop every blog on the platform;
- a province's bare name on its line ('จังหวัดพัทลุง'): the place a provincial page is of, no
  headline (a headline says what happened there);
- a site's title bar, three parts or more joined by dashes ('กองทุนสุขภาพตำบล - กองทุนหลักประกันสุขภาพ
  ท้องถิ่น - กปท': its name, what it is, its abbreviation), as '<site name> - <English tagline>' is
  (the read sets' first lines hold six such lines, no headline);
- Joomla's article buttons glued after the headline ('… ควบคุมโรคไข้เลือดออก Print E-mail', its
  'PDF Print E-mail' icons' labels), and a forum's counter of reads ('(อ่าน 2297 ครั้ง)'), cut off;
- a title bar's '| ' whose site name was left off before it ('| โรงพยาบาลจิตเวช…'), and a section
  label shouted in Latin capitals before a colon ('SOUTH : ผู้นำศาสนา…', as 'News! …'), cut off.
"""

from __future__ import annotations

import re
from functools import cache

from ..thai import load_provinces
from .dates import DAY_NAME

WEEKDAYS = rf"(?:วัน)?{DAY_NAME}"
TIME = r"\d{1,2}[.:]\d\d"
HOURS = re.compile(rf"{WEEKDAYS}\s*[-–]\s*{WEEKDAYS}\s*:?\s*(?:เวลา\s*)?{TIME}\s*(?:น\.)?\s*[-–]\s*{TIME}")
SHORT_HOURS = 160  # characters: a body's paragraph giving a clinic's hours runs longer
DASH = re.compile(r"\s[-–—]\s")
SHORT_BAR = 100  # characters: a site's title bar, not a body's paragraph listing hours or days
BLOG_SEARCH = re.compile(r"^(?:ค้นหาบล็อกนี้|Search this blog)$", re.I)
THAI = re.compile(r"[\u0e01-\u0e4e]")
# 'PDF Print E-mail': a Joomla article's buttons, their labels read after its heading
# and a forum's counter of reads after it ('… โรงพยาบาลชุมชน  (อ่าน 2297 ครั้ง)')
BUTTONS = re.compile(r"(?:\s+(?:PDF|Print|E-?mail))+\s*$|\s*\(\s*(?:อ่าน|เข้าชม)\s*[\d,]+\s*ครั้ง\s*\)\s*$")
# '| ' before a headline (its site's name lost), 'SOUTH : ' (a section shouted in capitals)
BAR_OR_SHOUTED = re.compile(r"^(?:\|\s*|[A-Z]{2,12}\s*:\s*)(?=[\u0e01-\u0e4e“\"‘'(])")


def is_template_line(line: str) -> bool:
    """A line any site's template or platform puts there: hours, a blog's search box, a province alone,
    a title bar."""
    return ((len(line) <= SHORT_HOURS and bool(HOURS.search(line))) or bool(BLOG_SEARCH.match(line))
            or province_alone(line) or (len(line) <= SHORT_BAR and len(DASH.split(line)) >= 3))


def province_alone(line: str) -> bool:
    """'จังหวัดพัทลุง', 'จ.กระบี่', 'กระบี่': a province's name and nothing else."""
    bare = re.sub(r"^(?:จังหวัด|จ\.)\s*", "", line.strip())
    return bare in province_names()


@cache
def province_names() -> frozenset[str]:
    names = set(load_provinces())
    for info in load_provinces().values():
        names.update(alias for alias in info.get("aliases", []) if THAI.search(alias))
    return frozenset(names)


def without_furniture(line: str) -> str:
    """The line without a bar or a shouted label before it and buttons glued after it."""
    if not THAI.search(line):
        return line
    return BUTTONS.sub("", BAR_OR_SHOUTED.sub("", line))
