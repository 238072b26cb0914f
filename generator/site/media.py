"""A record's media as its pages show them: published photos, files offered as they are
(documents with their size and PDF page count, audio and video for the browser's players),
links, and what the source post had that we have no file of (imported seeds list their
photos' sizes only).

`publish_media` runs before any page is rendered. It gives the media table (record id →
RecordMedia) that pages read through the tracked index, and the files to place in the site:
site path → the file to place (photo copies from the cache folder, other files from
content/media/ as they are).
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..cache import Store
from ..records.load import Record, file_stem
from ..records.media import kind_of_extension, media_folder
from .model import Page
from .photos import PUBLISHED, Photo, publish_photos

MIME = {".pdf": "application/pdf", ".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".ogg": "audio/ogg",
        ".oga": "audio/ogg", ".opus": "audio/ogg", ".wav": "audio/wav", ".flac": "audio/flac",
        ".mp4": "video/mp4", ".m4v": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg"}


@dataclass(frozen=True)
class Shown:
    """A photo in the gallery: its number among the record's photos (from 1) and caption."""

    number: int
    photo: Photo
    caption: str


@dataclass(frozen=True)
class Download:
    """A document, audio or video file, published under its own name."""

    kind: str
    path: str  # site path
    name: str
    bytes: int
    mime: str
    caption: str
    pages: int | None = None  # PDF page count, when it can be read


@dataclass(frozen=True)
class RecordMedia:
    photos: tuple[Shown, ...] = ()
    files: tuple[Download, ...] = ()
    links: tuple[tuple[str, str, str], ...] = ()  # kind, url, caption
    original: tuple[tuple[str, int], ...] = ()  # kind, how many the source had (neither file nor url)

    @property
    def first(self) -> Photo | None:
        return self.photos[0].photo if self.photos else None

    @property
    def og(self) -> str:
        """Site path of the link-preview copy of the first photo."""
        first = self.first
        return first.og.jpeg if first and first.og else ""


MediaTable = dict[str, RecordMedia]
Item = tuple[int, dict[str, Any]]  # position in the media list, the item


def media_items(record: Record) -> list[Item]:
    media = record.data.get("media")
    return [(i, item) for i, item in enumerate(media if isinstance(media, list) else []) if isinstance(item, dict)]


def text(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    return value if isinstance(value, str) else ""


def publish_media(root: Path, records: list[Record],
                  say: Callable[[str], None] = lambda m: None) -> tuple[MediaTable, dict[str, str]]:
    """The media table and the files to place into the site (site path → file)."""
    photo_jobs: list[tuple[str, bool]] = []
    wanted: list[tuple[Record, list[Item], list[int]]] = []  # each record's items, its photo jobs
    for record in records:
        items = media_items(record)
        if not items:
            continue
        jobs = []
        for _, item in items:
            if kind_of_extension(text(item, "file")) == "photo":
                jobs.append(len(photo_jobs))
                photo_jobs.append((str(media_folder(root, record.id) / item["file"]), not jobs[:-1]))
        wanted.append((record, items, jobs))
    photos, folder = publish_photos(photo_jobs, say) if photo_jobs else ([], Path())
    copies: dict[str, str] = {}
    info = Store("media-info")
    table = {record.id: record_media(root, record, items, [photos[j] for j in jobs], info, copies)
             for record, items, jobs in wanted}
    info.save()
    for photo in photos:
        for path in photo.files() if photo else []:
            copies[path] = str(folder / Path(path).name)
    if photo_jobs:
        say(f"{sum(p is not None for p in photos)} photos published ({len(copies):,} media files)")
    return table, copies


def record_media(root: Path, record: Record, items: list[Item], photos: list[Photo | None],
                 info: Store, copies: dict[str, str]) -> RecordMedia:
    shown: list[Shown] = []
    files: list[Download] = []
    links: list[tuple[str, str, str]] = []
    original: Counter[str] = Counter()
    published = iter(photos)
    for _, item in items:
        name, kind = text(item, "file"), text(item, "kind") or "photo"
        if name and kind_of_extension(name) == "photo":
            photo = next(published)
            if photo is not None:
                shown.append(Shown(len(shown) + 1, photo, text(item, "caption")))
        elif name and kind_of_extension(name):
            source = media_folder(root, record.id) / name
            if not source.is_file():  # validation reports it; the build leaves it out
                continue
            entry = download(info, kind, source, f"{PUBLISHED}{record.id}/{name}", text(item, "caption"))
            files.append(entry)
            copies[entry.path] = str(source)
        elif text(item, "url"):
            links.append((kind, text(item, "url"), text(item, "caption")))
        elif not name:
            original[kind] += 1
    return RecordMedia(tuple(shown), tuple(files), tuple(links), tuple(original.items()))


def download(info: Store, kind: str, source: Path, path: str, caption: str) -> Download:
    """Size and page count, kept by the file's stamp (a big PDF's pages are counted once)."""
    stat = source.stat()
    suffix = source.suffix.lower()
    key = f"{source.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ino}"
    pages = info.get_or_make(key, lambda: pdf_pages(source)) if suffix == ".pdf" else None
    return Download(kind, path, source.name, stat.st_size, MIME.get(suffix, ""), caption, pages)


def pdf_pages(source: Path) -> int | None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        return len(PdfReader(source).pages)
    except (PyPdfError, OSError, ValueError, KeyError):
        return None  # shown without a page count


def add_images(pages: list[Page], media: MediaTable) -> None:
    """Record pages whose record has a photo get its link-preview copy as their image."""
    for page in pages:
        entry = media.get(file_stem(page.src_uri)) if page.kind != "listing" else None
        if entry is not None:
            page.image = entry.og


def place_files(site_dir: str, copies: dict[str, str]) -> None:
    """Each file into the site as a hard link (instant, no extra space: the copies are never
    written to in place) or, across file systems, copied."""
    for (_, source), dest in zip(copies.items(), site_paths(site_dir, copies), strict=True):
        if os.path.lexists(dest):
            os.unlink(dest)
        try:
            os.link(source, dest)
        except OSError:
            shutil.copyfile(source, dest)


def site_paths(site_dir: str, names: Iterable[str]) -> Iterator[str]:
    """Each name's path under the site, its folder made (once per folder) before it is given."""
    made: set[str] = set()
    for name in names:
        path = os.path.join(site_dir, name)
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        yield path
