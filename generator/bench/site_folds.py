"""The whole importer measured honestly on the read sets: whole sets, and every post of their
sites, left out of what was learnt from them.

    .venv/bin/python -m generator.bench.site_folds [--cache DIR]

The read sets (dev, held-out 1–23, dev2) are the folds; a site with
posts in two sets (paoc.or.th) leaves with either. For each fold, both models are trained again
without its posts and its sites' (the organisation tagger as train_tagger.py trains it, the
headline model as train_titles.py does, at the shipped margin), and each of its posts is read
one at a time as `kb import` reads it. The rules cannot be trained again, so two figures:

  now, own-site entries out  today's importer with the fold's models, and without every entry
        of the rules' lists that fires only on the fold's sites: a glossary abbreviation, a known
        stakeholder's name, a site-line pattern of title.py, a word of the organisation rules'
        lists (WORD_LISTS: heads, kinds, words that are no body). An entry drawn from a post that
        fires on no other site is that post's answer written into the rules; one that fires
        elsewhere too stays. Still optimistic: what a rule learnt from a site's misses that other
        sites share is kept, and the rules' code is today's.
  before read  the rules of the commit that added each set, before anyone read its misses
        (titles_before_read.yaml; extent_unseen.py's cache for organisations), under the fold's
        models, combined as kb import combines them. The dev set's 001–035 have no such record
        (the rules were born on them) and are not in it. This is the figure to trust: on the
        then unread held-out sets 6–8 the importer scored 83.8% titles, 76.7/80.7% organisations.

Then how many entries of each list fire on one site only (and on which fold's), pooled and per
fold: titles exact, organisations found / real. Never reads the unread held-out sets (the
twenty-fourth to the twenty-seventh).

The figures before and after each change, and what was tried and not kept: site_folds_history.md
beside this file."""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlparse

import yaml

from .. import text as generator_text
from .. import thai
from ..importer import (
    extract as extract_module,
)
from ..importer import (
    name_ends,
    name_extent,
    name_keeper,
    organizations,
    tagger,
    tagger_names,
    title,
    title_model,
)
from ..importer import text as importer_text
from ..importer.extract import Extracted, extract, stakeholder_names
from ..importer.name_keeper import Keeper
from ..importer.tagger import Tagger
from ..importer.text import lines_of
from ..records.load import Record
from ..records.validate import validate_content
from .importer import ROOT, SETS, Tally, score_post
from .learning_curve import before_read_rules, names
from .train_keeper import Example as KeeperExample
from .train_keeper import Read, fold_reads
from .train_keeper import examples_of as keeper_examples
from .train_keeper import train as train_keeper
from .train_tagger import READ_SETS, Post, read_sets
from .train_titles import SHIPPED, VARIANTS, Example, apply, read_all
from .train_titles import train as train_titles

# title.py's site-line patterns: each an entry of the rules that a site's lines were drawn into
TITLE_PATTERNS = ("ENGLISH_TAGLINE", "SITE_NAME_FIRST", "SECTION_BANNER", "SOURCE_STAMP", "HOTLINE", "WELCOME",
                  "SLOGAN", "SPOKEN_TO_READER", "PRESS_DATELINE", "BYLINE", "GLUED_LABELS", "FILE_NAME",
                  "CATEGORY_LINE", "LABEL_PREFIX", "TRAIL_START")
NEVER = re.compile(r"(?!)")  # an entry left out: matches nothing
# the rules' lists of words, each word an entry: (module that defines the list, its name)
WORD_LISTS = ((name_ends, "HEADS"), (organizations, "NOT_BODIES"), (organizations, "GENERIC"),
              (organizations, "NOT_HEADED"), (organizations, "VENUES"), (organizations, "KINDS"))
MODULES: tuple[ModuleType, ...] = (thai, generator_text, importer_text, organizations, name_ends, name_extent,
                                   tagger, tagger_names, title, title_model, extract_module, name_keeper)


