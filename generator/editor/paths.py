"""Which files a request may name. Every path in a request is hostile until shown to be a record
file `content/<kind folder>/<id>.yaml` or a media file `content/media/<id>/<name>`: no `..`, no
absolute path, no hidden folder (`.github`, `.git`), no `mkdocs.yml`, and no symbolic link on
the way, wherever it leads (one that leads inside today may be repointed tomorrow)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..records.kinds import folders
from ..records.media import MEDIA, kind_of_extension

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FORBIDDEN_NAMES = {"mkdocs.yml", "mkdocs.yaml"}


class Refused(Exception):
    """A request the editor will not carry out, with why in Thai and English."""

    def __init__(self, code: str, th: str, en: str, status: int = 403) -> None:
        super().__init__(f"{th} / {en}")
        self.code, self.th, self.en, self.status = code, th, en, status

    @property
    def message(self) -> str:
        return f"{self.th} / {self.en}"


def refused_path(rel: object, why_th: str, why_en: str) -> Refused:
    shown = rel if isinstance(rel, str) else type(rel).__name__
    return Refused("path-refused", f"ไม่รับที่อยู่ไฟล์ '{shown}': {why_th}", f"path '{shown}' refused: {why_en}")


def parts_of(rel: object, content: Path) -> list[str]:
    """The path's parts below the content folder, after the checks that need no disk."""
    if not isinstance(rel, str) or not rel or len(rel) > 1024:
        raise refused_path(rel, "ต้องเป็นข้อความ", "a path must be a non-empty string")
    if any(ord(c) < 32 or c == "\x7f" for c in rel) or "\\" in rel:
        raise refused_path(rel, "มีอักขระต้องห้าม", "it holds a control character or a backslash")
    if rel.startswith("/") or re.match(r"^[A-Za-z]:", rel):
        raise refused_path(rel, "ห้ามใช้ที่อยู่เต็ม", "absolute paths are not accepted")
    parts = rel.split("/")
    if any(p in ("", ".", "..") for p in parts):
        raise refused_path(rel, "ห้ามมี .. หรือ // ในที่อยู่", "'..', '.' and empty parts are not accepted")
    if any(p.startswith(".") for p in parts) or any(p.lower() in FORBIDDEN_NAMES for p in parts):
        raise refused_path(rel, "ห้ามแตะไฟล์ตั้งค่า (.github, mkdocs.yml)",
                           "settings files (.github/, mkdocs.yml) are never written")
    if parts[0] != content.name or len(parts) < 2:
        raise refused_path(rel, f"ต้องอยู่ในโฟลเดอร์ {content.name}/", f"it must lie inside {content.name}/")
    return parts[1:]


def no_links(content: Path, parts: list[str], rel: str) -> Path:
    """The path, refused when any step below the content folder is a symbolic link."""
    here = content
    for part in parts:
        here = here / part
        if here.is_symlink():
            raise refused_path(rel, "ทางผ่านเป็นลิงก์สัญลักษณ์", "a symbolic link lies on the way")
    real, inside = os.path.realpath(here), os.path.realpath(content)
    if os.path.commonpath([real, inside]) != inside:
        raise refused_path(rel, "อยู่นอกโฟลเดอร์เนื้อหา", "it leads outside the content folder")
    return here


def record_path(content: Path, rel: object) -> tuple[Path, str]:
    """A record file's path and kind: `content/<kind folder>/<id>.yaml`."""
    parts = parts_of(rel, content)
    kinds = folders()
    if len(parts) != 2 or parts[0] not in kinds or not parts[1].endswith(".yaml"):
        raise refused_path(rel, "ระเบียนต้องอยู่ที่ <โฟลเดอร์ชนิด>/<รหัส>.yaml",
                           "a record is <kind folder>/<id>.yaml")
    if not ID.match(parts[1].removesuffix(".yaml")):
        raise refused_path(rel, "ชื่อไฟล์ต้องเป็นรหัสที่ถูกต้อง", "the file name must be a valid id")
    return no_links(content, parts, str(rel)), kinds[parts[0]]


def media_path(content: Path, rel: object) -> Path:
    """A media file's path: `content/media/<record id>/<name>` with a known extension."""
    parts = parts_of(rel, content)
    if len(parts) != 3 or parts[0] != MEDIA or not ID.match(parts[1]):
        raise refused_path(rel, "ไฟล์สื่อต้องอยู่ที่ media/<รหัสระเบียน>/<ชื่อไฟล์>",
                           "a media file is media/<record id>/<name>")
    if kind_of_extension(parts[2]) is None:
        raise refused_path(rel, "นามสกุลไฟล์นี้ไม่ใช่ภาพ เสียง วิดีโอ หรือ PDF",
                           "not a photo, audio, video or PDF extension")
    return no_links(content, parts, str(rel))


def folder_path(content: Path, rel: object) -> Path:
    """A folder a request may list: a kind folder, media/ or one record's media folder."""
    parts = parts_of(str(rel).rstrip("/") if isinstance(rel, str) else rel, content)
    ok = (len(parts) == 1 and parts[0] in {*folders(), MEDIA}) or (
        len(parts) == 2 and parts[0] == MEDIA and ID.match(parts[1]))
    if not ok:
        raise refused_path(rel, "อ่านได้เฉพาะโฟลเดอร์ระเบียนและสื่อ", "only record and media folders are listed")
    return no_links(content, parts, str(rel))


def any_path(content: Path, rel: object) -> Path:
    """A record or media file, whichever the path names."""
    parts = parts_of(rel, content)
    return media_path(content, rel) if parts[0] == MEDIA else record_path(content, rel)[0]
