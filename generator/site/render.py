"""Jinja2 rendering with autoescape on; Markdown fields are rendered then sanitised.

Markdown is read as CommonMark with GitHub's tables, strikethrough and bare links (cmark-gfm,
GitHub's own C library): the dialect the editor's Markdown widget writes (remark), so a nested
list indented two spaces or a line ended by a backslash shows on the page as in the editor."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import cmarkgfm
import nh3
from jinja2 import ChainableUndefined, Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ..records.kinds import kinds
from ..thai import format_thai_date, format_thai_month
from . import model

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "blockquote", "code",
                "pre", "h2", "h3", "h4", "h5", "h6", "a", "table", "thead", "tbody", "tr", "th",
                "td", "hr", "del", "sup", "sub"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}


EXTENSIONS = ["table", "strikethrough", "autolink"]
# '<' is read as this noncharacter (one validation refuses in content), and written back as &lt;:
# no raw HTML in a text is ever read as HTML, in code too, and none of the text is lost
RAW_OPEN = "\ufdd0"
RAW_OPEN_IN_URL = quote(RAW_OPEN)  # as cmark writes it inside a link's address
POINTED_LINK = re.compile(r"<(https?://[^<>\s]+)>")  # CommonMark's <https://…> stays a link


def render_markdown(text: str | None) -> Markup:
    """Markdown → HTML with raw HTML shown as text, then only harmless tags and http(s) links
    kept (cmark already blanks javascript: links; nh3 drops relative ones and any other tag)."""
    if not text:
        return Markup("")
    source = POINTED_LINK.sub(r"\1", str(text)).replace("<", RAW_OPEN)
    html = cmarkgfm.markdown_to_html_with_extensions(source, extensions=EXTENSIONS).rstrip("\n")
    html = html.replace(RAW_OPEN, "&lt;").replace(RAW_OPEN_IN_URL, "%3C")  # in an address cmark encodes it
    return Markup(sanitiser().clean(html))  # noqa: S704 - sanitised


@cache
def sanitiser() -> nh3.Cleaner:
    """Built once per process: nh3.clean() builds its rules again at every call (2.5× the time)."""
    return nh3.Cleaner(tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                       link_rel="noopener nofollow", url_relative="deny")  # a relative link leads nowhere here


def thai_date(value: Any, short: bool = False) -> str:
    try:
        return format_thai_date(str(value), short=short)
    except ValueError:
        return str(value)


def href(url: str, depth: int) -> str:
    """Relative link from a page `depth` folders deep, so the site works under any prefix."""
    return "../" * depth + quote(url)


@cache
def environment() -> Environment:
    """The page templates' environment; build_site() clears this cache at every build, and
    templates are compiled again only when a template file changed (kb serve rebuilds)."""
    folder = Path(model.TEMPLATES)
    stamp = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.glob("*.html")))
    return compiled_environment(str(folder), stamp)


@cache
def compiled_environment(folder: str, stamp: tuple[tuple[str, int, int], ...]) -> Environment:
    env = Environment(loader=FileSystemLoader(folder), autoescape=select_autoescape(default=True),
                      undefined=ChainableUndefined, trim_blocks=True, lstrip_blocks=True,
                      auto_reload=False)
    env.filters.update(markdown=render_markdown, thai_date=thai_date, thai_month=format_thai_month,
                       kind_label=lambda name: kinds()[name].label_th)
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
