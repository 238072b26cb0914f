"""Published copies of photos: a few widths, WebP with a JPEG fallback, upright, no metadata.

A reporter's phone writes the meeting's GPS position, the camera's make, model and serial
into every photo: no published copy carries any of it. Each photo is turned upright by its
EXIF orientation, converted to sRGB, and saved from bare pixels (EXIF, XMP, IPTC, ICC
profiles and comments all stay behind).

Encoding dominates the cost (a 2-core machine manages about two 12-megapixel photos a
second), so: JPEGs are decoded at a reduced scale when that still covers the largest width
(`draft`, asked in the file's own unrotated orientation), each width is resized from the
one above it, and the files are named by a hash of the original and these settings and
kept in the cache folder; a warm build encodes nothing. A cold build encodes on every core.
"""

from __future__ import annotations

import atexit
import hashlib
import io
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageCms

from ..cache import Store, cache_dir
from ..parallel import parallel_map
from ..records.media import MAX_PIXELS, heif_readable

WIDTHS = (480, 960, 1600)  # thumbnails in the grid, a phone's full screen, a laptop's
LONGEST = 2560  # no side of a published copy is longer (tall scans stay within a screen)
OG_WIDTH = 1200  # the link-preview copy (og:image) of a record's first photo
WEBP = {"quality": 78, "method": 2}  # method 4 took 4× the time for 4% fewer bytes here
JPEG = {"quality": 80, "progressive": True, "optimize": True}
RECIPE = f"photos v1 {WIDTHS} {LONGEST} {OG_WIDTH} {sorted(WEBP.items())} {sorted(JPEG.items())}"
PUBLISHED = "media/"  # where the copies sit in the site
ORIENTATION = 0x0112
TURNS = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
         5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
         8: Image.Transpose.ROTATE_90}


@dataclass(frozen=True)
class Size:
    """One published width: its pixel size and the site paths of its WebP and JPEG copies."""

    width: int
    height: int
    webp: str
    jpeg: str


@dataclass(frozen=True)
class Photo:
    sizes: tuple[Size, ...]  # smallest first
    og: Size | None = None  # JPEG about OG_WIDTH wide (webp == jpeg), made for first photos only

    @property
    def largest(self) -> Size:
        return self.sizes[-1]

    @property
    def smallest(self) -> Size:
        return self.sizes[0]

    def files(self) -> list[str]:
        """Site paths of every copy."""
        paths = [path for size in self.sizes for path in (size.webp, size.jpeg)]
        return paths + ([self.og.jpeg] if self.og and self.og.jpeg not in paths else [])


