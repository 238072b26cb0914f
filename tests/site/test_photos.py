"""Published photos and media, checked in a real build (kb build → MkDocs) and with Pillow:
no metadata of any kind, upright, the promised sizes, never upscaled; the gallery's markup,
listing thumbnails, og:image, documents and players; a warm build encodes nothing."""

from __future__ import annotations

import shutil
import struct
import wave
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from generator.records.validate import validate_content
from generator.site.build import build_site
from tests.conftest import FIXTURES
from tests.imagefiles import MAKE, MODEL, SERIAL, phone_jpeg, plain_png
from tests.sitebuild import build, soup

pytestmark = pytest.mark.slow
MEETING = "2025-04-10-kkp12"
PAGE = f"meetings/{MEETING}/"
TITLE = "กขป.เขต 12 สุขภาวะกลุ่มเปราะบางทางสังคม"
MEDIA = """media:
  - kind: photo
    file: IMG_0001.jpg
    caption: เปิดการประชุม
  - kind: photo
    file: chart.png
  - kind: photo
    file: tiny.jpg
  - kind: photo
    file: scan.png
  - kind: document
    file: สรุปการประชุม.pdf
    caption: เอกสารสรุป
  - kind: audio
    file: talk.wav
  - kind: audio
    url: https://example.org/talk.mp3
  - kind: photo
    width: 1000
    height: 563
  - kind: photo
    width: 1000
    height: 750
  - kind: photo
    width: 1000
    height: 1415
"""
# Pillow's names for the structure of a file (never data about the photo or who took it)
STRUCTURE = {"jfif", "jfif_version", "jfif_unit", "jfif_density", "progressive", "progression", "background",
             "loop", "duration", "timestamp"}
SECRETS = [b"Exif", MAKE.encode(), MODEL.encode(), SERIAL.encode(), b"kb-secret", b"8BIM", b"Photoshop",
           b"ICC_PROFILE", b"xmpmeta", b"adobe:ns:meta"]


