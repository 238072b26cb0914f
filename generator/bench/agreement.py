"""How far two annotations of the same posts agree, and the importer scored against either.

    .venv/bin/python -m generator.bench.agreement A.yaml B.yaml [-v]
    .venv/bin/python -m generator.bench.agreement --importer X.yaml [Y.yaml …] [--posts DIR] [--batch]
        [--content DIR] [-v]

Two readers annotate the same posts (the scorer's annotation files, e.g. a held-out set's
annotations.yaml and a second, blind annotations-b.yaml). Per list field, how many of A's items B
has, and the reverse: an organisation is had when one of the other side's bodies, in any of its
written forms, is a way of writing it (the scorer's own org_matches, the other side as the
found side); one the other lists only as optional is counted apart. People match as the scorer
matches them, provinces and hashtags item by item. For date and title, the raw agreement (Cohen's
p_o): the share of posts on which both wrote the same (a title up to runs of whitespace). -v lists
every difference.

With --importer, each file is a gold standard for the importer, scored by the scorer's own
score_post (generator/bench/importer.py), which only reads a folder's annotations.yaml; the
posts' texts are read beside each file, or from --posts.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..importer.extract import extract
from ..importer.title import site_lines
from ..records.load import Record
from ..records.validate import validate_content
from .importer import ROOT, Tally, name_key, org_matches, person_matches, report, same, score_post

LISTS = ("organizations", "people", "provinces", "hashtags")
SINGLE = ("date", "title")


@dataclass
class Agreement:
    """Per list field and side ("A" or "B"): how many of that side's items the other has."""

    posts: int = 0
    agree: Counter[str] = field(default_factory=Counter)
    had: Counter[tuple[str, str]] = field(default_factory=Counter)
    total: Counter[tuple[str, str]] = field(default_factory=Counter)
    optional: Counter[str] = field(default_factory=Counter)  # organisations the other has only as optional
    differences: list[str] = field(default_factory=list)


def load_annotations(path: Path) -> dict[str, dict[str, Any]]:
    """An annotation file's posts by file name."""
    return {post["file"]: post for post in yaml.safe_load(path.read_text("utf-8"))}


def single(post: dict[str, Any], name: str) -> Any:
    """A post's date (as text) or title, None when not given."""
    value = post.get(name)
    return str(value) if name == "date" and value else value or None


def had(name: str, mine: dict[str, Any], theirs: dict[str, Any], which: str | None = None) -> set[int]:
    """Indexes of my items (field `name`) that the other post has in its field `which` (the same)."""
    items = mine.get(name) or []
    others = theirs.get(which or name) or []
    if name.startswith("organizations"):
        return {i for forms in others for form in forms for i in org_matches(form, items)}
    if name == "people":
        return {i for person in others for i in person_matches(person, items)}
    return {i for i, item in enumerate(items) if item in others}


def shown(name: str, item: Any) -> str:
    return " | ".join(item) if name == "organizations" else str(item)


