"""A topic's or hashtag's "most involved" stakeholders: the most records first, ties in Thai
dictionary order, as a sort of every stakeholder involved gives them (only those that can reach
the list are sorted: a big topic involves thousands)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from generator.bench.synthetic import write_corpus
from generator.graph.index import SiteIndex, build_index
from generator.graph.knowledge import build_graph
from generator.records.validate import validate_content
from generator.site.story import INVOLVES, MOST_INVOLVED, most_involved
from generator.site.tracking import TrackedIndex
from generator.thai import thai_sorted
from tests.conftest import CONTENT


def every_count_sorted(index: SiteIndex, records: list[str]) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    for record_id in dict.fromkeys(records):
        counts.update(i for i in index.neighbours(record_id, INVOLVES) if index.kind_of(i) == "stakeholder")
    ranked = thai_sorted(counts, key=index.title_of)
    ranked.sort(key=counts.__getitem__, reverse=True)
    return [(i, counts[i]) for i in ranked[:MOST_INVOLVED]]


def test_the_most_involved_are_those_of_a_sort_of_every_stakeholder(tmp_path: Path) -> None:
    write_corpus(CONTENT, tmp_path / "content", 300)
    records = validate_content(tmp_path / "content").records
    index = build_index(records, build_graph(records))
    meetings = index.of_kind("meeting")
    found = [most_involved(TrackedIndex(index), chosen) for chosen in (meetings, meetings[:40], meetings[:3])]
    assert found == [every_count_sorted(index, chosen) for chosen in (meetings, meetings[:40], meetings[:3])]
    assert len({n for _, n in found[0]}) > 1 and {n for _, n in found[2]} == {1}  # cut at a count, and all tied
