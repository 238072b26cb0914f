"""One module per `kb` sub-command; each has register(subparsers) and run(args)."""

from __future__ import annotations

from pathlib import Path


def content_dir(value: str | None) -> Path:
    from ..cli import UsageError

    path = Path(value or "content")
    if not path.is_dir():
        raise UsageError(f"ไม่พบโฟลเดอร์ '{path}' / no such content folder '{path}'")
    return path