def unshared_forms(mine: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    """Ways of writing a body both list (required or optional) that only my side gives."""
    def bodies(post: dict[str, Any]) -> list[list[str]]:
        return (post.get("organizations") or []) + (post.get("organizations_optional") or [])
    their_keys = {name_key(form) for forms in bodies(theirs) for form in forms}
    return [form for forms in bodies(mine) if {name_key(f) for f in forms} & their_keys
            for form in forms if name_key(form) not in their_keys]


def optional_only(mine: dict[str, Any], theirs: dict[str, Any]) -> list[list[str]]:
    """My optional bodies that the other side lists nowhere (neither required nor optional)."""
    anywhere = had("organizations_optional", mine, theirs, "organizations")
    anywhere |= had("organizations_optional", mine, theirs)
    return [forms for i, forms in enumerate(mine.get("organizations_optional") or []) if i not in anywhere]


def compare_lists(result: Agreement, label: str, sides: dict[str, dict[str, Any]]) -> None:
    for side, other in (("A", "B"), ("B", "A")):
        mine, theirs = sides[side], sides[other]
        if forms := unshared_forms(mine, theirs):
            result.differences.append(f"{label} organizations' forms only {side}: {' | '.join(forms)}")
        result.differences += [f"{label} organizations_optional only {side}: {shown('organizations', forms)}"
                               for forms in optional_only(mine, theirs)]
        for name in LISTS:
            items = mine.get(name) or []
            found = had(name, mine, theirs)
            optional = had(name, mine, theirs, "organizations_optional") - found if name == "organizations" else set()
            result.total[name, side] += len(items)
            result.had[name, side] += len(found)
            result.optional[side] += len(optional)
            for i in sorted(set(range(len(items))) - found):
                where = f"{other} has it as optional" if i in optional else f"not in {other}"
                result.differences.append(f"{label} {name} only {side} ({where}): {shown(name, items[i])}")


def compare(a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]]) -> Agreement:
    """Both files' agreement, post by post; they must annotate the same posts."""
    if set(a) != set(b):
        only = sorted(set(a) ^ set(b))
        raise SystemExit(f"the two files annotate different posts: {', '.join(only)}")
    result = Agreement()
    for label in sorted(a):
        result.posts += 1
        for name in SINGLE:
            mine, theirs = single(a[label], name), single(b[label], name)
            if same(name, mine, theirs):
                result.agree[name] += 1
            else:
                result.differences.append(f"{label} {name}: A {mine!r}, B {theirs!r}")
        compare_lists(result, label, {"A": a[label], "B": b[label]})
    return result


def share(part: int, whole: int) -> str:
    return f"{part}/{whole}".rjust(7) + (f" {part / whole:>4.0%}" if whole else "    -")


def agreement_report(result: Agreement, a_name: str, b_name: str) -> str:
    lines = [f"A: {a_name}", f"B: {b_name}", f"{result.posts} posts",
             f"{'field':<15} {'B has of A':>12}   {'A has of B':>12}"]
    for name in LISTS:
        row = f"{name:<15} {share(result.had[name, 'A'], result.total[name, 'A'])}   "
        row += share(result.had[name, "B"], result.total[name, "B"])
        if name == "organizations":
            row += f"   (optional on the other side: {result.optional['A']} of A's, {result.optional['B']} of B's)"
        lines.append(row)
    lines += [f"{name:<15} {share(result.agree[name], result.posts)}  agree (raw)" for name in SINGLE]
    return "\n".join(lines)


def score_file(path: Path, posts: Path, records: list[Record], batch: bool) -> Tally:
    """The importer's drafts of the posts one annotation file covers, scored against that file."""
    annotated = list(load_annotations(path).values())
    texts = [(posts / post["file"]).read_text("utf-8") for post in annotated]
    chrome = site_lines(texts) if batch else frozenset()
    tally = Tally()
    for post, text in zip(annotated, texts, strict=True):
        score_post(post, extract(text, records, chrome), tally)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.bench.agreement", description=__doc__.split("\n")[0])
    parser.add_argument("files", type=Path, nargs="+", help="A.yaml B.yaml; with --importer, any number")
    parser.add_argument("--importer", action="store_true", help="score the importer against each file")
    parser.add_argument("--posts", type=Path, help="the posts' texts (default: beside each file)")
    parser.add_argument("--batch", action="store_true", help="with --importer: read the posts as one import")
    parser.add_argument("--content", type=Path, default=ROOT / "content", help="known stakeholders")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every difference or miss")
    args = parser.parse_args(argv)
    if not args.importer:
        if len(args.files) != 2:
            parser.error("give two annotation files, A and B")
        result = compare(load_annotations(args.files[0]), load_annotations(args.files[1]))
        print(agreement_report(result, str(args.files[0]), str(args.files[1])))
        if args.verbose:
            print("\n".join(result.differences))
        return 0
    records = validate_content(args.content).records if args.content.is_dir() else []
    for path in args.files:
        tally = score_file(path, args.posts or path.parent, records, args.batch)
        print(report(tally, f"{path}{', one batch' if args.batch else ', one post at a time'}"))
        if args.verbose:
            print("\n".join(tally.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
