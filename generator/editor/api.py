"""Decap's proxy-backend protocol (the one decap-server speaks), answered over the content folder:
`{action, params}` in, JSON out. Reads are limited to record and media files, writes go
through editor.save (validated, all or none), and a record is written by merging the form's
values into the file (editor.merge), so what the form did not change keeps its bytes.

kb adds three actions: kbInfo (is editing on?), kbValidate (the validator's messages for a
form, without writing) and kbSaveRecord (a record given as data, used by the map editor)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records.diagnostics import Diagnostic, sort_diagnostics
from ..records.load import Record, parse_text
from ..records.schemas import load_schemas
from ..records.validate import LoadMemo, display_path
from .merge import merged_text, new_text
from .paths import Refused, any_path, folder_path, media_path, record_path
from .save import Change, Invalid, check, media_problem, save

Answer = tuple[int, Any]  # HTTP status, JSON body


@dataclass
class Backend:
    """The edit backend of one content folder."""

    content: Path
    memo: LoadMemo = field(default_factory=LoadMemo)
    # one request at a time: two saves checked side by side could each pass and together not
    # (the same id twice), and the load memo is not shared safely between threads
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, request: Any) -> Answer:
        with self.lock:
            return self.carried_out(request)

    def carried_out(self, request: Any) -> Answer:
        if not isinstance(request, dict) or not isinstance(request.get("params", {}), dict):
            return 400, {"error": "คำขอไม่ถูกต้อง / a request is {action, params}"}
        action = ACTIONS.get(str(request.get("action")))
        if action is None:
            return 422, {"error": f"ไม่รู้จักคำสั่ง / unknown action {request.get('action')!r}"}
        try:
            return 200, action(self, request.get("params") or {})
        except Invalid as exc:
            return exc.status, {"error": exc.message, "diagnostics": diagnostics_json(exc.diagnostics)}
        except Refused as exc:
            return exc.status, {"error": exc.message, "code": exc.code}

    def shown(self, rel: str) -> str:
        """How `kb validate` names the file (relative to where kb runs), so messages match."""
        return display_path(self.content.resolve().parent / rel, self.content)

    def entry(self, rel: Any) -> dict[str, Any]:
        path = any_path(self.content, rel)
        try:
            raw = path.read_bytes()
        except OSError:
            return {"data": None, "file": {"path": rel, "id": None}}
        return {"data": raw.decode("utf-8", "replace"), "file": {"path": rel, "id": digest(raw)}}

    def media_file(self, rel: Any) -> dict[str, Any]:
        raw = media_path(self.content, rel).read_bytes()
        return {"id": digest(raw), "content": base64.b64encode(raw).decode("ascii"), "encoding": "base64",
                "path": rel, "name": rel.rsplit("/", 1)[-1]}

    def record_change(self, rel: Any, data: dict[str, Any], change: Change) -> None:
        """The file a form's values make, merged into what the file holds now."""
        path, kind = record_path(self.content, rel)
        data = {k: v for k, v in data.items() if not (k == "draft" and v is False)}  # publishing drops the flag
        old = path.read_text("utf-8") if path.is_file() else ""
        old_record, _ = parse_text(old, rel, kind) if old else (None, [])
        known = load_schemas()[kind]["properties"]
        text = (merged_text(old, old_record.data, data, known) if old_record is not None
                else new_text({k: data[k] for k in sorted(data, key=order_in(known))}))
        change.records[path] = (kind, text)
        change.shown[path] = self.shown(rel)

    def media_change(self, asset: Any, change: Change) -> None:
        if not isinstance(asset, dict):
            raise Refused("bad-asset", "ไฟล์แนบไม่ถูกต้อง", "an asset is {path, content, encoding}", 400)
        path = media_path(self.content, asset.get("path"))
        data = decoded(asset)
        problem = media_problem(path, data)
        if problem:
            raise problem
        change.media[path] = data


