"""kb export [-o DIR]: proposals and follow-up actions as CSV (UTF-8 with BOM, opens in Excel)."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from ..records.validate import Content
from . import valid_content


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="ส่งออกข้อเสนอและงานติดตามเป็น CSV / export CSV")
    p.add_argument("-o", "--output", default="export", help="folder for proposals.csv and actions.csv")
    p.add_argument("--content", default="content")
    p.set_defaults(run=run)


def names(content: Content, ids: list | None) -> str:
    """Titles of the records named; a draft's too (its name, as the site shows it as text)."""
    titles = {r.id: r.title for r in [*content.records, *content.drafts]}
    return "; ".join(titles.get(i, str(i)) for i in ids or [])


def run(args: argparse.Namespace) -> int:
    content = valid_content(args.content)
    if content is None:
        return 1
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "proposals.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "status", "leads", "partners", "levels", "origin", "statement"])
        for record in content.of_kind("proposal"):
            d = record.data
            levels = "; ".join(str(m.get("level")) for m in d.get("mechanisms") or [])
            writer.writerow([record.id, d.get("title"), d.get("status", ""), names(content, d.get("leads")),
                             names(content, d.get("partners")), levels, "; ".join(d.get("origin") or []),
                             " ".join(str(d.get("statement", "")).split())])
    with (out / "actions.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["meeting", "meeting_date", "action", "owners", "due", "status"])
        for record in sorted(content.of_kind("meeting"), key=lambda r: str(r.data.get("date"))):
            for action in record.data.get("actions") or []:
                writer.writerow([record.id, record.data.get("date"), action.get("text"),
                                 names(content, action.get("owners")), action.get("due", ""),
                                 action.get("status", "")])
    print(f"เขียน {out / 'proposals.csv'} และ {out / 'actions.csv'} แล้ว / wrote CSV files to {out}")
    return 0
