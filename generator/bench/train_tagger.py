"""Train the importer's organisation tagger (generator/importer/tagger.py) from the annotated
posts, deterministically: the same annotations give the same model file, byte for byte.

    .venv/bin/python -m generator.bench.train_tagger [--posts DIR ...] [--out FILE] [--rules]

By default it reads every set whose misses have been read (the dev set, held-out 1–23 and dev2,
with held-out 4 annotated twice: annotator B's file too) and writes generator/data/<MODEL>. Each
post is read as the importer reads it (tagger.py's lines of words); each body the annotations
name is labelled B-ORG/I-ORG wherever one of its accepted forms is written, and the optional
ones (venues, publishers, kinds) B-OPT/I-OPT: the tagger learns them apart and the importer
reports only ORG. --rules adds the rules' labels as a feature (a stacked model)."""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pycrfsuite
import yaml

from ..importer.extract import kinds_of, stakeholder_names, strip_chrome, without_site_lines
from ..importer.organizations import Mention, rule_mentions
from ..importer.tagger import MODEL, Token, sequence_features, span_labels, tokens_of
from ..importer.text import without_teaser
from ..records.characters import BIDI, FORBIDDEN
from ..records.validate import validate_content
from .importer import ROOT, SETS

READ_SETS = ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "dev2", "heldout6", "heldout7",
             "heldout8", "heldout9", "heldout10", "heldout11", "heldout12",
             "heldout13", "heldout14", "heldout15", "heldout16", "heldout17",
             "heldout18", "heldout19", "heldout20", "heldout21",
             "heldout22", "heldout23")  # never the unread ones (held-out 24–27)
SECOND_READING = {"heldout4": "annotations-b.yaml"}  # a set annotated twice, blind
PARAMS = {"c1": 1.0, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


@dataclass
class Post:
    """One annotated post as the importer reads it, labelled (once per annotator)."""

    set: str
    file: str
    text: str
    annotation: dict[str, Any]
    sequences: list[list[Token]]
    labels: list[list[list[str]]]  # per annotator, per line
    rules: list[Mention]
    unmatched: int  # annotated bodies none of whose forms is written in the text as read


def post_text(raw: str) -> str:
    """The text the importer looks for organisations in (extract.extract's steps)."""
    text = FORBIDDEN.sub("", BIDI.sub("", raw.replace("\r\n", "\n").replace("\u00a0", " ")))
    return without_site_lines(strip_chrome(without_teaser(text)))


@cache
def known_organizations() -> dict[str, str]:
    """The project's content/ stakeholders that are not people: as the scorer's imports know them."""
    records = validate_content(ROOT / "content").records
    names, kinds = stakeholder_names(records), kinds_of(records)
    return {n: i for n, i in names.items() if kinds.get(i) != "person"}


def form_pattern(form: str) -> re.Pattern[str]:
    return re.compile(r"\s*".join(re.escape(part) for part in form.split()))


def annotated_spans(text: str, annotation: dict[str, Any], starts: set[int]) -> tuple[list[tuple[int, int, str]], int]:
    """Where each annotated body is written (any of its forms, starting where a word starts),
    longest first, none overlapping; and how many bodies are written nowhere."""
    candidates = []
    unmatched = 0
    for field, kind in (("organizations", "ORG"), ("organizations_optional", "OPT")):
        for forms in annotation.get(field) or []:
            hits = [(m.start(), m.end(), kind) for form in forms for m in form_pattern(str(form)).finditer(text)
                    if m.start() in starts and m.end() > m.start()]
            unmatched += kind == "ORG" and not hits
            candidates += hits
    chosen: list[tuple[int, int, str]] = []
    for span in sorted(candidates, key=lambda s: (s[0] - s[1], s[2] != "ORG", s[0])):
        if all(span[1] <= c[0] or span[0] >= c[1] for c in chosen):
            chosen.append(span)
    return sorted(chosen), unmatched


def line_labels(sequence: list[Token], spans: list[tuple[int, int, str]]) -> list[str]:
    labels = ["O"] * len(sequence)
    for kind in ("OPT", "ORG"):
        mine = span_labels(sequence, [(s, e) for s, e, k in spans if k == kind], kind)
        labels = [m if m != "O" else label for m, label in zip(mine, labels, strict=True)]
    return labels


def read_post(set_name: str, folder: Path, annotations: list[dict[str, Any]]) -> Post:
    raw = (folder / annotations[0]["file"]).read_text("utf-8")
    text = post_text(raw)
    known = known_organizations()
    sequences = tokens_of(text, frozenset(known))
    starts = {t[0] for s in sequences for t in s} | {t[1] for s in sequences for t in s}
    labels, unmatched = [], 0
    for annotation in annotations:
        spans, missing = annotated_spans(text, annotation, starts)
        unmatched = max(unmatched, missing)
        labels.append([line_labels(sequence, spans) for sequence in sequences])
    rules = [m for m in rule_mentions(text, known)[0] if m.end > m.start]
    return Post(set_name, annotations[0]["file"], text, annotations[0], sequences, labels, rules, unmatched)


def read_set(set_name: str, folder: Path) -> list[Post]:
    """A set's posts; a set annotated twice gives each post both readings."""
    readings = [yaml.safe_load((folder / "annotations.yaml").read_text("utf-8"))]
    if (second := SECOND_READING.get(set_name)) and (folder / second).exists():
        by_file = {p["file"]: p for p in yaml.safe_load((folder / second).read_text("utf-8"))}
        return [read_post(set_name, folder, [post, *([by_file[post["file"]]] if post["file"] in by_file else [])])
                for post in readings[0]]
    return [read_post(set_name, folder, [post]) for post in readings[0]]


def rule_labels(post: Post, sequence: list[Token]) -> list[str]:
    return span_labels(sequence, [(m.start, m.end) for m in post.rules], "R")


def train(posts: list[Post], out: Path, rules: bool, params: dict[str, Any] | None = None) -> None:
    """One CRF over every line of every post (once per reading), written to out."""
    known = frozenset(known_organizations())
    trainer = pycrfsuite.Trainer(verbose=False)
    for post in posts:
        features = [sequence_features(s, known, rule_labels(post, s) if rules else None) for s in post.sequences]
        for reading in post.labels:
            for xseq, yseq in zip(features, reading, strict=True):
                trainer.append(xseq, yseq)
    trainer.set_params(params or PARAMS)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def read_sets(names: list[str] | None = None, folders: list[Path] | None = None) -> list[Post]:
    if folders:
        return [p for folder in folders for p in read_set(folder.name, folder)]
    return [p for name in names or READ_SETS for p in read_set(name, SETS[name])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.bench.train_tagger", description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=Path, action="append", help="a folder of NNN.txt and annotations.yaml "
                        "(repeatable; default: the dev set, held-out 1–5 and dev2)")
    parser.add_argument("--out", type=Path, default=ROOT / "generator" / "data" / MODEL)
    parser.add_argument("--rules", action="store_true", help="the rules' labels as a feature (stacked)")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    posts = read_sets(folders=args.posts)
    read = time.perf_counter()
    train(posts, args.out, args.rules)
    print(f"{len(posts)} posts ({sum(len(p.labels) for p in posts)} readings, "
          f"{sum(p.unmatched for p in posts)} annotated bodies written nowhere as read): "
          f"read in {read - began:.1f} s, trained in {time.perf_counter() - read:.1f} s → {args.out} "
          f"({args.out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
