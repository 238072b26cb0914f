"""Diagnostics are data: every problem found in a run, printed once at the end."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at a place in a file, in Thai and English, with a fix where one is known."""

    path: str
    line: int
    col: int
    code: str
    message_th: str
    message_en: str
    suggestion: str | None = None
    severity: str = "error"

    @property
    def message(self) -> str:
        text = f"{self.message_th} / {self.message_en}"
        if self.suggestion:
            text += f" (แนะนำ / suggestion: {self.suggestion})"
        return text

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity} {self.code}: {self.message}"


def nearest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The closest known spelling, for 'did you mean' suggestions."""
    found = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=cutoff)
    return found[0] if found else None


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(set(diagnostics), key=lambda d: (d.path, d.line, d.col, d.code, d.message_en))


def format_text(diagnostics: Iterable[Diagnostic]) -> str:
    items = sort_diagnostics(diagnostics)
    lines = [d.format() for d in items]
    files = len({d.path for d in items})
    errors = sum(d.severity == "error" for d in items)
    lines.append(f"พบปัญหา {errors} รายการใน {files} ไฟล์ / {errors} error(s) in {files} file(s)")
    return "\n".join(lines)


def format_json(diagnostics: Iterable[Diagnostic]) -> str:
    items = [asdict(d) | {"message": d.message} for d in sort_diagnostics(diagnostics)]
    return json.dumps(items, ensure_ascii=False, indent=2)
