"""Drafts (`draft: true`): a record still being written is checked like any other, except that
what is merely unfinished is a warning, so a half-filled skeleton from `kb new` or `kb import`
never stops the build: a required field missing, a list still empty, a value left blank. Every
other problem (a bad date, a Buddhist-era year, an unknown id, a forbidden character) stays an
error: publishing a draft should only ever need its blanks filled in and its flag removed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from .diagnostics import Diagnostic
from .load import FieldPath, Pos, Record
from .schema_errors import empty_value

UNFINISHED = frozenset({"missing-field", "empty-value", "too-few-items"})


def lenient(record: Record, found: list[Diagnostic]) -> list[Diagnostic]:
    """The record's problems; in a draft, the unfinished ones as warnings. A blank value is
    unfinished whatever rule it also breaks: it gets one warning at its place, not a bad date,
    an unknown province or an id of the wrong form besides."""
    if not record.draft or not found:
        return found
    blanks = blank_places(record)
    settled = [empty_value(record, blanks[d.line, d.col]) if (d.line, d.col) in blanks else d for d in found]
    return list(dict.fromkeys(replace(d, severity="warning") if d.code in UNFINISHED else d for d in settled))


def blank_places(record: Record) -> dict[Pos, FieldPath]:
    """Where each blank value (empty or spaces, or nothing at all) sits in the file."""
    return {record.position(path): path for path in blank_paths(record.data)}


def blank_paths(value: Any, path: FieldPath = ()) -> Iterator[FieldPath]:
    if value is None or is_blank(value):
        if path:
            yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from blank_paths(item, (*path, key))
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from blank_paths(item, (*path, number))


def is_blank(value: Any) -> bool:
    return isinstance(value, str) and not value.strip()


def drawable(record: Record) -> Record:
    """A draft system map as far as it is written, for its diagram in the preview: the nodes that
    have an id and the links that join two of them (diagrams rely on what validation guarantees
    of a published map)."""
    if not record.draft or record.kind != "systemmap":
        return record
    nodes = [n for n in record.data.get("nodes") or []
             if isinstance(n, dict) and isinstance(n.get("id"), str) and not is_blank(n["id"])]
    ids = {n["id"] for n in nodes}
    links = [link for link in record.data.get("links") or []
             if isinstance(link, dict) and link.get("from") in ids and link.get("to") in ids]
    return replace(record, data={**record.data, "nodes": nodes, "links": links})
