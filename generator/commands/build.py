"""kb build [CONTENT_DIR] [-o SITE_DIR]: validate, then build atomically into SITE_DIR."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from ..diagnostics import format_text
from ..validate import validate_content
from . import content_dir

ROOT = Path(__file__).resolve().parent.parent.parent


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="สร้างเว็บไซต์ / build the website")
    p.add_argument("content", nargs="?", default="content", help="content folder (default: content)")
    p.add_argument("-o", "--output", default="site", help="site folder (default: site)")
    p.add_argument("-f", "--config-file", default=str(ROOT / "mkdocs.yml"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = content_dir(args.content)
    content = validate_content(root)
    if not content.ok:
        print(format_text(content.diagnostics))
        print("ไม่ได้สร้างเว็บไซต์ เว็บไซต์เดิมยังอยู่ / site not built; the previous site is untouched",
              file=sys.stderr)
        return 1
    return build_atomically(root, Path(args.output), Path(args.config_file))


def build_atomically(root: Path, output: Path, config_file: Path) -> int:
    """MkDocs empties its site_dir first, so build beside it and swap only on success."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=output.parent))
    os.environ["KB_CONTENT"] = str(root.resolve())
    try:
        build(load_config(str(config_file), site_dir=str(staging)))
    except (MkDocsException, OSError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"kb build: {exc}", file=sys.stderr)
        return 1
    swap(staging, output)
    print(f"สร้างเว็บไซต์แล้วที่ {output} / site built in {output}")
    return 0


def swap(staging: Path, output: Path) -> None:
    old = output.with_name(f".site-old-{os.getpid()}")
    if output.exists():
        output.rename(old)
    staging.rename(output)
    shutil.rmtree(old, ignore_errors=True)
