"""How much more annotated data is worth: the learned models' learning curves, whole sets left out.

    .venv/bin/python -m generator.bench.learning_curve [--cache DIR] [--titles] [--train-without SET]

For each read set (tagger_folds.py's folds) the organisation tagger is trained on 25%, 50%, 75%
and 100% of the other folds' posts (the same posts at every size: a fixed order by a hash of set
and file, so each size holds the smaller ones) and the left-out set is scored as kb import reads
it (both sides' ends fitted by name_extent.py, combined by tagger_names.COMBINATION at
THRESHOLD). Pooled found / real over the folds, three ways:
  tagger      the tagger's names alone
  + rules now today's rules with it: drawn from every read set, so in-sample on the rules' side
  + rules before read  held-out 1–5 and the dev set's 036–060 with the rules of the commit that
              added them (extent_unseen.py's cache): the honest figure of what the tagger adds
--titles does the same for the headline model (train_titles.py): right / posts of the model
alone, and of the model over the rules before each set was read at the shipped margins.
Then each fold at 100%. --train-without SET leaves a set out of every training pool (it is still
scored as a fold): dev2's worth, fold by fold. Never reads the unread held-out sets.

Measured December 2026 (found / real, pooled; "before read" over held-out 1–5, dev 036–060, dev2):
- six folds, before dev2: tagger 42.6/77.8 → 49.7/85.3 → 55.1/85.6 → 58.9/85.4% at 25/50/75/100%
  of the other folds' posts; with the rules before read 77.6/81.5 → 78.4/83.1 → 78.4/83.5 →
  80.2/84.4%; headlines over the rules before read 87.0 → 87.0 → 88.5 → 90.1%.
- seven folds, dev2 one of them, trained without / with dev2: tagger 57.3/84.4 vs 58.0/83.9%;
  with the rules before read 78.3/83.8 vs 77.5/82.6%; headlines 88.9 vs 88.9%.
The tagger alone still gains from more posts, but what kb import reports (its names added to
the rules') hardly moves: more annotated posts of this kind will not reach 85% found at 90% real.
Neither did the CRF's regularisation (c1 0.1–1.0, c2 0.01–0.1: ±0.6 points) nor wider
neighbour features (±3 words, neighbours' affixes: −0.6 to +0.8), so neither was kept.

Again with nineteen folds (held-out 17 read, 8142a57's importer; 124–545 training posts):
- tagger alone 51.7/83.8 → 57.5/86.8 → 62.4/87.0 → 63.8/86.6% at 25/50/75/100%; with the rules
  before read 81.1/82.5 → 81.2/83.7 → 81.8/83.5 → 81.5/83.4%: flat from a quarter of the posts;
- headlines: the model alone 88.1 → 89.2 → 88.1 → 88.3% (1,112 readings); over the rules before
  read 85.0 → 85.1 → 85.6 → 85.6% (1,042). On the newest folds (held-out 14–17) the model alone
  reads 202 of 240 right and over the rules before read 194: the rules then cost more than they gave.
Caveat (27ar): 'model alone' picks among the lines TODAY's rules keep, drawn from these very posts:
in-sample. With every line kept by the rules before read (train_titles --evaluate, one post at a
time, of 521): the model 458, unconstrained 452, the rules before read 433, the model over them at
one margin 0.9 445, at 0.9 for 'no headline' and 0.2 for its line (shipped since) 452."""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path

from ..importer.extract import Extracted
from ..importer.name_extent import fitted_mentions, fitted_spans
from ..importer.name_keeper import kept_names
from ..importer.tagger import Mark, Span
from ..importer.tagger_names import COMBINATION, PROPOSED, THRESHOLD, combine
from .importer import Tally, score_post
from .tagger_folds import Tagged, figures, tag_posts
from .train_tagger import READ_SETS, Post, known_organizations, read_sets, train

FRACTIONS = (0.25, 0.5, 0.75, 1.0)
WAYS = ("tagger", "+ rules now", "+ rules before read")


def order(key: str) -> str:
    return hashlib.sha1(key.encode()).hexdigest()


def share(items: list[Post], fraction: float) -> list[Post]:
    """The first fraction of the posts in a fixed order (nested: 25% ⊂ 50% ⊂ …)."""
    ranked = sorted(items, key=lambda p: order(f"{p.set}/{p.file}"))
    return ranked[: round(len(ranked) * fraction)]


def before_read_rules(posts: list[Post], cache: Path) -> dict[str, list[str]]:
    """set/file → the names the rules of the commit that added the post's set reported."""
    from .extent_unseen import FRESH, cached_inputs, fresh  # its cache: built once, then read

    inputs = cached_inputs(posts, cache)
    out = {}
    for post in posts:
        key = FRESH if fresh(post) else post.set if post.set in inputs and post.set != "dev" else None
        if key is not None and post.file in inputs[key]["rules"]:
            out[f"{post.set}/{post.file}"] = inputs[key]["rules"][post.file]
    return out


def names(post: Post, spans: list[Span], way: str, old: dict[str, list[str]],
          marks: list[Mark] | None = None) -> list[str] | None:
    """The organisations kb import would report for a post, one way; None where it cannot say.
    Given the tagger's marks of the post's words, the keeper (name_keeper.py) has its say too, as
    in kb import; without them (this module's curves: the tagger's own) it does not."""
    from .tagger_unseen import located

    known = frozenset(known_organizations())
    fitted = fitted_spans(post.text, spans, known)
    if way == "tagger":
        return combine(post.text, [], fitted, "tagger", THRESHOLD)
    if way == "+ rules now":
        mentions = list(post.rules)
    elif (then := old.get(f"{post.set}/{post.file}")) is not None:
        mentions = [located(post.text, name) for name in then]
    else:
        return None
    mentions = fitted_mentions(post.text, mentions, known)
    found = combine(post.text, mentions, fitted, COMBINATION, THRESHOLD if marks is None else PROPOSED)
    return found if marks is None else kept_names(post.text, found, mentions, fitted, marks, known)


