"""kb import POST.txt [--json] [--id ID]: a raw Thai post → draft meeting (and stakeholders,
proposals) in content/, then validated. Never overwrites a file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..importer.draft import meeting_draft, proposal_drafts, stakeholder_drafts, write_drafts
from ..importer.extract import extract
from ..records.diagnostics import format_text
from ..records.kinds import kinds
from ..records.validate import validate_content
from . import content_dir


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="นำเข้าโพสต์เป็นร่างระเบียน / import a raw post as draft records")
    p.add_argument("post", nargs="+", help="text file(s) of the post")
    p.add_argument("--content", default="content")
    p.add_argument("--id", help="id of the draft meeting (default: <date>-meeting)")
    p.add_argument("--json", action="store_true", help="print what was extracted as JSON; write nothing")
    p.set_defaults(run=run)


def read_post(path: Path) -> str:
    from ..cli import UsageError

    if not path.is_file():
        raise UsageError(f"ไม่พบไฟล์ '{path}' / no such file '{path}'")
    try:
        return path.read_text("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"'{path}' ไม่ได้เข้ารหัส UTF-8 / is not UTF-8") from exc


def run(args: argparse.Namespace) -> int:
    root = content_dir(args.content)
    records = validate_content(root).records
    folders = {kind.folder: kind.name for kind in kinds().values()}
    results = []
    for number, name in enumerate(args.post, 1):
        if len(args.post) > 1:
            print(f"[{number}/{len(args.post)}] {name}", file=sys.stderr)
        found = extract(read_post(Path(name)), records)
        if args.json:
            results.append(found.as_json())
            continue
        meeting = meeting_draft(found, root, args.id if len(args.post) == 1 else None, name)
        drafts = [meeting, *proposal_drafts(found, root, meeting), *stakeholder_drafts(found, root, meeting)]
        for path in write_drafts(root, drafts, folders):
            print(f"เขียน / wrote {path}")
    if args.json:
        print(json.dumps(results[0] if len(results) == 1 else results, ensure_ascii=False, indent=2))
        return 0
    content = validate_content(root)
    if content.diagnostics:
        print(format_text(content.diagnostics))
        print("ร่างยังไม่ผ่านการตรวจ แก้ตามรายการข้างบน / the drafts need the fixes listed above")
        return 1
    print("ร่างผ่านการตรวจแล้ว ตรวจทานเนื้อหาก่อนเผยแพร่ / drafts are valid; review them before publishing")
    return 0
