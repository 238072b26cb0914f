"""kb build [CONTENT_DIR] [-o SITE_DIR]: validate, then build atomically into SITE_DIR."""

from __future__ import annotations

import argparse
import contextlib
import errno
import fcntl
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from .. import PACKAGE_DIR
from ..cache import cache_dir, use_project
from ..mkdocs import kept_output
from ..mkdocs.config import project_options
from ..progress import Progress, ProgressHandler, reporter, silent
from ..records.diagnostics import format_text
from . import content_dir
from .uptodate import Stamp

if TYPE_CHECKING:  # the build's own modules are imported once the site is known to have changed
    from ..records.kept import KeptLoads
    from ..records.validate import Content


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="สร้างเว็บไซต์ / build the website")
    p.add_argument("content", nargs="?", default="content", help="content folder (default: content)")
    p.add_argument("-o", "--output", default="site", help="site folder (default: site)")
    p.add_argument("-f", "--config-file", help="MkDocs configuration (default: the mkdocs.yml beside the "
                   "content folder, else in the current folder)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    p.add_argument("--drafts", action="store_true", help="a preview: drafts too, each with a draft banner")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    say = silent if args.quiet else reporter()
    root = content_dir(args.content)
    config, output = config_file(root, args.config_file), Path(args.output)
    use_project(root.parent)  # the cache folder, where the last build left its stamp
    stamp = Stamp(root, output, config, args.drafts)
    if stamp.current():
        print(f"ไม่มีอะไรเปลี่ยน เว็บไซต์ที่ {output} เป็นปัจจุบันแล้ว / nothing changed: the site in {output} is up to date")
        return 0
    from ..records.validate import validate_content  # (not when nothing changed: a third of a second)

    content = validate_content(root, say, kept_loads(stamp.read))
    say(f"ตรวจแล้ว / validated {len(content.records):,} records")
    os.environ["KB_DRAFTS"] = "true" if args.drafts else "false"  # the plugin's option (mkdocs.base.yml)
    say_drafts(content, args.drafts, say)
    built_from = content if args.drafts else content.published()  # a draft's problems stop only its preview
    if not built_from.ok:
        print(format_text(built_from.diagnostics))
        print("ไม่ได้สร้างเว็บไซต์ เว็บไซต์เดิมยังอยู่ / site not built; the previous site is untouched",
              file=sys.stderr)
        return 1
    built = build_atomically(root, output, config, content, say)
    if built == 0:
        stamp.save()
    return built


def kept_loads(read: dict[str, bytes]) -> KeptLoads | None:
    """The last build's loads of unchanged files, from the cache folder (when there is one);
    `read`: the digests of the files the up-to-date check read."""
    from ..records.kept import KeptLoads

    base = cache_dir()
    return KeptLoads(base / "loaded", read) if base else None


def say_drafts(content: Content, shown: bool, say: Progress) -> None:
    drafts = len(content.published().drafts)
    if drafts and shown:
        say(f"ฉบับร่าง {drafts:,} ระเบียนแสดงพร้อมป้ายฉบับร่าง / {drafts:,} drafts shown with a draft banner")
    elif drafts:
        say(f"ฉบับร่าง {drafts:,} ระเบียนไม่เผยแพร่ / {drafts:,} drafts left out (kb build --drafts shows them)")


def config_file(content: Path, given: str | None) -> Path:
    """The project's mkdocs.yml (beside content/), else the current folder's, else the one of the
    source checkout kb runs from."""
    if given:
        return Path(given)
    found = [content.resolve().parent / "mkdocs.yml", Path("mkdocs.yml"), PACKAGE_DIR.parent / "mkdocs.yml"]
    return next((path for path in found if path.exists()), found[0])


def build_atomically(root: Path, output: Path, config_file: Path, content: Content | None = None,
                     say: Progress = silent) -> int:
    """MkDocs empties its site_dir first, so build beside the site, and only on success swap
    it in (a whole new site) or move the changed files into it (kept_output.py). Builds into
    one folder take turns: an update in place reads the site the last build left."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    with taking_turns(output.parent):
        remove_stale(output.parent)
        return build_beside(root, output, config_file, content, say)


@contextmanager
def taking_turns(folder: Path) -> Iterator[None]:
    """An exclusive lock on the folder the site is in, held for one build (released by the
    system if the build is killed)."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def remove_stale(folder: Path) -> None:
    """What killed builds left beside the site (with the lock held, no build is writing there)."""
    for stale in folder.glob(".site-new-*"):
        shutil.rmtree(stale, ignore_errors=True)


def build_beside(root: Path, output: Path, config_file: Path, content: Content | None, say: Progress) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from ..mkdocs.plugin import hand_over

    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=output.parent))
    os.environ["KB_CONTENT"] = str(root.resolve())
    if content is not None:
        hand_over(content)  # the plugin need not validate the same files again
    kept = kept_output.start(output)  # what the last build wrote into the site there
    try:
        with plugin_progress(say):
            build(load_config(str(config_file), **{**project_options(config_file), "site_dir": str(staging)}))
    except (MkDocsException, OSError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        kept_output.finish(None)
        print(f"kb build: {exc}", file=sys.stderr)
        return 1
    except BaseException:  # Ctrl-C: the half-built site goes too
        shutil.rmtree(staging, ignore_errors=True)
        kept_output.finish(None)
        raise
    finally:
        hand_over(None)
    try:
        put_in_place(staging, output, kept.in_place)
    except OSError as exc:  # a full disk while moving: the next build writes the whole site
        shutil.rmtree(staging, ignore_errors=True)
        kept_output.finish(None)
        print(f"kb build: {exc}", file=sys.stderr)
        return 1
    kept_output.finish(output)
    say("เขียนไฟล์ครบแล้ว / site written")
    print(f"สร้างเว็บไซต์แล้วที่ {output} / site built in {output}")
    return 0


def put_in_place(staging: Path, output: Path, update: bool) -> None:
    if update:
        kept_output.update_in_place(staging, output)
    else:
        swap(staging, output)


@contextmanager
def plugin_progress(say: Progress) -> Iterator[None]:
    """The plugin logs its stages at INFO; show them as progress lines while building."""
    logger = logging.getLogger("mkdocs.plugins.thai-kb")
    handler, level = ProgressHandler(say), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


SWAP_TRIES = 100


def swap(staging: Path, output: Path) -> None:
    """Two renames; the previous site (thousands of folders) is deleted in the background,
    as the new one is already in place. Another build finishing at the same moment may put its
    site in place between the two: then that one is moved away in turn (the last to finish wins)."""
    for _ in range(SWAP_TRIES):
        old = output.with_name(f".site-old-{os.getpid()}-{time.time_ns()}")
        with contextlib.suppress(FileNotFoundError):  # none yet, or another build moved it
            output.rename(old)
            remove_later(old)
        try:
            staging.rename(output)
            return
        except OSError as exc:
            if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST):
                raise
    raise OSError(errno.EBUSY, f"{output} keeps being replaced by other builds")


def remove_later(folder: Path) -> None:
    subprocess.Popen(["rm", "-rf", "--", str(folder)], start_new_session=True,  # noqa: S603, S607
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
