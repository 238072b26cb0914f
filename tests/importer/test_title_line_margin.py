"""The headline model's line over the rules' at a lower margin than its 'no headline' (issue 27,
27ar): on posts of sites the rules had not read, the rules took a site line (a slogan, a section
label) that the model, trained without those sites, saw through with a chance of 0.5-0.7; at
the one margin of 0.9 the rules' site line stood. Leave-set-out over the read sets, against the
rules before each set was read: 445 -> 452 of 521 posts right (train_titles --evaluate). And a
site's title bar ('<name> - <what it is> - <abbreviation>') is a site line, never a headline."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.bench import train_titles
from generator.importer.extract import prepared
from generator.importer.title import content_lines, find_title
from generator.importer.title_model import shipped
from tests.conftest import ROOT, SEEDS

FIXTURES = ROOT / "tests/fixtures/posts"
TITLE_BAR = "กองทุนสุขภาพตำบล - กองทุนหลักประกันสุขภาพท้องถิ่น - กปท"


@pytest.fixture(scope="module")
def examples() -> list[train_titles.Example]:
    return train_titles.read_all()


def test_the_shipped_line_margin_is_below_the_no_headline_margin() -> None:
    model = shipped()
    assert model is not None and model.line_margin < model.margin
    data = yaml.safe_load(train_titles.MODEL_FILE.read_text("utf-8"))
    assert data["line_margin"] == model.line_margin


@pytest.mark.parametrize(("name", "file", "site_line", "headline"), [
    # https://www.nationtv.tv/main/content/378548848: the news site's slogan above every post
    ("heldout15", "h15-26.txt", "ทุกสนามข่าว เราคือตัวจริง", "สร้าง อสม.เชี่ยวชาญสุขภาพจิต 878 อำเภอ"),
    # https://news.lpru.ac.th/มร-ลป-ร่วมพิธีถวายราชสด/: the university's public-relations section
    ("heldout14", "h14-10.txt", "งานประชาสัมพันธ์ มหาวิทยาลัยราชภัฏลำปาง",
     "มร.ลป. ร่วมพิธีถวายราชสดุดีเทิดพระเกียรติสมเด็จพระศรีนครินทราบรมราชชนนีประจำปี 2565"),
])
def test_the_models_line_stands_over_a_site_line_the_rules_had_not_read(
        examples: list[train_titles.Example], name: str, file: str, site_line: str, headline: str) -> None:
    groups = train_titles.VARIANTS[train_titles.SHIPPED]
    model = train_titles.train((ex for ex in examples if ex.group != name), groups)  # as on an unseen site
    post = [ex for ex in examples if ex.group == name and ex.file == file and ex.mode == "one" and ex.scored]
    assert post[0].before == site_line  # what the rules titled it before its set was read
    scored = train_titles.apply(model, post, groups, "before")[0]
    shipped_model = shipped()
    assert shipped_model is not None
    # 27ar: 0.5-0.7 over the site line, so at one margin of 0.9 the rules' site line stood. Trained with
    # held-out 20 and 21 read the fold models are surer (0.94 on h15-26, 0.91 on h14-10, above 0.9): the
    # headline, the annotated one, now stands at either margin
    assert scored.choice.sureness - scored.choice.chance_of(post[0].cands, site_line) > 0.5
    assert scored.combined(shipped_model.margin, shipped_model.line_margin) == headline


def test_a_sites_title_bar_is_no_headline() -> None:
    """https://localfund.happynetwork.org/project/2447/info.action.view/67287 (held-out 4, h4-22) and
    seed 003, of the same site: its name, what it is and its abbreviation, joined by dashes. The
    model, free of the rules' site-line lists, took it for seed 003's headline at a line margin
    under 0.55."""
    post = prepared((FIXTURES / "heldout4/h4-22.txt").read_text("utf-8"))
    assert TITLE_BAR in post.splitlines()
    assert TITLE_BAR not in content_lines(post)
    seed = prepared(next(Path(SEEDS).glob("003_*.txt")).read_text("utf-8"))
    assert find_title(seed)[0] == "ประชุมคณะทำงานระดับเขต12สงขลา(ทีมบริหารโครงการฯ)"
    assert "ประชุม 10 - 12 มีนาคม 2568 ณ ห้องประชุม" in content_lines("ประชุม 10 - 12 มีนาคม 2568 ณ ห้องประชุม")