def site_of(post: dict[str, Any]) -> str:
    host = urlparse(str(post.get("url") or "")).hostname or f"?{post['file']}"
    return host.removeprefix("www.")


@dataclass
class Entries:
    """Every entry of the rules' lists and the sites it fires on."""

    glossary: dict[str, set[str]] = field(default_factory=dict)  # abbreviation → sites
    stakeholders: dict[str, set[str]] = field(default_factory=dict)  # record id → sites
    patterns: dict[str, set[str]] = field(default_factory=dict)  # title.py pattern → sites
    words: dict[str, set[str]] = field(default_factory=dict)  # 'LIST:word' of WORD_LISTS → sites

    def only_on(self, sites: set[str]) -> tuple[set[str], set[str], set[str], set[str]]:
        """The entries that fire on these sites and on no other."""
        def of(table: dict[str, set[str]]) -> set[str]:
            return {entry for entry, where in table.items() if where and where <= sites}
        return of(self.glossary), of(self.stakeholders), of(self.patterns), of(self.words)

    def tables(self) -> dict[str, dict[str, set[str]]]:
        return {"glossary": self.glossary, "stakeholders": self.stakeholders, "patterns": self.patterns,
                "words": self.words}

    def single_site(self) -> dict[str, int]:
        return {kind: sum(len(where) == 1 for where in table.values()) for kind, table in self.tables().items()}


def glossary_forms(entry: dict[str, Any]) -> list[str]:
    return [str(entry["short"]), *map(str, entry.get("forms") or []), str(entry["full"]).split(" (")[0]]


def firing(raws: dict[tuple[str, str], str], sites: dict[tuple[str, str], str], records: list[Record]) -> Entries:
    """Which sites each entry fires on: a glossary entry or a stakeholder where one of its forms
    is written, a pattern where it matches one of the page's first lines."""
    entries = Entries()
    by_id: dict[str, list[str]] = {}
    for name, id_ in stakeholder_names(records).items():
        by_id.setdefault(id_, []).append(name)
    for key, raw in raws.items():
        site = sites[key]
        for entry in thai.load_glossary():
            hit = any(form in raw for form in glossary_forms(entry) if len(form) >= 2)
            entries.glossary.setdefault(str(entry["short"]), set()).update({site} if hit else set())
        for id_, forms in by_id.items():
            entries.stakeholders.setdefault(id_, set()).update({site} if any(f in raw for f in forms) else set())
        for module, list_name in WORD_LISTS:
            for word in getattr(module, list_name):
                entries.words.setdefault(f"{list_name}:{word}", set()).update({site} if word in raw else set())
        head = [line.strip() for line in lines_of(raw)[:60]]
        for name in TITLE_PATTERNS:
            pattern = getattr(title, name)
            entries.patterns.setdefault(name, set()).update({site} if any(pattern.search(x) for x in head) else set())
    return entries


def clear_caches() -> None:
    """Forget what was worked out from the rules' lists (each module's cached functions)."""
    for module in MODULES:
        for value in vars(module).values():
            mine = getattr(value, "__module__", "") == module.__name__
            if mine and callable(value) and hasattr(value, "cache_clear"):
                value.cache_clear()


@contextmanager
def swapped(changes: list[tuple[ModuleType, str, Any]]) -> Iterator[None]:
    """These module attributes replaced while the block runs (the folds' models, entries left out)."""
    saved = [(module, name, getattr(module, name)) for module, name, _ in changes]
    for module, name, value in changes:
        setattr(module, name, value)
    clear_caches()
    try:
        yield
    finally:
        for module, name, value in saved:
            setattr(module, name, value)
        clear_caches()


Change = tuple[ModuleType, str, Any]  # a module's attribute and the value it takes


