"""Relevance figures (not tests): how well related lists and search serve a reader, measured
against judgements written by hand in tests/fixtures/judged/.

    .venv/bin/python -m generator.bench.relevance

Related pages: on the demo content and on the demo content with real posts imported by
`kb import` (the importer's dev set), the precision of the judged items the lists show, how
many of the pairs judged relevant they show, and the share of a meeting page's list that is
meetings, proposals, areas and system maps. Search: recall@10, MRR and precision@10 of the
public queries (search-queries.json) and of the judged cross-script and phrase queries, run in
Chromium through window.kbSearch on the demo site's index; the same for the judged typo
queries (typos.yaml) on the demo site and on the demo with the real posts imported, and how
many nonsense queries find anything (none should).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..graph.index import SiteIndex, build_index
from ..graph.knowledge import build_graph
from ..records.validate import Content, validate_content
from ..site.related import LEADS, Related, related_pages

ROOT = Path(__file__).resolve().parents[2]  # the source checkout: benchmarks run from it
FIXTURES = ROOT / "tests" / "fixtures"
JUDGED = FIXTURES / "judged"
POSTS = FIXTURES / "posts"
MARK = re.compile(r"^\[\d+/\d+\] (.+)$")  # kb import's line before each post's drafts


def judged() -> dict[str, Any]:
    return dict(yaml.safe_load((JUDGED / "related.yaml").read_text("utf-8")))


# ---- the corpus of imported posts ----

def imported_corpus(target: Path) -> Content:
    """The demo content plus the judged posts, imported by `kb import` in one run, then
    reviewed as a reporter would: each meeting gets the id the judgements use, the bodies the
    importer found (its own stakeholder drafts) as attendees, and the date or title the
    importer missed from the post's annotation."""
    from ..cli import main

    shutil.copytree(ROOT / "content", target)
    wanted = judged()["imported"]
    posts = [str(POSTS / f"{post}.txt") for post in wanted]
    log = io.StringIO()
    with contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
        main(["import", *posts, "--content", str(target)])
    notes = {note["file"]: note for note in yaml.safe_load((POSTS / "annotations.yaml").read_text("utf-8"))}
    for post, written in drafts_by_post(log.getvalue()).items():
        name = Path(post).stem
        review(target, written, wanted[name], notes[f"{name}.txt"])
    content = validate_content(target)
    if not content.ok:
        raise SystemExit("the imported corpus does not validate:\n" +
                         "\n".join(d.message_en for d in content.diagnostics[:5]))
    return content


def drafts_by_post(log: str) -> dict[str, list[Path]]:
    """The files kb import wrote for each post, from its output."""
    found: dict[str, list[Path]] = {}
    current = None
    for line in log.splitlines():
        if (mark := MARK.match(line)) is not None:
            current = mark.group(1)
            found[current] = []
        elif current is not None and line.startswith("เขียน / wrote "):
            found[current].append(Path(line.removeprefix("เขียน / wrote ")))
    return found


def review(content: Path, written: list[Path], wanted: str, note: dict[str, Any]) -> None:
    meeting = next(p for p in written if p.parent.name == "meetings")
    old = meeting.stem
    own_id = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])")
    for path in written:
        path.write_text(own_id.sub(wanted, path.read_text("utf-8")), "utf-8")
    text = meeting.read_text("utf-8")
    data = yaml.safe_load(text)
    extra = []
    if "date" not in data and note.get("date"):
        extra.append(f'date: "{note["date"]}"')
    if "title" not in data and note.get("title"):
        extra.append(f"title: {json.dumps(note['title'], ensure_ascii=False)}")
    bodies = [yaml.safe_load(p.read_text("utf-8"))["id"] for p in written if p.parent.name == "stakeholders"]
    if not data.get("attendees") and bodies:
        extra += ["attendees:", *(f"  - who: {b}" for b in bodies)]
    meeting.unlink()
    (content / "meetings" / f"{wanted}.yaml").write_text(text.rstrip("\n") + "\n" + "\n".join(extra) + "\n", "utf-8")


# ---- related pages ----