def make_tree(root: Path) -> Path:
    tree = root / "content"
    shutil.copytree(FIXTURES / "valid", tree)
    record = tree / "meetings" / f"{MEETING}.yaml"
    record.write_text(record.read_text("utf-8") + "source:\n  url: https://example.org/post/1\n" + MEDIA, "utf-8")
    folder = tree / "media" / MEETING
    folder.mkdir(parents=True)
    phone_jpeg(folder / "IMG_0001.jpg")  # 1600 × 1200 stored, orientation 6: 1200 × 1600 upright
    plain_png(folder / "chart.png", (640, 400))
    Image.new("RGB", (300, 200), "navy").save(folder / "tiny.jpg", quality=80)
    plain_png(folder / "scan.png", (1000, 5000), "white")
    pages = [Image.new("RGB", (400, 300), c) for c in ("white", "lightgrey")]
    pages[0].save(folder / "สรุปการประชุม.pdf", "PDF", save_all=True, append_images=pages[1:])
    with wave.open(str(folder / "talk.wav"), "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(8000)
        audio.writeframes(b"\0\0" * 1600)
    return tree


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_tree(tmp_path_factory.mktemp("photos"))


@pytest.fixture(scope="module")
def site(tree: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KB_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield build(tree, tmp_path_factory.mktemp("site") / "site")


def gallery(site: Path) -> list[BeautifulSoup]:
    return soup(site, PAGE).select(".kb-gallery li")


def file_of(site: Path, href: str) -> Path:
    return site / unquote(urljoin("/" + PAGE, href)).lstrip("/")


def srcset(site: Path, value: str) -> list[tuple[Path, int]]:
    return [(file_of(site, url), int(width.rstrip("w"))) for url, width in (p.split() for p in value.split(", "))]


def copies(site: Path, item: BeautifulSoup) -> list[tuple[Path, int]]:
    img = item.select_one("img")
    return srcset(site, item.select_one("source")["srcset"]) + srcset(site, img["srcset"])


def test_no_published_copy_carries_metadata(site: Path) -> None:
    files = sorted((site / "media").glob("*.*"))
    assert len(files) >= 14
    for path in files:
        data = path.read_bytes()
        assert not [s for s in SECRETS if s in data], path.name
        with Image.open(path) as image:
            assert set(image.info) <= STRUCTURE, (path.name, set(image.info) - STRUCTURE)
            assert not image.getexif(), path.name
            if image.format == "JPEG":
                assert [marker for marker, _ in image.applist] == ["APP0"], path.name  # JFIF only
                assert b"\xff\xfe" not in data[: data.index(b"\xff\xda")], path.name  # no comment
            else:
                assert image.format == "WEBP"
                assert webp_chunks(data) <= {b"VP8 ", b"VP8L", b"VP8X", b"ALPH"}, path.name


def webp_chunks(data: bytes) -> set[bytes]:
    """The RIFF chunks of a WebP file (EXIF, XMP and ICCP would be metadata)."""
    found, at = set(), 12
    while at + 8 <= len(data):
        kind, size = data[at:at + 4], struct.unpack("<I", data[at + 4:at + 8])[0]
        found.add(kind)
        at += 8 + size + (size & 1)
    return found


def test_phone_photo_is_upright_in_the_promised_sizes(site: Path) -> None:
    first = gallery(site)[0]
    published = copies(site, first)
    assert sorted({w for _, w in published}) == [480, 960, 1200]  # upright 1200 wide: never upscaled
    for path, width in published:
        with Image.open(path) as image:
            assert image.size == (width, width * 4 // 3), path.name
            rgb = image.convert("RGB")
            red_corner = rgb.getpixel((image.width - 5, 5))
            assert red_corner[0] > 180 and red_corner[1] < 90, path.name  # stored top-left, turned
            assert rgb.getpixel((5, 5))[0] < 150, path.name


def test_small_and_tall_photos_are_never_upscaled_or_too_long(site: Path) -> None:
    items = gallery(site)
    assert sorted({w for _, w in copies(site, items[1])}) == [480, 640]  # chart.png, 640 wide
    assert {w for _, w in copies(site, items[2])} == {300}  # tiny.jpg keeps its 300 px
    for path, _ in copies(site, items[3]):  # scan.png, 1000 × 5000
        with Image.open(path) as image:
            assert max(image.size) <= 2560 and image.size == (512, 2560)


def test_gallery_images_reserve_their_space_and_load_lazily(site: Path) -> None:
    items = gallery(site)
    assert len(items) == 4
    for n, item in enumerate(items):
        img = item.select_one("img")
        link = item.select_one("a")
        assert img["width"] and img["height"] and img["sizes"] and img["decoding"] == "async"
        assert item.select_one("source")["type"] == "image/webp"
        assert (img.get("loading") == "lazy") == (n > 0)
        assert file_of(site, link["href"]).is_file()  # without JavaScript the link opens the image
        assert link["href"].endswith(".jpg") and link["data-pswp-src"].endswith(".webp")
        with Image.open(file_of(site, link["data-pswp-src"])) as large:
            assert large.size == (int(link["data-pswp-width"]), int(link["data-pswp-height"]))
    assert items[0].select_one("img")["alt"] == "เปิดการประชุม"
    assert items[0].select_one("figcaption").get_text() == "เปิดการประชุม"
    assert items[1].select_one("img")["alt"] == f"ภาพที่ 2 จากการประชุม {TITLE}"


def test_listings_show_the_first_photo_small(site: Path) -> None:
    first = gallery(site)[0].select_one("img")["src"]
    smallest = file_of(site, first).name
    for url in ("", "meetings/", "timeline/2568/", "topics/vulnerable-groups/", "tags/กขป-เขต12/"):
        thumbs = soup(site, url).select("picture.kb-thumb img")
        assert [t["src"].rsplit("/", 1)[-1] for t in thumbs] == [smallest], url
        assert thumbs[0]["alt"] == "" and thumbs[0]["loading"] == "lazy", url  # beside its link's text
        assert (site / "media" / smallest).is_file()


def test_og_image_is_the_first_photo_about_1200_wide(site: Path) -> None:
    meta = soup(site, PAGE).select_one('meta[property="og:image"]')
    name = meta["content"].rsplit("/", 1)[-1]
    with Image.open(site / "media" / name) as image:
        assert image.format == "JPEG" and image.width == 1200
    assert soup(site, "meetings/").select_one('meta[property="og:image"]') is None


def test_photos_without_files_are_one_line_with_the_source(site: Path) -> None:
    page = soup(site, PAGE)
    line = page.select_one(".kb-media-original")
    assert line.get_text(" ", strip=True) == "ภาพประกอบ 3 ภาพในโพสต์ต้นฉบับ ( ดูที่ต้นฉบับ )"
    assert line.select_one("a")["href"] == "https://example.org/post/1"
    assert "พิกเซล" not in page.select_one(".kb-media").get_text()


def test_documents_and_players(site: Path) -> None:
    page = soup(site, PAGE)
    document = page.select_one(".kb-download")
    assert document.get_text(" ", strip=True).startswith("เอกสารสรุป (PDF 2 หน้า, ")
    assert file_of(site, document.select_one("a")["href"]).read_bytes().startswith(b"%PDF-")
    audio = page.select_one(".kb-player audio")
    assert audio.has_attr("controls") and file_of(site, audio["src"]).is_file()
    link = page.select_one(".kb-media-links a")
    assert link["href"] == "https://example.org/talk.mp3" and link["rel"] == ["noopener", "nofollow"]


def test_a_warm_build_encodes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    tree = make_tree(tmp_path)
    said: list[str] = []
    build_site(validate_content(tree), progress=said.append)
    assert "photos: 0 unchanged, 4 to publish" in said
    made = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "cache" / "photos").iterdir()}
    said.clear()
    warm = build_site(validate_content(tree), progress=said.append)
    assert not [line for line in said if "to publish" in line]
    assert {p.name: p.stat().st_mtime_ns for p in (tmp_path / "cache" / "photos").iterdir()} == made
    assert set(warm.copies) >= {f"media/{name}" for name in made}
    # a changed photo is published anew under a new name; its old copies leave the cache
    Image.new("RGB", (640, 400), "crimson").save(tree / "media" / MEETING / "chart.png")
    said.clear()
    build_site(validate_content(tree), progress=said.append)
    assert "photos: 3 unchanged, 1 to publish" in said
    now = {p.name for p in (tmp_path / "cache" / "photos").iterdir()}
    assert len(now) == len(made) and now != set(made)
