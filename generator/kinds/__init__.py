"""The record kinds behind one registry: adding a kind = one module + one schema + one fixture."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import import_module

from ..diagnostics import Diagnostic
from ..loader import Record

Check = Callable[[Record], list[Diagnostic]]


@dataclass(frozen=True)
class Kind:
    name: str
    folder: str
    label_th: str
    label_en: str
    check: Check | None = None
    date_field: str | None = None  # the field that orders records newest first
    icon: str = "material/file-document-outline"


MODULES = ("meeting", "area", "stakeholder", "proposal", "systemmap", "topic")


@cache
def kinds() -> dict[str, Kind]:
    """Kind name → Kind, in the order the site presents them."""
    return {kind.name: kind for kind in (import_module(f"{__name__}.{m}").KIND for m in MODULES)}


@cache
def folders() -> dict[str, str]:
    """Content folder → kind name."""
    return {kind.folder: kind.name for kind in kinds().values()}
