"""What the core hands to MkDocs: finished pages and extra files."""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .. import bundled_dir

# The page templates: read at call time by render.environment() and by the page cache's code
# fingerprint (which must not import Jinja: kb build's up-to-date check reads it).
TEMPLATES = bundled_dir("site_templates") / "pages"


@dataclass
class Page:
    """One generated page: MkDocs source name, URL, title, description and finished HTML.

    The HTML is kept compressed: a big site's pages pass between processes and wait in memory
    until they are written, and the page cache stores the same bytes."""

    src_uri: str
    title: str
    description: str
    kind: str
    packed: bytes = zlib.compress(b"")
    image: str = ""  # site path of the page's link-preview image (og:image), if it has one
    digest: bytes = field(default=b"", repr=False, compare=False)  # of `packed`, once known

    def packed_digest(self) -> bytes:
        """A hash of its HTML (the page cache keeps it: a kept page's is not computed again)."""
        if not self.digest:
            self.digest = hashlib.blake2b(self.packed, digest_size=16).digest()
        return self.digest

    @classmethod
    def of(cls, src_uri: str, title: str, description: str, kind: str, html: str) -> Page:
        return cls(src_uri, title, description, kind, zlib.compress(html.encode("utf-8"), 1))

    @property
    def html(self) -> str:
        return zlib.decompress(self.packed).decode("utf-8")

    @property
    def url(self) -> str:
        return url_of_src(self.src_uri)


Made = tuple[dict[str, bytes], dict[str, bytes]]  # extra files to write; those the site holds, by digest
Settle = Callable[[dict[str, bytes]], Made]  # the files made, parted so by the writer (kb build's)


def as_made(files: dict[str, bytes]) -> Made:
    """Every file to write (no site to update in place)."""
    return files, {}


@dataclass
class Site:
    pages: list[Page] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)  # extra output: feed.xml, diagrams
    # search index files the site folder holds already, byte for byte, by the digest the last
    # build noted: their bytes (tens of MB at 10k) are not sent back from the process making them
    held: dict[str, bytes] = field(default_factory=dict)
    copies: dict[str, str] = field(default_factory=dict)  # site path → file placed as is (media)
    # what the whole-site stages found (kb serve's quick look at the next edit reuses them)
    index: Any = None
    related: dict[str, Any] = field(default_factory=dict)

    def page(self, src_uri: str) -> Page:
        return next(p for p in self.pages if p.src_uri == src_uri)


def url_of_src(src_uri: str) -> str:
    """'meetings/x.md' → 'meetings/x/'; 'index.md' → ''; 'meetings/index.md' → 'meetings/'."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def meta_text(text: str) -> str:
    """Text safe for places where Material prints page titles and descriptions unescaped."""
    table = str.maketrans({"<": "‹", ">": "›", '"': "＂", "'": "’", "&": "＆", "\n": " "})
    return " ".join(text.translate(table).split())
