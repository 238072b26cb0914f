"""Thin MkDocs adapter over the core: validate, build pages, hand them to MkDocs.

Like mkdocs-material's tags plugin, it only wires events to the core: `on_files` runs
load → validate → graph → render and adds one generated file per page; `on_page_markdown`
and `on_page_content` swap in the finished HTML so MkDocs' Markdown never re-reads content.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .. import bundled_dir
from ..cache import use_project
from ..parallel import Superseded, stop_when
from ..records.diagnostics import Diagnostic, format_text
from ..records.validate import Content, LoadMemo, validate_content
from ..site.build import build_site, keep_compiled
from ..site.media import place_files
from ..site.model import Page, Site
from ..site.preview import changed_records, preview_pages
from .kept_output import held_files
from .live import edit_waiting, show_again, show_now
from .shell import ShellRenderer, write_noted, write_now, write_pages
from .sitemap import write_sitemap
from .theme_files import without_dot_folders

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
    # the hosted editor's backend (kb init writes it): {backend, repo, branch, base_url, ...}
    editor = opt.Type(dict, default={})
    drafts = opt.Type(bool, default=False)  # the preview (kb serve, kb build --drafts) shows drafts


class ThaiKbPlugin(BasePlugin[ThaiKbConfig]):
    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.filled: list[Page] = []  # pages outside the navigation, rendered by shell fill
        self.nav: Any = None
        self.env: Any = None
        self.files: Files | None = None
        self.extra_files: dict[str, bytes] = {}
        self.held_files: dict[str, bytes] = {}  # extra files the site holds already, by digest
        self.copies: dict[str, str] = {}  # site path → file to place as is (published media)
        self.written: dict[str, int] | None = None  # under kb serve: page → hash of what was written
        self.last_good: Site | None = None  # under kb serve: the last site built from valid content
        self.server: Any = None  # under kb serve: MkDocs' live server
        self.memo: LoadMemo | None = None  # under kb serve: files read at the last build
        self.renderer: ShellRenderer | None = None  # under kb serve: the last build's theme shell
        self.looked = False  # this build showed a quick look first
        self.superseded = False  # this build gave up for a newer edit: it writes none of our pages

    def on_startup(self, command: str, dirty: bool) -> None:
        """Having this hook keeps one plugin object across `kb serve`'s rebuilds (MkDocs' rule),
        so it remembers what it wrote and a rebuild rewrites only the pages that changed."""
        if command == "serve":
            self.written = {}
            self.memo = LoadMemo()

    def on_config(self, config: Any) -> Any:
        if getattr(config.theme, "lists_dot_folders", True):
            config.theme.get_env = without_dot_folders(config.theme.get_env)
            config.theme.lists_dot_folders = False  # once, though kb serve configures again
        return config

    def content_root(self, config: Any) -> Path:
        root = Path(self.config.content_dir)
        return root if root.is_absolute() else Path(config.config_file_path).parent / root

    def on_files(self, files: Files, config: Any) -> Files:
        root = self.content_root(config)
        use_project(root.parent)  # the cache stays with the content being built
        content = _handed_over.pop(root.resolve(), None) or validate_content(root, memo=self.memo)
        content = content if self.config.drafts else content.published()  # before any stage sees them
        self.superseded = False
        if content.ok:
            try:
                self.quick_look(content, config)
            except Exception as exc:  # noqa: BLE001 - only a head start: the full build follows
                log.warning(f"quick look skipped: {exc!r}")
            site = self.build_or_give_up(content, config)
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
        self.extra_files, self.held_files = site.files, site.held  # written in on_post_build: thousands of small files
        self.copies = site.copies
        if self.superseded:
            self.filled, self.extra_files, self.held_files, self.copies = [], {}, {}, {}
        return files

    def build_or_give_up(self, content: Content, config: Any) -> Site:
        """The whole site; under kb serve, given up as soon as a newer edit is waiting (the
        next build starts at once and shows its quick look), keeping the last site meanwhile."""
        serving = self.server is not None and self.last_good is not None
        try:
            with stop_when(lambda: serving and edit_waiting(self.server)):
                site = build_site(content, site_url=config.site_url or "", site_name=config.site_name,
                                  progress=log.info, settle=held_files)
        except Superseded:
            log.info("a newer edit is waiting: this build stops here")
            self.superseded = True
            return self.last_good  # type: ignore[return-value] # serving: there is one
        self.last_good = site if self.written is not None else None
        return site

    def quick_look(self, content: Content, config: Any) -> None:
        """kb serve: the edited records' pages first, shown at once; the build goes on."""
        if self.server is None or self.renderer is None or self.last_good is None:
            return
        started = time.perf_counter()
        records = changed_records(content, self.last_good)
        if not records or self.written is None:
            return
        pages = preview_pages(content, self.last_good, records)
        write_now(self.renderer, config.site_dir, pages, self.written)
        self.looked = show_now(self.server)
        log.info(f"quick look: {', '.join(p.url for p in pages)} shown "
                 f"({time.perf_counter() - started:.1f}s); the rest of the site follows")

    def on_nav(self, nav: Any, config: Any, files: Files) -> Any:
        self.nav = nav
        return nav

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        self.env, self.files = env, files
        keep_compiled(env)
        return env

    def on_post_build(self, config: Any) -> None:
        """Our extra files, pages outside the navigation, then a sitemap that lists every page."""
        place_files(config.site_dir, self.copies)
        if self.config.editor.get("backend"):  # the hosted editor, at /admin/
            from ..editor.hosted import publish_admin  # (imported when used: a build without it starts sooner)

            publish_admin(Path(config.site_dir), self.config.editor, config.site_url or "",
                          self.content_root(config).name)
        if not self.filled or self.files is None:
            write_noted(config.site_dir, self.extra_files, self.held_files)  # MkDocs wrote the pages (KB_SHELL=false)
            return
        renderer = ShellRenderer(config, self.env, self.nav, self.files.documentation_pages())
        write_pages(renderer, config.site_dir, self.filled, self.written, self.extra_files, self.held_files)
        write_sitemap(config, self.env, list(self.pages))  # dict order = site order
        log.info(f"{len(self.filled)} pages filled into the theme's shell, "
                 f"{len(self.extra_files) + len(self.held_files):,} other files written")
        if self.written is not None:
            self.renderer = renderer
        if self.looked:
            show_again(self.server)
            self.looked = False

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
        self.server = server
        server.watch(str(self.content_root(config)))
        server.watch(str(bundled_dir("site_templates")))
        if os.environ.get("KB_EDIT"):  # kb serve --edit: the editor and its backend on this address
            from ..editor.server import EditServer  # (kb serve --edit only)

            host, port = config.dev_addr
            server.set_app(EditServer(server.get_app(), self.content_root(config), host, port))
        return server


def with_problems(site: Site, problems: list[Diagnostic]) -> Site:
    """The site with a notice on every page: the content is invalid, this is the last good build."""
    shown = format_text(problems[:PROBLEMS_SHOWN])
    notice = ('<div class="kb-problems" role="alert"><p><strong>เนื้อหาไม่ผ่านการตรวจ '
              "กำลังแสดงฉบับล่าสุดที่ถูกต้อง / The content is invalid; this is the last valid build."
              f"</strong></p><pre>{escape(shown)}</pre></div>")
    pages = [Page.of(p.src_uri, p.title, p.description, p.kind, notice + p.html) for p in site.pages]
    return replace(site, pages=pages)


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
    if page.image:
        meta["kb_image"] = page.image
    lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"
