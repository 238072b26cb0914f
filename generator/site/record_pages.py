"""One page per record: the fields a reader needs, and links both ways."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..graph.index import SiteIndex
from ..graph.network import EGO_TIES, ego_svg
from ..records.kinds import kinds, node_ids
from ..records.load import Record
from .features import region_of
from .labels import LABELS, label
from .links import Linker
from .model import Page, meta_text
from .outcomes import state_of
from .related import Related
from .render import render
from .share import share_of
from .story import story
from .tracking import Dep, PageIndex, TrackedIndex


def description_of(data: dict[str, Any]) -> str:
    for key in ("summary", "statement", "body"):
        if isinstance(data.get(key), str) and data[key].strip():
            text = " ".join(data[key].split())
            return text if len(text) <= 160 else text[:157] + "…"
    return str(data.get("title", ""))


def meeting_context(index: PageIndex, record: Record) -> dict[str, Any]:
    data = record.data
    reporter = data.get("reporter")
    return {"reporter_is_record": isinstance(reporter, str) and reporter in index.records}


def area_context(index: PageIndex, record: Record) -> dict[str, Any]:
    return {"presented_at": index.linked(record.id, "presented", incoming=True)}


def stakeholder_context(index: PageIndex, record: Record) -> dict[str, Any]:
    def incoming(relation: str) -> list[str]:
        return index.linked(record.id, relation, incoming=True)

    meetings = index.ordered(incoming("organized") + incoming("attended") + incoming("reported"))
    return {
        "meetings": [(m, meeting_roles(index, m, record.id)) for m in meetings],
        "leads": incoming("leads"), "partners": incoming("partners"),
        "mechanisms": incoming("mechanism"), "areas": incoming("works_in"),
        "members": incoming("parent"), "actions": owned_actions(index, record.id),
        "map_nodes": sorted(u for u, _, k in index.graph.in_edges(record.id, keys=True) if k == "map_actor"),
        "metrics": index.metrics.get(record.id), "ego": ego_diagram(index, record.id),
    }


def ego_diagram(index: PageIndex, record_id: str) -> Markup | None:
    metrics = index.metrics.get(record_id)
    if not metrics or not metrics.neighbours:
        return None
    def short(i: str) -> str:
        value = index.records[i].data.get("short")
        return value if isinstance(value, str) else index.title_of(i)

    shown = [n for n, _ in metrics.neighbours[:EGO_TIES]]  # only these are read: fewer cache deps
    titles = {n: short(n) for n in [*shown, record_id]}
    urls = {n: "../../" + index.url_of(n) for n in shown}
    svg = ego_svg(record_id, {record_id: metrics}, titles, urls)
    return Markup(svg)  # noqa: S704 - escaped in ego_svg


def meeting_roles(index: PageIndex, meeting_id: str, who: str) -> list[str]:
    organizers, attendees, reporter = index.fields_of(meeting_id, ("organizers", "attendees", "reporter"))
    roles = []
    if who in (organizers or []):
        roles.append("ผู้จัด")
    for attendee in attendees or []:
        if isinstance(attendee, dict) and attendee.get("who") == who:
            roles.append(str(attendee.get("role") or "ผู้เข้าร่วม"))
    if reporter == who:
        roles.append("ผู้รายงาน")
    return list(dict.fromkeys(roles))


def owned_actions(index: PageIndex, who: str) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for meeting_id in index.linked(who, "owns_action", incoming=True):
        for action in index.fields_of(meeting_id, ("actions",))[0] or []:
            if isinstance(action, dict) and who in (action.get("owners") or []):
                found.append((meeting_id, action))
    return found


def proposal_context(index: PageIndex, record: Record) -> dict[str, Any]:
    history = [h for h in record.data.get("history") or [] if isinstance(h, dict)]
    return {"raised_at": index.linked(record.id, "raised", incoming=True),
            "history": sorted(history, key=lambda h: str(h.get("date", ""))), "state": state_of(record.data)}


def systemmap_context(index: PageIndex, record: Record) -> dict[str, Any]:
    addressed = {}
    for node in node_ids(record.data):
        name = f"{record.id}#{node}"
        addressed[node] = index.ordered(
            u for u, _, k in index.graph.in_edges(name, keys=True) if k == "addresses")
    labels = {n["id"]: n.get("label", n["id"]) for n in record.data.get("nodes") or []
              if isinstance(n, dict) and "id" in n}
    return {"addressed": addressed, "node_labels": labels, "diagram": index.diagrams.get(record.id)}


def topic_context(index: PageIndex, record: Record) -> dict[str, Any]:
    """The topic's story over time: its records and those of its subtopics."""
    topics, todo = [record.id], [record.id]
    while todo:  # parents never loop (validation refuses cycles)
        children = [c for c in index.linked(todo.pop(), "parent", incoming=True) if c not in topics]
        topics += children
        todo += children
    under = [i for t in topics for i in index.linked(t, "topic", incoming=True)]
    return {**story(index, under).context(), "children": index.linked(record.id, "parent", incoming=True)}


CONTEXTS = {"meeting": meeting_context, "area": area_context, "stakeholder": stakeholder_context,
            "proposal": proposal_context, "systemmap": systemmap_context, "topic": topic_context}


def record_src(record: Record) -> str:
    return f"{kinds()[record.kind].folder}/{record.id}.md"


def traced_record_page(index: SiteIndex, record: Record, related: list[Related]) -> tuple[Page, set[Dep]]:
    """The page, and everything it read from the site (what its cache entry depends on)."""
    tracked = TrackedIndex(index)
    page = record_page(tracked, record, related, index.site_url)
    tracked.deps.add(("record", record.id))
    return page, tracked.deps


def record_page(index: PageIndex, record: Record, related: list[Related], site_url: str = "") -> Page:
    """`site_url` makes the share links' absolute address (the build's fingerprint holds it)."""
    kind = kinds()[record.kind]
    src_uri = record_src(record)
    depth = 2
    context = {
        "r": record.data, "id": record.id, "kind": kind, "site": Linker(index, depth),
        "label": label, "labels": LABELS, "region": region_of(record.data),
        "tags": index.tags_of(record), "related": related,
        "topics": [t for t in record.data.get("topics") or [] if t in index.records],
        "share": share_of(site_url, src_uri, record.title),
        **CONTEXTS[record.kind](index, record),
    }
    html = render(f"{record.kind}.html", **context)
    title = record.title
    return Page.of(src_uri, meta_text(title), meta_text(description_of(record.data)), record.kind, html)
