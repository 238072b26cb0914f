"""How much of the organisations' gap on unseen posts is extent, and what the extent step does.

    .venv/bin/python -m generator.bench.extent_unseen [-v] [--cache DIR]

Measured the before-read way (tagger_unseen.py): each held-out set 1–5 and dev2 is read with the rules of
the commit that added its annotations (run from `git archive`), combined as kb import combines
them (tagger_names.COMBINATION at THRESHOLD) with a tagger trained without that set. Both are
kept in --cache (default /tmp/kb-extent-unseen) so the extent step can be tried again quickly.

Each miss and each name reported that is not real is classed:
  extent  the reported name and an annotated body's written form overlap in the text (too
          short: inside it; too long: holding it; both: each runs past the other)
  missed  an annotated body no reported name overlaps
  none    a reported name that overlaps no annotated body, needed or optional
Then found / real per set and pooled, without and with the extent step (name_extent.py);
annotator B's reading of held-out 4 is scored too (not pooled).
The dev set's second half (036–060, read at 90fa379) is scored the same way, with that commit's
rules: the extent step was not drawn from it, so it is the check of whether the step carries.
Never reads the unread held-out set (9)."""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from ..importer.extract import Extracted
from ..importer.name_extent import fitted_mentions, fitted_spans
from ..importer.organizations import name_key
from ..importer.tagger import Span
from ..importer.tagger_names import COMBINATION, THRESHOLD, combine
from .before_read import FIRST_SEEN, run_at
from .importer import SETS, Tally, org_matches, score_post
from .tagger_folds import figures, tag_posts
from .tagger_unseen import OLD_RULES, UNSEEN_AT, located, rules_then
from .train_tagger import SECOND_READING, Post, known_organizations, read_sets, train

# a set the extent step was not drawn from: the dev set's second half, read at 90fa379 (the rules
# of that commit had not seen it); its tagger is trained on every other post
FRESH, FRESH_AT = "dev 036-060", FIRST_SEEN["dev"]
CLASSES = ("extent: too short", "extent: too long", "extent: both", "missed", "none")


def cached_inputs(posts: list[Post], cache: Path) -> dict[str, dict[str, Any]]:
    """Per held-out set: the old rules' names per post and the left-out tagger's spans."""
    out = {}
    cache.mkdir(parents=True, exist_ok=True)
    for set_name in UNSEEN_AT:
        path = cache / f"{set_name}.json"
        if not path.exists():
            with tempfile.TemporaryDirectory() as tmp:
                old = rules_then(set_name, Path(tmp))
                model = Path(tmp) / "model.crfsuite"
                train([p for p in posts if p.set != set_name], model, False)
                tagged = tag_posts(model, [p for p in posts if p.set == set_name], False)
            spans = {key: [[s.start, s.end, s.text, s.confidence] for s in found] for key, found in tagged.items()}
            path.write_text(json.dumps({"rules": old, "spans": spans}, ensure_ascii=False), "utf-8")
        out[set_name] = json.loads(path.read_text("utf-8"))
    path = cache / "dev-036-060.json"
    if not path.exists():
        path.write_text(json.dumps(fresh_inputs(posts), ensure_ascii=False), "utf-8")
    out[FRESH] = json.loads(path.read_text("utf-8"))
    return out


def fresh(post: Post) -> bool:
    return post.set == "dev" and post.file >= "036.txt"


def fresh_inputs(posts: list[Post]) -> dict[str, Any]:
    """The dev set's second half: the rules of FRESH_AT, and a tagger trained without it."""
    with tempfile.TemporaryDirectory() as tmp:
        old = run_at(FRESH_AT, OLD_RULES, [str(SETS["dev"])], Path(tmp))
        model = Path(tmp) / "model.crfsuite"
        train([p for p in posts if not fresh(p)], model, False)
        tagged = tag_posts(model, [p for p in posts if fresh(p)], False)
    spans = {key: [[s.start, s.end, s.text, s.confidence] for s in found] for key, found in tagged.items()}
    return {"rules": json.loads(old), "spans": spans}


def names_of(post: Post, inputs: dict[str, Any], fit: bool) -> list[str]:
    mentions = [located(post.text, name) for name in inputs["rules"][post.file]]
    spans = [Span(*s) for s in inputs["spans"][f"{post.set}/{post.file}"]]
    if fit:
        known = frozenset(known_organizations())
        mentions, spans = fitted_mentions(post.text, mentions, known), fitted_spans(post.text, spans, known)
    return combine(post.text, mentions, spans, COMBINATION, THRESHOLD)


def written_at(text: str, form: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"\s*".join(re.escape(part) for part in form.split()))
    return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]


def body_spans(text: str, forms: list[str]) -> list[tuple[int, int]]:
    return [span for form in forms for span in written_at(text, str(form))]


def how_overlapping(name: tuple[int, int], body: tuple[int, int]) -> str | None:
    if name[0] >= body[1] or body[0] >= name[1] or name == body:
        return None
    if body[0] <= name[0] and name[1] <= body[1]:
        return "extent: too short"
    if name[0] <= body[0] and body[1] <= name[1]:
        return "extent: too long"
    return "extent: both"


