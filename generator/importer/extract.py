"""What a raw Thai post says: title, date, time, venue, provinces, organisations, people,
hashtags, photos, reporter, credit and numbered proposals. Nothing is guessed: what is not
found is left out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from pythainlp.corpus import thai_words
from pythainlp.tokenize import Trie, word_tokenize

from ..records.load import Record
from ..thai import health_region_of, load_glossary, load_provinces, province_by_name, thai_to_arabic_digits
from .dates import DATE, find_dates, meeting_date, meeting_time

PHOTO = re.compile(r"^\s*[•*\-]?\s*photo\s*,\s*(\d+)\s*x\s*(\d+)\s*pixel\s*,\s*([\d,]+)\s*bytes", re.I | re.M)
CHROME = re.compile(r"ข้ามไปยังเนื้อหาหลัก|^Relate topics.*$|^แสดงความคิดเห็น.*$|^circle$|^Audio file$", re.M)
HONORIFIC = (r"(?:นพ\.|พญ\.|ภก\.|ภญ\.|ทพ\.|ทพญ\.|ศ\.ดร\.|รศ\.ดร\.|ผศ\.ดร\.|ศ\.|รศ\.|ผศ\.|ดร\.|"
             r"นางสาว|น\.ส\.|นาง|นาย)")
THAI_WORD = r"[\u0e01-\u0e2e\u0e30-\u0e4e]+"
PERSON = re.compile(rf"(?P<title>{HONORIFIC})\s?(?P<first>{THAI_WORD})\s+(?P<last>{THAI_WORD})(?=[\s,.)]|$)")
NOT_A_NAME = ("ก", "อำเภอ", "แพทย์", "ทหาร", "ตำรวจ", "ช่าง", "ทะเบียน", "ด่าน", "สถานี", "หน้า", "จ้าง",
              "ร้อย", "พัน", "พล", "สิบ", "ท่า", "ประกัน")
REPORTER = [re.compile(rf"^\s*(?P<name>{THAI_WORD}\s+{THAI_WORD})\s+รายงาน\s*$", re.M),
            re.compile(rf"รายงาน(?:จากพื้นที่)?\s*โดย\s*(?P<name>{THAI_WORD}\s+{THAI_WORD})")]
CREDIT = re.compile(r"ขอบคุณ(?:ข้อมูล|ภาพ)?(?:จาก)?\s*(?P<credit>[^\n]+)")
VENUE = re.compile(r"(?:^|\s)ณ\s+(?P<venue>[^\n]+)")
VENUE_END = re.compile(r"\s{2,}|\s(?:การ|โดย|เพื่อ|คณะ|ได้|มี|ร่วม|จัด|ซึ่ง|และได้|พร้อม)|[,(]")
ORG_HEADS = ("มูลนิธิ", "สมาคม", "กองทุน", "โรงพยาบาล", "รพ.", "อบต.", "อบจ.", "เทศบาล", "ศูนย์", "สภา",
             "สำนักงาน", "สนง.", "มหาวิทยาลัย", "วิทยาลัย", "สมัชชา", "node ", "Node ")
NUMBERED = re.compile(r"^\s*(?:[-•]\s*)?(\d{1,2})[).]\s*(?!\d)(?P<text>\S.+)$", re.M)
PROPOSAL_HEAD = re.compile(r"ข้อเสนอ|เสนอแนะ|แนวทางการดำเนินงาน|สรุปแนวทาง|ข้อสรุป|ข้อตกลง")


@dataclass
class Extracted:
    title: str = ""
    publisher: str | None = None
    date: date | None = None
    time: str | None = None
    venue: str | None = None
    online: bool = False
    provinces: list[str] = field(default_factory=list)
    health_region: int | None = None
    organizations: list[str] = field(default_factory=list)   # as written in the post
    stakeholders: dict[str, str] = field(default_factory=dict)  # as written → existing id
    people: list[str] = field(default_factory=list)
    hashtags: list[str] = field(default_factory=list)
    photos: list[dict[str, int]] = field(default_factory=list)
    reporter: str | None = None
    credit: str | None = None
    proposals: list[str] = field(default_factory=list)
    next_meetings: list[dict[str, str]] = field(default_factory=list)
    body: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"title": self.title, "date": self.date.isoformat() if self.date else None,
                "time": self.time, "provinces": self.provinces, "organizations": self.organizations,
                "people": self.people, "hashtags": self.hashtags, "photos": len(self.photos)}


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def find_title(text: str) -> tuple[str, str | None]:
    """The post's title (and the site name after ' | ' when the page title carries one)."""
    lines = [line for line in lines_of(text)[:40] if line and not PHOTO.match(line)]
    for line in lines[:6]:
        match = DATE.search(thai_to_arabic_digits(line))
        if match and match.start() > 10 and match.end() >= len(line) - 1:
            return line[: match.start()].strip(), None  # 'ประชุม...(ทีมบริหาร)6 มกราคม 2563'
    first = lines[0] if lines else ""
    title, _, site = first.partition(" | ")
    return title.strip(), CHROME.sub("", site).strip() or None