def plan(width: int, height: int) -> list[tuple[int, int]]:
    """The published sizes of an upright width × height photo, smallest first: the WIDTHS
    below the largest copy (never wider than the original, longest side at most LONGEST),
    less any within 10% of it, and the largest copy itself."""
    top = max(1, min(WIDTHS[-1], width, LONGEST * width // height))
    widths = [w for w in WIDTHS if w < top * 0.9] + [top]
    return [(w, max(1, round(w * height / width))) for w in widths]


def photo_digest(data: bytes) -> str:
    """Names the copies: the original's bytes and the settings that made them."""
    return hashlib.sha256(RECIPE.encode() + b"\0" + data).hexdigest()[:20]


def header(source: str) -> tuple[int, int, int]:
    """Upright width and height, and the EXIF orientation, from the header alone."""
    with Image.open(source) as image:
        orientation = int(image.getexif().get(ORIENTATION, 1) or 1)
        width, height = image.size
    return (height, width, orientation) if orientation in (5, 6, 7, 8) else (width, height, orientation)


def named(digest: str, sizes: list[tuple[int, int]], og: bool) -> Photo:
    made = tuple(Size(w, h, f"{PUBLISHED}{digest}-{w}.webp", f"{PUBLISHED}{digest}-{w}.jpg") for w, h in sizes)
    if not og:
        return Photo(made)
    top = made[-1]
    if top.width <= OG_WIDTH:  # the largest copy is already about the right size
        return Photo(made, Size(top.width, top.height, top.jpeg, top.jpeg))
    height = max(1, round(OG_WIDTH * top.height / top.width))
    og_path = f"{PUBLISHED}{digest}-og.jpg"
    return Photo(made, Size(OG_WIDTH, height, og_path, og_path))


def derive(source: str, out: Path, og: bool) -> Photo:
    """The copies of one photo in `out` (made unless they already are: same bytes, same name)."""
    with open(source, "rb") as handle:
        data = handle.read()
    width, height, orientation = header(source)
    if width * height > MAX_PIXELS:  # validation refuses these; never decode one here either
        raise ValueError(f"{source}: more than {MAX_PIXELS:,} pixels")
    photo = named(photo_digest(data), plan(width, height), og)
    if not all((out / Path(p).name).exists() for p in photo.files()):
        encode(io.BytesIO(data), orientation, photo, out)
    return photo


def encode(data: io.BytesIO, orientation: int, photo: Photo, out: Path) -> None:
    top = photo.largest
    with Image.open(data) as image:
        turned = orientation in (5, 6, 7, 8)
        image.draft("RGB", (top.height, top.width) if turned else (top.width, top.height))
        picture = upright(srgb(image), orientation)
    picture.info = {}  # nothing of the original's metadata may reach a copy
    steps: list[tuple[Size, bool]] = [(top, True)]
    if photo.og and photo.og.jpeg != top.jpeg:
        steps.append((photo.og, False))
    steps.extend((size, True) for size in reversed(photo.sizes[:-1]))
    for size, webp_too in steps:  # largest first, each resized from the one before
        if picture.size != (size.width, size.height):
            picture = picture.resize((size.width, size.height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        save(picture, out / Path(size.jpeg).name, "JPEG", JPEG)
        if webp_too:
            save(picture, out / Path(size.webp).name, "WEBP", WEBP)


def srgb(image: Image.Image) -> Image.Image:
    """Pixels in sRGB, as RGB: an embedded colour profile (a phone's Display P3, a CMYK scan)
    is applied first; transparency is laid on white."""
    profile = image.info.get("icc_profile")
    if profile and image.mode in ("RGB", "CMYK"):
        try:
            converted = ImageCms.profileToProfile(image, ImageCms.ImageCmsProfile(io.BytesIO(profile)),
                                                  ImageCms.createProfile("sRGB"), outputMode="RGB")
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the pixels as they are
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")


def upright(image: Image.Image, orientation: int) -> Image.Image:
    return image.transpose(TURNS[orientation]) if orientation in TURNS else image


def save(image: Image.Image, path: Path, kind: str, options: dict[str, Any]) -> None:
    """Written beside its final name and renamed: a build stopped midway leaves no half file."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    image.save(partial, kind, **options)
    os.replace(partial, path)


def photo_folder() -> Path:
    """The copies live in the cache folder (kept between builds); without a cache, in a
    temporary folder for this process."""
    base = cache_dir()
    if base is not None:
        folder = base / "photos"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    folder = Path(tempfile.mkdtemp(prefix="kb-photos-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


_job: tuple[Path, list[tuple[str, bool]]] | None = None  # read by forked workers


def publish_photos(jobs: list[tuple[str, bool]], say: Callable[[str], None] = lambda m: None,
                   ) -> tuple[list[Photo | None], Path]:
    """A Photo for every (source file, wants an og copy) (None if it could not be read), and
    the folder with the copies.
    A photo whose file (size, modification time, inode) is unchanged since the last build
    and whose copies are all there is not opened at all."""
    global _job
    heif_readable()
    out = photo_folder()
    memo = Store("photos")
    keys = [stamp(source) + ("og" if og else "") for source, og in jobs]
    photos: list[Photo | None] = [kept(memo, key, out) for key in keys]
    todo = [i for i, photo in enumerate(photos) if photo is None]
    if todo:
        say(f"photos: {len(jobs) - len(todo)} unchanged, {len(todo)} to publish")
        _job = (out, jobs)
        try:
            made = parallel_map(_derive, todo, serial=len(todo) < 2)
        finally:
            _job = None
        for i, result in zip(todo, made, strict=True):
            if isinstance(result, str):
                say(f"photo not published: {result}")
            else:
                photos[i] = result
    for key, photo in zip(keys, photos, strict=True):
        if photo is not None:
            remember(memo, key, photo)
    memo.save()
    prune(out, [photo for photo in photos if photo is not None])
    return photos, out


def remember(memo: Store, key: str, photo: Photo) -> None:
    """Stored, or marked used so save() keeps it (a key already held maps to this same photo:
    the key is the file's stamp, and the copies follow from its bytes)."""
    memo.get_or_make(key, lambda: photo)


def kept(memo: Store, key: str, out: Path) -> Photo | None:
    if not memo.has(key):
        return None
    photo: Photo | None = memo.get_or_make(key, lambda: None)
    if photo is None or not all((out / Path(p).name).exists() for p in photo.files()):
        return None
    return photo


def _derive(position: int) -> Photo | str:
    """The photo, or why it could not be read (validation decodes every photo first, so this
    is a file changed or damaged since)."""
    assert _job is not None
    out, jobs = _job
    source, og = jobs[position]
    try:
        return derive(source, out, og)
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        return f"{source}: {exc}"


def stamp(source: str) -> str:
    try:
        info = os.stat(source)
    except OSError:  # validation reports a missing file; the build leaves it out
        return f"missing\0{source}"
    return f"{os.path.abspath(source)}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ino}\0"


def prune(out: Path, photos: list[Photo]) -> None:
    """Copies no photo of this build uses are deleted (the folder would only grow)."""
    used = {Path(p).name for photo in photos for p in photo.files()}
    with os.scandir(out) as entries:
        for entry in entries:
            if entry.name not in used and not entry.name.startswith("."):
                Path(entry.path).unlink(missing_ok=True)
