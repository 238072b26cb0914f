"""What became of the proposals (after Decidim's accountability view): how many stand at each
status, each proposal's status and the date of its latest change, and a listing per status."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .labels import LABELS

STATUSES = tuple(LABELS["proposal_status"])  # the schema's order: proposed → … → dropped
STATUS_FOLDER = "proposals/status"


@dataclass(frozen=True)
class State:
    """A proposal's status (None when the record gives none) and the date it last changed."""

    status: str | None
    changed: str  # ISO date, "" when the record dates no change

    @property
    def label(self) -> str:
        return LABELS["proposal_status"].get(self.status or "", "")


def state_of(data: Mapping[str, Any]) -> State:
    """The record's `status`, else its latest history entry's; the latest history date."""
    history = [h for h in data.get("history") or [] if isinstance(h, dict) and h.get("date")]
    history.sort(key=lambda h: str(h["date"]))
    status = data.get("status") if isinstance(data.get("status"), str) else None
    if status is None and history and isinstance(history[-1].get("status"), str):
        status = history[-1]["status"]
    return State(status if status in STATUSES else None, str(history[-1]["date"]) if history else "")


def status_url(status: str) -> str:
    return f"{STATUS_FOLDER}/{status}/"


def states(records: Mapping[str, Any], ids: list[str]) -> dict[str, State]:
    return {i: state_of(records[i].data) for i in ids}


def by_status(records: Mapping[str, Any], ids: list[str]) -> dict[str, list[str]]:
    """Every status (in the schema's order, empty ones too) → its proposals, in `ids` order."""
    grouped: dict[str, list[str]] = {s: [] for s in STATUSES}
    for i, state in states(records, ids).items():
        if state.status:
            grouped[state.status].append(i)
    return grouped


@dataclass(frozen=True)
class StatusCount:
    """One line of the outcome summary: a status, its Thai label, its count and its page."""

    status: str
    label: str
    count: int
    url: str  # "" when no proposal stands at it (no page is made)


def status_counts(records: Mapping[str, Any], ids: list[str]) -> list[StatusCount]:
    return [StatusCount(s, LABELS["proposal_status"][s], len(found), status_url(s) if found else "")
            for s, found in by_status(records, ids).items()]


def status_chunks(records: Mapping[str, Any], ids: list[str],
                  per_page: int) -> Iterator[tuple[str, list[list[str]]]]:
    """(status, its proposals in pages of `per_page`) for every status some proposal has."""
    for status, found in by_status(records, ids).items():
        if found:
            yield status, [found[i:i + per_page] for i in range(0, len(found), per_page)]
