"""Media files: a record's files sit in content/media/<record-id>/ and each `file:` names one.

Checked like every other field, at the `file:` line: the file exists (else the nearest name
there is suggested), its content is the type its extension says, an image opens and decodes,
and an image whose header claims more than MAX_PIXELS is refused before any pixel is decoded
(a decompression bomb costs a header read). Files in a media folder that no record lists are
warnings. Decoding is the costly part: its result is kept by the file's size, modification
time and inode, so a file is decoded once, not at every `kb validate`.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cache import Store
from ..parallel import parallel_map
from .diagnostics import Diagnostic, nearest
from .load import Record

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

MEDIA = "media"  # content/media/<record-id>/
MAX_PIXELS = 50_000_000  # a 50-megapixel header is refused unread: no phone photo is larger
IMAGE_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".heic": "HEIF", ".heif": "HEIF"}
SAME_FORMAT = {"MPO": "JPEG"}  # phones' multi-picture JPEGs open as MPO
KIND_EXTENSIONS = {
    "photo": frozenset(IMAGE_FORMATS),
    "document": frozenset({".pdf"}),
    "audio": frozenset({".mp3", ".m4a", ".ogg", ".oga", ".opus", ".wav", ".flac"}),
    "video": frozenset({".mp4", ".m4v", ".webm", ".ogv"}),
}
IGNORED = frozenset({"thumbs.db", "desktop.ini"})  # written by file managers, never listed
PARALLEL_FROM = 4  # files to decode; fewer are checked in this process

Problem = tuple[str, str, str, str | None]  # code, Thai, English, suggestion


def heif_readable() -> bool:
    """HEIC (iPhone photos) opens only with pillow-heif installed; it reads offline."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return False
    register_heif_opener()
    return True


def media_folder(root: Path, record_id: str) -> Path:
    return root / MEDIA / record_id


def extension(name: str) -> str:
    return os.path.splitext(name)[1].casefold()


def kind_of_extension(name: str) -> str | None:
    ext = extension(name)
    return next((kind for kind, known in KIND_EXTENSIONS.items() if ext in known), None)


def listed_files(record: Record) -> Iterator[tuple[int, dict[str, Any]]]:
    """(position, item) of every media item naming a file."""
    media = record.data.get("media")
    for i, item in enumerate(media if isinstance(media, list) else []):
        if isinstance(item, dict) and isinstance(item.get("file"), str) and item["file"]:
            yield i, item


def folder_names(folder: Path) -> list[str]:
    try:
        with os.scandir(folder) as entries:
            return sorted(e.name for e in entries if not e.name.startswith(".") and e.name.casefold() not in IGNORED)
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return []


def media_diagnostics(root: Path, records: list[Record], named: Iterable[str] = ()) -> list[Diagnostic]:
    """Every problem with the files records list, and the files no record lists (`named`: the
    ids record files are named by, so an unreadable record's folder is not called unknown)."""
    found: list[Diagnostic] = []
    to_check: list[tuple[Record, int, str, Path]] = []
    folders = set(folder_names(root / MEDIA))  # one listing, not a look per record
    for record in records:
        items = list(listed_files(record))
        names = folder_names(media_folder(root, record.id)) if items and record.id in folders else []
        for i, item in items:
            problem = listing_problem(item, names, shown(media_folder(root, record.id)) + "/")
            if problem:
                found.append(record.diagnostic((MEDIA, i, "file"), *problem))
            else:
                kind = kind_of_extension(item["file"]) or "photo"  # listing_problem() made sure it is known
                to_check.append((record, i, kind, media_folder(root, record.id) / item["file"]))
    results = checked([(str(path), kind) for _, _, kind, path in to_check])
    for (record, i, _, _), problem in zip(to_check, results, strict=True):
        if problem:
            found.append(record.diagnostic((MEDIA, i, "file"), *problem))
    found.extend(unlisted(root, records, set(named)))
    return found


