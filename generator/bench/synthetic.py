"""Synthetic corpora for benchmarks: N meetings with stakeholders, areas, proposals, topics and
hashtags in the proportions of the demo content, Thai text sampled from the seed reports."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

from ..records.validate import validate_content
from ..thai import load_provinces

SHARES = {"stakeholder": 0.25, "area": 0.08, "proposal": 0.15, "topic": 0.004}


def paragraphs(content: Path) -> list[str]:
    """Paragraphs of the demo reports: the Thai text every synthetic record is made of."""
    found = []
    for record in validate_content(content).of_kind("meeting"):
        body = record.data.get("body") or ""
        found += [p.strip() for p in body.split("\n\n") if len(p.strip()) > 40]
    return found


class Corpus:
    def __init__(self, source: Path, meetings: int, seed: int = 12) -> None:
        self.rng = random.Random(seed)
        self.text = paragraphs(source)
        self.n = meetings
        self.count = {kind: max(5, int(meetings * share)) for kind, share in SHARES.items()}
        self.provinces = sorted(load_provinces().items())
        self.tags = [f"#ประเด็น{i}" for i in range(max(20, meetings // 20))] + ["#กขป.เขต 12"]

    def sentence(self, words: int = 12) -> str:
        return " ".join(self.rng.choice(self.text).split())[: words * 8]

    def body(self, paragraphs_count: int) -> str:
        return "\n\n".join(self.rng.sample(self.text, min(paragraphs_count, len(self.text))))

    def pick(self, prefix: str, kind: str, k: int) -> list[str]:
        return sorted({f"{prefix}-{self.rng.randrange(self.count[kind])}" for _ in range(k)})

    def place(self) -> dict[str, Any]:
        name, info = self.rng.choice(self.provinces)
        return {"province": name, "health_region": info["health_region"]}

    def records(self) -> dict[str, list[dict[str, Any]]]:
        return {"topics": [self.topic(i) for i in range(self.count["topic"])],
                "stakeholders": [self.stakeholder(i) for i in range(self.count["stakeholder"])],
                "areas": [self.area(i) for i in range(self.count["area"])],
                "proposals": [self.proposal(i) for i in range(self.count["proposal"])],
                "meetings": [self.meeting(i) for i in range(self.n)]}

    def topic(self, i: int) -> dict[str, Any]:
        return {"id": f"t-{i}", "title": f"ประเด็น {self.sentence(3)} {i}", "summary": self.sentence()}

    def stakeholder(self, i: int) -> dict[str, Any]:
        return {"id": f"s-{i}", "title": f"ภาคี {i}", "kind": "organization",
                "name": f"หน่วยงาน {self.sentence(4)} {i}", "type": "civil-society", **self.place()}

    def area(self, i: int) -> dict[str, Any]:
        return {"id": f"a-{i}", "title": f"พื้นที่ต้นแบบ {i}", "level": "subdistrict",
                "summary": self.sentence(), "organizations": self.pick("s", "stakeholder", 2),
                "topics": self.pick("t", "topic", 1), **self.place()}

    def proposal(self, i: int) -> dict[str, Any]:
        return {"id": f"p-{i}", "title": f"ข้อเสนอ {self.sentence(4)} {i}", "statement": self.body(1),
                "leads": self.pick("s", "stakeholder", 2), "partners": self.pick("s", "stakeholder", 3),
                "status": "proposed", "topics": self.pick("t", "topic", 1)}

    def meeting(self, i: int) -> dict[str, Any]:
        rng = self.rng
        day = f"{rng.randrange(2015, 2026)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        return {"id": f"m-{i}", "title": f"ประชุม {self.sentence(5)} ครั้งที่ {i}", "date": day,
                "time": "09:00-12:00", "mode": self.rng.choice(["onsite", "online", "hybrid"]),
                **self.place(), "summary": self.sentence(), "participants": self.rng.randrange(5, 80),
                "organizers": self.pick("s", "stakeholder", 1),
                "attendees": [{"who": s, "role": "ผู้เข้าร่วม"} for s in self.pick("s", "stakeholder", 6)],
                "areas": self.pick("a", "area", 1), "proposals": self.pick("p", "proposal", 2),
                "topics": self.pick("t", "topic", 2), "hashtags": self.rng.sample(self.tags, 2),
                "body": self.body(4)}


def write_corpus(source: Path, target: Path, meetings: int, seed: int = 12) -> int:
    """Write a synthetic content tree; returns the number of records."""
    total = 0
    for folder, records in Corpus(source, meetings, seed).records().items():
        (target / folder).mkdir(parents=True, exist_ok=True)
        for record in records:
            text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=1000)
            (target / folder / f"{record['id']}.yaml").write_text(text, "utf-8")
            total += 1
    return total
