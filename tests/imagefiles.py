"""Image files made in the tests, as reporters' devices write them (no file from elsewhere)."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageCms, ImageDraw

GPS = {1: "N", 2: (7.0, 33.0, 21.5), 3: "E", 4: (99.0, 36.0, 40.25)}  # a meeting room in Trang
MAKE, MODEL, SERIAL = "KbPhone", "KbPhone 12 Pro", "SN-55512345"
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/><!-- kb-secret-xmp --></x:xmpmeta>'
IPTC_TEXT = b"kb-secret-iptc"


def phone_jpeg(path: Path, size: tuple[int, int] = (1600, 1200)) -> Path:
    """A JPEG as a phone held upright writes it: pixels stored landscape with EXIF orientation 6
    (turn 90° clockwise to view), GPS position, make, model, serial, XMP, IPTC, a comment and an
    ICC profile. The stored top-left corner is red, so the upright copy's top-right must be."""
    image = Image.new("RGB", size, (90, 140, 200))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, size[0] // 4, size[1] // 4), fill=(230, 20, 20))
    for x in range(0, size[0], 40):
        draw.line((x, size[1] // 2, x + 20, size[1]), fill=(250, 250, 240), width=3)
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = MAKE
    exif[0x0110] = MODEL
    exif.get_ifd(0x8769)[0xA431] = SERIAL  # BodySerialNumber
    exif.get_ifd(0x8825).update(GPS)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, exif=exif.tobytes(), xmp=XMP, comment=b"kb-secret-comment",
               icc_profile=icc)
    path.write_bytes(with_iptc(buffer.getvalue()))
    return path


def with_iptc(jpeg: bytes) -> bytes:
    """An APP13 (Photoshop IRB) segment holding an IPTC caption, right after SOI."""
    record = b"\x1c\x02\x78" + struct.pack(">H", len(IPTC_TEXT)) + IPTC_TEXT  # 2:120 Caption
    block = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(record)) + record
    payload = b"Photoshop 3.0\x00" + block
    return jpeg[:2] + b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


def plain_png(path: Path, size: tuple[int, int] = (640, 400), color: str = "seagreen") -> Path:
    image = Image.new("RGBA", size, color)
    ImageDraw.Draw(image).ellipse((20, 20, size[0] // 2, size[1] // 2), fill=(255, 255, 255, 0))
    image.save(path, "PNG", pnginfo=text_chunk())
    return path


def text_chunk() -> object:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "kb-secret-png-text")
    return info


def corrupt_jpeg(path: Path) -> Path:
    """A JPEG cut off halfway, as an interrupted copy leaves it."""
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), "orange").save(buffer, "JPEG", quality=95)
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) // 2])
    return path


def bomb_png(path: Path, side: int = 40000) -> Path:
    """A tiny PNG whose header claims side × side pixels (a decompression bomb)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    data = zlib.compress(b"\0" * 1024)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b""))
    return path
