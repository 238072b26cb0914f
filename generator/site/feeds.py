"""An Atom feed of the latest meetings (relative links resolved against site_url)."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

from ..graph.index import SiteIndex
from .record_pages import description_of

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 50


def atom_feed(index: SiteIndex, site_url: str, site_name: str) -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    base = site_url or "http://127.0.0.1:8000/"
    ids = [i for i in index.of_kind("meeting") if index.date_of(i)][:LIMIT]  # a preview's draft may have none
    _text(feed, "title", site_name)
    _text(feed, "id", urljoin(base, "feed.xml"))
    _text(feed, "updated", _stamp(index.date_of(ids[0]) if ids else "2000-01-01"))
    ET.SubElement(feed, f"{{{ATOM}}}link", href=urljoin(base, "feed.xml"), rel="self")
    ET.SubElement(feed, f"{{{ATOM}}}link", href=base)
    for record_id in ids:
        record = index.records[record_id]
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        url = urljoin(base, index.url_of(record_id))
        _text(entry, "title", index.title_of(record_id))
        _text(entry, "id", url)
        ET.SubElement(entry, f"{{{ATOM}}}link", href=url)
        _text(entry, "updated", _stamp(index.date_of(record_id)))
        _text(entry, "summary", description_of(record.data))
        author = ET.SubElement(entry, f"{{{ATOM}}}author")
        _text(author, "name", str((record.data.get("source") or {}).get("publisher") or site_name))
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = text


def _stamp(day: str) -> str:
    return datetime.fromisoformat(day).replace(tzinfo=UTC).isoformat()
