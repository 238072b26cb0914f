"""Search benchmark: index size, bytes a first query downloads, query time in Chromium.

    ./run bench --search            # demo site and the 10,000-meeting synthetic site
"""

from __future__ import annotations

import gzip
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..graph.index import build_index
from ..graph.knowledge import build_graph
from ..records.validate import validate_content
from ..search.index import build_search_index
from .synthetic import write_corpus

ROOT = Path(__file__).resolve().parents[2]  # the source checkout: benchmarks run from it
QUERIES = ["วัคซีน", "พี่เลี้ยง", "อาสาสมัคร", "กองทุนฟื้นฟู", "ยะลา", "พัทลุง", "trang care", "อาหารปลอดภัย",
           "คนพิการ", "เกษตรกร", "ขยะติดเชื้อ", "เขต 12", "รถไฟฟ้า", "สสจ.", "ผู้สูงอายุ", "iMed@home",
           "ธรรมนูญสุขภาพ", "กปท", "เขต ๑๒", "การพัฒนาศักยภาพ"]


def write_search_site(content: Path, target: Path) -> dict[str, int]:
    records = validate_content(content).records
    index = build_index(records, build_graph(records))
    files = build_search_index(index)
    for name, data in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (target / "assets").mkdir(exist_ok=True)
    shutil.copy(ROOT / "site_templates" / "docs" / "assets" / "kb-search.js", target / "assets")
    (target / "index.html").write_text('<!doctype html><meta charset="utf-8"><title>bench</title>'
                                       '<script src="assets/kb-search.js"></script>', "utf-8")
    raw = sum(len(d) for d in files.values())
    return {"docs": len(records), "files": len(files), "raw": raw,
            "gzip": sum(len(gzip.compress(d, 6)) for d in files.values())}


def typo_queries() -> list[str]:
    """The judged typo queries on the demo's words (the synthetic sites' text is the demo's)."""
    import yaml

    judged = yaml.safe_load((ROOT / "tests" / "fixtures" / "judged" / "typos.yaml").read_text("utf-8"))
    return [case["q"] for case in judged["demo"]]


def measure_queries(site: Path, queries: list[str] = QUERIES) -> dict[str, float]:  # noqa: C901
    sys.path.insert(0, str(ROOT))
    from tests.browser import chromium, serve

    first_bytes: list[int] = []
    first_times: list[float] = []
    times: list[float] = []
    driver: Any
    with tempfile.TemporaryDirectory() as tmp, serve(site) as base, chromium(Path(tmp)) as driver:
        driver.set_script_timeout(60)
        for query in queries:  # a fresh page per query: what a first query downloads
            driver.get(base + "?fresh=" + str(len(first_bytes)))
            driver.execute_cdp_cmd("Network.clearBrowserCache", {})
            first_times.append(float(driver.execute_async_script(
                "const done = arguments[arguments.length-1]; const t = performance.now();"
                "kbSearch(arguments[0]).then(() => done(performance.now() - t));", query)))
            fetched = driver.execute_script(
                "return performance.getEntriesByType('resource').map(e => e.name)")
            paths = {u.split(base, 1)[1].split("?")[0] for u in fetched if "/search/" in u}
            first_bytes.append(sum(len(gzip.compress((site / p).read_bytes(), 6)) for p in paths))
        for round_ in range(4):  # round 0 fetches what the queries need; then time them warm
            for query in queries:
                took = driver.execute_async_script(
                    "const done = arguments[arguments.length-1]; const t = performance.now();"
                    "kbSearch(arguments[0]).then(() => done(performance.now() - t));", query)
                if round_:
                    times.append(float(took))
    times.sort()
    return {"first_max": max(first_bytes), "first_median": statistics.median(first_bytes),
            "first_ms": statistics.median(first_times),
            "median_ms": statistics.median(times), "p95_ms": times[int(len(times) * 0.95) - 1]}


def run(sizes: list[int]) -> None:
    print(f"{'site':>14} {'pages':>7} {'files':>7} {'index MB':>9} {'gzip MB':>8} "
          f"{'1st query KB (median/max, gz)':>30} {'1st query ms':>12} {'warm ms (median/p95)':>22}")
    with tempfile.TemporaryDirectory(prefix="kb-search-bench-") as tmp:
        cases = [("demo", ROOT / "content")]
        for size in sizes:
            content = Path(tmp) / f"c{size}"
            write_corpus(ROOT / "content", content, size)
            cases.append((f"{size:,} meetings", content))
        for name, content in cases:
            site = Path(tmp) / f"s-{name.split()[0]}"
            counts = write_search_site(content, site)
            for label, queries in ((name, QUERIES), ("  with a typo", typo_queries())):  # typos: issue 29
                q = measure_queries(site, queries)
                print(f"{label:>14} {counts['docs']:>7,} {counts['files']:>7,} {counts['raw'] / 2**20:>9.1f} "
                      f"{counts['gzip'] / 2**20:>8.1f} {q['first_median'] / 1024:>18.0f} / "
                      f"{q['first_max'] / 1024:<9.0f} {q['first_ms']:>12.0f} {q['median_ms']:>12.1f} / "
                      f"{q['p95_ms']:<8.1f}", flush=True)


if __name__ == "__main__":
    run([int(a) for a in sys.argv[1:]] or [10000])
