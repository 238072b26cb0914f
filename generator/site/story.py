"""A topic or hashtag page as a story over time: its meetings newest first by Buddhist-era
year, its proposals with their current status, its model areas, and the stakeholders most
involved. Reads the site through a PageIndex, so a topic page's cache notes every read.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..records.kinds import Kind, kinds
from ..thai import buddhist_year, thai_sorted
from .labels import label
from .tracking import PageIndex

MOST_INVOLVED = 10
# relations from a meeting, proposal or area to the stakeholders taking part in it
INVOLVES = ("organized", "attended", "leads", "partners", "mechanism", "works_in")
# what a meeting brings to the story: the proposals it raised and the areas it presented
BROUGHT = {"proposal": "raised", "area": "presented"}


@dataclass
class Story:
    years: list[tuple[int, list[str]]] = field(default_factory=list)  # BE year → meetings, newest first
    proposals: list[tuple[str, str, str, str]] = field(default_factory=list)  # (id, status, in Thai, since)
    areas: list[str] = field(default_factory=list)
    people: list[tuple[str, int]] = field(default_factory=list)  # (stakeholder, how many records)
    others: list[tuple[Kind, list[str]]] = field(default_factory=list)  # every other kind

    def context(self) -> dict[str, Any]:
        return {"years": self.years, "proposals": self.proposals, "areas": self.areas,
                "people": self.people, "others": self.others}


def story(index: PageIndex, ids: list[str]) -> Story:
    """The story of a set of records (a topic's, a tag's)."""
    by_kind: dict[str, list[str]] = {}
    for i in dict.fromkeys(ids):
        by_kind.setdefault(index.kind_of(i), []).append(i)
    meetings = index.ordered(by_kind.get("meeting", []))
    told = Story(years=by_year(index, meetings))
    brought = {kind: brought_by(index, meetings, kind) for kind in BROUGHT}
    proposals = index.ordered([*by_kind.get("proposal", []), *brought["proposal"]])
    told.proposals = [(p, status, label("proposal_status", status), since)
                      for p in proposals for status, since in [current_status(index, p)]]
    told.proposals.sort(key=lambda p: p[3], reverse=True)  # latest change first; a stable sort keeps Thai order
    told.areas = index.ordered([*by_kind.get("area", []), *brought["area"]])
    told.people = most_involved(index, [*meetings, *proposals, *told.areas])
    told.others = [(kind, index.ordered(by_kind[kind.name])) for kind in kinds().values()
                   if kind.name not in ("meeting", "proposal", "area") and kind.name in by_kind]
    return told


def by_year(index: PageIndex, meetings: list[str]) -> list[tuple[int, list[str]]]:
    years: dict[int, list[str]] = {}
    for meeting in meetings:  # already newest first
        date = index.date_of(meeting)
        years.setdefault(buddhist_year(int(date[:4])) if date[:4].isdigit() else 0, []).append(meeting)
    return list(years.items())


def brought_by(index: PageIndex, meetings: list[str], kind: str) -> list[str]:
    """Records of a kind the meetings raised or presented that name no topic of their own (a
    record with topics belongs to the stories of those topics)."""
    found = []
    for meeting in meetings:  # the caller puts them in display order
        for record_id in sorted(index.neighbours(meeting, (BROUGHT[kind],))):
            if not index.records[record_id].data.get("topics"):
                found.append(record_id)
    return found


def current_status(index: PageIndex, proposal: str) -> tuple[str, str]:
    """The status the proposal has now, and since when: its latest history entry, unless the
    record states a status of its own."""
    data = index.records[proposal].data
    history = sorted((h for h in data.get("history") or [] if isinstance(h, dict) and h.get("date")),
                     key=lambda h: str(h["date"]))
    latest = history[-1] if history else {}
    status = data.get("status") or latest.get("status") or "proposed"
    return str(status), str(latest.get("date", "")) if latest.get("status", status) == status else ""


def most_involved(index: PageIndex, records: list[str]) -> list[tuple[str, int]]:
    """Stakeholders taking part in the most of these records (organising, attending, leading,
    partnering, working in), most first."""
    counts: Counter[str] = Counter()
    for record_id in dict.fromkeys(records):
        involved = index.neighbours(record_id, INVOLVES)  # counted, so no display order needed
        counts.update(i for i in involved if index.kind_of(i) == "stakeholder")
    # only those that can be among the first are Thai-sorted: as many as reach the tenth count
    # (a big topic involves thousands of stakeholders)
    floor = sorted(counts.values(), reverse=True)[MOST_INVOLVED - 1] if len(counts) > MOST_INVOLVED else 0
    ranked = thai_sorted([i for i, n in counts.items() if n >= floor], key=index.title_of)
    ranked.sort(key=counts.__getitem__, reverse=True)  # most first: a stable sort keeps Thai order
    return [(i, counts[i]) for i in ranked[:MOST_INVOLVED]]
