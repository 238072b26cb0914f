"""`kb import POST.txt --photos DIR`: the meeting's photos copied into content/media/<id>/ in
order and listed as media items (file, kind photo, width and height read by Pillow from the
header, upright as EXIF orientation shows them). A line of the post's photo list that agrees
with a file (same size in pixels and bytes) gives that file its caption; lines no file agrees
with stay in the list as photos without a file, so nothing the post said is lost."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
TURNED = {5, 6, 7, 8}  # EXIF orientations that swap width and height
ORIENTATION = 0x0112


def photo_folder(post: Path, given: Path | None) -> Path | None:
    """--photos DIR, or the folder beside the post with the post's name (posts/001/ for
    posts/001.txt)."""
    if given is not None:
        return given
    beside = post.with_suffix("")
    return beside if beside != post and beside.is_dir() else None


def natural_key(path: Path) -> list[Any]:
    """IMG_2.jpg before IMG_10.jpg."""
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", path.name)]


def read_photo(path: Path) -> tuple[int, int] | str:
    """(width, height) as shown, or why the file is not a photo we publish."""
    try:
        with Image.open(path) as image:
            if image.format not in PHOTO_FORMATS:
                return f"{image.format}: ไม่ใช่ JPEG PNG หรือ WebP / not a JPEG, PNG or WebP photo"
            width, height = image.size
            turned = image.getexif().get(ORIENTATION) in TURNED
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError) as exc:
        return f"อ่านภาพไม่ได้ / unreadable image ({type(exc).__name__})"
    return (height, width) if turned else (width, height)


def safe_name(name: str) -> str:
    """A file name the media schema accepts: no folders, no leading dot."""
    return re.sub(r"[/\\]", "_", name).lstrip(".") or "photo"


Item = dict[str, Any]


def import_photos(folder: Path, media_dir: Path, listed: list[Item]) -> tuple[list[Item], list[str]]:
    """Copy the photos of folder into media_dir in order; the media items, and notes on the
    files left out."""
    files = sorted((p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")), key=natural_key)
    remaining = list(listed)
    media: list[Item] = []
    notes: list[str] = []
    for path in files:
        size = read_photo(path)
        if isinstance(size, str):
            notes.append(f"{path}: {size}")
            continue
        media_dir.mkdir(parents=True, exist_ok=True)
        name = safe_name(path.name)
        shutil.copyfile(path, media_dir / name)
        item: Item = {"file": name, "kind": "photo", "width": size[0], "height": size[1]}
        line = next((line for line in remaining if (line.get("width"), line.get("height")) == size
                     and line.get("bytes") == path.stat().st_size), None)
        if line is not None:
            remaining.remove(line)
            if line.get("caption"):
                item["caption"] = line["caption"]
        media.append(item)
    media += [{"kind": "photo", **line} for line in remaining]
    return media, notes
