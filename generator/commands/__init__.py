"""One module per `kb` sub-command; each has register(subparsers) and run(args)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import use_project
from ..records.diagnostics import format_text

if TYPE_CHECKING:  # validation's modules (schemas, Thai text) are imported when a command validates
    from ..records.validate import Content


def content_dir(value: str | None) -> Path:
    from ..cli import UsageError

    path = Path(value or "content")
    if not path.is_dir():
        raise UsageError(f"ไม่พบโฟลเดอร์ '{path}' / no such content folder '{path}'")
    use_project(path.resolve().parent)
    return path


def output_and_content(args: argparse.Namespace, formats: tuple[str, ...],
                       drafts: bool = False) -> tuple[Path, Content] | None:
    """-o checked against the formats (exit 2), then the validated content; None after
    printing the diagnostics when it is invalid (the caller exits 1)."""
    output = output_path(args.output, formats)
    content = valid_content(args.content, drafts)
    return (output, content) if content is not None else None


def output_path(value: str, formats: tuple[str, ...]) -> Path:
    """-o FILE, refused (exit 2) unless it ends with one of the formats."""
    from ..cli import UsageError

    path = Path(value)
    if path.suffix.lower() not in formats:
        raise UsageError(f"-o ต้องลงท้ายด้วย {', '.join(formats)} / -o must end with {', '.join(formats)}")
    return path


def valid_content(folder: str, drafts: bool = False) -> Content | None:
    """The validated content, or None after printing its diagnostics (the caller exits 1).
    Exports are published material: drafts are left out unless asked for."""
    from ..records.validate import validate_content

    whole = validate_content(content_dir(folder))
    content = whole if drafts else whole.published()  # as kb build: a draft's problems stop only drafts' use
    if content.ok:
        return content
    print(format_text(content.diagnostics))
    return None
