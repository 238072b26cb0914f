"""Drafts (`draft: true`): a record still being written is checked like any other, except that
what is merely unfinished (a required field missing or left empty) is a warning, so a half-filled
skeleton from `kb new` or `kb import` never stops the build. Every other problem (a bad date, a
Buddhist-era year, an unknown id, a forbidden character) stays an error: publishing a draft
should only ever need its blanks filled in and its flag removed."""

from __future__ import annotations

from dataclasses import replace

from .diagnostics import Diagnostic
from .load import Record

UNFINISHED = frozenset({"missing-field", "empty-value", "too-few-items"})


def lenient(record: Record, found: list[Diagnostic]) -> list[Diagnostic]:
    """The record's problems, the unfinished ones as warnings when it is a draft."""
    if not record.draft:
        return found
    return [replace(d, severity="warning") if d.code in UNFINISHED else d for d in found]
