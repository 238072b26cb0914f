"""Draft records from an extracted post: YAML with a comment wherever the reporter must fill
something in. Organisations and people not yet in content/ become draft stakeholders that the
draft meeting lists among its attendees (with the role written after a person's name).
Existing files are never overwritten: a draft goes beside them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..thai import province_by_name
from .extract import Extracted
from .people import HONORIFIC

ID_LIMIT = 120  # schemas/common.schema.json: an id's maxLength
# An import is not reviewed yet: it stays off the public site until the reporter removes this line.
PUBLISH_LINE = "draft: true  # ลบบรรทัดนี้เพื่อเผยแพร่ / remove this line to publish"


@dataclass
class Draft:
    folder: str
    id: str
    lines: list[str] = field(default_factory=list)

    def add(self, key: str, value: Any, missing: str | None = None, note: str | None = None) -> None:
        """A field, or, when nothing was found, a commented line saying what to fill in."""
        if value in (None, [], "", {}):
            self.lines.append(f"# {key}:  # {missing}" if missing else f"# {key}:")
            return
        text = yaml_value(key, value)
        self.lines.append(text + (f"  # {note}" if note and "\n" not in text else ""))

    def add_commented(self, key: str, items: dict[str, str], missing: str) -> None:
        """A list of ids, each with a comment ('- ageing-society  # ผู้สูงอายุ')."""
        if not items:
            self.lines.append(f"# {key}:  # {missing}")
            return
        self.lines.append(f"{key}:")
        self.lines += [f"  - {item}  # {note}" for item, note in items.items()]

    def text(self, schema: str) -> str:
        head = [f"# yaml-language-server: $schema=../../schemas/{schema}.schema.json",
                "# ร่างจาก kb import: ตรวจทานทุกช่องก่อนเผยแพร่ / draft from kb import: review every field",
                PUBLISH_LINE]
        return "\n".join(head + self.lines) + "\n"


class LiteralDumper(yaml.SafeDumper):
    """Multi-line text as a literal block, so the report reads as written."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


LiteralDumper.add_representer(str, _str)


def yaml_value(key: str, value: Any) -> str:
    if isinstance(value, str) and "\n" not in value:
        return f"{key}: {json.dumps(value, ensure_ascii=False)}"  # quoted: dates, times, '#' stay text
    dumped = yaml.dump({key: value}, Dumper=LiteralDumper, allow_unicode=True, sort_keys=False, width=4096)
    return dumped.rstrip("\n")


def free_id(content: Path, folder: str, wanted: str, taken: set[str] | None = None) -> str:
    """The wanted id, or wanted-2, -3, ... when a file (or media folder) of that name exists or
    another draft of this run took it."""
    candidate, n = wanted[:ID_LIMIT], 1
    while ((content / folder / f"{candidate}.yaml").exists() or (content / "media" / candidate).exists()
           or candidate in (taken or set())):
        n += 1
        candidate = f"{wanted[:ID_LIMIT - len(str(n)) - 1].rstrip('-')}-{n}"
    return candidate


def meeting_id(found: Extracted, content: Path, wanted_id: str | None, taken: set[str]) -> str:
    day = found.date.isoformat() if found.date else "undated"
    return free_id(content, "meetings", wanted_id or f"{day}-meeting", taken)


def meeting_draft(found: Extracted, id_: str, source: str, new: dict[str, str],
                  media: list[dict[str, Any]] | None = None) -> Draft:
    draft = Draft("meetings", id_)
    draft.add("id", draft.id, note="เปลี่ยนเป็นชื่อที่สื่อความหมาย และเปลี่ยนชื่อไฟล์ให้ตรงกัน / rename id and file together")
    draft.add("title", found.title, "ไม่พบหัวข้อข่าว ใส่ชื่อการประชุม / no headline found: give the meeting a title")
    draft.add("date", found.date.isoformat() if found.date else None, "ไม่พบวันที่ประชุม กรอก YYYY-MM-DD (ค.ศ.)")
    draft.add("time", found.time, "ไม่พบเวลา เช่น 09:00-12:00")
    mode = "online" if found.online else ("onsite" if found.venue else None)
    draft.add("mode", mode, "onsite / online / hybrid")
    draft.add("venue", found.venue, "ไม่พบสถานที่")
    province = venue_province(found) or (found.provinces[0] if len(found.provinces) == 1 else None)
    draft.add("province", province, "ไม่แน่ใจว่าประชุมที่จังหวัดใด")
    if len(found.provinces) > 1:
        draft.add("provinces", found.provinces)
    draft.add("health_region", found.health_region, "เขตสุขภาพ 1–13")
    draft.add("organizers", [], "รหัสภาคีผู้จัด")
    draft.lines.append("# ภาคีที่พบในข้อความ (ร่างใหม่ลงท้าย -org-/-person-): ลบรายที่ไม่ได้เข้าร่วม "
                       "/ bodies and people named in the post")
    draft.add("attendees", attendees(found, new), "ไม่พบภาคี")
    reporter = found.reporter or ""
    draft.add("reporter", found.stakeholders.get(reporter) or new.get(reporter) or found.reporter, "ผู้รายงาน")
    draft.add("hashtags", found.hashtags)
    draft.add_commented("topics", {topic: "พบคำ / matched: " + ", ".join(matched)
                                   for topic, matched in found.topics.items()},
                        "ไม่พบคำของประเด็นที่มีอยู่ / no existing topic's words found")
    listed = media if media is not None else [{"kind": "photo", **photo} for photo in found.photos]
    draft.add("media", listed, "ไม่พบรายการภาพ")
    draft.add("next_meetings", found.next_meetings)
    credit = {k: v for k, v in {"publisher": found.publisher, "credit": found.credit}.items() if v}
    draft.lines.append(f"# ต้นฉบับ / imported from: {source}")
    draft.add("source", credit, "ใส่ url และผู้เผยแพร่")
    draft.add("body", "\n".join(line.rstrip() for line in found.body.splitlines()))
    return draft


