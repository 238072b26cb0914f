"""Material's page shell rendered once per folder, then filled in for every generated page.

MkDocs renders the whole theme (head, header, navigation, footer) for every page: about 4 ms
a page, most of a 10,000-meeting build. A generated page outside the navigation differs from
its folder neighbours only in title, description, the last part of its URL and its content,
so the theme runs once per folder with marked slots and each page is a string fill.
`tests/test_shell.py` builds the demo site both ways and requires identical bytes.
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mkdocs.commands.build import get_context
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page as MkPage

from ..parallel import WORKERS, fork_pool
from ..site.media import site_paths
from ..site.model import Page, url_of_src
from . import kept_output

# Slots the theme copies through unchanged: plain ASCII that no filter escapes. The content
# slot holds an <h1> so that Material, as for our real pages, adds no heading of its own.
TITLE = "kbslot7c1e-title"
DESCRIPTION = "kbslot7c1e-description"
NAME = "kbslot7c1e-name"
CONTENT = '<h1 class="kbslot7c1e-content"></h1>'
SLOTS = (TITLE, DESCRIPTION, NAME, CONTENT)


class ShellRenderer:
    """Renders our pages with the theme, as MkDocs would: once per folder, then by filling."""

    def __init__(self, config: Any, env: Any, nav: Any, doc_files: Any) -> None:
        self.config, self.env, self.nav, self.doc_files = config, env, nav, doc_files
        self.shells: dict[str, list[str]] = {}

    def render_page(self, page: Page) -> str:
        name = posixpath.basename(url_of(page.src_uri).rstrip("/"))
        if not fillable(page, name) or page.image:  # the shell has no og:image slot
            return self.render_with_theme(page.src_uri, page.title, page.description, page.kind,
                                          page.html, page.image)
        values = {TITLE: page.title, DESCRIPTION: page.description, NAME: name, CONTENT: page.html}
        return "".join(values.get(part, part) for part in self.shell(folder_of(page.src_uri)))

    def shell(self, folder: str) -> list[str]:
        """The theme around a page of this folder, split so that slots are separate parts."""
        if folder not in self.shells:
            probe = posixpath.join(folder, NAME + ".md")
            html = self.render_with_theme(probe, TITLE, DESCRIPTION, "", CONTENT)
            self.shells[folder] = split_slots(html)
        return self.shells[folder]

    def render_with_theme(self, src_uri: str, title: str, description: str, kind: str,
                          html: str, image: str = "") -> str:
        """One page through MkDocs' own steps: page object, context, main.html, post_page."""
        page = MkPage(None, self.file_of(src_uri), self.config)
        page.markdown = ""
        page.meta = {"title": title, "description": description, "kb_kind": kind}
        if image:
            page.meta["kb_image"] = image
        page.content = html
        self.config._current_page = page
        page.active = True
        try:
            context = get_context(self.nav, self.doc_files, self.config, page)
            context = self.config.plugins.on_page_context(context, page=page, config=self.config,
                                                          nav=self.nav)
            output = self.env.get_template("main.html").render(context)
            return str(self.config.plugins.on_post_page(output, page=page, config=self.config))
        finally:
            page.active = False
            self.config._current_page = None

    def file_of(self, src_uri: str) -> File:
        return File.generated(self.config, src_uri, content="")


def folder_of(src_uri: str) -> str:
    """The folder of the page's URL, where the shell's probe page stands beside it: for
    'proposals/status/accepted/index.md' that is 'proposals/status', not the file's folder
    (filling a probe inside it would write 'accepted/accepted/' into canonical links)."""
    return posixpath.dirname(url_of_src(src_uri).rstrip("/"))


def url_of(src_uri: str) -> str:
    """The page's URL as MkDocs writes it (directory URLs, percent-encoded like File.url)."""
    return quote(url_of_src(src_uri))


PARALLEL_FROM = 400  # pages; below this, forking workers costs more than it saves
FILES_PER_TASK = 500
_job: tuple[ShellRenderer, str, list[Page], dict[str, int], list[tuple[str, bytes]], dict[str, Digest]] | None = None
Digest = bytes  # kept_output's: what made a file's bytes