def strip_chrome(text: str) -> str:
    text = PHOTO.sub("", text)
    text = CHROME.sub("", text)
    cut = text.find("หากท่านไม่ได้เป็นสมาชิก")  # a comment form follows: not the report
    if cut > 0:
        text = text[: text.rfind("\n", 0, cut)]
    return re.sub(r"\n{3,}", "\n\n", text).strip()


@cache
def tokenizer_words() -> Trie:
    extra = set(load_provinces())
    for info in load_provinces().values():
        extra.update(info.get("aliases", []))
    for entry in load_glossary():
        extra.add(str(entry["short"]).rstrip("."))
    return Trie(set(thai_words()) | extra)


def find_provinces(text: str) -> list[str]:
    """Whole province names only: 'แพร่กระจาย' does not mention แพร่."""
    found: list[str] = []
    names = set(load_provinces())
    for paragraph in text.split("\n"):
        for token in word_tokenize(paragraph, custom_dict=tokenizer_words(), keep_whitespace=False):
            info = province_by_name(token) if token in names or token.startswith(("จ.", "จังหวัด")) else None
            if info and info["name"] not in found:
                found.append(info["name"])
    return found


def region_mentioned(text: str) -> int | None:
    match = re.search(r"เขต(?:สุขภาพ)?(?:ที่)?\s*(\d{1,2})(?!\d)", thai_to_arabic_digits(text))
    return int(match.group(1)) if match and 1 <= int(match.group(1)) <= 13 else None


def find_hashtags(text: str) -> list[str]:
    """A line that starts with # is one hashtag, spaces included ('#กขป.เขต 12'); inside a
    sentence a hashtag runs to the next space (Thai marks are not word characters for \\w)."""
    found: list[str] = []
    for line in lines_of(text):
        if line.startswith("#") and len(line) > 1:
            tags = [line] if line.count("#") == 1 else ["#" + t.strip() for t in line.split("#") if t.strip()]
        else:
            tags = re.findall(r"(?<![\w&])#[^\s#]+", line)
        found += [t for t in tags if t not in found]
    return found


def find_people(text: str, known: dict[str, str] | None = None) -> list[str]:
    """People with an honorific (นพ., ผศ.ดร., นาย, นางสาว, ...), not job titles that look like
    one (นายกอบจ., นายแพทย์สาธารณสุข), plus known people named without one."""
    found: list[str] = []
    words = set(thai_words())
    position = 0
    while match := PERSON.search(text, position):
        position = match.start() + len(match["title"])  # a rejected match may hide a real one
        if match["title"] in ("นาย", "นาง", "นางสาว") and match["first"].startswith(NOT_A_NAME):
            continue
        if len(match["first"]) > 15 or len(match["last"]) > 20 or match["last"] in words:
            continue
        position = match.end()
        name = f"{match['title']}{match['first']} {match['last']}"
        if name not in found:
            found.append(name)
    for name in known or {}:
        bare = [f for f in found if f.endswith(name)]
        if name in text and not bare:
            found.append(name)
    return found


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


LIST_OF_PLACES = re.compile(r"^((?:[,/]\s?[\u0e01-\u0e4e]+)+)")


def shared_prefix_names(flat: str, name: str, end: int, known: dict[str, str]) -> list[str]:
    """'พมจ.ตรัง,สตูล,ยะลา' and 'กองทุน...จังหวัดปัตตานี/นราธิวาส' name several bodies."""
    provinces = load_provinces()
    place = next((p for p in provinces if name.endswith(p)), None)
    tail = LIST_OF_PLACES.match(flat[end: end + 80])
    if not place or not tail:
        return []
    others = [t.strip() for t in re.split(r"[,/]", tail.group(1)) if t.strip()]
    return [name[: -len(place)] + other for other in others if other in provinces
            and name[: -len(place)] + other in known]