@dataclass
class RelatedFigures:
    shown: int  # judged items the lists show
    relevant_shown: int
    relevant: int  # pairs judged relevant
    lead_items: int  # items on meeting pages that are meetings, proposals, areas, system maps
    meeting_items: int

    @property
    def precision(self) -> float:
        return self.relevant_shown / self.shown if self.shown else 0.0

    @property
    def found(self) -> float:
        return self.relevant_shown / self.relevant if self.relevant else 0.0

    @property
    def leads(self) -> float:
        return self.lead_items / self.meeting_items if self.meeting_items else 0.0


def listed(related: list[Related]) -> list[str]:
    """The related list a reader sees (not the series links)."""
    return [r.id for r in related if not r.role]


def related_figures(index: SiteIndex, related: dict[str, list[Related]], pairs: list[dict[str, Any]]) -> RelatedFigures:
    shown = [p for p in pairs if p["other"] in listed(related[p["page"]])]
    meetings = [listed(related[i]) for i in index.of_kind("meeting")]
    return RelatedFigures(
        shown=len(shown), relevant_shown=sum(bool(p["relevant"]) for p in shown),
        relevant=sum(bool(p["relevant"]) for p in pairs),
        lead_items=sum(index.records[i].kind in LEADS for items in meetings for i in items),
        meeting_items=sum(map(len, meetings)))


def index_of(content: Content) -> SiteIndex:
    return build_index(content.records, build_graph(content.records))


def measure_related() -> dict[str, RelatedFigures]:
    cases = judged()
    demo = index_of(validate_content(ROOT / "content"))
    figures = {"demo": related_figures(demo, related_pages(demo), cases["demo"])}
    with tempfile.TemporaryDirectory(prefix="kb-judged-") as tmp:
        imported = index_of(imported_corpus(Path(tmp) / "content"))
        related = related_pages(imported)
        figures["imported posts"] = related_figures(imported, related, cases["imported_pairs"])
        figures["all"] = related_figures(imported, related, cases["demo"] + cases["imported_pairs"])
    return figures


# ---- search ----

@dataclass
class Query:
    group: str
    q: str
    relevant: list[str]  # site paths, e.g. meetings/<id>/


def search_queries() -> list[Query]:
    public = json.loads((FIXTURES / "search-queries.json").read_text("utf-8"))
    found = [Query("public", c["q"], [f"meetings/{m}/" for m in c["expect"]]) for c in public if c["expect"]]
    extra = yaml.safe_load((JUDGED / "search.yaml").read_text("utf-8"))
    for group, cases in extra.items():
        found += [Query(group.replace("_", "-"), c["q"], list(c["relevant"])) for c in cases]
    return found


def recall_at(found: list[str], relevant: list[str], k: int = 10) -> float:
    return len(set(found[:k]) & set(relevant)) / len(relevant)


def reciprocal_rank(found: list[str], relevant: list[str]) -> float:
    return next((1 / n for n, path in enumerate(found, 1) if path in relevant), 0.0)


def run_queries(site: Path, queries: list[str]) -> dict[str, list[str]]:
    """Each query's result paths, best first, from window.kbSearch in Chromium."""
    sys.path.insert(0, str(ROOT))
    from tests.browser import chromium, serve

    results: dict[str, list[str]] = {}
    driver: Any
    with tempfile.TemporaryDirectory() as tmp, serve(site) as base, chromium(Path(tmp)) as driver:
        driver.set_script_timeout(60)
        driver.get(base)
        for query in queries:
            found = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "kbSearch(arguments[0]).then(done, e => done({error: String(e)}));", query)
            if isinstance(found, dict):
                raise SystemExit(f"search failed for {query!r}: {found['error']}")
            results[query] = [r["url"].removeprefix(base) for r in found]
    return results


def precision_at(found: list[str], relevant: list[str], k: int = 10) -> float:
    """The share of the first k results judged relevant (none shown: 0)."""
    return len(set(found[:k]) & set(relevant)) / len(found[:k]) if found else 0.0


