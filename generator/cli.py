"""`kb`: one command line over the same stages the MkDocs plugin uses.

Exit status: 0 success, 1 invalid content, 2 bad usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module

COMMANDS = ("init", "validate", "build", "serve", "new", "import_post", "map", "graph", "export")


class UsageError(Exception):
    """Bad arguments: printed without a traceback, exit status 2."""


def parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """Every command's parser; only the named one's when argv names a command (each command
    module imports its stages: `kb build` need not import the importer, the server, ...)."""
    main_parser = argparse.ArgumentParser(
        prog="kb", description="Thai civic-health knowledge base / คลังความรู้ กขป.")
    sub = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in named_command(argv) or COMMANDS:
        try:
            module = import_module(f"generator.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"generator.commands.{name}":
                raise
            continue
        module.register(sub)
    return main_parser


def named_command(argv: Sequence[str] | None) -> tuple[str, ...]:
    """The command argv starts with, when it is one (not an option such as --help)."""
    first = next(iter(sys.argv[1:] if argv is None else argv), "")
    name = {"import": "import_post"}.get(first, first)  # the module of `kb import`
    return (name,) if name in COMMANDS else ()


def main(argv: Sequence[str] | None = None) -> int:
    args = parser(argv).parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except UsageError as exc:
        print(f"kb: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def entry() -> None:
    """The `kb` program: main(), then exit at once. A big build leaves gigabytes of objects
    that Python would free one by one at exit (seconds) though the OS reclaims them anyway."""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    entry()
