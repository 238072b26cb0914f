"""The importer's benchmark: `kb import`'s extraction scored on the dev set of real posts.

    .venv/bin/python -m generator.bench.importer [--set dev|dev2|heldout|heldout2|…|heldout29 [...] | --posts DIR]
        [--batch] [--content DIR] [-v]

A set of real posts (the dev set tests/fixtures/posts/: NNN.txt and annotations.yaml, annotated
by hand; the held-out sets beside it) is read with the project's content as the known
stakeholders, as a reporter's import would: one post at a time, or with --batch as one `kb
import` of the whole set (the lines that open several of its posts are then site chrome). Per field:
date, title, hashtags and provinces are right when they equal the annotation exactly (a title
up to runs of whitespace); organisations and people are counted one by one: how many of the
annotated ones were found, and how many of those reported are real (annotated, or an optional
venue, publisher or generic kind). A second organisations line counts a name for a body when
one is written inside the other (the right body at any extent): the gap between the two lines
is extent, told apart without reading a miss. -v lists every miss.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..importer.extract import Extracted, extract
from ..importer.title import site_lines
from ..records.load import Record
from ..records.validate import validate_content

ROOT = Path(__file__).resolve().parents[2]
DEV_SET = ROOT / "tests" / "fixtures" / "posts"
SETS = {"dev": DEV_SET, "heldout": DEV_SET / "heldout", "heldout2": DEV_SET / "heldout2",
        "heldout3": DEV_SET / "heldout3", "heldout4": DEV_SET / "heldout4",
        "heldout5": DEV_SET / "heldout5", "heldout6": DEV_SET / "heldout6",
        "heldout7": DEV_SET / "heldout7", "heldout8": DEV_SET / "heldout8",
        "heldout9": DEV_SET / "heldout9", "heldout10": DEV_SET / "heldout10",
        "heldout11": DEV_SET / "heldout11", "heldout12": DEV_SET / "heldout12",
        "heldout13": DEV_SET / "heldout13", "heldout14": DEV_SET / "heldout14",
        "heldout15": DEV_SET / "heldout15", "heldout16": DEV_SET / "heldout16",
        "heldout17": DEV_SET / "heldout17", "heldout18": DEV_SET / "heldout18",
        "heldout19": DEV_SET / "heldout19", "heldout20": DEV_SET / "heldout20",
        "heldout21": DEV_SET / "heldout21", "heldout22": DEV_SET / "heldout22",
        "heldout23": DEV_SET / "heldout23", "heldout24": DEV_SET / "heldout24",
        "heldout25": DEV_SET / "heldout25", "heldout26": DEV_SET / "heldout26",
        "heldout27": DEV_SET / "heldout27", "heldout28": DEV_SET / "heldout28",
        "heldout29": DEV_SET / "heldout29",
        "dev2": DEV_SET / "dev2"}
EXACT = ("date", "title", "hashtags", "provinces")
PARENTHESES = re.compile(r"\([^()]{0,20}\)")
NOT_IN_NAMES = re.compile(r"[\s.\"'“”‘’]")
HONORIFIC_ROOM = 24  # an extracted person may carry this many characters of honorifics


@dataclass
class Tally:
    """Right / total for the exact fields; found / annotated and real / reported for lists."""

    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(EXACT, 0))
    posts: int = 0
    found: dict[str, int] = field(default_factory=lambda: {"organizations": 0, "people": 0})
    annotated: dict[str, int] = field(default_factory=lambda: {"organizations": 0, "people": 0})
    real: dict[str, int] = field(default_factory=lambda: {"organizations": 0, "people": 0})
    reported: dict[str, int] = field(default_factory=lambda: {"organizations": 0, "people": 0})
    misses: list[str] = field(default_factory=list)
    # organisations again, a reported name counting for a body when one is written inside the
    # other (the right body at any extent): how much of the strict figures' gap is extent
    near: dict[str, int] = field(default_factory=lambda: dict.fromkeys(("found", "real"), 0))

    def rates(self) -> dict[str, float]:
        """Every figure as a fraction: date … provinces, organizations/people found and real."""
        out = {name: self.right[name] / max(self.posts, 1) for name in EXACT}
        for name in ("organizations", "people"):
            out[f"{name}_found"] = self.found[name] / max(self.annotated[name], 1)
            out[f"{name}_real"] = self.real[name] / max(self.reported[name], 1)
        return out

    def add(self, other: Tally) -> None:
        """Another set's counts added: sets pooled as one (the held-out sets judge together)."""
        self.posts += other.posts
        for mine, theirs in ((self.right, other.right), (self.found, other.found), (self.near, other.near),
                             (self.annotated, other.annotated), (self.real, other.real),
                             (self.reported, other.reported)):
            for key, value in theirs.items():
                mine[key] += value
        self.misses += other.misses


def name_key(text: str) -> str:
    """A name as compared: spaces, dots, quotes and a short '(abbreviation)' do not count."""
    text = unicodedata.normalize("NFC", text)
    return NOT_IN_NAMES.sub("", PARENTHESES.sub("", text)).casefold()


def same(name: str, found: Any, expected: Any) -> bool:
    """Exact, except that a title's runs of whitespace count as one space."""
    if name == "title":
        return " ".join((found or "").split()) == " ".join((expected or "").split())
    return bool(found == expected)


def org_matches(written: str, bodies: Iterable[list[str]]) -> list[int]:
    """Indexes of the annotated bodies that one reported name is a way of writing."""
    key = name_key(written)
    return [i for i, forms in enumerate(bodies) if any(name_key(form) == key for form in forms)]


NEAR_LEAST = 4  # letters of the shorter name, and at least half the longer: a kind's word or a
# place alone is inside too many names (so a name run on far into its sentence does not count)


