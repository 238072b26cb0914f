"""Sharing a record page: plain links to each service's documented share address, carrying
the page's canonical URL and title (percent-encoded as UTF-8). No service's script, frame or
pixel is loaded: a reader's browser talks to a service only when they follow its link."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urljoin

from .model import url_of_src

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.base.yml's default, as the feed uses

# name shown, css modifier, share address ({url} and {title} are filled percent-encoded):
# LINE Social Plugins "custom icon" link; Facebook's sharer; X (Twitter) web intent
SERVICES = (
    ("LINE", "line", "https://social-plugins.line.me/lineit/share?url={url}&text={title}"),
    ("Facebook", "facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    ("X", "x", "https://twitter.com/intent/tweet?url={url}&text={title}"),
)


@dataclass(frozen=True)
class ShareLink:
    name: str
    css: str
    href: str


@dataclass(frozen=True)
class Share:
    url: str  # the page's canonical URL
    title: str
    links: tuple[ShareLink, ...]


def canonical_url(site_url: str, src_uri: str) -> str:
    """As MkDocs writes a page's canonical link: the site URL joined with its quoted path."""
    base = site_url or DEFAULT_SITE_URL
    return urljoin(base if base.endswith("/") else base + "/", quote(url_of_src(src_uri)))


def share_of(site_url: str, src_uri: str, title: str) -> Share:
    url = canonical_url(site_url, src_uri)
    filled = {"url": quote(url, safe=""), "title": quote(title, safe="")}
    return Share(url, title, tuple(ShareLink(name, css, address.format(**filled))
                                   for name, css, address in SERVICES))