def classify(post: Post, names: list[str]) -> list[tuple[str, str, str]]:
    """(class, 'miss' or 'not real', name) for every miss and every name that is not real."""
    bodies = post.annotation.get("organizations") or []
    optional = post.annotation.get("organizations_optional") or []
    found = {i for name in names for i in org_matches(name, bodies)}
    reported = [(name, located(post.text, name)) for name in names]
    out = []
    for i, forms in enumerate(bodies):
        if i in found:
            continue
        kinds = [how_overlapping((m.start, m.end), b) for _, m in reported for b in body_spans(post.text, forms)]
        kinds += [kind_by_key(name, forms) for name, _ in reported]
        out.append((next((k for k in kinds if k), "missed"), "miss", str(forms[0])))
    for name, mention in reported:
        if org_matches(name, bodies) or org_matches(name, optional):
            continue
        kinds = [how_overlapping((mention.start, mention.end), b)
                 for forms in bodies + optional for b in body_spans(post.text, forms)]
        kinds += [kind_by_key(name, forms) for forms in bodies + optional]
        out.append((next((k for k in kinds if k), "none"), "not real", name))
    return out


def kind_by_key(name: str, forms: list[str]) -> str | None:
    """Where the name is not found as written (a list's shared prefix), its key against the forms'."""
    key = name_key(name)
    for form in map(str, forms):
        other = name_key(form)
        if key != other and other in key:
            return "extent: too long"
        if key != other and key in other:
            return "extent: too short"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.bench.extent_unseen", description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "kb-extent-unseen")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and not-real name, classed")
    args = parser.parse_args(argv)
    posts = read_sets(list(UNSEEN_AT))
    inputs = cached_inputs(read_sets(), args.cache)
    pooled = {False: Tally(), True: Tally()}
    counts: dict[tuple[str, bool], Counter[str]] = {}
    print(f"{'set':<18}{'fit':<5}" + "".join(f"{c:>19}" for c in CLASSES) + "   found  real")
    for set_name in UNSEEN_AT:
        for fit in (False, True):
            tally = Tally()
            counter: Counter[str] = Counter()
            for post in (p for p in posts if p.set == set_name):
                names = names_of(post, inputs[set_name], fit)
                for target in (tally, pooled[fit]):
                    score_post(post.annotation, Extracted(organizations=names), target)
                for kind, side, name in classify(post, names):
                    counter[kind] += 1
                    if args.verbose:
                        print(f"  {'after' if fit else 'before'} {set_name}/{post.file} {side:<8} {kind:<18} {name}")
            counts[(set_name, fit)] = counter
            found, real = figures(tally)
            print(f"{set_name + ' @' + UNSEEN_AT[set_name]:<18}{'yes' if fit else 'no':<5}"
                  + "".join(f"{counter[c]:>19}" for c in CLASSES) + f"   {found:>5.0%} {real:>5.0%}"
                  + f"  ({tally.found['organizations']}/{tally.annotated['organizations']},"
                  f" {tally.real['organizations']}/{tally.reported['organizations']})")
    second = yaml.safe_load((SETS["heldout4"] / SECOND_READING["heldout4"]).read_text("utf-8"))
    by_file = {p["file"]: p for p in second}
    for fit in (False, True):
        tally = Tally()
        counter = Counter()
        for post in (p for p in posts if p.set == "heldout4" and p.file in by_file):
            names = names_of(post, inputs["heldout4"], fit)
            score_post(by_file[post.file], Extracted(organizations=names), tally)
            counter.update(kind for kind, _, _ in classify(replace(post, annotation=by_file[post.file]), names))
        found, real = figures(tally)
        print(f"{'heldout4, B':<18}{'yes' if fit else 'no':<5}" + "".join(f"{counter[c]:>19}" for c in CLASSES)
              + f"   {found:>5.0%} {real:>5.0%}  ({tally.found['organizations']}/{tally.annotated['organizations']},"
              f" {tally.real['organizations']}/{tally.reported['organizations']})")
    dev = [p for p in read_sets(["dev"]) if fresh(p)]
    for fit in (False, True):
        tally = Tally()
        counter = Counter()
        for post in dev:
            names = names_of(post, inputs[FRESH], fit)
            score_post(post.annotation, Extracted(organizations=names), tally)
            for kind, side, name in classify(post, names):
                counter[kind] += 1
                if args.verbose:
                    print(f"  {'after' if fit else 'before'} dev/{post.file} {side:<8} {kind:<18} {name}")
        found, real = figures(tally)
        print(f"{FRESH + ' @' + FRESH_AT:<21}{'yes' if fit else 'no':<5}"
              + "".join(f"{counter[c]:>19}" for c in CLASSES)
              + f"   {found:>5.0%} {real:>5.0%}  ({tally.found['organizations']}/{tally.annotated['organizations']},"
              f" {tally.real['organizations']}/{tally.reported['organizations']})")
    for fit in (False, True):
        total: Counter[str] = sum((c for (s, f), c in counts.items() if f == fit), Counter())
        found, real = figures(pooled[fit])
        print(f"{'pooled':<18}{'yes' if fit else 'no':<5}" + "".join(f"{total[c]:>19}" for c in CLASSES)
              + f"   {found:>5.0%} {real:>5.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