def listing_problem(item: dict[str, Any], names: list[str], folder: str) -> Problem | None:
    """What is wrong with a `file:` before its content is read: both a file and a link, a kind
    its extension does not fit, or no such file in the record's media folder (`names`)."""
    name, kind = item["file"], item.get("kind")
    if "url" in item:
        return ("media-file-and-url", "ระบุได้อย่างใดอย่างหนึ่ง: file หรือ url",
                "a media item has either a file or a url, not both", "ลบบรรทัดใดบรรทัดหนึ่ง / remove one of them")
    of_name = kind_of_extension(name)
    if of_name is None:
        known = ", ".join(sorted(ext for exts in KIND_EXTENSIONS.values() for ext in exts))
        return ("media-type", f"ไม่รองรับไฟล์ชนิด '{extension(name) or name}'",
                f"unsupported file type '{extension(name) or name}'", known)
    if kind in KIND_EXTENSIONS and of_name != kind:
        return ("media-kind", f"ไฟล์ '{name}' เป็น{KIND_TH[of_name]} แต่ kind เป็น {kind}",
                f"'{name}' is a {of_name} file but kind is {kind}", f"kind: {of_name}")
    if name in names:
        return None
    same = [n for n in names if n.casefold() == name.casefold()]
    hint = same[0] if same else nearest(name, names, cutoff=0.5)
    where = "" if names else " (ยังไม่มีโฟลเดอร์หรือโฟลเดอร์ว่าง / the folder is missing or empty)"
    return ("media-missing", f"ไม่พบไฟล์ '{name}' ใน {folder}{where}", f"no file '{name}' in {folder}",
            hint or f"วางไฟล์ไว้ที่ {folder}{name} / put the file at {folder}{name}")


KIND_TH = {"photo": "ภาพ", "document": "เอกสาร", "audio": "ไฟล์เสียง", "video": "วิดีโอ"}


def checked(files: list[tuple[str, str]]) -> list[Problem | None]:
    """check_file() of every (path, kind), from the memo when the file is unchanged."""
    memo = Store("media-checks")
    keys = [stamp_key(path, kind) for path, kind in files]
    todo = [i for i, key in enumerate(keys) if key is None or not memo.has(key)]
    fresh = dict(zip(todo, parallel_map(_check, [files[i] for i in todo],
                                         serial=len(todo) < PARALLEL_FROM), strict=True))
    results = [memo.get_or_make(key, partial(fresh.get, i)) if key else fresh[i] for i, key in enumerate(keys)]
    memo.save()
    return results


def stamp_key(path: str, kind: str) -> str | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return f"{path}\0{kind}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ino}"


def _check(job: tuple[str, str]) -> Problem | None:
    return check_file(*job)


def check_file(path: str, kind: str) -> Problem | None:
    """Whether the file's content is what its name says, readable to the end."""
    name = os.path.basename(path)
    try:
        if kind == "photo":
            return check_image(path, name)
        return check_signature(path, name)
    except OSError as exc:
        return ("media-unreadable", f"อ่านไฟล์ '{name}' ไม่ได้ ({exc.strerror or exc})",
                f"cannot read '{name}' ({exc.strerror or exc})", None)


def check_image(path: str, name: str) -> Problem | None:
    from PIL import Image, UnidentifiedImageError  # only when there are photos to look at

    expected = IMAGE_FORMATS[extension(name)]
    if expected == "HEIF" and not heif_readable():
        return ("media-heic", f"อ่านภาพ HEIC '{name}' ไม่ได้บนเครื่องนี้", f"HEIC photo '{name}' cannot be read here",
                "แปลงเป็น JPEG หรือติดตั้ง pillow-heif / convert it to JPEG, or install pillow-heif")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:  # the header only
                return image_problem(image, name, expected)
    except Image.DecompressionBombError:
        return too_big(name)
    except UnidentifiedImageError:
        actual = sniff(path)
        return wrong_type(name, expected, actual) if actual else corrupt(name, "not an image")
    except (OSError, SyntaxError, ValueError, EOFError) as exc:  # Pillow's words for bad data
        return corrupt(name, str(exc))


