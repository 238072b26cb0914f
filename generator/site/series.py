"""A meeting's series: the meetings that follow one another, for ครั้งก่อน / ครั้งต่อไป links.

Meetings join a series through `next_meetings`: an entry naming the meeting (`meeting: id`),
or one whose date is the date of a recorded meeting that shares an organiser, an attendee or a
topic with it (reporters often write the follow-up as a date and a title only). A series is
every meeting so joined, in date order; each meeting links the one before and the one after.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..graph.index import SiteIndex


def series_of(index: SiteIndex) -> dict[str, tuple[list[str], list[str]]]:
    """Meeting id → ([the meeting before it], [the meeting after it]) for meetings in a series
    (once a build: the index keeps it)."""
    if "series" not in index.memo:
        index.memo["series"] = series_in(index)
    found: dict[str, tuple[list[str], list[str]]] = index.memo["series"]
    return found


def series_in(index: SiteIndex) -> dict[str, tuple[list[str], list[str]]]:
    joined = follow_ups(index)
    seen: set[str] = set()
    found: dict[str, tuple[list[str], list[str]]] = {}
    for start in sorted(joined):
        if start in seen:
            continue
        members = component(joined, start)
        seen |= members
        ordered = sorted(members, key=lambda m: (index.date_of(m), m))
        for n, meeting in enumerate(ordered):
            found[meeting] = (ordered[n - 1:n] if n else [], ordered[n + 1:n + 2])
    return found


def follow_ups(index: SiteIndex) -> dict[str, set[str]]:
    """Meetings joined either way by a next_meetings entry."""
    meetings = {i: r.data for i, r in index.records.items() if r.kind == "meeting"}
    on_date: dict[str, list[str]] = defaultdict(list)
    for meeting_id, data in meetings.items():
        on_date[str(data.get("date", ""))].append(meeting_id)
    joined: dict[str, set[str]] = defaultdict(set)
    for meeting_id, data in sorted(meetings.items()):
        for entry in data.get("next_meetings") or []:
            if not isinstance(entry, dict):
                continue
            named = entry.get("meeting")
            if isinstance(named, str):
                targets = [named] if named in meetings and named != meeting_id else []
            else:
                targets = [m for m in on_date.get(str(entry.get("date", "")), [])
                           if m != meeting_id and share_people_or_topic(data, meetings[m])]
            for target in targets:
                joined[meeting_id].add(target)
                joined[target].add(meeting_id)
    return joined


def share_people_or_topic(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(people(a) & people(b) or topics(a) & topics(b))


def people(data: dict[str, Any]) -> set[str]:
    found = {o for o in data.get("organizers") or [] if isinstance(o, str)}
    found |= {a["who"] for a in data.get("attendees") or [] if isinstance(a, dict) and isinstance(a.get("who"), str)}
    return found


def topics(data: dict[str, Any]) -> set[str]:
    return {t for t in data.get("topics") or [] if isinstance(t, str)}


def component(joined: dict[str, set[str]], start: str) -> set[str]:
    members, todo = {start}, [start]
    while todo:
        for other in joined[todo.pop()]:
            if other not in members:
                members.add(other)
                todo.append(other)
    return members
