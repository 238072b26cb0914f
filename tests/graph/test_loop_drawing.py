"""A feedback loop drawn alone for the presentation view (issue 25): its factors round an
ellipse, no two neighbours touching, only the loop's own links, small enough that a screen
beside the loop list (about 890×730 px at 1280×800) shows its 12-pt labels at 20 px."""

from __future__ import annotations

import html
import re

import pytest

from generator.graph.diagrams import feedback_loops, render
from generator.graph.loop_drawing import box, crowded, ellipse, loop_dot, loop_svg
from generator.records.validate import validate_content
from tests.conftest import CONTENT

MAPS = ("kkp12-vulnerable-groups", "kkp12-long-term-care")
VIEW = (890, 730)  # pixels: the presentation view's map at 1280×800 (tests/maplabels.py measures it)


def test_neighbours_never_crowd_however_many_factors() -> None:
    for count in (1, 2, 3, 7, 12):
        sizes = [box(["ข้อความยาวสิบสองตัว", "สองบรรทัด"])] * count
        assert not crowded(ellipse(sizes), sizes), count


@pytest.mark.parametrize("map_id", MAPS)
def test_every_loop_drawn_alone_fits_a_screen_at_20_px(map_id: str) -> None:
    record = validate_content(CONTENT).by_id()[map_id]
    for loop in feedback_loops(record):
        dot = loop_dot(record, loop, {loop.nodes[0]: "../../proposals/x/"})
        assert dot.count(" -> ") == len(loop.nodes)  # the loop's own links, no others among its factors
        assert 'href="../../proposals/x/", target=_top' in dot  # a factor opens its page, as on the map
        svg = html.unescape(loop_svg(record, loop, {}, render).decode("utf-8"))  # Graphviz writes - as &#45;
        assert svg.startswith("<svg") and "Noto Sans Thai" in svg  # the page drawing's Thai font stack
        assert all(f'id="svg-{node}"' in svg for node in loop.nodes)
        found = re.search(r'viewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"', svg)
        assert found
        scale = min(VIEW[0] / float(found.group(1)), VIEW[1] / float(found.group(2)))
        assert 12 * scale >= 20, (loop.name, found.groups())