def search_figures(queries: list[Query], results: dict[str, list[str]]) -> dict[str, tuple[int, float, float, float]]:
    """Group → (queries, mean recall@10, MRR, mean precision@10); and every query together."""
    figures = {}
    for group in [*dict.fromkeys(q.group for q in queries), "all"]:
        mine = [q for q in queries if group in ("all", q.group)]
        recall = sum(recall_at(results[q.q], q.relevant) for q in mine) / len(mine)
        mrr = sum(reciprocal_rank(results[q.q], q.relevant) for q in mine) / len(mine)
        precision = sum(precision_at(results[q.q], q.relevant) for q in mine) / len(mine)
        figures[group] = (len(mine), recall, mrr, precision)
    return figures


def measure_search() -> dict[str, tuple[int, float, float, float]]:
    from .search import write_search_site

    queries = search_queries()
    with tempfile.TemporaryDirectory(prefix="kb-judged-search-") as tmp:
        site = Path(tmp) / "site"
        write_search_site(ROOT / "content", site)
        results = run_queries(site, [q.q for q in queries])
    return search_figures(queries, results)


# ---- typos (issue 29) ----

def typo_queries() -> tuple[dict[str, list[Query]], list[str]]:
    """The judged typo queries by corpus (demo, imported), and the nonsense ones."""
    judged_typos = yaml.safe_load((JUDGED / "typos.yaml").read_text("utf-8"))
    by_corpus = {corpus: [Query(f"typos-{corpus}", c["q"], list(c["relevant"])) for c in judged_typos[corpus]]
                 for corpus in ("demo", "imported")}
    return by_corpus, [str(q) for q in judged_typos["nonsense"]]


@dataclass
class TypoFigures:
    search: dict[str, tuple[int, float, float, float]]  # as search_figures: typos-demo, typos-imported, all
    nonsense: int
    nonsense_found: list[str]  # nonsense queries that found something, on either site


def measure_typos() -> TypoFigures:
    """The typo queries on the demo site and on the demo with real posts imported; the
    nonsense queries on both."""
    from .search import write_search_site

    by_corpus, nonsense = typo_queries()
    results: dict[str, list[str]] = {}
    noisy: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kb-judged-typos-") as tmp:
        imported_corpus(Path(tmp) / "content")
        for corpus, content in (("demo", ROOT / "content"), ("imported", Path(tmp) / "content")):
            site = Path(tmp) / f"site-{corpus}"
            write_search_site(content, site)
            found = run_queries(site, [q.q for q in by_corpus[corpus]] + nonsense)
            results |= {q.q: found[q.q] for q in by_corpus[corpus]}
            noisy += [f"{q} ({corpus}: {found[q][0]})" for q in nonsense if found[q]]
    queries = by_corpus["demo"] + by_corpus["imported"]
    return TypoFigures(search_figures(queries, results), len(nonsense), noisy)


def run() -> None:
    print(f"{'related pages':<16} {'judged shown':>12} {'precision':>10} {'relevant found':>15}"
          f" {'meeting lists: leads':>21}")
    for name, f in measure_related().items():
        print(f"{name:<16} {f.shown:>12} {f.precision:>10.2f} {f.relevant_shown:>7} / {f.relevant:<5}"
              f" {f.leads:>21.0%}", flush=True)
    print(f"\n{'search':<16} {'queries':>8} {'recall@10':>10} {'MRR':>6} {'precision@10':>13}")
    for group, (n, recall, mrr, precision) in measure_search().items():
        print(f"{group:<16} {n:>8} {recall:>10.2f} {mrr:>6.2f} {precision:>13.2f}", flush=True)
    typos = measure_typos()
    print(f"\n{'typo queries':<16} {'queries':>8} {'recall@10':>10} {'MRR':>6} {'precision@10':>13}")
    for group, (n, recall, mrr, precision) in typos.search.items():
        print(f"{group:<16} {n:>8} {recall:>10.2f} {mrr:>6.2f} {precision:>13.2f}", flush=True)
    print(f"nonsense queries: {typos.nonsense}, found something: {len(typos.nonsense_found)}"
          + "".join(f"\n  {q}" for q in typos.nonsense_found))


if __name__ == "__main__":
    run()