def order_in(known: dict[str, Any]) -> Callable[[str], int]:
    """Fields of a new file in the schema's order (the form may send them in another)."""
    names = list(known)
    return lambda name: names.index(name) if name in names else len(names)


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def decoded(asset: dict[str, Any]) -> bytes:
    if asset.get("encoding") != "base64" or not isinstance(asset.get("content"), str):
        raise Refused("bad-asset", "ไฟล์แนบต้องเข้ารหัส base64", "an asset's content must be base64", 400)
    try:
        return base64.b64decode(asset["content"], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise Refused("bad-asset", "ไฟล์แนบเสียหาย", f"an asset is not valid base64 ({exc})", 400) from exc


def diagnostics_json(found: list[Diagnostic]) -> list[dict[str, Any]]:
    return [{"path": d.path, "line": d.line, "col": d.col, "code": d.code, "severity": d.severity,
             "message": d.message, "text": d.format()} for d in sort_diagnostics(found)]


def parsed_form(raw: Any, rel: str) -> dict[str, Any]:
    """The values Decap sent as YAML text, read by kb's own loader (values stay as written)."""
    if not isinstance(raw, str):
        raise Refused("bad-entry", "ข้อมูลระเบียนไม่ถูกต้อง", "an entry's raw text is missing", 400)
    record, problems = parse_text(raw, rel)
    if record is None or any(p.severity == "error" for p in problems):  # e.g. a key given twice
        raise Invalid(problems)
    return record.data


def info(backend: Backend, params: dict[str, Any]) -> Any:
    return {"repo": backend.content.resolve().parent.name, "publish_modes": ["simple"], "type": "local_fs"}


def kb_info(backend: Backend, params: dict[str, Any]) -> Any:
    return {"edit": True, "content": backend.content.name}


def entries_by_folder(backend: Backend, params: dict[str, Any]) -> Any:
    folder = folder_path(backend.content, params.get("folder"))
    rel = str(params["folder"]).rstrip("/")
    extension = str(params.get("extension") or "yaml").lstrip(".")
    names = sorted(n for n in os.listdir(folder) if n.endswith(f".{extension}")) if folder.is_dir() else []
    return [backend.entry(f"{rel}/{name}") for name in names if not name.startswith(".")]


def entries_by_files(backend: Backend, params: dict[str, Any]) -> Any:
    files = params.get("files") or []
    return [backend.entry(f.get("path") if isinstance(f, dict) else f) for f in files]


def get_entry(backend: Backend, params: dict[str, Any]) -> Any:
    return backend.entry(params.get("path"))


def persist_entry(backend: Backend, params: dict[str, Any]) -> Any:
    change = Change()
    files = params.get("dataFiles") or ([params["entry"]] if params.get("entry") else [])
    for data_file in files:
        if not isinstance(data_file, dict):
            raise Refused("bad-entry", "ข้อมูลระเบียนไม่ถูกต้อง", "a data file is {path, raw}", 400)
        rel = data_file.get("newPath") or data_file.get("path")
        if data_file.get("newPath"):  # the id changed: the file moves, in the same save
            change.deleted.add(record_path(backend.content, data_file.get("path"))[0])
        backend.record_change(rel, parsed_form(data_file.get("raw"), str(rel)), change)
    for asset in params.get("assets") or []:
        backend.media_change(asset, change)
    save(backend.content, change, backend.memo)
    return {"message": "entry persisted"}


def get_media(backend: Backend, params: dict[str, Any]) -> Any:
    rel = str(params.get("mediaFolder", "")).strip("/")
    folder = folder_path(backend.content, rel)
    if not folder.is_dir():
        return []
    names = sorted(n for n in os.listdir(folder) if (folder / n).is_file() and not n.startswith("."))
    return [backend.media_file(f"{rel}/{name}") for name in names]


def get_media_file(backend: Backend, params: dict[str, Any]) -> Any:
    return backend.media_file(params.get("path"))


def persist_media(backend: Backend, params: dict[str, Any]) -> Any:
    change = Change()
    asset = params.get("asset")
    backend.media_change(asset, change)
    save(backend.content, change, backend.memo)
    return backend.media_file(asset["path"])  # type: ignore[index] # media_change checked it


def delete_files(backend: Backend, params: dict[str, Any]) -> Any:
    paths = params.get("paths") if "paths" in params else [params.get("path")]
    if not isinstance(paths, list):
        raise Refused("bad-paths", "ต้องระบุรายการไฟล์", "paths must be a list", 400)
    change = Change()
    for rel in paths:
        path = any_path(backend.content, rel)
        if path.exists():
            change.deleted.add(path)
    save(backend.content, change, backend.memo)
    return {"message": f"deleted files {', '.join(map(str, paths))}"}


def kb_validate(backend: Backend, params: dict[str, Any]) -> Any:
    """The validator's messages for a form as it stands, each with the top-level field it is in."""
    change = Change()
    rel = params.get("path")
    data = params.get("data") if isinstance(params.get("data"), dict) else parsed_form(params.get("raw"), str(rel))
    backend.record_change(rel, data, change)  # type: ignore[arg-type]
    found = check(backend.content, change, backend.memo)
    (kind, text), = change.records.values()
    record, _ = parse_text(text, str(rel), kind)
    return {"diagnostics": [d | {"field": field_at(record, d)} for d in diagnostics_json(found)]}


def field_at(record: Record | None, d: dict[str, Any]) -> str | None:
    """The top-level field a problem sits in: the last key at or before its line."""
    if record is None:
        return None
    keys = sorted((pos, str(where[0])) for where, pos in record.keys.items() if where)
    before = [name for (line, col), name in keys if (line, col) <= (d["line"], d["col"])]
    return before[-1] if before else None


def kb_save_record(backend: Backend, params: dict[str, Any]) -> Any:
    data = params.get("data")
    if not isinstance(data, dict):
        raise Refused("bad-entry", "ข้อมูลระเบียนไม่ถูกต้อง", "data must be a record's fields", 400)
    change = Change()
    backend.record_change(params.get("path"), data, change)
    warnings = save(backend.content, change, backend.memo)
    return {"ok": True, "warnings": diagnostics_json(warnings)}


ACTIONS: dict[str, Callable[[Backend, dict[str, Any]], Any]] = {
    "info": info, "entriesByFolder": entries_by_folder, "entriesByFiles": entries_by_files,
    "getEntry": get_entry, "persistEntry": persist_entry, "getMedia": get_media,
    "getMediaFile": get_media_file, "persistMedia": persist_media, "deleteFile": delete_files,
    "deleteFiles": delete_files, "getDeployPreview": lambda backend, params: None,
    "kbInfo": kb_info, "kbValidate": kb_validate, "kbSaveRecord": kb_save_record,
}
