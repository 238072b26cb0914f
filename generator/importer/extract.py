"""What a raw Thai post says: title, date, time, venue, provinces, organisations, people and
their roles, hashtags, photos, reporter, credit and numbered proposals. Nothing is guessed: what
is not found is left out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..records.characters import BIDI, FORBIDDEN
from ..records.load import Record
from ..thai import health_region_of, load_provinces, province_by_name, thai_to_arabic_digits
from .dates import find_dates, meeting_date, meeting_time
from .hashtags import find_hashtags
from .long_names import COMMON_WORD_PROVINCES
from .people import Person, people_of
from .tagger_names import learned_organizations
from .text import PHOTO, lines_of, without_teaser, words
from .title import LOOK_AT, breadcrumb_trail, find_title, labels_run_together
from .topics import find_topics

CHROME = re.compile(r"ข้ามไปยังเนื้อหาหลัก|^Relate topics.*$|^แสดงความคิดเห็น.*$|^circle$|^Audio file$", re.M)
REPORTER = [re.compile(r"^\s*(?P<name>[\u0e01-\u0e4e]+\s+[\u0e01-\u0e4e]+)\s+รายงาน\s*$", re.M),
            re.compile(r"(?:รายงาน(?:จากพื้นที่)?\s*โดย|ข่าวโดย)\s*:?\s*(?P<name>[\u0e01-\u0e4e]+\s+[\u0e01-\u0e4e]+)")]
CREDIT = re.compile(r"ขอบคุณ(?:ข้อมูล|ภาพ)?(?:จาก)?\s*(?P<credit>[^\n]+)")
VENUES = [re.compile(r"(?:^|\s)ณ\.?\s*(?P<venue>[^\n]+)"),
          re.compile(r"(?:^|\s)ที่\s*(?P<venue>(?:ห้อง|โรงแรม|ศาลา|หอประชุม|อาคาร|สำนักงาน|ที่ว่าการ)[^\n]+)")]
VENUE_END = re.compile(r"\s{2,}|\s(?:การ|โดย|เพื่อ|คณะ|ได้|มี|ร่วม|จัด|ซึ่ง|และได้|พร้อม|นาย|นาง|ดร\.|นพ\.)|[,(]")
NUMBERED = re.compile(r"^\s*(?:[-•]\s*)?(\d{1,2})[).]\s*(?!\d)(?P<text>\S.+)$", re.M)
PROPOSAL_HEAD = re.compile(r"ข้อเสนอ|เสนอแนะ|แนวทางการดำเนินงาน|สรุปแนวทาง|ข้อสรุป|ข้อตกลง")


@dataclass
class Extracted:
    title: str | None = None
    publisher: str | None = None
    date: date | None = None
    time: str | None = None
    venue: str | None = None
    online: bool = False
    provinces: list[str] = field(default_factory=list)
    health_region: int | None = None
    organizations: list[str] = field(default_factory=list)   # as written in the post
    stakeholders: dict[str, str] = field(default_factory=dict)  # as written → existing id
    people: list[str] = field(default_factory=list)  # honorific + name as written
    roles: dict[str, str] = field(default_factory=dict)  # person → the role written after the name
    hashtags: list[str] = field(default_factory=list)
    topics: dict[str, list[str]] = field(default_factory=dict)  # existing topic id → words that matched
    photos: list[dict[str, Any]] = field(default_factory=list)
    reporter: str | None = None
    credit: str | None = None
    proposals: list[str] = field(default_factory=list)
    next_meetings: list[dict[str, str]] = field(default_factory=list)
    body: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"title": self.title, "date": self.date.isoformat() if self.date else None,
                "time": self.time, "provinces": self.provinces, "organizations": self.organizations,
                "people": self.people, "hashtags": self.hashtags, "topics": self.topics,
                "photos": len(self.photos)}


def photo_line(match: re.Match[str]) -> dict[str, Any]:
    """'• photo ภาพหมู่ , 1000x563 pixel , 449,613 bytes.' → its caption (if any) and sizes."""
    line: dict[str, Any] = {"width": int(match["width"]), "height": int(match["height"]),
                            "bytes": int(match["bytes"].replace(",", ""))}
    return {**({"caption": match["caption"].strip()} if match["caption"].strip() else {}), **line}


def strip_chrome(text: str) -> str:
    text = re.sub(r"(?m)^[ \t]*\.[ \t]*$", "", PHOTO.sub("", text))  # a photo line's closing dot goes too
    text = CHROME.sub("", text)
    cut = text.find("หากท่านไม่ได้เป็นสมาชิก")  # a comment form follows: not the report
    if cut > 0:
        text = text[: text.rfind("\n", 0, cut)]
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def without_site_lines(body: str) -> str:
    """The body without the menu labels run together at its head (the 'อบต' of 'featuredกิจกรรมอบต'
    is a category, not a body the post names; a slogan's body, the publisher, may stay) and
    without a breadcrumb trail run into the headline given below it."""
    lines = body.split("\n")
    head = [n for n, line in enumerate(lines[:LOOK_AT]) if labels_run_together(line.strip())
            or breadcrumb_trail(line.strip(), lines[n + 1: n + 1 + LOOK_AT])]
    return "\n".join("" if n in head else line for n, line in enumerate(lines))


def find_provinces(text: str) -> list[str]:
    """Whole province names only, in any written form (จ.ตรัง, จังหวัดตรัง, กรุงเทพฯ):
    'แพร่กระจาย' does not mention แพร่, and 'เลย' is Loei only after จ. or จังหวัด."""
    found: list[str] = []
    names = set(load_provinces())
    aliases = {a for info in load_provinces().values() for a in info.get("aliases", [])}
    for paragraph in text.split("\n"):
        previous = ""
        for token in words(paragraph):
            if token.isspace():
                continue
            info = province_by_name(token) if token in names or token in aliases else None
            if info and token in COMMON_WORD_PROVINCES and previous not in ("จ.", "จังหวัด"):
                info = None
            if info and info["name"] not in found:
                found.append(info["name"])
            previous = token
    return found


def region_mentioned(text: str) -> int | None:
    match = re.search(r"เขต(?:สุขภาพ)?(?:ที่|พื้นที่)?\s*(\d{1,2})(?!\d)", thai_to_arabic_digits(text))
    return int(match.group(1)) if match and 1 <= int(match.group(1)) <= 13 else None


def kinds_of(records: list[Record]) -> dict[str, str]:
    return {r.id: str(r.data.get("kind")) for r in records if r.kind == "stakeholder"}


def stakeholder_names(records: list[Record]) -> dict[str, str]:
    """Every way a stakeholder is written → its id; a record's own name and abbreviation win
    over another record's alias."""
    names: dict[str, str] = {}
    stakeholders = [r for r in records if r.kind == "stakeholder"]
    for fields in (("name", "short", "title"), ("aliases",)):
        level: dict[str, set[str]] = {}
        for record in stakeholders:
            for key in fields:
                values = record.data.get(key)
                for value in values if isinstance(values, list) else [values]:
                    if isinstance(value, str) and len(value.strip()) >= 3:
                        level.setdefault(value.strip(), set()).add(record.id)
        for name, ids in level.items():
            if len(ids) == 1:  # a name two bodies share says neither
                names.setdefault(name, ids.pop())
    return names


def find_proposals(text: str) -> list[str]:
    """Numbered items under a proposal or agreement heading."""
    items: list[str] = []
    heading_seen = False
    for line in lines_of(text):
        if PROPOSAL_HEAD.search(line) and not NUMBERED.match(line) and len(line) <= 160:
            heading_seen = True
            continue
        if len(line) > 200 and not NUMBERED.match(line):
            heading_seen = False  # a new paragraph of prose ends the list
        match = NUMBERED.match(line)
        if heading_seen and match and len(match["text"]) > 15:
            items.append(match["text"].strip())
    return items


def find_next_meetings(text: str, main: date | None) -> list[dict[str, str]]:
    """Dated appointments after the meeting (นัด...) with the line as their title."""
    found = []
    for item in find_dates(text):
        if item.value and main and item.value > main and not item.stamp:
            line_start = text.rfind("\n", 0, item.start) + 1
            line_end = text.find("\n", item.end)
            line = text[line_start: line_end if line_end >= 0 else len(text)].strip(" -•")
            title = line.replace(item.text, "").strip(" ,-") or "นัดหมาย"
            found.append({"date": item.value.isoformat(), "title": " ".join(title.split())[:200]})
    return found


def date_paragraph(body: str, chosen: date | None) -> str:
    """The paragraph where the meeting's date is given with its place ('ณ ...') or mode; the
    first paragraph giving the date otherwise."""
    paragraphs = []
    for item in find_dates(body):
        if chosen and (item.day, item.month) == (chosen.day, chosen.month) and not item.stamp:
            start = body.rfind("\n", 0, item.start) + 1
            end = body.find("\n", item.end)
            paragraphs.append(body[start: end if end >= 0 else len(body)])
    for paragraph in paragraphs:
        if re.search(r"(?:^|\s)ณ\s|ผ่านระบบ|ออนไลน์", paragraph) or find_venue(paragraph):
            return paragraph
    return paragraphs[0] if paragraphs else ""


def find_venue(around: str) -> str | None:
    """'ณ ห้องประชุม...' (or 'ที่ห้องประชุม...') up to where the sentence moves on."""
    for pattern in VENUES:
        if venue := pattern.search(around):
            return VENUE_END.split(venue["venue"], maxsplit=1)[0].strip() or None
    return None


def people_and_roles(out: Extracted, body: str, known_people: dict[str, str]) -> None:
    """People with their roles, the reporter among them, and known people matched by name."""
    people: list[Person] = list(people_of(body))
    out.people = [p.name for p in people]
    out.roles = {p.name: p.role for p in people if p.role}
    for pattern in REPORTER:
        if match := pattern.search(body):
            out.reporter = match["name"]
            break
    bare = {p.bare.replace(" ", ""): p.name for p in people}
    for name, id_ in known_people.items():
        written = bare.get(name.replace(" ", ""))
        if written is None and name in body and not any(p.endswith(name) for p in out.people):
            out.people.append(written := name)
        if written:
            out.stakeholders[written] = id_
    if out.reporter and out.reporter.replace(" ", "") in bare:
        out.reporter = bare[out.reporter.replace(" ", "")]


def prepared(text: str) -> str:
    """The page as it is read: without invisible direction marks (Facebook wraps names in
    U+202A…U+202C) and stray control characters (a draft holding them would fail validation),
    and without another post's teaser above it."""
    return without_teaser(FORBIDDEN.sub("", BIDI.sub("", text.replace("\r\n", "\n").replace("\u00a0", " "))))


def extract(text: str, records: list[Record], site_lines: frozenset[str] = frozenset()) -> Extracted:
    """What the post says; site_lines are the lines a batch found opening several of its posts."""
    text = prepared(text)
    out = Extracted()
    out.title, out.publisher = find_title(text, site_lines)
    out.body = strip_chrome(text)
    out.date = meeting_date(text)
    out.time = meeting_time(out.body)
    around = date_paragraph(out.body, out.date)
    out.venue = find_venue(around)
    out.online = bool(re.search(r"ประชุมทางไกล|ออนไลน์|online|zoom", around, re.IGNORECASE))
    out.provinces = find_provinces(out.body)
    regions = {health_region_of(p) for p in out.provinces}
    out.health_region = region_mentioned(out.title or "") or (regions.pop() if len(regions) == 1 else None)
    names = stakeholder_names(records)
    kinds = kinds_of(records)
    people = {n: i for n, i in names.items() if kinds.get(i) == "person"}
    organizations = {n: i for n, i in names.items() if n not in people}
    out.organizations, out.stakeholders = learned_organizations(without_site_lines(out.body), organizations)
    people_and_roles(out, out.body, people)
    out.hashtags = find_hashtags(out.body)
    out.topics = find_topics(out.body, records)
    out.photos = [photo_line(m) for m in PHOTO.finditer(text)]
    if match := CREDIT.search(out.body):
        out.credit = match.group(0).strip()
    out.proposals = find_proposals(out.body)
    out.next_meetings = find_next_meetings(out.body, out.date)
    return out