def left_out_entries(glossary_out: set[str], patterns_out: set[str], words_out: set[str]) -> list[Change]:
    """The module attributes to swap for these entries left out: the glossary without them, a
    pattern matching nothing, a word list without its words (in every module that imported it;
    what a module worked out from a list when it was imported keeps the word)."""
    kept = [e for e in thai.load_glossary() if str(e["short"]) not in glossary_out]
    load: Callable[[], list[dict[str, Any]]] = lambda: list(kept)  # noqa: E731
    changes: list[Change] = [(m, "load_glossary", load) for m in MODULES if hasattr(m, "load_glossary")]
    changes += [(title, name, NEVER) for name in patterns_out]
    for module, list_name in WORD_LISTS:
        words = getattr(module, list_name)
        out = {entry.partition(":")[2] for entry in words_out if entry.startswith(f"{list_name}:")}
        if out:
            smaller = type(words)(w for w in words if w not in out)
            changes += [(m, list_name, smaller) for m in MODULES if getattr(m, list_name, None) is words]
    return changes


@dataclass
class Fold:
    name: str
    now: Tally = field(default_factory=Tally)
    before: Tally = field(default_factory=Tally)
    before_titles: list[int] = field(default_factory=lambda: [0, 0])
    out: tuple[int, int, int, int] = (0, 0, 0, 0)  # entries left out: glossary, stakeholders, patterns, words


@dataclass
class Learnt:
    """What the folds learn from: the read sets' title examples, and the keeper's examples (the
    names each post would report, its tagger trained without its fold: train_keeper.py)."""

    examples: list[Example]
    kept: list[KeeperExample]
    reads: dict[str, Read]  # each post's fold tagger's spans and marks


def fold_keeper(name: str, learnt: Learnt, out_sites: set[str]) -> Keeper | None:
    """The keeper trained without the fold's posts and sites, at the shipped threshold (none where
    none is shipped)."""
    shipped = name_keeper.shipped()
    if shipped is None:
        return None
    training = [ex for ex in learnt.kept if ex.set != name and ex.site not in out_sites]
    return Keeper(train_keeper(training), shipped.threshold)


def run_fold(name: str, posts: list[Post], learnt: Learnt, raws: dict[tuple[str, str], str],
             sites: dict[tuple[str, str], str], entries: Entries, records: list[Record],
             old: dict[str, list[str]], folder: Path) -> Fold:
    fold = Fold(name)
    examples = learnt.examples
    test = [p for p in posts if p.set == name]
    out_sites = {sites[(p.set, p.file)] for p in test}
    model = folder / f"{name}.crfsuite"  # trained by fold_reads, on the same posts
    keeper = fold_keeper(name, learnt, out_sites)
    groups = VARIANTS[SHIPPED]
    margin = shipped_margin()
    training = (ex for ex in examples if ex.group != name and sites[(ex.group, ex.file)] not in out_sites)
    headlines = train_titles(training, groups)
    glossary_out, stakeholders_out, patterns_out, words_out = entries.only_on(out_sites)
    fold.out = (len(glossary_out), len(stakeholders_out), len(patterns_out), len(words_out))
    kept_records = [r for r in records if r.id not in stakeholders_out]
    fold_tagger = Tagger(model, False)
    fold_titles = title_model.TitleModel(headlines, groups, margin)
    models = [(tagger_names, "shipped", lambda: fold_tagger), (title_model, "shipped", lambda: fold_titles),
              (name_keeper, "shipped", lambda: keeper)]
    with swapped(models + left_out_entries(glossary_out, patterns_out, words_out)):
        for post in test:
            score_post(post.annotation, extract(raws[(post.set, post.file)], kept_records), fold.now)
    test_examples = [ex for ex in examples if ex.group == name and ex.mode == "one" and ex.scored]
    for scored in apply(headlines, test_examples, groups, "before"):
        fold.before_titles[0] += title_model.norm(scored.combined(margin)) == title_model.norm(scored.example.want)
        fold.before_titles[1] += 1
    with swapped([(name_keeper, "shipped", lambda: keeper)]):
        for post in test:
            spans, marks = learnt.reads[f"{post.set}/{post.file}"]
            found = names(post, spans, "+ rules before read", old, marks)
            if found is not None:
                score_post(post.annotation, Extracted(organizations=found), fold.before)
    return fold