def cell(t: Tally) -> str:
    found, real = figures(t)
    return (f"{found:.1%} / {real:.1%} ({t.found['organizations']}/{t.annotated['organizations']},"
            f" {t.real['organizations']}/{t.reported['organizations']})")


def tagger_curve(posts: list[Post], old: dict[str, list[str]], folder: Path, without: str | None) -> list[str]:
    pooled = {(f, w): Tally() for f in FRACTIONS for w in WAYS}
    per_fold = {(s, w): Tally() for s in READ_SETS for w in WAYS}
    sizes: dict[float, list[int]] = {f: [] for f in FRACTIONS}
    for left in READ_SETS:
        test = [p for p in posts if p.set == left]
        pool = [p for p in posts if p.set not in (left, without)]
        for fraction in FRACTIONS:
            chosen = share(pool, fraction)
            sizes[fraction].append(len(chosen))
            model = folder / f"{left}-{fraction}.crfsuite"
            train(chosen, model, False)
            tagged: Tagged = tag_posts(model, test, False)
            for post in test:
                for way in WAYS:
                    found = names(post, tagged[f"{post.set}/{post.file}"], way, old)
                    if found is not None:
                        score_post(post.annotation, Extracted(organizations=found), pooled[(fraction, way)])
                        if fraction == FRACTIONS[-1]:
                            score_post(post.annotation, Extracted(organizations=found), per_fold[(left, way)])
        print(f"  {left} done", file=sys.stderr)
    lines = ["| share of the other folds' posts | training posts (per fold) | "
             + " | ".join(f"{w}: found / real" for w in WAYS) + " |", "|---" * (2 + len(WAYS)) + "|"]
    for fraction in FRACTIONS:
        cells = [cell(pooled[(fraction, way)]) for way in WAYS]
        lines.append(f"| {fraction:.0%} | {min(sizes[fraction])}–{max(sizes[fraction])} | " + " | ".join(cells) + " |")
    lines += ["", "| left-out fold (100%) | " + " | ".join(WAYS) + " |", "|---" * (1 + len(WAYS)) + "|"]
    for left in READ_SETS:
        lines.append(f"| {left} | " + " | ".join(cell(per_fold[(left, way)]) if per_fold[(left, way)].annotated[
            "organizations"] else "—" for way in WAYS) + " |")
    return lines


def title_curve(without: str | None) -> list[str]:
    from ..importer.title_model import shipped
    from .train_titles import READ_SETS as TITLE_SETS
    from .train_titles import SHIPPED, VARIANTS, apply, rate, read_all
    from .train_titles import train as train_titles

    examples = read_all()
    groups = VARIANTS[SHIPPED]
    model_now = shipped()
    margin = model_now.margin if model_now else 1.0
    line_margin = model_now.line_margin if model_now else margin
    lines = [f"| share | model alone: right / posts | model over rules before read (margins {margin}, {line_margin}) |",
             "|---|---|---|"]
    folds: dict[str, list[int]] = {}
    for fraction in FRACTIONS:
        alone, combined = [0, 0], [0, 0]
        for left in TITLE_SETS:
            pool = sorted({(ex.group, ex.file) for ex in examples if ex.group not in (left, without)},
                          key=lambda k: order("/".join(k)))
            chosen = set(pool[: round(len(pool) * fraction)])
            model = train_titles((ex for ex in examples if (ex.group, ex.file) in chosen), groups)
            test = [ex for ex in examples if ex.group == left]
            for counts, scored, how in ((alone, apply(model, test, groups, "now"), "model"),
                                        (combined, apply(model, test, groups, "before"), "combined")):
                right, total = rate(scored, how, margin, line_margin)
                counts[0], counts[1] = counts[0] + right, counts[1] + total
                if fraction == FRACTIONS[-1]:
                    folds[f"{left} {how}"] = [right, total]
        lines.append(f"| {fraction:.0%} | {alone[0] / alone[1]:.1%} ({alone[0]}/{alone[1]}) | "
                     f"{combined[0] / max(combined[1], 1):.1%} ({combined[0]}/{combined[1]}) |")
    lines += ["", "| left-out fold (100%) | model alone | model over rules before read |", "|---|---|---|"]
    for left in TITLE_SETS:
        fold_counts = [folds[f"{left} {how}"] for how in ("model", "combined")]
        lines.append(f"| {left} | " + " | ".join(f"{r / t:.1%} ({r}/{t})" if t else "—" for r, t in fold_counts) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.bench.learning_curve",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "kb-extent-unseen",
                        help="extent_unseen.py's cache of the rules before read")
    parser.add_argument("--titles", action="store_true", help="the headline model's curve too")
    parser.add_argument("--train-without", choices=READ_SETS, help="a set left out of every training pool")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    posts = read_sets()
    old = before_read_rules(posts, args.cache)
    with tempfile.TemporaryDirectory() as tmp:
        print("Organisations, pooled over the left-out folds " + ", ".join(READ_SETS))
        print("\n".join(tagger_curve(posts, old, Path(tmp), args.train_without)))
    if args.titles:
        print("\nHeadlines, pooled over the left-out folds (both ways of reading: alone and in a batch)")
        print("\n".join(title_curve(args.train_without)))
    print(f"\n{time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
