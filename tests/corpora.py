"""Small content folders that validate, drawn by Hypothesis, with hostile text (issue 19).

The id rule is drawn from schemas/common.schema.json with hypothesis-jsonschema; the records by
strategies of our own, so that references resolve and provinces, regions and dates agree. Text
is Thai with every kind of mark, markup and template syntax, emoji, scripts written right to
left, long hashtags: anything the contract lets a reporter write.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from generator.records.kinds import kinds
from generator.records.schemas import load_schemas
from generator.site.listings import PER_PAGE
from generator.thai import load_provinces

WORDS = ["ประชุม", "กขป.", "เขต", "๑๒", "12", "สุขภาวะ", "กลุ่มเปราะบาง", "น้ำ", "นํ้า", "ผู้สูงอายุ",
         "สสจ.ตรัง", "รพ.สต.", "ธรรมนูญ", "ไก่", "ไก", "เปราะ", "ฯ", "ๆ", "iMed@home", "COVID-19",
         "โควิด", "สปสช.", "ก็", "ญี่ปุ่น", "ฤๅษี", "ศูนย์ประสานงานหลักประกันสุขภาพ", "index", "Node"]
HOSTILE = ["<script>alert(1)</script>", "&amp;", "&", "<", ">", '"', "'", "{{ x }}", "{% raw %}",
           "*ตัวหนา*", "_x_", "[ลิงก์](https://example.org/ก)", "`code`", "|", "\\", "%", "%20",
           "?", "#", "/", "..", ".", "-", "\u00a0", "\u200b", "\u200d", "\ufeff", "🙂", "👨‍👩‍👧",
           "e\u0301", "مرحبا", "\u200f", "日本語", "Ωμέγα", "\t", "  ", "kbslot7c1e-title", "]]>", "--",
           "İ", "\u212a", "ﬁ", "Ⅻ", "１２", "ǅ", "ß", "ς", "\u0e4d\u0e32", "---", "...", "\ue000"]
# letters, marks, digits, punctuation, symbols, spaces, private use: nothing XML or HTML forbids,
# no control character, and no bidirectional override (allowed only in long text, drawn apart)
ANY_CHAR = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Cn"),
                         exclude_characters="".join(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))))
PIECE = st.one_of(st.sampled_from(WORDS), st.sampled_from(HOSTILE), st.text(ANY_CHAR, min_size=1, max_size=6))


def texts(max_pieces: int = 6) -> st.SearchStrategy[str]:
    """One line of text, never empty; now and then a very long one."""
    short = st.lists(PIECE, min_size=1, max_size=max_pieces)
    long = st.lists(PIECE, min_size=60, max_size=80) if max_pieces > 3 else short
    pieces = st.sampled_from([short] * 19 + [long]).flatmap(lambda chosen: chosen)
    return pieces.map(" ".join).filter(lambda t: "\n" not in t)


def long_texts() -> st.SearchStrategy[str]:
    """Markdown with paragraphs, links of every scheme, and text written right to left."""
    extra = st.sampled_from(["\n\n", "\n- ", "\n1. ", "[ต่อ](../nowhere/)", "[x](javascript:alert(1))",
                             "![ภาพ](photo.jpg)", "<img src=x onerror=alert(1)>", "\u202bمرحبا\u202c",
                             "| a | b |\n|---|---|\n| ก | ข |", "[อีเมล](mailto:a@example.org)", "[#](#top)"])
    return st.lists(st.one_of(PIECE, extra), min_size=1, max_size=12).map(" ".join)


def hashtags() -> st.SearchStrategy[list[str]]:
    """Tags as posts write them: shared short ones in several forms, hostile ones, long ones."""
    shared = st.sampled_from(["#กขป.เขต 12", "กขป. เขต ๑๒", "#กขป.เขต12", "#COVID-19", "#covid-19", "#", "＃ ",
                              "#zindex", "#index", "#a#b", "#ไก่", "#ไก"])
    tag = st.one_of(shared, texts(3), st.lists(st.sampled_from(WORDS), min_size=20, max_size=45).map("".join))
    return st.lists(tag.map(lambda t: t if t.startswith(("#", "＃", "กขป")) else "#" + t), max_size=3, unique=True)


def _id_schema() -> dict[str, Any]:
    common = load_schemas()["common"]["$defs"]["id"]
    return {k: v for k, v in common.items() if k not in ("title", "description")}


IDS = from_schema(_id_schema())
DATES = st.dates(date(1990, 1, 1), date(2100, 12, 31)).map(date.isoformat)
PROVINCES = sorted(load_provinces())
URLS = st.builds(lambda path: "https://example.org/" + path,
                 st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Cn", "Zs", "Zl", "Zp"),
                                       exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"),
                         max_size=12))


@dataclass
class Corpus:
    records: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)  # kind → id → data

    def add(self, kind: str, data: dict[str, Any]) -> None:
        self.records.setdefault(kind, {})[data["id"]] = data

    def ids(self, kind: str) -> list[str]:
        return list(self.records.get(kind, {}))

    def all(self) -> Iterator[tuple[str, dict[str, Any]]]:
        for kind, records in self.records.items():
            for data in records.values():
                yield kind, data


def optional(draw: st.DrawFn, data: dict[str, Any], key: str, strategy: st.SearchStrategy[Any]) -> None:
    if draw(st.booleans()):
        data[key] = draw(strategy)


def some(draw: st.DrawFn, ids: list[str], most: int = 3) -> list[str]:
    return draw(st.lists(st.sampled_from(ids), max_size=most, unique=True)) if ids else []


def place(draw: st.DrawFn, data: dict[str, Any]) -> None:
    if draw(st.booleans()):
        province = draw(st.sampled_from(PROVINCES))
        data["province"] = province
        if draw(st.booleans()):
            data["health_region"] = load_provinces()[province]["health_region"]


def common_fields(draw: st.DrawFn, corpus: Corpus, data: dict[str, Any]) -> None:
    optional(draw, data, "summary", texts())
    optional(draw, data, "hashtags", hashtags())
    if corpus.ids("topic"):
        optional(draw, data, "topics", st.just(some(draw, corpus.ids("topic"))))
    optional(draw, data, "body", long_texts())
    optional(draw, data, "source", st.fixed_dictionaries({"url": URLS, "publisher": texts(2)},
                                                         optional={"credit": texts(2), "retrieved": DATES}))
    everything = [d["id"] for _, d in corpus.all()] + [data["id"]]
    optional(draw, data, "related", st.just(some(draw, everything, 2)))


@st.composite
def corpora(draw: st.DrawFn) -> Corpus:
    """2 to 12 records of every kind, joined by references."""
    counts = {"topic": draw(st.integers(1, 2)), "stakeholder": draw(st.integers(1, 3)),
              "systemmap": draw(st.integers(0, 1)), "area": draw(st.integers(0, 1)),
              "proposal": draw(st.integers(0, 1)), "meeting": draw(st.integers(1, 4))}
    extra = draw(st.sampled_from([0] * 5 + [PER_PAGE + 2]))  # now and then, a section of two pages
    ids = iter(draw(st.lists(IDS, min_size=sum(counts.values()), max_size=sum(counts.values()), unique=True)))
    corpus = Corpus()
    for kind, count in counts.items():
        for _ in range(count):
            data: dict[str, Any] = {"id": next(ids), "title": draw(texts())}
            MAKERS[kind](draw, corpus, data)
            common_fields(draw, corpus, data)
            corpus.add(kind, data)
    for number in range(extra):
        corpus.add("meeting", {"id": f"extra-{number}", "title": f"ประชุมครั้งที่ {number}", "date": draw(DATES)})
    return corpus


def make_topic(draw: st.DrawFn, corpus: Corpus, data: dict[str, Any]) -> None:
    if corpus.ids("topic"):
        optional(draw, data, "parent", st.sampled_from(corpus.ids("topic")))


def make_stakeholder(draw: st.DrawFn, corpus: Corpus, data: dict[str, Any]) -> None:
    data["kind"] = draw(st.sampled_from(["organization", "person"]))
    data["name"] = draw(texts())
    optional(draw, data, "short", texts(2))
    optional(draw, data, "aliases", st.lists(texts(2), max_size=2, unique=True))
    optional(draw, data, "type", st.sampled_from(["government", "civil-society", "fund", "network"]))
    optional(draw, data, "honorific", texts(1))
    optional(draw, data, "position", texts(3))
    optional(draw, data, "url", URLS)
    place(draw, data)
    if corpus.ids("stakeholder"):
        optional(draw, data, "parent", st.sampled_from(corpus.ids("stakeholder")))


def make_systemmap(draw: st.DrawFn, corpus: Corpus, data: dict[str, Any]) -> None:
    nodes = draw(st.lists(IDS, min_size=1, max_size=4, unique=True))
    kinds_ = st.sampled_from(["factor", "outcome", "leverage", "mechanism", "actor", "resource"])
    data["nodes"] = [{"id": n, "label": draw(texts(3)), "kind": draw(kinds_)} for n in nodes]
    data["links"] = [{"from": draw(st.sampled_from(nodes)), "to": draw(st.sampled_from(nodes)),
                      "polarity": draw(st.sampled_from("+-"))} for _ in range(draw(st.integers(0, 4)))]


def leverage_points(draw: st.DrawFn, corpus: Corpus) -> list[str]:
    points = [f"{m}#{n['id']}" for m, d in corpus.records.get("systemmap", {}).items() for n in d["nodes"]]
    return some(draw, points, 2)


def make_area(draw: st.DrawFn, corpus: Corpus, data: dict[str, Any]) -> None:
    data["level"] = draw(st.sampled_from(["village", "subdistrict", "district", "province", "region"]))
    place(draw, data)
    data["organizations"] = some(draw, corpus.ids("stakeholder"))
    optional(draw, data, "practices", st.lists(texts(3), max_size=2))
    optional(draw, data, "data_systems", st.lists(texts(2), max_size=2))
    optional(draw, data, "district", texts(2))
    optional(draw, data, "status", st.sampled_from(["planned", "pilot", "active", "model"]))


def make_proposal(draw: st.DrawFn, corpus: Corpus, data: dict[str, Any]) -> None:
    data["statement"] = draw(long_texts())
    data["leads"] = some(draw, corpus.ids("stakeholder"), 2)
    data["leverage_points"] = leverage_points(draw, corpus)
    data["partners"] = some(draw, corpus.ids("stakeholder"), 2)
    optional(draw, data, "mechanisms", st.lists(st.fixed_dictionaries(
        {"level": st.sampled_from(["province", "district", "subdistrict"]),
         "by": st.just(some(draw, corpus.ids("stakeholder"), 2))}), max_size=2))
    optional(draw, data, "targets", st.lists(texts(2), max_size=2))
    optional(draw, data, "status", st.sampled_from(["proposed", "accepted", "in-progress", "stalled"]))
    optional(draw, data, "history", st.lists(st.fixed_dictionaries(
        {"date": DATES, "status": st.sampled_from(["proposed", "accepted"]), "note": texts(3)}), max_size=2))


def make_meeting(draw: st.DrawFn, corpus: Corpus, data: dict[str, Any]) -> None:
    data["date"] = draw(DATES)
    optional(draw, data, "time", st.sampled_from(["09:00-12:00", "13:30", "08:00-16:30"]))
    optional(draw, data, "mode", st.sampled_from(["onsite", "online", "hybrid"]))
    optional(draw, data, "venue", texts(3))
    place(draw, data)
    data["organizers"] = some(draw, corpus.ids("stakeholder"), 2)
    data["attendees"] = [{"who": who, "role": draw(texts(2))} for who in some(draw, corpus.ids("stakeholder"))]
    data["areas"] = some(draw, corpus.ids("area"))
    data["proposals"] = some(draw, corpus.ids("proposal"))
    data["leverage_points"] = leverage_points(draw, corpus)
    optional(draw, data, "participants", st.integers(0, 5000))
    optional(draw, data, "actions", st.lists(st.fixed_dictionaries(
        {"text": texts(4)}, optional={"owners": st.just(some(draw, corpus.ids("stakeholder"), 1)),
                                       "due": DATES, "status": st.sampled_from(["planned", "done"])}), max_size=2))
    follow_up = st.sampled_from(corpus.ids("meeting")) if corpus.ids("meeting") else st.nothing()
    optional(draw, data, "next_meetings", st.lists(st.fixed_dictionaries(
        {"date": DATES, "title": texts(3)}, optional={"meeting": follow_up, "venue": texts(2)}), max_size=2))
    optional(draw, data, "reporter", st.one_of(texts(2), st.sampled_from(corpus.ids("stakeholder"))))
    optional(draw, data, "media", st.lists(st.fixed_dictionaries(
        {"kind": st.just("photo"), "url": URLS}, optional={"caption": texts(3)}), max_size=2))


MAKERS = {"topic": make_topic, "stakeholder": make_stakeholder, "systemmap": make_systemmap,
          "area": make_area, "proposal": make_proposal, "meeting": make_meeting}


class Plain(yaml.SafeDumper):
    """Values written out in full: a reporter's file has no anchors (the loader refuses them)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def write(corpus: Corpus, root: Path) -> None:
    """Every record as its own YAML file, as a reporter's editor would save it."""
    for kind, data in corpus.all():
        folder = root / kinds()[kind].folder
        folder.mkdir(parents=True, exist_ok=True)
        text = yaml.dump(data, Dumper=Plain, allow_unicode=True, sort_keys=False, width=1 << 30)
        (folder / f"{data['id']}.yaml").write_text(text, "utf-8")