def near(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return len(short) >= max(NEAR_LEAST, len(long) / 2) and short in long


def org_near(written: str, bodies: Iterable[list[str]]) -> list[int]:
    """Indexes of the annotated bodies one reported name is inside of, or holds (any extent)."""
    key = name_key(written)
    return [i for i, forms in enumerate(bodies) if any(near(key, name_key(form)) for form in forms)]


def person_matches(written: str, names: list[str]) -> list[int]:
    """A reported person is an annotated one when it ends with the given and family name,
    after no more than an honorific's worth of characters."""
    key = name_key(written)
    return [i for i, name in enumerate(names)
            if key.endswith(name_key(name)) and len(key) - len(name_key(name)) <= HONORIFIC_ROOM]


def score_post(post: dict[str, Any], found: Extracted, tally: Tally) -> None:
    label = post["file"]
    expected = {"date": str(post["date"]) if post.get("date") else None, "title": post.get("title"),
                "hashtags": post.get("hashtags") or [], "provinces": sorted(post.get("provinces") or [])}
    got = {"date": found.date.isoformat() if found.date else None, "title": found.title or None,
           "hashtags": found.hashtags, "provinces": sorted(found.provinces)}
    tally.posts += 1
    for name in EXACT:
        right = same(name, got[name], expected[name])
        tally.right[name] += right
        if not right:
            tally.misses.append(f"{label} {name}: got {got[name]!r}, expected {expected[name]!r}")
    bodies = post.get("organizations") or []
    optional = post.get("organizations_optional") or []
    hits = [org_matches(name, bodies) for name in found.organizations]
    score_list(tally, label, "organizations", [f[0] for f in bodies], found.organizations, hits,
               [bool(h or org_matches(n, optional)) for n, h in zip(found.organizations, hits, strict=True)])
    near = [[*h, *org_near(name, bodies)] for name, h in zip(found.organizations, hits, strict=True)]
    tally.near["found"] += len({i for h in near for i in h})
    tally.near["real"] += sum(bool(h or org_matches(n, optional) or org_near(n, optional))
                              for n, h in zip(found.organizations, near, strict=True))
    people = post.get("people") or []
    hits = [person_matches(name, people) for name in found.people]
    score_list(tally, label, "people", people, found.people, hits, [bool(h) for h in hits])


def score_list(tally: Tally, label: str, kind: str, expected: list[str], reported: list[str],
               hits: list[list[int]], real: list[bool]) -> None:
    found = {i for h in hits for i in h}
    tally.annotated[kind] += len(expected)
    tally.found[kind] += len(found)
    tally.reported[kind] += len(reported)
    tally.real[kind] += sum(real)
    tally.misses += [f"{label} {kind} missed: {name}" for i, name in enumerate(expected) if i not in found]
    tally.misses += [f"{label} {kind} not real: {name}" for name, ok in zip(reported, real, strict=True) if not ok]


def load_dev_set(folder: Path) -> list[tuple[dict[str, Any], str]]:
    posts = yaml.safe_load((folder / "annotations.yaml").read_text("utf-8"))
    return [(post, (folder / post["file"]).read_text("utf-8")) for post in posts]


def score(folder: Path = DEV_SET, records: list[Record] | None = None, batch: bool = False) -> Tally:
    """Extract every post of a set (against records, the known stakeholders) and tally; a batch
    reads the set as one import, whose posts' shared opening lines are site chrome."""
    posts = load_dev_set(folder)
    chrome = site_lines([text for _, text in posts]) if batch else frozenset()
    tally = Tally()
    for post, text in posts:
        score_post(post, extract(text, records or [], chrome), tally)
    return tally


def report(tally: Tally, name: str = "dev set") -> str:
    rates = tally.rates()
    lines = [f"{name}: {tally.posts} posts", f"{'field':<15} {'figure':>8}"]
    for name in EXACT:
        lines.append(f"{name:<15} {rates[name]:>7.0%}  right ({tally.right[name]}/{tally.posts})")
    for name in ("organizations", "people"):
        lines.append(f"{name:<15} {rates[name + '_found']:>7.0%}  found "
                     f"({tally.found[name]}/{tally.annotated[name]}), "
                     f"{rates[name + '_real']:.0%} of reported are real ({tally.real[name]}/{tally.reported[name]})")
    annotated, reported = max(tally.annotated["organizations"], 1), max(tally.reported["organizations"], 1)
    lines.append(f"{'  any extent':<15} {tally.near['found'] / annotated:>7.0%}  found "
                 f"({tally.near['found']}/{tally.annotated['organizations']}), {tally.near['real'] / reported:.0%} "
                 f"of reported are real ({tally.near['real']}/{tally.reported['organizations']}): "
                 "organisations, one name written inside the other")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.bench.importer", description=__doc__.split("\n")[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--set", choices=sorted(SETS), nargs="+", default=["dev"],
                       help="which sets of real posts (default: dev); several are also given pooled")
    which.add_argument("--posts", type=Path, help="folder with NNN.txt and annotations.yaml")
    parser.add_argument("--batch", action="store_true", help="read the set as one import (site lines shared)")
    parser.add_argument("--content", type=Path, default=ROOT / "content", help="known stakeholders")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    records = validate_content(args.content).records if args.content.is_dir() else []
    named = {str(args.posts): args.posts} if args.posts else {f"{name} set": SETS[name] for name in args.set}
    how = ", one batch" if args.batch else ", one post at a time"
    pooled = Tally()
    for name, folder in named.items():
        tally = score(folder, records, args.batch)
        print(report(tally, name + how))
        pooled.add(tally)
    if len(named) > 1:
        print(report(pooled, f"{len(named)} sets pooled" + how))
    if args.verbose:
        print("\n".join(pooled.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
