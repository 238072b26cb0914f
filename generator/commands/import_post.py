"""kb import POST.txt [POST2.txt ...] [FOLDER/] [--photos DIR] [--json] [--id ID]: raw Thai
posts → draft meetings (and stakeholders, proposals) in content/, each draft then validated.
Never overwrites a file. Exit 1 only when a draft written by this run needs fixing; problems in
other files of content/ are mentioned, not held against this import."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..importer.draft import Draft, meeting_draft, meeting_id, proposal_drafts, stakeholder_drafts, write_drafts
from ..importer.extract import Extracted, extract
from ..importer.photos import import_photos, photo_folder
from ..importer.title import site_lines
from ..records.diagnostics import Diagnostic, format_text
from ..records.kinds import kinds
from ..records.load import Record
from ..records.validate import validate_content
from . import content_dir

POST_SUFFIXES = (".txt", ".md")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="นำเข้าโพสต์เป็นร่างระเบียน / import raw posts as draft records")
    p.add_argument("post", nargs="+", help="text file(s) of posts, or folders of them")
    p.add_argument("--content", default="content")
    p.add_argument("--id", help="id of the draft meeting (one post only; default: <date>-meeting)")
    p.add_argument("--photos", type=Path, help="folder of the meeting's photos (one post only; default: "
                                              "a folder beside the post with its name)")
    p.add_argument("--json", action="store_true", help="print what was extracted as JSON; write nothing")
    p.set_defaults(run=run)


def posts_of(names: list[str]) -> list[Path]:
    """The posts named, folders opened (their .txt and .md files in name order)."""
    from ..cli import UsageError

    posts: list[Path] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            posts += sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in POST_SUFFIXES)
        elif path.is_file():
            posts.append(path)
        else:
            raise UsageError(f"ไม่พบไฟล์ '{path}' / no such file '{path}'")
    if not posts:
        raise UsageError("ไม่พบโพสต์ (.txt) ที่จะนำเข้า / no posts (.txt) to import")
    return posts


def read_post(path: Path) -> str:
    from ..cli import UsageError

    try:
        return path.read_text("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"'{path}' ไม่ได้เข้ารหัส UTF-8 / is not UTF-8") from exc


def check_usage(args: argparse.Namespace, posts: list[Path]) -> None:
    from ..cli import UsageError

    if len(posts) > 1 and (args.id or args.photos):
        raise UsageError("--id และ --photos ใช้ได้กับโพสต์เดียว / --id and --photos take one post")
    if args.photos is not None and not args.photos.is_dir():
        raise UsageError(f"ไม่พบโฟลเดอร์ภาพ '{args.photos}' / no such photo folder '{args.photos}'")


def import_one(post: Path, found: Extracted, root: Path, args: argparse.Namespace, taken: set[str]) -> list[Path]:
    """Write one post's drafts (and copy its photos); the files written."""
    id_ = meeting_id(found, root, args.id, taken)
    taken.add(id_)
    stakeholders, links = stakeholder_drafts(found, root, id_)
    media = None
    if folder := photo_folder(post, args.photos):
        listed = [dict(photo) for photo in found.photos]
        media, notes = import_photos(folder, root / "media" / id_, listed)
        for note in notes:
            print(f"  ข้าม / skipped {note}", file=sys.stderr)
    meeting = meeting_draft(found, id_, str(post), links, media)
    drafts: list[Draft] = [meeting, *proposal_drafts(found, root, meeting), *stakeholders]
    folders = {kind.folder: kind.name for kind in kinds().values()}
    return write_drafts(root, drafts, folders)


def run(args: argparse.Namespace) -> int:
    root = content_dir(args.content)
    posts = posts_of(args.post)
    check_usage(args, posts)
    before = validate_content(root)
    records: list[Record] = before.records
    texts = {post: read_post(post) for post in posts}
    chrome = site_lines(list(texts.values()))  # lines opening several posts of one site
    if args.json:
        results = [extract(texts[p], records, chrome).as_json() for p in posts]
        print(json.dumps(results[0] if len(results) == 1 else results, ensure_ascii=False, indent=2))
        return 0
    written: dict[Path, list[Path]] = {}
    taken: set[str] = set()
    for number, post in enumerate(posts, 1):
        if len(posts) > 1:
            print(f"[{number}/{len(posts)}] {post}", file=sys.stderr, flush=True)
        found = extract(texts[post], records, chrome)
        written[post] = import_one(post, found, root, args, taken)
        for path in written[post]:
            print(f"เขียน / wrote {path}")
    return report(validate_content(root).diagnostics, written)


def report(diagnostics: list[Diagnostic], written: dict[Path, list[Path]]) -> int:
    """Each post's drafts with their problems; problems elsewhere only mentioned. Exit 1 when
    a draft of this run needs fixing (an error); blanks left to fill in are only warnings."""
    ours = {path.resolve(): post for post, paths in written.items() for path in paths}
    by_post: dict[Path, list[Diagnostic]] = {post: [] for post in written}
    elsewhere: list[Diagnostic] = []
    for diagnostic in diagnostics:
        post = ours.get(Path(diagnostic.path).resolve())
        (by_post[post] if post else elsewhere).append(diagnostic)
    failing = [post for post, found in by_post.items() if any(d.severity == "error" for d in found)]
    for post, found in by_post.items():
        if found:
            th, en = ("ต้องแก้", "need fixing") if post in failing else \
                ("ยังต้องกรอกก่อนเผยแพร่", "have blanks to fill in before publishing")
            print(f"\nร่างจาก {post} {th} / the drafts from {post} {en}:")
            print(format_text(found))
    if elsewhere:
        files = sorted({d.path for d in elsewhere})
        print(f"\nหมายเหตุ: ไฟล์อื่นใน content/ มีปัญหา {len(elsewhere)} รายการ ไม่เกี่ยวกับการนำเข้านี้ "
              f"/ note: {len(elsewhere)} problems in other files of content/, not from this import: "
              + ", ".join(files[:5]) + (" ..." if len(files) > 5 else ""))
    if failing:
        print(f"\nร่าง {len(failing)} จาก {len(written)} โพสต์ยังไม่ผ่านการตรวจ แก้ตามรายการข้างบน "
              f"/ {len(failing)} of {len(written)} posts' drafts need the fixes listed above")
        return 1
    print("\nร่างเขียนแล้วเป็นฉบับร่าง (draft: true) ยังไม่เผยแพร่ ตรวจทานแล้วลบบรรทัด draft: true เพื่อเผยแพร่ "
          "/ the drafts are written with draft: true and are not published: review each, then remove "
          "the line draft: true to publish it")
    return 0