def write_pages(renderer: ShellRenderer, site_dir: str, pages: list[Page], written: dict[str, int] | None = None,
                files: dict[str, bytes] | None = None, held: dict[str, Digest] | None = None) -> None:
    """Fill and write every page, and write `files` (the search index...), on every core for
    many (shells are made before forking, workers read _job). With `written` (kb serve), pages
    whose HTML did not change since the last build are left alone and pages that no longer
    exist are removed. Under kb build, what the last build wrote the same is not written: the
    site holds it already (kept_output.py), as it holds the `held` files (only noted). What
    made each page (a digest of its shell, values and HTML's) is worked out here, from digests
    known already; what made each file (its bytes' digest, tens of thousands at 10,000
    meetings) by the workers writing files; all are noted for the next build."""
    global _job
    for folder in sorted({folder_of(page.src_uri) for page in pages}):
        renderer.shell(folder)
    items = list((files or {}).items())
    kept = kept_output.current()
    shells = {} if kept is None else {folder: kept_output.shell_digest(shell)
                                      for folder, shell in renderer.shells.items()}
    digests = [filled_digest(shells, page) for page in pages] if kept is not None else [None] * len(pages)
    due = [page for page, digest in zip(pages, digests, strict=True)
           if kept is None or not kept.same(page_path(page), digest)]  # the rest: in the site already
    _job = (renderer, site_dir, due, written if written is not None else {}, items, shells)
    try:
        if len(due) < PARALLEL_FROM or WORKERS < 2:
            file_digests = [_write_files(start) for start in range(0, len(items), FILES_PER_TASK)]
            hashes = [_write(position) for position in range(len(due))]
        else:
            with fork_pool() as pool:  # not stopped midway: the pages are from newer content
                extra = pool.map_async(_write_files, range(0, len(items), FILES_PER_TASK))  # alongside the pages
                hashes = pool.map(_write, range(len(due)), chunksize=128)
                file_digests = extra.get()
    finally:
        _job = None
    if kept is not None:
        kept.note(zip([page_path(page) for page in pages], digests, strict=True))
        kept.note(zip([name for name, _ in items], [d for chunk in file_digests for d in chunk], strict=True))
        kept.note((held or {}).items())
    if written is not None:
        remember(site_dir, written, {page.src_uri: h for page, h in zip(due, hashes, strict=True)})


def filled_digest(shells: dict[str, Digest], page: Page) -> Digest | None:
    """What a filled page's bytes are made of (None: rendered with the theme, not filled)."""
    name = posixpath.basename(url_of(page.src_uri).rstrip("/"))
    if not fillable(page, name) or page.image:
        return None
    return kept_output.page_digest(shells[folder_of(page.src_uri)], [page.title, page.description, name],
                                   page.packed_digest())


def page_path(page: Page) -> str:
    return os.path.join(url_of_src(page.src_uri), "index.html")


def _write_files(start: int) -> list[Digest | None]:
    assert _job is not None
    return write_files(_job[1], dict(_job[4][start:start + FILES_PER_TASK]), noting=kept_output.current() is not None)


def _write(position: int) -> int:
    """One page filled and written; the hash of its HTML (kb serve)."""
    assert _job is not None
    renderer, site_dir, pages, written, _, _ = _job
    return write_filled(renderer, site_dir, pages[position], written)


def write_filled(renderer: ShellRenderer, site_dir: str, page: Page, written: dict[str, int]) -> int:
    """Fill one page and write it if its HTML changed since the last build (kb serve: atomically,
    as the live server may be reading it); its hash."""
    html = renderer.render_page(page)
    if written.get(page.src_uri) != hash(html):
        write_page(os.path.join(site_dir, url_of_src(page.src_uri), "index.html"), html,
                   atomic=bool(written))
    return hash(html)


def write_now(renderer: ShellRenderer, site_dir: str, pages: list[Page], written: dict[str, int]) -> None:
    """A few pages at once (kb serve's quick look), noted as written: the build that follows
    leaves them alone unless they change again."""
    for page in pages:
        written[page.src_uri] = write_filled(renderer, site_dir, page, written)


def remember(site_dir: str, written: dict[str, int], now: dict[str, int]) -> None:
    for gone in set(written) - set(now):
        Path(site_dir, url_of_src(gone), "index.html").unlink(missing_ok=True)
    written.clear()
    written.update(now)


def fillable(page: Page, name: str) -> bool:
    """The fill is exact only when escaping changes none of the values the theme prints (and
    none holds a slot): markupsafe escapes exactly & < > " '."""
    return not any(UNFILLABLE.search(v) for v in (page.title, page.description, name))


SLOT_PATTERN = re.compile("(" + "|".join(re.escape(slot) for slot in SLOTS) + ")")
UNFILLABLE = re.compile("[&<>\"']|" + SLOT_PATTERN.pattern)


def split_slots(html: str) -> list[str]:
    """The shell cut around its slots; each slot is a part of its own."""
    return [part for part in SLOT_PATTERN.split(html) if part]


def write_files(site_dir: str, files: dict[str, bytes], noting: bool = False) -> list[Digest | None]:
    """Files by path under the site (search index, feed, diagrams), each folder made once.
    Under kb build (`noting`), only those whose bytes the site does not hold already; then
    what made each (its digest), to note for the next build."""
    kept = kept_output.current() if noting else None
    digests = [kept_output.file_digest(data) if kept is not None else None for data in files.values()]
    changed = [name for name, digest in zip(files, digests, strict=True) if kept is None or not kept.same(name, digest)]
    for name, path in zip(changed, site_paths(site_dir, changed), strict=True):
        with open(path, "wb") as handle:
            handle.write(files[name])
    return digests


def write_noted(site_dir: str, files: dict[str, bytes], held: dict[str, Digest]) -> None:
    """write_files, then what made each file noted, the held ones' too (write_pages notes
    them otherwise)."""
    digests = write_files(site_dir, files, noting=True)
    kept = kept_output.current()
    if kept is not None:
        kept.note(zip(files, digests, strict=True))
        kept.note(held.items())


def write_page(dest: str, html: str, atomic: bool = False) -> None:
    path = Path(dest)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = html.encode("utf-8", errors="xmlcharrefreplace")
    if not atomic:
        path.write_bytes(data)
        return
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, path)
