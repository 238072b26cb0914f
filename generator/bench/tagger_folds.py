"""The organisation tagger measured honestly: whole annotated sets left out.

    .venv/bin/python -m generator.bench.tagger_folds

For each read set (dev, held-out 1–5, dev2) the tagger is trained on the other sets and the left-out
set is scored with the importer's scorer (organisations found / real), for the rules alone, the
tagger alone and the ways of combining them (generator/importer/tagger_names.py), with and
without the rules' labels as a feature. A confidence threshold is chosen on the training sets
only (leaving each of them out in turn). Then the in-sample figures: trained on every set.
Never reads the unread held-out set (9): it judges the result."""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from ..importer.extract import Extracted
from ..importer.tagger import Span, Tagger
from ..importer.tagger_names import combine
from .importer import Tally, score_post
from .train_tagger import READ_SETS, Post, known_organizations, read_sets, train

THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
GOAL_REAL = 0.9  # a threshold must keep at least this much of what is reported real
Tagged = dict[str, list[Span]]  # post file → the tagger's spans


def tag_posts(model: Path, posts: Iterable[Post], rules: bool) -> Tagged:
    tagger = Tagger(model, rules)
    known = frozenset(known_organizations())
    out = {}
    for post in posts:
        spans = []
        for sequence in post.sequences:
            rule_spans = [(m.start, m.end) for m in post.rules] if rules else []
            spans += tagger.tag_lines(post.text, [sequence], known, rule_spans)
        out[f"{post.set}/{post.file}"] = spans
    return out


def tally(posts: Iterable[Post], tagged: Tagged, how: str, threshold: float) -> Tally:
    result = Tally()
    for post in posts:
        names = combine(post.text, post.rules, tagged.get(f"{post.set}/{post.file}", []), how, threshold)
        score_post(post.annotation, Extracted(organizations=names), result)
    return result


def figures(result: Tally) -> tuple[float, float]:
    rates = result.rates()
    return rates["organizations_found"], rates["organizations_real"]


_tagged: dict[tuple[str, str, bool], Tagged] = {}


def left_out(posts: list[Post], train_sets: list[str], test_sets: list[str], rules: bool, folder: Path) -> Tagged:
    """The spans a model trained on train_sets finds in test_sets (each model trained once)."""
    key = ("-".join(train_sets), "-".join(test_sets), rules)
    if key not in _tagged:
        model = folder / f"{key[0]}-{int(rules)}.crfsuite"
        if not model.exists():
            train([p for p in posts if p.set in train_sets], model, rules)
        _tagged[key] = tag_posts(model, [p for p in posts if p.set in test_sets], rules)
    return _tagged[key]


def choose_threshold(posts: list[Post], sets: list[str], how: str, rules: bool, folder: Path) -> float:
    """On the training sets only: each left out in turn; the threshold finding most while what
    is reported stays at least GOAL_REAL real (the highest real if none does)."""
    tagged: Tagged = {}
    for inner in sets:
        tagged |= left_out(posts, [s for s in sets if s != inner], [inner], rules, folder)
    inner_posts = [p for p in posts if p.set in sets]
    scored = [(figures(tally(inner_posts, tagged, how, t)), t) for t in THRESHOLDS]
    good = [(found, t) for (found, real), t in scored if real >= GOAL_REAL]
    return max(good)[1] if good else max(scored, key=lambda s: s[0][1])[1]


def row(name: str, results: dict[str, Tally]) -> str:
    cells = []
    for set_name in READ_SETS:
        found, real = figures(results[set_name])
        cells.append(f"{found:>5.0%} {real:>4.0%}")
    total = Tally()
    for r in results.values():
        for key in ("found", "annotated", "real", "reported"):
            getattr(total, key)["organizations"] += getattr(r, key)["organizations"]
    found, real = figures(total)
    return f"{name:<34}" + " | ".join(cells) + f" || {found:>5.0%} {real:>4.0%}"


def header() -> str:
    return f"{'found / real':<34}" + " | ".join(f"{s:>10}" for s in READ_SETS) + " ||   pooled"


def main(argv: list[str] | None = None) -> int:
    began = time.perf_counter()
    posts = read_sets()
    ways = [("union", True), ("tagger", True), ("tagger_first", True), ("union", False), ("tagger", False)]
    results: dict[str, dict[str, Tally]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for set_name in READ_SETS:
            train_sets = [s for s in READ_SETS if s != set_name]
            test = [p for p in posts if p.set == set_name]
            results.setdefault("(a) rules", {})[set_name] = tally(test, {}, "rules", 0.0)
            for rules in (False, True):
                tagged = left_out(posts, train_sets, [set_name], rules, folder)
                label = "+rules feature" if rules else "own features"
                for how, thresholded in ways:
                    threshold = choose_threshold(posts, train_sets, how, rules, folder) if thresholded else 0.0
                    name = f"{how} {label}" + (" t*" if thresholded else "")
                    results.setdefault(name, {})[set_name] = tally(test, tagged, how, threshold)
                    print(f"  {set_name} {name}: threshold {threshold}", file=sys.stderr)
        print("Leave-set-out (trained without the scored set; t*: threshold chosen on the training sets)")
        print(header())
        for name, per_set in results.items():
            print(row(name, per_set))
        print("\nIn-sample (trained on every read set, then scored on each: not an estimate)")
        print(header())
        for rules in (False, True):
            tagged = left_out(posts, list(READ_SETS), list(READ_SETS), rules, folder)
            label = "+rules feature" if rules else "own features"
            for how in ("tagger", "union", "tagger_first"):
                print(row(f"{how} {label}", {s: tally([p for p in posts if p.set == s], tagged, how, 0.5)
                                             for s in READ_SETS}))
    print(f"\n{time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
