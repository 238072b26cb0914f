"""Benchmarks (not tests): validation, cold and warm builds, search and preview, on synthetic
corpora made from the demo content's Thai text.

    ./run bench                                  # 1k, 5k, 10k table, then search and preview
    ./run bench --sizes 30000                    # the table alone, at 30,000 meetings
    ./run bench --sizes 1000 --skip-build        # validation only
    ./run bench --search | --serve | --diagrams  # one part only; also --explorer, --relevance,
                                                 # --importer, --photos (1,000 photos: ~9 minutes)

Each measurement runs in a fresh Python process and reports its own wall time and memory:
"peak MB" is the largest resident set of any one process (the build or a worker), "all MB" the
most the build and all its workers held together at once (proportional set size, sampled
every 0.25 s: memory shared after a fork counts once).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from importlib import import_module
from pathlib import Path
from typing import Any

from .edits import Editor, compiled
from .synthetic import write_corpus

ROOT = Path(__file__).resolve().parents[2]  # the source checkout: benchmarks run from it

VALIDATE = """
import json, resource, sys, time
from pathlib import Path
from generator.records.validate import validate_content
started = time.perf_counter()
content = validate_content(Path(sys.argv[1]))
seconds = time.perf_counter() - started
assert content.ok, content.diagnostics[:3]
from generator.graph.knowledge import build_graph, stakeholder_graph
from generator.graph.network import network_metrics
network = stakeholder_graph(build_graph(content.records))
started = time.perf_counter()
network_metrics(network)
metrics = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "records": len(content.records), "metrics": metrics,
                  "peak_mb": max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                                 resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024}))
"""

BUILD = """
import json, re, resource, sys, threading, time
from pathlib import Path
from generator.bench.build import tree_memory
from generator.bench.build import ROOT
from generator.commands.build import build_atomically, kept_loads
from generator.records.validate import validate_content
peak = [0.0]
def sample():
    while True:
        peak[0] = max(peak[0], tree_memory())
        time.sleep(0.25)
threading.Thread(target=sample, daemon=True).start()
lines = []
started = time.perf_counter()
content = validate_content(Path(sys.argv[1]), memo=kept_loads({}))  # as kb build validates
assert build_atomically(Path(sys.argv[1]), Path(sys.argv[2]), ROOT / "mkdocs.yml", content, lines.append) == 0
seconds = time.perf_counter() - started
related = float(re.search(r"related pages ranked \\(([0-9.]+)s\\)", " ".join(lines)).group(1))
rendered = sum(int(m) for m in re.findall(r"([0-9]+) (?:to render|rendered)$", "\\n".join(lines), re.M))
pages = sum(1 for _ in Path(sys.argv[2]).rglob("index.html"))
size = sum(p.stat().st_size for p in Path(sys.argv[2]).rglob("*") if p.is_file())
print(json.dumps({"seconds": seconds, "pages": pages, "site_mb": size / 2**20, "related": related,
                  "rendered": rendered, "tree_mb": peak[0],
                  "peak_mb": max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                                 resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024}))
"""


def tree_memory(pid: int | None = None) -> float:
    """MB of memory the process and all its descendants hold together, by proportional set
    size (pages shared after a fork are counted once, split among the sharers)."""
    pid = pid or os.getpid()
    total = 0
    for member in process_tree(pid):
        try:
            with open(f"/proc/{member}/smaps_rollup") as handle:
                total += next((int(line.split()[1]) for line in handle if line.startswith("Pss:")), 0)
        except OSError:
            continue
    return total / 1024


def process_tree(pid: int) -> list[int]:
    found = [pid]
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for thread in threads:
        try:
            with open(f"/proc/{pid}/task/{thread}/children") as handle:
                children = [int(c) for c in handle.read().split()]
        except OSError:
            continue
        for child in children:
            found += process_tree(child)
    return found


def measure(code: str, *args: str, env: dict[str, str] | None = None) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                            cwd=ROOT, check=False, env=os.environ | (env or {}))
    if result.returncode != 0:
        raise SystemExit(f"benchmark step failed:\n{result.stderr[-3000:]}")
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


HEADER = (f"{'meetings':>9} {'records':>8} {'validate s':>11} {'records/s':>10} {'metrics s':>10} {'cold build s':>13} "
          f"{'warm build s':>13} {'body edit s':>12} {'title edit s':>13} {'pages':>7} {'site MB':>8} {'peak MB':>8} "
          f"{'all MB':>7} {'related s':>10}")


def run(sizes: list[int], skip_build: bool) -> None:
    compiled(ROOT)
    print(HEADER if not skip_build else HEADER[:52], flush=True)
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
            content = Path(tmp) / "content"
            write_corpus(ROOT / "content", content, size)
            v = measure(VALIDATE, str(content))
            line = (f"{size:>9,} {int(v['records']):>8,} {v['seconds']:>11.2f} "
                    f"{v['records'] / v['seconds']:>10,.0f} {v['metrics']:>10.2f}")
            if not skip_build:
                line += build_figures(Path(tmp), content)
            print(line, flush=True)


def build_figures(tmp: Path, content: Path) -> str:
    """A cold build (empty cache), the same build again with nothing changed, then one
    meeting's body edited and built, then its title."""
    env = {"KB_CACHE_DIR": str(tmp / "cache")}
    runs = [measure(BUILD, str(content), str(tmp / "site"), env=env) for _ in range(2)]
    editor = Editor(content)
    for field in ("body", "title"):
        editor.edit(field)
        runs.append(measure(BUILD, str(content), str(tmp / "site"), env=env))
    cold = runs[0]
    peak = max(run["peak_mb"] for run in runs)
    together = max(run["tree_mb"] for run in runs)
    seconds = " ".join(f"{run['seconds']:>{width}.1f}" for run, width in zip(runs, (13, 13, 12, 13), strict=True))
    return (f" {seconds} {int(cold['pages']):>7,} {cold['site_mb']:>8.0f} {peak:>8.0f} {together:>7.0f}"
            f" {cold['related']:>10.1f}")