def image_problem(image: PILImage, name: str, expected: str) -> Problem | None:
    width, height = image.size
    if width * height > MAX_PIXELS:
        return too_big(name, width, height)
    actual = SAME_FORMAT.get(image.format or "?", image.format or "?")
    if actual != expected:
        return wrong_type(name, expected, actual)
    if image.format == "PNG":
        image.verify()  # every chunk's checksum, without inflating the pixels
    else:
        image.draft("RGB", (max(1, width // 8), max(1, height // 8)))  # JPEG: decode at 1/8 scale
        image.load()  # truncated or broken data fails here
    return None


def too_big(name: str, width: int = 0, height: int = 0) -> Problem:
    size = f" ({width:,}×{height:,})" if width else ""
    return ("media-too-large", f"ภาพ '{name}' ใหญ่เกิน {MAX_PIXELS // 1_000_000} ล้านพิกเซล{size}",
            f"image '{name}' claims more than {MAX_PIXELS // 1_000_000} megapixels{size}",
            "ย่อภาพก่อน (ด้านยาวไม่เกิน 8000 พิกเซล) / resize it first (longest side up to 8000 px)")


def corrupt(name: str, detail: str) -> Problem:
    return ("media-corrupt", f"ไฟล์ '{name}' เสียหายหรือไม่ครบ ({detail})",
            f"'{name}' is corrupt or incomplete ({detail})",
            "คัดลอกไฟล์ต้นฉบับมาใหม่ / copy the original file again")


EXTENSION_OF = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "PDF": ".pdf", "MP3": ".mp3", "MPEG-4": ".mp4",
                "Ogg": ".ogg", "WAV": ".wav", "FLAC": ".flac", "WebM": ".webm"}


def wrong_type(name: str, expected: str, actual: str) -> Problem:
    fixed = os.path.splitext(name)[0] + EXTENSION_OF[actual] if actual in EXTENSION_OF else None
    return ("media-wrong-type", f"ไฟล์ '{name}' เป็น {actual} ไม่ใช่ {expected} ตามนามสกุล",
            f"'{name}' holds {actual}, not {expected} as its extension says",
            fixed or "ใช้ไฟล์ชนิดที่ตรงกับนามสกุล / use a file of the type its extension says")


# What each extension's files begin with (and, for PDF, end with): a cheap check of the type.
def _ftyp(head: bytes) -> bool:
    return head[4:8] == b"ftyp"


SIGNATURES = {
    ".pdf": ("PDF", lambda h: h.startswith(b"%PDF-")),
    ".mp3": ("MP3", lambda h: h.startswith(b"ID3") or (len(h) > 1 and h[0] == 0xFF and h[1] & 0xE0 == 0xE0)),
    ".m4a": ("MPEG-4", _ftyp), ".mp4": ("MPEG-4", _ftyp), ".m4v": ("MPEG-4", _ftyp),
    ".ogg": ("Ogg", lambda h: h.startswith(b"OggS")), ".oga": ("Ogg", lambda h: h.startswith(b"OggS")),
    ".ogv": ("Ogg", lambda h: h.startswith(b"OggS")), ".opus": ("Ogg", lambda h: h.startswith(b"OggS")),
    ".wav": ("WAV", lambda h: h.startswith(b"RIFF") and h[8:12] == b"WAVE"),
    ".flac": ("FLAC", lambda h: h.startswith(b"fLaC")),
    ".webm": ("WebM", lambda h: h.startswith(b"\x1a\x45\xdf\xa3")),
}
SNIFF = (("JPEG", lambda h: h.startswith(b"\xff\xd8\xff")), ("PNG", lambda h: h.startswith(b"\x89PNG")),
         ("WEBP", lambda h: h.startswith(b"RIFF") and h[8:12] == b"WEBP"),
         ("GIF", lambda h: h.startswith(b"GIF8")), ("HTML", lambda h: b"<html" in h.lower()),
         *((name, test) for name, test in SIGNATURES.values()))


def head_of(path: str, size: int = 64) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(size)


def sniff(path: str) -> str | None:
    """The type a file's first bytes show, whatever its name."""
    head = head_of(path, 512)
    return next((name for name, test in SNIFF if test(head)), None)


def check_signature(path: str, name: str) -> Problem | None:
    expected, test = SIGNATURES[extension(name)]
    if not test(head_of(path)):
        return wrong_type(name, expected, sniff(path) or "ข้อมูลอื่น / other data")
    if expected == "PDF" and not pdf_complete(path):
        return corrupt(name, "no %%EOF: the PDF is cut short")
    return None


def pdf_complete(path: str) -> bool:
    with open(path, "rb") as handle:
        handle.seek(max(0, os.fstat(handle.fileno()).st_size - 2048))
        return b"%%EOF" in handle.read()


def unlisted(root: Path, records: list[Record], named: set[str]) -> list[Diagnostic]:
    """Warnings: media folders of no record, and files in a record's folder it does not list."""
    base = root / MEDIA
    folders = folder_names(base)
    if not folders:
        return []
    by_id = {r.id: r for r in records}
    found = []
    for folder in folders:
        record = by_id.get(folder)
        if record is None:
            if folder not in named and (base / folder).is_dir():
                found.append(warning(Diagnostic(
                    shown(base / folder), 1, 1, "media-unknown-folder",
                    f"ไม่มีระเบียน '{folder}' ที่ใช้โฟลเดอร์สื่อนี้", f"no record '{folder}' owns this media folder",
                    nearest(folder, by_id))))
            continue
        listed = {item["file"] for _, item in listed_files(record)}
        for name in folder_names(base / folder):
            if name not in listed:
                kind = kind_of_extension(name) or "photo"
                found.append(warning(record.diagnostic(
                    (MEDIA,) if MEDIA in record.data else ("id",), "media-unlisted",
                    f"ไฟล์ '{name}' ใน {shown(base / folder)}/ ไม่อยู่ในรายการ media",
                    f"'{name}' in {shown(base / folder)}/ is not listed in media",
                    f"เพิ่ม / add: - {{kind: {kind}, file: {name}}}", key=True)))
    return found


def warning(diagnostic: Diagnostic) -> Diagnostic:
    return replace(diagnostic, severity="warning")


def shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