def attendees(found: Extracted, new: dict[str, str]) -> list[dict[str, str]]:
    """Known stakeholders and the new drafts, each once, people with their role; then the known
    kinds the post's own bodies are said to be (organizations.kinds_named)."""
    listed: dict[str, dict[str, str]] = {}
    for name in [*found.organizations, *found.people, *found.stakeholders]:
        who = found.stakeholders.get(name) or new.get(name)
        if who and who not in listed:
            listed[who] = {"who": who, **({"role": found.roles[name]} if name in found.roles else {})}
    return list(listed.values())


def venue_province(found: Extracted) -> str | None:
    for name in found.provinces:
        if found.venue and name in found.venue:
            return name
    if found.venue:
        for word in found.venue.split():
            info = province_by_name(word)
            if info:
                return str(info["name"])
    return None


def proposal_drafts(found: Extracted, content: Path, meeting: Draft) -> list[Draft]:
    drafts = []
    for number, statement in enumerate(found.proposals, 1):
        draft = Draft("proposals", free_id(content, "proposals", f"{meeting.id}-p{number}"))
        draft.add("id", draft.id)
        draft.add("title", statement if len(statement) <= 90 else statement[:89] + "…", note="ย่อให้สั้น")
        draft.add("statement", statement)
        draft.add("leads", [], "รหัสภาคีเจ้าภาพหลัก")
        draft.add("origin", [meeting.id])
        draft.add("status", "proposed")
        if found.date:
            draft.add("history", [{"date": found.date.isoformat(), "status": "proposed", "meeting": meeting.id}])
        drafts.append(draft)
    return drafts


def split_honorific(name: str) -> tuple[str | None, str]:
    """'นพ.วรัญญู สัตยวงศ์ทิพย์' → ('นพ.', 'วรัญญู สัตยวงศ์ทิพย์')."""
    match = re.match(rf"(?P<title>{HONORIFIC})\s*(?P<rest>.+)$", name)
    return (match["title"].strip(), match["rest"]) if match else (None, name)


def stakeholder_drafts(found: Extracted, content: Path, meeting_id: str) -> tuple[list[Draft], dict[str, str]]:
    """A draft for every person and organisation named in the post and not yet known, and
    which draft each name became."""
    drafts, links = [], {}
    new_people = [p for p in found.people if p not in found.stakeholders]
    new_orgs = [o for o in found.organizations if o not in found.stakeholders]
    taken: set[str] = set()
    for n, name in enumerate(new_people + new_orgs, 1):
        person = name in new_people
        wanted = f"{meeting_id}-{'person' if person else 'org'}-{n}"
        draft = Draft("stakeholders", free_id(content, "stakeholders", wanted, taken))
        taken.add(draft.id)
        draft.add("id", draft.id, note="เปลี่ยนเป็นชื่อภาษาอังกฤษสั้น ๆ และเปลี่ยนชื่อไฟล์ให้ตรงกัน")
        draft.add("title", name)
        draft.add("kind", "person" if person else "organization")
        if person:
            honorific, bare = split_honorific(name)
            draft.add("name", bare)
            draft.add("honorific", honorific)
            draft.add("position", found.roles.get(name), "ตำแหน่ง")
        else:
            draft.add("name", re.sub(r"\s*\([^()]*\)\s*", " ", name).strip() or name)
            short = re.search(r"\(([^()]{2,12}\.)\)", name)
            draft.add("short", short.group(1) if short else None)
            draft.add("type", None, "government / local-government / civil-society / ...")
        drafts.append(draft)
        links[name] = draft.id
    return drafts, links


def write_drafts(content: Path, drafts: list[Draft], schema_of: dict[str, str]) -> list[Path]:
    written = []
    for draft in drafts:
        path = content / draft.folder / f"{draft.id}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:  # 'x': never overwrite
            handle.write(draft.text(schema_of[draft.folder]))
        written.append(path)
    return written
