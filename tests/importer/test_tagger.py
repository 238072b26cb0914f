"""The learned organisation tagger (issue 27): trained deterministically from annotations, and
the shipped model finds, in real posts' text, bodies the hand rules miss (kb import reports them)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.bench.train_tagger import main as train_tagger
from generator.importer.extract import extract
from generator.importer.organizations import find_organizations
from generator.importer.tagger import MODEL, balanced, shipped
from generator.importer.tagger_names import learned_organizations

POSTS = Path(__file__).resolve().parents[1] / "fixtures" / "posts"
# lines of real posts: the dev set's 042.txt (a campaign group named in the headline) and
# held-out 5's h5-23.txt (the assembly's name misspelt สัมชชา, its province after a space)
CAMPAIGN = "คนรักหลักประกันสุขภาพ ค้านประยุทธ์แก้กฎหมายบัตรทอง"
MISSPELT = "สัมชชาสุขภาพ จังหวัดอุบลราชธานี เป็นปีแรก จะมีการจัดงานสมัชชาสุขภาพระดับจังหวัด ขึ้น"


def a_few_posts(folder: Path) -> Path:
    """Three dev-set posts with their annotations, as a set of their own."""
    folder.mkdir()
    annotations = yaml.safe_load((POSTS / "annotations.yaml").read_text("utf-8"))[:3]
    for post in annotations:
        (folder / post["file"]).write_text((POSTS / post["file"]).read_text("utf-8"), "utf-8")
    (folder / "annotations.yaml").write_text(yaml.safe_dump(annotations, allow_unicode=True), "utf-8")
    return folder


def test_training_twice_gives_the_same_model_file(tmp_path: Path) -> None:
    posts = a_few_posts(tmp_path / "posts")
    first, second = tmp_path / "first.crfsuite", tmp_path / "second.crfsuite"
    assert train_tagger(["--posts", str(posts), "--out", str(first)]) == 0
    assert train_tagger(["--posts", str(posts), "--out", str(second)]) == 0
    assert first.stat().st_size > 1000
    assert first.read_bytes() == second.read_bytes()


def test_training_gives_the_same_model_whatever_the_hash_seed(tmp_path: Path) -> None:
    posts = a_few_posts(tmp_path / "posts")
    for seed in ("1", "2"):
        subprocess.run([sys.executable, "-m", "generator.bench.train_tagger", "--posts", str(posts),
                        "--out", str(tmp_path / f"{seed}.crfsuite")], check=True, capture_output=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
    assert (tmp_path / "1.crfsuite").read_bytes() == (tmp_path / "2.crfsuite").read_bytes()


@pytest.mark.slow
def test_the_shipped_model_is_what_the_training_command_builds(tmp_path: Path) -> None:
    assert train_tagger(["--out", str(tmp_path / MODEL)]) == 0
    shipped_model = Path(__file__).resolve().parents[2] / "generator" / "data" / MODEL
    assert (tmp_path / MODEL).read_bytes() == shipped_model.read_bytes(), \
        "annotations, features or content/'s stakeholders changed: python -m generator.bench.train_tagger"


def test_the_shipped_model_tags_a_body_in_real_post_text() -> None:
    # held-out 5's h5-23: the assembly's name misspelt (สัมชชา), which no rule reads as a body
    # (trained on held-out 6–8 too, the model no longer tags 042's headless headline form
    # 'คนรักหลักประกันสุขภาพ'; the rules report the post's full 'เครือข่ายกลุ่มคนรัก…')
    tagger = shipped()
    assert tagger is not None
    assert [span.text for span in tagger.spans(MISSPELT)] == ["สัมชชาสุขภาพ จังหวัดอุบลราชธานี"]


def test_import_reports_bodies_the_rules_miss() -> None:
    # h5-23's misspelt assembly was the example while the keeper stood at 0.45; with held-out 16 read the
    # tagger no longer reads it on its post (its line alone still, test above) and the keeper's folds
    # choose 0.55 again. https://www.songkhlatoday.com/content/18875/ (d2-22): 'มูลนิธิแพธทูเฮลท์ (P2H)',
    # a foundation's transliterated name after a hyphen, which no rule reads with its abbreviation. With
    # held-out 18 and 19 read the shipped models report it as 'มูลนิธิแพธทูเฮลท์', a form its annotation
    # accepts too (the body found either way)
    assert "สัมชชาสุขภาพ จังหวัดอุบลราชธานี" not in find_organizations(MISSPELT, {})[0]
    post = (POSTS / "dev2" / "d2-22.txt").read_text("utf-8")
    assert "มูลนิธิแพธทูเฮลท์ (P2H)" not in find_organizations(post, {})[0]
    forms = {"มูลนิธิแพธทูเฮลท์ (P2H)", "มูลนิธิแพธทูเฮลท์"}  # d2-22's annotated forms of the body
    assert forms & set(learned_organizations(post, {})[0])
    assert forms & set(extract(post, []).organizations)


def test_import_links_a_tagged_name_to_its_known_stakeholder() -> None:
    found, linked = learned_organizations(CAMPAIGN, {"คนรักหลักประกันสุขภาพ": "health-security-lovers"})
    assert found == ["คนรักหลักประกันสุขภาพ"]
    assert linked == {"คนรักหลักประกันสุขภาพ": "health-security-lovers"}


def test_a_tagged_span_keeps_no_half_of_a_bracket_or_quote() -> None:
    for written, name in [("สมัชชาสังคมสูงวัยคนไทยอายุยืน)", "สมัชชาสังคมสูงวัยคนไทยอายุยืน"),
                          ("สภาองค์กรของผู้บริโภค (สอบ.)", "สภาองค์กรของผู้บริโภค (สอบ.)"),
                          ("“สมัชชาพังงาแห่งความสุข”", "“สมัชชาพังงาแห่งความสุข”"),
                          ("\"หยวกกล้วยเมืองคอน", "หยวกกล้วยเมืองคอน")]:
        start, end = balanced(written, 0, len(written))
        assert written[start:end] == name


# they judge the models: never trained on, never read (28 and 29 are being made: a listed set not yet on disk is fine)
UNREAD = {"heldout24", "heldout25", "heldout26", "heldout27", "heldout28", "heldout29"}


def test_both_models_train_on_every_read_set_and_on_no_unread_one() -> None:
    from generator.bench.train_tagger import READ_SETS as TAGGER_SETS
    from generator.bench.train_titles import READ_SETS as TITLE_SETS

    annotated = {"dev"} | {d.name for d in POSTS.iterdir() if (d / "annotations.yaml").is_file()}
    assert "dev2" in annotated
    assert set(TAGGER_SETS) == set(TITLE_SETS) == annotated - UNREAD, \
        "a new annotated set is either read (train on it) or unread (add it to UNREAD)"


def test_a_tagged_name_keeps_no_comma_of_the_list_it_stands_in() -> None:
    # https://thaiplus.sniperplatform.com/contents/1625 (held-out 13, h13-09):
    # '…, สำนักงานหลักประกันสุขภาพแห่งชาติ (สปสช.), กองโรคเอดส์…':
    # the tagger, sure of the name, read on over the comma after its bracket and stood for the rules'
    # right name: 'สำนักงานหลักประกันสุขภาพแห่งชาติ (สปสช.),' was reported, not a body's name
    line = next(line for line in (POSTS / "heldout13" / "h13-09.txt").read_text("utf-8").splitlines()
                if "สำนักงานหลักประกันสุขภาพแห่งชาติ (สปสช.)," in line)
    found = learned_organizations(line, {})[0]
    assert "สำนักงานหลักประกันสุขภาพแห่งชาติ (สปสช.)" in found
    assert not [name for name in found if name.endswith(",")]
