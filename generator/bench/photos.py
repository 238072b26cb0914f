"""Photo benchmark: publishing phone-sized photos cold and warm on every core, and what a
reader downloads for the first view of a meeting page with 20 photos.

    .venv/bin/python -m generator.bench.photos          # 1,000 photos of 4000 × 3000
    .venv/bin/python -m generator.bench.photos 40       # a quick look while developing

The photos are drawn here: a few distinct 12-megapixel scenes with sensor grain, stored
sideways with EXIF orientation 6 as a phone held upright stores them (about 2.5 MB each);
each file gets a comment of its own, so every one is a different photo to the cache while
all decode alike.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from ..parallel import WORKERS
from ..site.photos import publish_photos

ROOT = Path(__file__).resolve().parents[2]  # the source checkout: benchmarks run from it
SIZE = (4000, 3000)
SCENES = 6
GALLERY = "2020-01-06-region12-informal-workers"  # the demo meeting with 20 photos
VIEWPORTS = {"phone 412×823": (412, 823), "laptop 1280×900": (1280, 900)}


def scene(n: int) -> bytes:
    """One 12-megapixel JPEG: shapes over a gradient, with grain, stored sideways."""
    base = Image.merge("RGB", [Image.linear_gradient("L").resize(SIZE),
                               Image.linear_gradient("L").rotate(90).resize(SIZE),
                               Image.radial_gradient("L").resize(SIZE)])
    draw = ImageDraw.Draw(base)
    for i in range(60):
        x, y = (i * 397 + n * 911) % SIZE[0], (i * 211 + n * 577) % SIZE[1]
        draw.rectangle((x, y, x + 240 + i * 7, y + 160 + i * 5), fill=((i * 37 + n * 50) % 256, (i * 91) % 256, 140))
    grain = Image.merge("RGB", [Image.effect_noise(SIZE, 24) for _ in range(3)])
    photo = Image.blend(base, grain, 0.3).transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F], exif[0x0110] = "BenchPhone", "BenchPhone 1"
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=90, exif=exif.tobytes())
    return buffer.getvalue()


def unique(jpeg: bytes, n: int) -> bytes:
    """The same picture with a comment segment of its own: another file to the cache."""
    comment = f"bench photo {n}".encode()
    return jpeg[:2] + b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment + jpeg[2:]


def write_photos(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    scenes = [scene(n) for n in range(min(SCENES, count))]
    paths = []
    for n in range(count):
        path = folder / f"IMG_{n:05d}.jpg"
        path.write_bytes(unique(scenes[n % len(scenes)], n))
        paths.append(path)
    return paths


def publish(paths: list[Path], cache: Path) -> float:
    os.environ["KB_CACHE_DIR"] = str(cache)
    started = time.perf_counter()
    photos, _ = publish_photos([(str(p), i == 0) for i, p in enumerate(paths)])
    assert all(photos)
    return time.perf_counter() - started


def processing(count: int, tmp: Path) -> None:
    paths = write_photos(tmp / "originals", count)
    size = sum(p.stat().st_size for p in paths) / count
    cache = tmp / "cache"
    cold = publish(paths, cache)
    warm = publish(paths, cache)
    out = sum(p.stat().st_size for p in (cache / "photos").iterdir())
    print(f"photos: {count:,} of {SIZE[0]}×{SIZE[1]} (about {size / 2**20:.1f} MB each, EXIF orientation 6), "
          f"{WORKERS} worker processes")
    print(f"{'':>6} {'seconds':>9} {'photos/s':>9}")
    print(f"{'cold':>6} {cold:>9.1f} {count / cold:>9.2f}")
    print(f"{'warm':>6} {warm:>9.2f} {count / warm:>9.0f}")
    print(f"published: {out / count / 1024:.0f} KB per photo in {len(list((cache / 'photos').iterdir())) // count} "
          f"files (widths 480/960/1600, WebP and JPEG)", flush=True)


def first_view(tmp: Path) -> None:
    """The demo site with its 20-photo meeting given phone-sized originals, opened cold."""
    from ..cli import main as kb

    content = tmp / "content"
    shutil.copytree(ROOT / "content", content)
    gallery = content / "media" / GALLERY
    jpeg = scene(0)
    for n, path in enumerate(sorted(gallery.glob("*.jpg"))):
        path.write_bytes(unique(jpeg, n))
    os.environ["KB_CACHE_DIR"] = str(tmp / "site-cache")
    if kb(["build", str(content), "-o", str(tmp / "site"), "-q"]) != 0:
        raise SystemExit("the bench site did not build")
    sys.path.insert(0, str(ROOT))
    from tests.browser import chromium, serve

    print(f"meetings/{GALLERY}/ with 20 photos, empty browser cache (gzip for text, as tests/browser.py serves):")
    print(f"{'viewport':>16} {'':>24} {'total KB':>9} {'images KB':>10} {'images':>7} {'requests':>9}")
    driver: Any
    for name, (width, height) in VIEWPORTS.items():
        with serve(tmp / "site") as base, chromium(tmp / f"chromium-{width}") as driver:
            driver.set_window_size(width, height)
            driver.get(base + f"meetings/{GALLERY}/")
            time.sleep(3)  # the first screen's images and the lightbox's script arrive
            seen = Downloads(base)
            seen.add(driver.get_log("performance"))
            print(f"{name:>16} {'first view':>24} {seen.line()}", flush=True)
            for n in range(20):  # a reader scrolling through the whole gallery
                driver.execute_script("document.querySelectorAll('.kb-gallery li')[arguments[0]].scrollIntoView()", n)
                time.sleep(0.2)
            time.sleep(2)
            seen.add(driver.get_log("performance"))
            print(f"{name:>16} {'gallery scrolled through':>24} {seen.line()}", flush=True)


class Downloads:
    """Bytes on the wire for the site's own requests (Chromium's own pages left out)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.urls: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.sizes: dict[str, int] = {}

    def add(self, log: list[dict[str, Any]]) -> None:
        for entry in log:
            message = json.loads(entry["message"])["message"]
            params, method = message.get("params", {}), message["method"]
            if method == "Network.requestWillBeSent":
                self.urls[params["requestId"]] = params["request"]["url"]
            elif method == "Network.responseReceived":
                self.kinds[params["requestId"]] = params.get("type", "")
            elif method == "Network.loadingFinished":
                self.sizes[params["requestId"]] = int(params.get("encodedDataLength", 0))

    def line(self) -> str:
        ours = {r: s for r, s in self.sizes.items() if self.urls.get(r, "").startswith(self.base)}
        images = [s for r, s in ours.items() if self.kinds.get(r) == "Image"]
        return (f"{sum(ours.values()) / 1024:>9.0f} {sum(images) / 1024:>10.0f} {len(images):>7} "
                f"{len(ours):>9}")


def run(count: int = 1000) -> None:
    with tempfile.TemporaryDirectory(prefix="kb-photo-bench-") as tmp:
        processing(count, Path(tmp))
    with tempfile.TemporaryDirectory(prefix="kb-photo-view-") as tmp:
        first_view(Path(tmp))


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
