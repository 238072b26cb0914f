"""kb serve: MkDocs' live server over the same plugin; rebuilds when content/ changes."""

from __future__ import annotations

import argparse
import logging
import os

from ..mkdocs.config import project_options
from ..progress import reporter, silent
from . import content_dir
from .build import config_file, plugin_progress


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="เปิดเว็บไซต์ทดลอง / serve the site with live reload")
    p.add_argument("content", nargs="?", default="content")
    p.add_argument("-a", "--dev-addr", default="127.0.0.1:8000")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    p.add_argument("--edit", action="store_true",
                   help="เปิดตัวแก้ไขที่ /admin/ / the browser editor at /admin/ and its backend at /api/v1")
    p.set_defaults(run=run)


class DirtyWarningFilter(logging.Filter):
    """MkDocs warns at every `dirty` rebuild that links may be inaccurate; ours are not, as the
    plugin rewrites every changed page and removes pages whose record is gone."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def loopback_only(address: str) -> str:
    """The editor writes files on request: it listens on this machine only."""
    from ..cli import UsageError

    host = address.rsplit(":", 1)[0].strip("[]")
    if host not in {"127.0.0.1", "localhost", "::1"}:
        raise UsageError(f"--edit ฟังได้เฉพาะที่อยู่ภายในเครื่อง (127.0.0.1) ไม่ใช่ '{host}' / "
                         f"--edit listens on loopback only (127.0.0.1), not '{host}'")
    return "1"


def run(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    root = content_dir(args.content)
    if args.edit:
        os.environ["KB_EDIT"] = loopback_only(args.dev_addr)
    os.environ["KB_CONTENT"] = str(root.resolve())
    os.environ["KB_DRAFTS"] = "true"  # the preview shows drafts, each with its banner (mkdocs.base.yml)
    logging.getLogger("mkdocs.commands.build").addFilter(DirtyWarningFilter())
    with plugin_progress(silent if args.quiet else reporter()):
        # dirty: the site folder is not emptied before each rebuild; the plugin rewrites only
        # pages that changed and removes pages whose record is gone
        config = config_file(root, None)
        serve(str(config), dev_addr=args.dev_addr, livereload=True, build_type="dirty",
              **project_options(config))
    return 0