DIAGRAMS = """
import json, random, resource, sys, time
import networkx as nx
from generator.graph.diagrams import render, systemmap_dot, feedback_loops
from generator.records.load import Record
from generator.graph.network import network_dot, network_metrics, render_network
rng = random.Random(7)
kinds = ["factor", "outcome", "leverage", "mechanism", "actor", "resource"]
domains = ["health", "economy", "social", "environment", "education", "governance", "culture", "data"]
nodes = [{"id": f"n{i}", "label": f"ปัจจัยด้านสุขภาวะกลุ่มเปราะบาง {i}", "kind": rng.choice(kinds),
          "domain": rng.choice(domains)} for i in range(300)]
links = [{"from": f"n{rng.randrange(300)}", "to": f"n{rng.randrange(300)}", "polarity": rng.choice("+-")}
         for _ in range(420)]
record = Record("systemmap", "bench.yaml", {"id": "bench", "title": "แผนที่ทดสอบ", "nodes": nodes, "links": links})
started = time.perf_counter(); svg = render(systemmap_dot(record), "svg"); map_s = time.perf_counter() - started
started = time.perf_counter(); loops = len(feedback_loops(record)); loops_s = time.perf_counter() - started
g = nx.Graph()
for i in range(2000):
    g.add_node(f"s{i}")
for _ in range(6000):
    a, b = rng.randrange(2000), rng.randrange(2000)
    if a // 100 != b // 100 and rng.random() < 0.8:
        b = (a // 100) * 100 + rng.randrange(100)
    if a != b:
        g.add_edge(f"s{a}", f"s{b}", weight=rng.randrange(1, 5))
started = time.perf_counter(); metrics = network_metrics(g); metrics_s = time.perf_counter() - started
titles = {n: f"ภาคี {n}" for n in g}
started = time.perf_counter()
net = render_network(network_dot(g, titles, {}, metrics))
net_s = time.perf_counter() - started
print(json.dumps({"map_s": map_s, "map_kb": len(svg) / 1024, "loops": loops, "loops_s": loops_s,
                  "metrics_s": metrics_s, "net_s": net_s, "net_kb": len(net) / 1024, "edges": g.number_of_edges()}))
"""


def run_diagrams() -> None:
    d = measure(DIAGRAMS)
    print(f"system map, 300 nodes / 420 links: dot → SVG {d['map_s']:.1f} s ({d['map_kb']:.0f} KB), "
          f"{int(d['loops'])} loops found in {d['loops_s']:.2f} s (capped at 50)")
    print(f"stakeholder network, 2,000 nodes / {int(d['edges']):,} edges: metrics {d['metrics_s']:.1f} s, "
          f"sfdp → SVG {d['net_s']:.1f} s ({d['net_kb']:.0f} KB)")


PARTS = {  # flag → (help, runner given the sizes); the full run does them all, in this order
    "search": ("search index size, first-query download, query time in Chromium",
               lambda sizes: _part("search").run(sizes[-1:])),
    "serve": ("kb serve on 1,000 meetings: edit → the open page shows it", lambda sizes: _part("serve").run(sizes[:1])),
    "explorer": ("the network explorer: first draw in Chromium and its JSON, at 1k and 10k meetings",
                 lambda sizes: _part("explorer").run([s for s in sizes if s in (1000, 10000)] or sizes[-1:])),
    "relevance": ("related-list precision, search recall@10 and MRR on the judged set",
                  lambda sizes: _part("relevance").run()),
    "importer": ("the importer's per-field figures on the dev set of real posts",
                 lambda sizes: _part("importer").main([])),
    "photos": ("1,000 photos of 4000×3000, cold and warm, and a 20-photo page's first view",
               lambda sizes: _part("photos").run(1000)),
}


def _part(name: str) -> Any:
    return import_module(f"{__package__}.{name}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--diagrams", action="store_true", help="only the diagram benchmarks")
    for flag, (text, _) in PARTS.items():
        parser.add_argument(f"--{flag}", action="store_true", help=f"only {text}")
    args = parser.parse_args(argv)
    if args.diagrams:
        run_diagrams()
        return
    chosen = [flag for flag in PARTS if getattr(args, flag)]
    if chosen:
        for flag in chosen:
            PARTS[flag][1](args.sizes)
        return
    run(args.sizes, args.skip_build)
    if not args.skip_build and len(args.sizes) > 1:
        for _, runner in PARTS.values():
            print()
            runner(args.sizes)


if __name__ == "__main__":
    main()
