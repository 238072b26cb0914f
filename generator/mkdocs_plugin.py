"""Thin MkDocs adapter over the core: validate, build pages, hand them to MkDocs.

Like mkdocs-material's tags plugin, it only wires events to the core: `on_files` runs
load → validate → graph → render and adds one generated file per page; `on_page_markdown`
and `on_page_content` swap in the finished HTML so MkDocs' Markdown never re-reads content.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .diagnostics import Diagnostic, format_text
from .mkdocs_shell import ShellRenderer, sitemap_entries, write_files, write_pages, write_sitemap
from .site.build import build_site
from .site.model import Page, Site
from .validate import Content, validate_content

log = logging.getLogger("mkdocs.plugins.thai-kb")
PROBLEMS_SHOWN = 20
THEME_CHECKBOX = re.compile(r'(<input [^>]*type="checkbox"[^>]*?) autocomplete="off"')


_handed_over: dict[Path, Content] = {}


def hand_over(content: Content | None) -> None:
    """`kb build` validates before building; it hands the result here (None takes it back)."""
    _handed_over.clear()
    if content is not None:
        _handed_over[content.root.resolve()] = content


class ThaiKbConfig(Config):
    content_dir = opt.Type(str, default="content")
    shell = opt.Type(bool, default=True)  # fill the theme's shell per folder (see mkdocs_shell)


class ThaiKbPlugin(BasePlugin[ThaiKbConfig]):
    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.filled: list[Page] = []  # pages outside the navigation, rendered by shell fill
        self.nav: Any = None
        self.env: Any = None
        self.files: Files | None = None
        self.extra_files: dict[str, bytes] = {}
        self.written: dict[str, int] | None = None  # under kb serve: page → hash of what was written
        self.last_good: Site | None = None  # under kb serve: the last site built from valid content

    def on_startup(self, command: str, dirty: bool) -> None:
        """Having this hook keeps one plugin object across `kb serve`'s rebuilds (MkDocs' rule),
        so it remembers what it wrote and a rebuild rewrites only the pages that changed."""
        if command == "serve":
            self.written = {}

    def content_root(self, config: Any) -> Path:
        root = Path(self.config.content_dir)
        return root if root.is_absolute() else Path(config.config_file_path).parent / root

    def on_files(self, files: Files, config: Any) -> Files:
        root = self.content_root(config)
        content = _handed_over.pop(root.resolve(), None) or validate_content(root)
        if content.ok:
            site = build_site(content, site_url=config.site_url or "", site_name=config.site_name,
                              progress=log.info)
            self.last_good = site if self.written is not None else None
        elif self.last_good is not None:  # kb serve: keep the last good site up, and say why
            log.error(format_text(content.diagnostics))
            site = with_problems(self.last_good, content.diagnostics)
        else:
            raise PluginError("เนื้อหาไม่ผ่านการตรวจ / content is invalid:\n"
                              + format_text(content.diagnostics))
        self.pages = {page.src_uri: page for page in site.pages}
        in_nav = nav_sources(config.nav) if self.config.shell else set(self.pages)
        self.filled = [page for page in site.pages if page.src_uri not in in_nav]
        for page in site.pages:
            if page.src_uri in in_nav:
                files.append(File.generated(config, page.src_uri, content=front_matter(page)))
        self.extra_files = site.files  # written in on_post_build: thousands of small files
        return files

    def on_nav(self, nav: Any, config: Any, files: Files) -> Any:
        self.nav = nav
        return nav

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        self.env, self.files = env, files
        return env

    def on_post_build(self, config: Any) -> None:
        """Our extra files, pages outside the navigation, then a sitemap that lists every page."""
        write_files(config.site_dir, self.extra_files)
        if not self.filled or self.files is None:
            return
        renderer = ShellRenderer(config, self.env, self.nav, self.files.documentation_pages())
        write_pages(renderer, config.site_dir, self.filled, self.written)
        write_sitemap(config, self.env, sitemap_entries(config, list(self.pages)))  # dict order = site order
        log.info(f"{len(self.filled)} pages filled into the theme's shell")

    def on_page_markdown(self, markdown: str, page: Any, **kwargs: Any) -> str | None:
        return "" if page.file.src_uri in self.pages else markdown

    def on_page_content(self, html: str, page: Any, **kwargs: Any) -> str | None:
        ours = self.pages.get(page.file.src_uri)
        return ours.html if ours else html

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        """The theme marks its checkbox toggles autocomplete="off", which HTML does not allow
        on checkboxes (the Nu Html Checker reports it on every page)."""
        return THEME_CHECKBOX.sub(r"\1", output)

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        server.watch(str(self.content_root(config)))
        server.watch(str(Path(__file__).resolve().parent.parent / "site_templates"))
        return server


def with_problems(site: Site, problems: list[Diagnostic]) -> Site:
    """The site with a notice on every page: the content is invalid, this is the last good build."""
    shown = format_text(problems[:PROBLEMS_SHOWN])
    notice = ('<div class="kb-problems" role="alert"><p><strong>เนื้อหาไม่ผ่านการตรวจ '
              "กำลังแสดงฉบับล่าสุดที่ถูกต้อง / The content is invalid; this is the last valid build."
              f"</strong></p><pre>{escape(shown)}</pre></div>")
    pages = [replace(page, html=notice + page.html) for page in site.pages]
    return Site(pages, site.files)


def nav_sources(nav: Any) -> set[str]:
    """Source names of the pages listed in mkdocs.yml's nav (MkDocs renders those itself)."""
    found: set[str] = set()
    for item in nav or []:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            found |= nav_sources(value) if isinstance(value, list) else {str(value)}
    return found


def front_matter(page: Page) -> str:
    """YAML front matter (JSON strings are valid YAML) for title, description and kind."""
    meta = {"title": page.title, "description": page.description, "kb_kind": page.kind}
    lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"