def shipped_margin() -> float:
    return float(yaml.safe_load(title_model.MODEL_FILE.read_text("utf-8"))["margin"])


def percent(right: int, total: int) -> str:
    return f"{right / total:6.1%} ({right}/{total})" if total else "—"


def row(label: str, titles: tuple[int, int], tally: Tally) -> str:
    orgs = (f"{percent(tally.found['organizations'], tally.annotated['organizations'])} / "
            f"{percent(tally.real['organizations'], tally.reported['organizations'])}")
    return f"| {label} | {percent(*titles)} | {orgs} |"


def add(total: Tally, part: Tally) -> None:
    total.posts += part.posts
    for key in total.right:
        total.right[key] += part.right[key]
    for table in ("found", "annotated", "real", "reported"):
        for key in getattr(total, table):
            getattr(total, table)[key] += getattr(part, table)[key]


def report(folds: list[Fold], entries: Entries) -> list[str]:
    lines = ["| fold | titles exact | organisations found / real |", "|---|---|---|"]
    now, before = Tally(), Tally()
    before_titles = [0, 0]
    for fold in folds:
        add(now, fold.now)
        add(before, fold.before)
        before_titles = [before_titles[0] + fold.before_titles[0], before_titles[1] + fold.before_titles[1]]
        lines.append(row(f"{fold.name}, now (out: {fold.out[0]} glossary, {fold.out[1]} stakeholders, "
                         f"{fold.out[2]} patterns, {fold.out[3]} words)", (fold.now.right["title"], fold.now.posts),
                         fold.now))
        lines.append(row(f"{fold.name}, before read", (fold.before_titles[0], fold.before_titles[1]), fold.before))
    lines.append(row("**pooled, now, own-site entries out**", (now.right["title"], now.posts), now))
    lines.append(row("**pooled, before read**", (before_titles[0], before_titles[1]), before))
    single = entries.single_site()
    lines.append("\nEntries of the rules firing on one site only (of the read sets' 187), and nowhere:")
    lines += [f"- {kind}: {single[kind]} of {len(table)} on one site, {sum(not w for w in table.values())} nowhere"
              for kind, table in entries.tables().items()]
    lines += [f"- {kind} {entry}: only {sorted(where)[0]}" for kind, table in entries.tables().items()
              if kind != "stakeholders" for entry, where in sorted(table.items()) if len(where) == 1]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.bench.site_folds", description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "kb-extent-unseen",
                        help="extent_unseen.py's cache of the rules before read")
    parser.add_argument("--fold", action="append", choices=READ_SETS, help="only these folds (default: all)")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    posts = read_sets()
    examples = read_all()
    raws = {(p.set, p.file): (SETS[p.set] / p.file).read_text("utf-8") for p in posts}
    sites = {(p.set, p.file): site_of(p.annotation) for p in posts}
    records = validate_content(ROOT / "content").records
    entries = firing(raws, sites, records)
    old = before_read_rules(posts, args.cache)
    folds = []
    with tempfile.TemporaryDirectory() as tmp:
        reads = fold_reads(posts, Path(tmp))
        learnt = Learnt(examples, keeper_examples(posts, reads, old), reads)
        for name in args.fold or READ_SETS:
            folds.append(run_fold(name, posts, learnt, raws, sites, entries, records, old, Path(tmp)))
            print(f"  {name} done ({time.perf_counter() - began:.0f} s)", file=sys.stderr)
    print("Whole sets and their sites left out (posts read one at a time)")
    print("\n".join(report(folds, entries)))
    print(f"\n{time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
