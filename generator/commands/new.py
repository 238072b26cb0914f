"""kb new KIND [--id ID]: a record skeleton with every field explained in Thai, written from
the kind's schema so it never drifts from it."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from ..importer.draft import free_id
from ..records.kinds import kinds
from ..records.media import MEDIA
from ..records.schemas import load_schemas, resolve
from . import content_dir

MEDIA_FOLDER = f"content/{MEDIA}"
EXAMPLES = {"date": "", "time": '"09:00-12:00"', "health_region": "12", "participants": "0", "draft": "true"}
# written out though not required: today's date, and the draft flag (a new record is a draft until
# the reporter removes the line, so its blanks never stop the build)
WRITTEN = ("date", "draft")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="สร้างระเบียนใหม่ / start a new record")
    p.add_argument("kind", choices=list(kinds()))
    p.add_argument("--id", help="id and file name (lowercase a-z, 0-9, -)")
    p.add_argument("--content", default="content")
    p.set_defaults(run=run)


def skeleton(kind: str, record_id: str, today: date) -> str:
    schema = load_schemas()[kind]
    required = set(schema.get("required", []))
    th_title = str(schema["title"]).split(" / ")[0]
    lines = [f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json",
             f"# {th_title}: กรอกช่องที่ต้องมี แล้วลบเครื่องหมาย # หน้าช่องอื่นที่ต้องการใช้",
             "# ตรวจด้วย ./run kb validate"]
    for name, prop in schema["properties"].items():
        prop, _ = resolve(prop, schema["$id"])
        th, _, _ = str(prop.get("title", name)).partition(" / ")
        desc = str(prop.get("description", "")).split(" / ")[0]
        lines.append(f"# {th}: {desc}" + ("" if name in required else " (ไม่บังคับ)"))
        if name == "media":  # the one field whose files live outside the record: say where
            lines.extend(media_example(record_id))
            continue
        value = example_value(name, prop, record_id, today)
        lines.append(f"{name}: {value}" if name in required or name in WRITTEN else f"# {name}: {value}")
    return "\n".join(lines) + "\n"


def media_example(record_id: str) -> list[str]:
    folder = f"{MEDIA_FOLDER}/{record_id}/"
    return [f"#   วางไฟล์ไว้ที่ {folder} แล้วใส่ชื่อไฟล์ที่นี่ / put the files in {folder} and name them here",
            "# media:", "#   - kind: photo", "#     file: IMG_0001.jpg", "#     caption: คำบรรยายภาพ"]


def example_value(name: str, prop: dict[str, Any], record_id: str, today: date) -> str:
    if name == "id":
        return record_id
    if name == "date" or prop.get("format") == "date":
        return f'"{today.isoformat()}"'
    if "enum" in prop:
        return str(prop["enum"][0]) if prop["enum"][0] not in ("+", "-") else '"+"'
    if name in EXAMPLES:
        return EXAMPLES[name]
    kind = prop.get("type")
    if kind == "array":
        return "[]"
    if kind == "object":
        return "{}"
    if kind == "boolean":
        return "false"
    if kind == "integer":
        return "0"
    if name == "body":
        return "|\n#   เนื้อหาเต็ม (Markdown)"
    return '""'


def check_id(record_id: str) -> None:
    """The schema's id rule before any file is written (a 300-letter id is no file name)."""
    from jsonschema import Draft202012Validator

    from ..cli import UsageError

    rule = load_schemas()["common"]["$defs"]["id"]
    if not Draft202012Validator(rule).is_valid(record_id):
        shown = record_id if len(record_id) <= 60 else record_id[:57] + "..."
        raise UsageError(f"ใช้รหัส '{shown}' ไม่ได้ / cannot use the id '{shown}': {rule['description']}")


def run(args: argparse.Namespace) -> int:
    root = content_dir(args.content)
    kind = kinds()[args.kind]
    today = date.today()
    if args.id is not None:
        check_id(args.id)
    wanted = args.id or (f"{today.isoformat()}-meeting" if kind.name == "meeting" else f"new-{kind.name}")
    record_id = free_id(root, kind.folder, wanted)
    path = root / kind.folder / f"{record_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(skeleton(kind.name, record_id, today))
    print(f"สร้าง {path} แล้ว เป็นฉบับร่าง กรอกข้อมูลแล้วตรวจด้วย kb validate เผยแพร่ได้โดยลบบรรทัด draft: true "
          f"/ created {path} as a draft: fill it in, check it with kb validate, and remove the line "
          "draft: true to publish it")
    if "media" in load_schemas()[kind.name]["properties"]:
        folder = root / MEDIA / record_id
        print(f"ภาพ เอกสาร เสียง และวิดีโอของระเบียนนี้ วางไว้ที่ {folder}/ แล้วใส่ชื่อไฟล์ใน media: / "
              f"put its photos, documents, audio and video in {folder}/ and list them under media:")
    return 0
