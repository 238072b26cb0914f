"""Links as templates write them: relative to the page, titles escaped."""

from __future__ import annotations

from functools import cache
from typing import Any

from markupsafe import Markup, escape

from ..graph.index import province_slug
from ..thai import load_regions, province_by_name
from .cards import badge_html, cards_html, links_html, meetings_html, thumb_html
from .render import href
from .tracking import PageIndex


@cache  # pages link the same few thousand records over and over: escape and quote each once
def anchor_html(depth: int, url: str, text: str, css: str) -> Markup:
    cls = f' class="{escape(css)}"' if css else ""
    return Markup(f'<a href="{escape(href(url, depth))}"{cls}>{escape(text)}</a>')  # noqa: S704 - escaped


class Linker:
    """Bound to one page (its folder depth) so every link is relative."""

    def __init__(self, index: PageIndex, depth: int) -> None:
        self.index = index
        self.depth = depth

    def href(self, url: str) -> str:
        return href(url, self.depth)

    def anchor(self, url: str, text: str, css: str = "") -> Markup:
        return anchor_html(self.depth, url, text, css)

    def cards(self, ids: list[str], states: dict[str, Any] | None = None) -> Markup:
        """A listing's cards (_macros.html's `cards`)."""
        return cards_html(self, ids, states or {})

    def links(self, ids: list[str], empty: str = "") -> Markup:
        """A list of links (_macros.html's `links`)."""
        return links_html(self, ids, empty)

    def meetings(self, meetings: list[tuple[str, list[str]]]) -> Markup:
        """A stakeholder's meetings with its roles in each."""
        return meetings_html(self, meetings)

    def thumb(self, record_id: str) -> Markup:
        """A listing's small picture of the record's first photo (none without photos)."""
        return Markup(thumb_html(self, record_id))  # noqa: S704 - escaped in thumb_html

    def badge(self, state: Any) -> Markup:
        """A proposal's status as text in a badge (its colour only repeats the word)."""
        return Markup(badge_html(state))  # noqa: S704 - escaped in badge_html

    def link(self, target: str, text: str | None = None) -> Markup:
        """A record by id; a plain name (not a record) is shown as escaped text, and so is a
        draft left out of this build (by its title: it has no page to link to)."""
        if self.index.has(target):
            return self.anchor(self.index.url_of(target), text or self.index.title_of(target))
        if "#" in target and self.index.has(target.partition("#")[0]):
            return self.node(target)
        if target in self.index.drafts:
            return escape(text or self.index.drafts[target])
        return escape(text or target)

    def node(self, target: str) -> Markup:
        map_id, _, node_id = target.partition("#")
        graph = self.index.graph
        title = graph.nodes[target].get("title", node_id) if target in graph else node_id
        url = self.href(self.index.url_of(map_id))
        return Markup(f'<a href="{escape(url)}#node-{escape(node_id)}">{escape(title)}</a>')  # noqa: S704

    def tag(self, tag_key: str) -> Markup:
        entry = self.index.tags[tag_key]
        return self.anchor(entry.url, "#" + entry.label, "kb-tag")

    def province(self, name: str) -> Markup:
        info = province_by_name(name)
        if not info or info["name"] not in self.index.by_province:
            return escape(name)
        return self.anchor(f"provinces/{province_slug(info['name'])}/", f"จ.{info['name']}")

    def region(self, number: int) -> Markup:
        if number not in load_regions():
            return escape(str(number))
        return self.anchor(f"regions/{number}/", f"เขตสุขภาพที่ {number}")
