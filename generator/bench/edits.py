"""Builds after one edit (not tests): `kb build -q` as a whole process, as CI and the editor
run it, on a synthetic corpus: cold (empty cache), nothing changed, one meeting's body edited,
one meeting's title edited; wall seconds and the peak resident memory of the largest process.

    .venv/bin/python -m generator.bench.edits --sizes 1000 10000
    .venv/bin/python -m generator.bench.edits --sizes 1000 --against /tmp/kb-before --rounds 2
    .venv/bin/python -m generator.bench.edits --sizes 10000 --against /tmp/kb-before --cold-rounds 3
    .venv/bin/python -m generator.bench.edits --sizes 1000 --rounds 8   (a goal near the noise: medians)

`--against CHECKOUT` runs an interleaved A/B: each step is built by that checkout's code, then
by this one's, on the same content, each with its own cache and site folder. `--cold-rounds`
builds cold that many times per checkout, taking turns, each into an empty cache and folder of
its own: on a shared machine one cold build of the same code ranged 50-62 s (December 2026).
The builds go to TMPDIR: `TMPDIR=/dev/shm` keeps a crowded disk out of the figures (a cold
build writes a 700 MB site and its caches; both checkouts write the same files).
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from .synthetic import write_corpus

ROOT = Path(__file__).resolve().parents[2]
STEPS = ("cold", "nothing changed", "one body edit", "one title edit")


Run = tuple[float, float, float]  # wall seconds, peak MB, CPU seconds (user and system, workers too)


def compiled(code: Path) -> None:
    """The checkout's bytecode written, as an installed kb has it: with PYTHONDONTWRITEBYTECODE
    set (as in this sandbox), each build would compile every module of ours again (0.1-0.2 CPU s)."""
    compileall.compile_dir(code / "generator", quiet=1)


def kb_build(code: Path, content: Path, work: Path) -> Run:
    """Seconds, peak MB (largest process: the build or a worker) and CPU seconds of one `kb
    build -q`. CPU seconds tell a slower build from a busier machine."""
    env = os.environ | {"KB_CACHE_DIR": str(work / "cache"), "PYTHONPATH": str(code)}
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "generator.cli", "build", str(content), "-o",
                                str(work / "site"), "-q"], cwd=code, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"kb build failed ({code}, {content})")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


class Editor:
    """One meeting edited again and again, each time differently (a new build has work to do)."""

    def __init__(self, content: Path) -> None:
        meetings = sorted((content / "meetings").glob("m-*.yaml"), key=lambda p: int(p.stem[2:]))
        self.path = meetings[len(meetings) // 2]
        self.count = 0

    def edit(self, field: str) -> None:
        self.count += 1
        data = yaml.safe_load(self.path.read_text("utf-8"))
        data[field] = f"{data[field]} แก้ไขครั้งที่ {self.count}"
        self.path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), "utf-8")


def steps(editor: Editor) -> list[tuple[str, Callable[[], None]]]:
    def nothing() -> None:
        pass

    return [("cold", nothing), ("nothing changed", nothing),
            ("one body edit", lambda: editor.edit("body")), ("one title edit", lambda: editor.edit("title"))]


def measure(size: int, codes: dict[str, Path], rounds: int, cold_rounds: int = 1) -> dict[str, dict[str, list[Run]]]:
    """Every step for every checkout, interleaved: step by step, the checkouts take turns."""
    found: dict[str, dict[str, list[Run]]] = {name: {s: [] for s in STEPS} for name in codes}
    for code in codes.values():
        compiled(code)
    with tempfile.TemporaryDirectory(prefix="kb-edits-") as tmp:
        content = Path(tmp) / "content"
        write_corpus(ROOT / "content", content, size)
        editor = Editor(content)
        for extra in range(1, cold_rounds):  # cold only, before the builds the warm steps go on from
            for name, code in codes.items():
                found[name]["cold"].append(kb_build(code, content, Path(tmp) / f"{name}-cold{extra}"))
                say(size, name, "cold", found[name]["cold"][-1])
        for round_ in range(rounds):
            for step, change in steps(editor):
                if step == "cold" and round_:
                    continue  # one cold build per checkout: the rounds repeat the warm steps
                change()
                for name, code in codes.items():
                    work = Path(tmp) / name
                    found[name][step].append(kb_build(code, content, work))
                    say(size, name, step, found[name][step][-1])
    return found


def say(size: int, name: str, step: str, run: Run) -> None:
    wall, mb, cpu = run
    print(f"  {size:,} {name:>7} {step:<16} {wall:6.1f} s {mb:6.0f} MB {cpu:6.1f} s CPU", file=sys.stderr, flush=True)


def span(values: list[float]) -> str:
    """The range, and its median when there are three or more: on a shared machine the same
    build's time ranges by a third from one run to the next, and a goal is judged on the median."""
    if len(values) == 1:
        return f"{values[0]:.1f}"
    median = f", median {statistics.median(values):.2f}" if len(values) > 2 else ""
    return f"{min(values):.1f}–{max(values):.1f}{median}"


def table(size: int, found: dict[str, dict[str, list[Run]]]) -> list[str]:
    """Each step's wall seconds, then its CPU seconds in brackets."""
    lines = []
    for name, figures in found.items():
        cells = [f"{span([r[0] for r in figures[step]])} ({span([r[2] for r in figures[step]])})" for step in STEPS]
        peak = max(mb for runs in figures.values() for _, mb, _ in runs)
        lines.append(f"| {size:,} | {name} | " + " | ".join(cells) + f" | {peak:,.0f} |")
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="edits", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--against", type=Path, help="a checkout of the code to compare with (A/B)")
    parser.add_argument("--rounds", type=int, default=1, help="warm steps repeated this many times")
    parser.add_argument("--cold-rounds", type=int, default=1, help="cold builds per checkout, taking turns")
    args = parser.parse_args(argv)
    codes = ({"before": args.against.resolve()} if args.against else {}) | {"now": ROOT}
    print("| meetings | code | " + " | ".join(f"{s} s (CPU s)" for s in STEPS) + " | peak MB |")
    print("|---|---|" + "---|" * len(STEPS) + "---|")
    for size in args.sizes:
        print("\n".join(table(size, measure(size, codes, args.rounds, args.cold_rounds))), flush=True)


if __name__ == "__main__":
    main()