def find_organizations(text: str, known: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """Organisations as written, and those matched to existing stakeholders. Known names are
    found even when glued to the next word ('สสส.ได้', 'ระดับจังหวัด(สสจ.)')."""
    flat = " ".join(text.split())
    written: list[str] = []
    matched: dict[str, str] = {}
    taken: list[tuple[int, int]] = []
    for name in sorted(known, key=len, reverse=True):
        for match in re.finditer(re.escape(name), flat):
            span = (match.start(), match.end())
            if any(a <= span[0] < b or a < span[1] <= b for a, b in taken):
                continue
            if not name.endswith(".") and re.match(r"[\u0e01-\u0e2e]", flat[span[1]: span[1] + 1] or " ") \
                    and len(name) < 6:
                continue  # a short name running into a longer Thai word
            taken.append(span)
            for found in [name, *shared_prefix_names(flat, name, span[1], known)]:
                if found not in written:
                    written.append(found)
                matched[found] = known[found]
    for name in unknown_organizations(text):
        if name not in written and not any(name in w or w in name for w in written):
            written.append(name)
    for entry in load_glossary():
        short = str(entry["short"])
        if short.endswith(".") and len(short) >= 4 and short in flat and short not in NOT_BODIES \
                and not any(w.startswith(short) for w in written):
            written.append(short)
    return dedupe(written), matched


NOT_BODIES = {"ผอ.", "รองผอ.", "นพ.", "พญ.", "ภก.", "ผศ.", "รศ.", "ดร.", "นพ.สสจ.", "มบ.", "รร.", "มค.",
              "กพ.", "สค.", "ธค.", "สนง.", "ปลัดอบต."}  # glossary entries that are titles or words


def dedupe(names: list[str]) -> list[str]:
    """One entry per body however it is dotted or spaced (กปท / กปท.)."""
    seen: set[str] = set()
    out = []
    for name in names:
        key = re.sub(r"[\s.]", "", name)
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


ORG_HEAD_TOKENS = {"มูลนิธิ", "สมาคม", "โรงพยาบาล", "เทศบาล", "สำนักงาน", "มหาวิทยาลัย", "วิทยาลัย",
                   "สมัชชา", "สถาบัน", "ชมรม", "สหกรณ์", "มัสยิด", "วัด"}
ORG_STOP = {"ได้", "ที่", "และ", "ใน", "เพื่อ", "บอก", "ระบุ", "ร่วม", "มี", "เป็น", "จาก", "โดย", "ซึ่ง", "ให้",
            "กับ", "ของ", "ว่า", "จะ", "ไป", "มา", "ทำ", "ใช้", "นำ", "ส่ง", "เปิด", "ดูแล", "พัฒนา", "ประสาน"}


def unknown_organizations(text: str) -> list[str]:
    """Names that start with an organisation word (มูลนิธิ, สมาคม, เทศบาล, ...) and run to the
    next space, punctuation or function word."""
    found: list[str] = []
    for paragraph in text.split("\n"):
        tokens = word_tokenize(paragraph, custom_dict=tokenizer_words(), keep_whitespace=True)
        for i, token in enumerate(tokens):
            if token not in ORG_HEAD_TOKENS:
                continue
            name = [token]
            for following in tokens[i + 1: i + 6]:
                if not re.fullmatch(THAI_WORD, following) or following in ORG_STOP:
                    break
                name.append(following)
            if len(name) > 1 and "".join(name) not in found:
                found.append("".join(name))
    return found


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
        if item.value and main and item.value > main:
            line_start = text.rfind("\n", 0, item.start) + 1
            line_end = text.find("\n", item.end)
            line = text[line_start: line_end if line_end >= 0 else len(text)].strip(" -•")
            title = line.replace(item.text, "").strip(" ,-") or "นัดหมาย"
            found.append({"date": item.value.isoformat(), "title": " ".join(title.split())})
    return found


def date_paragraph(body: str, chosen: date | None) -> str:
    """The paragraph where the meeting's date is given with its place ('ณ ...') or mode; the
    first paragraph giving the date otherwise."""
    paragraphs = []
    for item in find_dates(body):
        if chosen and (item.day, item.month) == (chosen.day, chosen.month):
            start = body.rfind("\n", 0, item.start) + 1
            end = body.find("\n", item.end)
            paragraphs.append(body[start: end if end >= 0 else len(body)])
    for paragraph in paragraphs:
        if re.search(r"(?:^|\s)ณ\s|ผ่านระบบ|ออนไลน์", paragraph):
            return paragraph
    return paragraphs[0] if paragraphs else ""


def extract(text: str, records: list[Record]) -> Extracted:
    text = text.replace("\r\n", "\n").replace("\u00a0", " ")
    out = Extracted()
    out.title, out.publisher = find_title(text)
    out.body = strip_chrome(text)
    out.date = meeting_date(out.body)
    out.time = meeting_time(out.body)
    around = date_paragraph(out.body, out.date)
    venue = VENUE.search(around)
    if venue:
        out.venue = VENUE_END.split(venue["venue"], maxsplit=1)[0].strip() or None
    out.online = bool(re.search(r"ประชุมทางไกล|ออนไลน์|online|zoom", around, re.IGNORECASE))
    out.provinces = find_provinces(out.body)
    regions = {health_region_of(p) for p in out.provinces}
    out.health_region = region_mentioned(out.title) or (regions.pop() if len(regions) == 1 else None)
    names = stakeholder_names(records)
    people = {n: i for n, i in names.items() if kinds_of(records).get(i) == "person"}
    organizations = {n: i for n, i in names.items() if n not in people}
    out.organizations, out.stakeholders = find_organizations(out.body, organizations)
    out.people = find_people(out.body, people)
    out.stakeholders.update({p: people[n] for p in out.people for n in people if p.endswith(n)})
    out.hashtags = find_hashtags(out.body)
    out.photos = [{"width": int(w), "height": int(h), "bytes": int(b.replace(",", ""))}
                  for w, h, b in PHOTO.findall(text)]
    for pattern in REPORTER:
        if match := pattern.search(out.body):
            out.reporter = match["name"]
            break
    if match := CREDIT.search(out.body):
        out.credit = match.group(0).strip()
    out.proposals = find_proposals(out.body)
    out.next_meetings = find_next_meetings(out.body, out.date)
    return out
