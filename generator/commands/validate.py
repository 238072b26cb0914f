"""kb validate [CONTENT_DIR] [--format text|json]"""

from __future__ import annotations

import argparse

from ..progress import reporter, silent
from ..records.diagnostics import format_json, format_text
from ..records.validate import validate_content
from . import content_dir


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="ตรวจระเบียน / check every record")
    p.add_argument("content", nargs="?", default="content", help="content folder (default: content)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    content = validate_content(content_dir(args.content), silent if args.quiet else reporter())
    if args.format == "json":
        print(format_json(content.diagnostics))
    elif content.diagnostics:
        print(format_text(content.diagnostics))
    else:
        print(f"ตรวจแล้ว {len(content.records)} ระเบียน ไม่พบปัญหา / "
              f"{len(content.records)} records, no problems")
    return 0 if content.ok else 1
