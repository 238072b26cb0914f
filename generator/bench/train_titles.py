"""Train the importer's title model (generator/importer/title_model.py) on the annotated posts,
and measure it by leaving whole sets out.

    .venv/bin/python -m generator.bench.train_titles             # rebuild generator/data/title_model.yaml
    .venv/bin/python -m generator.bench.train_titles --evaluate  # the leave-set-out table, then rebuild
    .venv/bin/python -m generator.bench.train_titles --record-rules-before-read [SET ...]  # see below

Trained on the dev set, held-out sets 1–23 and dev2 (annotator A; where held-out 4's annotator B
chose another headline, that reading is a training example too), each post twice: imported alone,
and in a batch of its set (whose shared opening lines are site chrome). Held-out sets 24 to 27
are never read here: they judge the model. The same posts give a byte-identical model.

Today's rules were drawn from every set here, so on these sets they are right by construction
and say nothing of how far to trust them on an unseen post. What the rules chose when each set
was added, before anyone read its misses (titles_before_read.yaml, recorded from the commit
that added the set by --record-rules-before-read; dev 001–035 have none: the rules were born on
them), stands in for the rules on unseen posts: the margin by which the model overrides the
rules, the stacked variant's 'the rules choose it' feature and the '+site rules' variant's 'the
rules drop this line' feature are learnt from those (and measured against them: --evaluate), and
so is the lower margin of the model's line over the rules' (its 'no headline' margin held).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycrfsuite
import yaml

from ..importer.extract import prepared
from ..importer.title import content_lines, rule_title, site_lines
from ..importer.title_model import (
    MODEL_FILE,
    OTHER,
    SITE_RULES,
    STACK,
    STRUCTURE,
    TITLE,
    Candidate,
    Choice,
    TitleModel,
    candidates,
    dropped,
    dump,
    features,
    norm,
    overrides,
    pick,
    shipped_line_margin,
    stacked,
)
from .before_read import FIRST_SEEN, run_at
from .importer import SETS
from .train_tagger import READ_SETS  # both models learn from the same read sets (never held-out 24–27)

SECOND_READING = SETS["heldout4"] / "annotations-b.yaml"
BEFORE_READ = Path(__file__).with_name("titles_before_read.yaml")
MODES = ("one", "batch")
VARIANTS = {"structure": (STRUCTURE,), "+site rules": (STRUCTURE, SITE_RULES),
            "+stack": (STRUCTURE, SITE_RULES, STACK)}
SHIPPED = "structure"  # the variant shipped: what stands on its own features (see the report)
MARGINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)  # 1.0: the rules always
# The seeds' hand-made records (tests/importer/test_import.py) are titled right only from this
# margin up: with held-out 12 read, 0.8 scores 635 of 742 readings before read, 0.9 630, but at 0.8
# the model takes seed 003's site name line ('กองทุนสุขภาพตำบล - กองทุนหลักประกันสุขภาพท้องถิ่น - กปท').
SEEDS_HOLD = 0.9  # since 27ar it floors the margin of the model's 'no headline' (its line has its own)
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}
GROUP_KEYS = {SITE_RULES: ("dropped",), STACK: ("rules_choose", "rules_none")}
UNKNOWN = "\0"  # no rules' choice recorded before the set was read


@dataclass
class Example:
    """One post read one way (alone, or in its set's batch): its candidates' features, what
    today's rules choose, what the rules chose before the set was read, what the annotator wrote."""

    group: str  # the set the post is of
    file: str
    mode: str
    cands: list[Candidate]
    rows: list[dict[str, float]]  # structure and the rules' verdicts on each line
    ruled: tuple[str | None, str | None]
    want: str | None
    before: str | None = UNKNOWN
    kept_before: list[str] | None = None  # the lines the rules before reading kept as the post's (line_key)
    scored: bool = True  # annotator A's reading; B's second reading only trains
    kept_now: set[str] = field(default_factory=set)  # the lines today's rules keep as the post's
    chrome: frozenset[str] = frozenset()  # the lines opening several posts of the batch

    def labels(self) -> list[str] | None:
        """TITLE on the first candidate giving the annotated headline; None when none does."""
        if self.want is None:
            return [OTHER] * len(self.cands)
        hits = [n for n, c in enumerate(self.cands) if norm(c.title) == norm(self.want)]
        return [TITLE if n == hits[0] else OTHER for n in range(len(self.cands))] if hits else None

    def rows_for(self, groups: Sequence[str], rules: str = "before") -> list[dict[str, float]]:
        """The rows with the groups asked for; the stack from the rules before the set was read
        ('before') or today's ('now')."""
        left_out = {key for group, keys in GROUP_KEYS.items() if group not in groups for key in keys}
        rows = [{k: v for k, v in row.items() if k not in left_out} for row in self.rows]
        if SITE_RULES in groups and rules == "before":
            kept = set(self.kept_before or ())
            rows = [{**{k: v for k, v in row.items() if k != "dropped"}, **nonzero(dropped(c, kept, line_key))}
                    for row, c in zip(rows, self.cands, strict=True)]
        if STACK in groups:
            chosen = self.before if rules == "before" else self.ruled[0]
            rows = [{**row, **nonzero(stacked(c, chosen))} for row, c in zip(rows, self.cands, strict=True)]
        return rows

    def rules_title(self, rules: str) -> str | None:
        return self.before if rules == "before" else self.ruled[0]

    def kept(self, rules: str) -> set[str]:
        """The lines the rules (before reading, or today's) keep as the post's, not site lines."""
        if rules == "now":
            return self.kept_now
        hashes = set(self.kept_before or ())
        return {c.line for c in self.cands if line_key(c.line) in hashes and c.line not in self.chrome}


def line_key(line: str) -> str:
    """A line as titles_before_read.yaml records it: its hash, not its text."""
    return hashlib.sha1(line.encode()).hexdigest()[:12]


def nonzero(row: dict[str, float]) -> dict[str, float]:
    return {k: v for k, v in row.items() if v}


def read_set(name: str, before: dict[str, dict[str, Any]], annotations: Path | None = None,
             files: Sequence[str] | None = None) -> list[Example]:
    """A set's posts (or these files of it) as examples, alone and as one batch."""
    folder = SETS[name]
    posts = yaml.safe_load((annotations or folder / "annotations.yaml").read_text("utf-8"))
    posts = [post for post in posts if files is None or post["file"] in files]
    texts = [(folder / post["file"]).read_text("utf-8") for post in posts]
    chrome = site_lines(texts)  # as `kb import` of the whole set sees it
    found = []
    for mode in MODES:
        lines = chrome if mode == "batch" else frozenset()
        for post, raw in zip(posts, texts, strict=True):
            text = prepared(raw)
            cands, ruled = candidates(text), rule_title(text, lines)
            rows = features(text, cands, lines, (STRUCTURE, SITE_RULES))  # the rules now drop the lines
            then = before.get(post["file"], {})
            found.append(Example(name, post["file"], mode, cands, rows, ruled, post.get("title") or None,
                                 then.get(mode, UNKNOWN), then.get("kept"), annotations is None,
                                 set(content_lines(text, lines)), lines))
    return found


def read_all() -> list[Example]:
    before = yaml.safe_load(BEFORE_READ.read_text("utf-8")) if BEFORE_READ.exists() else {}
    titles = {name: before.get(name, {}).get("titles", {}) for name in READ_SETS}
    examples = [ex for name in READ_SETS for ex in read_set(name, titles[name])]
    first = {(ex.file, ex.mode): ex.want for ex in examples if ex.group == "heldout4"}
    second = [ex for ex in read_set("heldout4", titles["heldout4"], SECOND_READING)
              if norm(first[(ex.file, ex.mode)]) != norm(ex.want)]
    return examples + second


def trainable(ex: Example, groups: Sequence[str]) -> bool:
    """A model leaning on the rules learns only from posts whose rules before reading are known."""
    return bool(ex.cands) and ex.labels() is not None and (groups == (STRUCTURE,) or ex.before != UNKNOWN)


def train(examples: Iterable[Example], groups: Sequence[str]) -> bytes:
    """A CRF trained on these examples (in their order, so the same examples give the same bytes)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for ex in examples:
        if trainable(ex, groups):
            trainer.append(pycrfsuite.ItemSequence(ex.rows_for(groups)), ex.labels())
    trainer.set_params(PARAMS)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "title.crfsuite"
        trainer.train(str(path))
        return path.read_bytes()


@dataclass
class Scored:
    """A scored example: what the model chose, and how sure it was of the rules' choice."""

    example: Example
    choice: Choice
    rules: str  # whose rules: 'before' the set was read, or 'now'

    def model_title(self) -> str | None:
        return self.choice.picked.title if self.choice.picked else None

    def combined(self, margin: float, line_margin: float | None = None) -> str | None:
        """The model over the rules: its 'no headline' above margin, its line above line_margin (the
        shipped one when not given)."""
        ruled = self.example.rules_title(self.rules)
        line = shipped_line_margin() if line_margin is None else line_margin
        return self.model_title() if overrides(self.choice, self.example.cands, ruled, margin, line) else ruled


def apply(model: bytes, examples: Iterable[Example], groups: Sequence[str], rules: str,
          constrained: bool = True) -> list[Scored]:
    """The model's choice on each example (constrained: never a line the rules drop as a site
    line); with the rules before reading, only where those are known."""
    tagger = TitleModel(model, tuple(groups), 1.0).tagger
    return [Scored(ex, pick(tagger, ex.rows_for(groups, rules), ex.cands, ex.kept(rules) if constrained else None),
                   rules) for ex in examples if rules == "now" or ex.before != UNKNOWN]


def rate(scored: list[Scored], how: str, margin: float = 1.0, line_margin: float | None = None) -> tuple[int, int]:
    """Right / total of annotator A's readings: 'rules', 'model' or 'combined' (the model over
    the rules above margin, its line above line_margin: margin when not given)."""
    pick_of = {"rules": lambda s: s.example.rules_title(s.rules), "model": Scored.model_title,
               "combined": lambda s: s.combined(margin, margin if line_margin is None else line_margin)}[how]
    marked = [norm(pick_of(s)) == norm(s.example.want) for s in scored if s.example.scored]
    return sum(marked), len(marked)


def leave_out(examples: list[Example], left: str, groups: Sequence[str], rules: str,
              constrained: bool = True) -> list[Scored]:
    model = train((ex for ex in examples if ex.group != left), groups)
    return apply(model, (ex for ex in examples if ex.group == left), groups, rules, constrained)


def choose_margins(examples: list[Example], sets: Sequence[str], groups: Sequence[str]) -> tuple[float, float]:
    """The largest margin (the nearest the rules) that scores within one post of the best against
    the rules before reading, when each of these sets in turn is left out of training: the
    figures are flat over a wide range, and where they cannot tell, the rules stand. Then, that
    margin held for the model's 'no headline', the largest up to it for the model's line likewise."""
    kept = [ex for ex in examples if ex.group in sets]
    scored = [s for left in sets for s in leave_out(kept, left, groups, "before")]
    right = {m: rate(scored, "combined", m)[0] for m in MARGINS}
    margin = max(max(m for m in MARGINS if right[m] >= max(right.values()) - len(MODES)), SEEDS_HOLD)
    lines = {m: rate(scored, "combined", margin, m)[0] for m in MARGINS if m <= margin}
    return margin, max(m for m in lines if lines[m] >= max(lines.values()) - len(MODES))  # one post, each way


def figure(counts: tuple[int, int]) -> str:
    return f"{counts[0] / max(counts[1], 1):.0%} ({counts[0]}/{counts[1]})" if counts[1] else "—"


def add(totals: dict[str, list[int]], key: str, counts: tuple[int, int]) -> tuple[int, int]:
    total = totals.setdefault(key, [0, 0])
    total[0], total[1] = total[0] + counts[0], total[1] + counts[1]
    return counts


COLUMNS = ["(a) rules now", "(a') rules before read", f"(b) {SHIPPED}, every post", f"(b) {SHIPPED}, free",
           *(f"(b) {v}" for v in VARIANTS), f"(c1) {SHIPPED} over rules before read, one margin",
           f"(c') {SHIPPED} over rules before read", f"(c) {SHIPPED} over rules now", "margins"]


def evaluate(examples: list[Example]) -> str:
    """The leave-set-out table: per set and mode, the rules (today's, and before the set was
    read), each model variant and the shipped combination (its margin chosen on the training
    folds only); then the in-sample figures."""
    lines = ["| set | mode | " + " | ".join(COLUMNS) + " |", "|---" * (2 + len(COLUMNS)) + "|"]
    totals: dict[str, list[int]] = {}
    for left in READ_SETS:
        before = {v: leave_out(examples, left, g, "before") for v, g in VARIANTS.items()}
        free = leave_out(examples, left, VARIANTS[SHIPPED], "before", constrained=False)
        now = leave_out(examples, left, VARIANTS[SHIPPED], "now")
        margin, line = choose_margins(examples, [s for s in READ_SETS if s != left], VARIANTS[SHIPPED])
        for mode in MODES:
            def of(scored: list[Scored]) -> list[Scored]:
                return [s for s in scored if s.example.mode == mode]  # noqa: B023 (used at once)
            cells = [add(totals, f"{mode}:a", rate(of(now), "rules")),
                     add(totals, f"{mode}:a'", rate(of(before[SHIPPED]), "rules")),
                     add(totals, f"{mode}:b", rate(of(now), "model")),
                     add(totals, f"{mode}:free", rate(of(free), "model")),
                     *(add(totals, f"{mode}:{v}", rate(of(before[v]), "model")) for v in VARIANTS),
                     add(totals, f"{mode}:c1", rate(of(before[SHIPPED]), "combined", margin)),
                     add(totals, f"{mode}:c'", rate(of(before[SHIPPED]), "combined", margin, line)),
                     add(totals, f"{mode}:c", rate(of(now), "combined", margin, line))]
            lines.append(f"| {left} | {mode} | " + " | ".join(figure(c) for c in cells) + f" | {margin}, {line} |")
    for mode in MODES:
        keys = ["a", "a'", "b", "free", *VARIANTS, "c1", "c'", "c"]
        lines.append(f"| all | {mode} | " + " | ".join(figure((totals[f'{mode}:{k}'][0], totals[f'{mode}:{k}'][1]))
                                                       for k in keys) + " | |")
    lines += ["", "In-sample (trained on every set read, scored on the same posts; stack from the rules now):"]
    for variant, groups in VARIANTS.items():
        scored = apply(train(examples, groups), examples, groups, "now")
        for mode in MODES:
            lines.append(f"- {variant}, {mode}: {figure(rate([s for s in scored if s.example.mode == mode], 'model'))}")
    return "\n".join(lines)


def build(examples: list[Example], out: Path) -> tuple[float, int, tuple[float, float]]:
    """Train the shipped model on every set read, its margins chosen by leaving each set out;
    the seconds it took, the file's size and the margins."""
    start = time.perf_counter()
    groups = VARIANTS[SHIPPED]
    margin, line = choose_margins(examples, READ_SETS, groups)
    model = train(examples, groups)
    about = {"trained_on": [*READ_SETS, "heldout4 annotator B where it differs"], "variant": SHIPPED,
             "params": PARAMS, "posts": sum(ex.scored for ex in examples) // len(MODES),
             "margin": "chosen by leaving each set out, against the rules before the set was read",
             "line_margin": "the model's line over the rules' likewise, the margin held for 'no headline'",
             "command": "python -m generator.bench.train_titles"}
    out.write_text(dump(model, groups, margin, True, about, line), "utf-8")
    return time.perf_counter() - start, out.stat().st_size, (margin, line)


# run inside the generator/ of an old commit: what its importer titles each post of a set
OLD_RULES = """
import hashlib, inspect, json, sys, yaml
from pathlib import Path
from typing import Any
from generator.importer import extract as E
folder = Path(sys.argv[1]); wanted = set(sys.argv[2:])
annotated = yaml.safe_load((folder / "annotations.yaml").read_text("utf-8"))
every = [(folder / p["file"]).read_text("utf-8") for p in annotated]
posts = [p for p in annotated if p["file"] in wanted]
texts = [(folder / p["file"]).read_text("utf-8") for p in posts]
try:
    from generator.importer.title import site_lines
except ImportError:
    site_lines = None
batch = "site_lines" in inspect.signature(E.extract).parameters and site_lines is not None
chrome = site_lines(every) if batch else frozenset()
out = {}
def read(t):
    t = t.replace("\\r\\n", "\\n").replace("\\u00a0", " ")
    try:
        from generator.records.characters import BIDI, FORBIDDEN
        t = FORBIDDEN.sub("", BIDI.sub("", t))
    except ImportError:
        pass
    try:
        from generator.importer.text import without_teaser
        t = without_teaser(t)
    except ImportError:
        pass
    return t
from generator.importer.title import content_lines
for p, t in zip(posts, texts):
    kept = [hashlib.sha1(k.encode()).hexdigest()[:12] for k in content_lines(read(t))]
    out[p["file"]] = {"kept": kept, "one": (E.extract(t, [], frozenset()) if batch else E.extract(t, [])).title}
for p, t in zip(posts, texts):
    out[p["file"]]["batch"] = E.extract(t, [], chrome).title if batch else out[p["file"]]["one"]
print(json.dumps(out, ensure_ascii=False))
"""


def record_rules_before_read(names: Sequence[str] = ()) -> None:
    """Run each set (or only these) through the importer of the commit that added it (git archive
    into a temporary folder) and keep what it titled each post: titles_before_read.yaml (the
    other sets' records kept as they are)."""
    recorded = yaml.safe_load(BEFORE_READ.read_text("utf-8")) if names and BEFORE_READ.exists() else {}
    for name, commit in FIRST_SEEN.items():
        if names and name not in names:
            continue
        files = [post["file"] for post in yaml.safe_load((SETS[name] / "annotations.yaml").read_text("utf-8"))]
        if name == "dev":
            files = [f for f in files if f >= "036"]  # 001–035: the rules were born on them
        with tempfile.TemporaryDirectory() as folder:
            out = run_at(commit, OLD_RULES, [str(SETS[name]), *files], Path(folder))
        recorded[name] = {"commit": commit, "titles": yaml.safe_load(out)}
    header = "# What the importer titled each post when its set was added (train_titles --record-rules-before-read)\n"
    BEFORE_READ.write_text(header + yaml.safe_dump(recorded, allow_unicode=True, sort_keys=True, width=200), "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.bench.train_titles", description=__doc__.split("\n")[0])
    parser.add_argument("--evaluate", action="store_true", help="print the leave-set-out table first")
    parser.add_argument("--record-rules-before-read", nargs="*", metavar="SET",
                        help="rebuild titles_before_read.yaml (only these sets' records, when named)")
    parser.add_argument("--out", type=Path, default=MODEL_FILE, help="where the model goes")
    args = parser.parse_args(argv)
    if args.record_rules_before_read is not None:
        record_rules_before_read(args.record_rules_before_read)
    start = time.perf_counter()
    examples = read_all()
    print(f"read {len(examples)} examples in {time.perf_counter() - start:.1f} s")
    if args.evaluate:
        print(evaluate(examples))
    seconds, size, margin = build(examples, args.out)
    print(f"trained {args.out} in {seconds:.1f} s ({size} bytes, margins {margin})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
