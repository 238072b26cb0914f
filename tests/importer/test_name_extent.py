"""An organisation's name fitted to the span a reader annotates (generator/importer/name_extent.py),
on real post text from the read sets: each name below is what the rules of the commit before its
set was read, or a tagger trained without its set, reported (generator/bench/extent_unseen.py)."""

from __future__ import annotations

import pytest

from generator.importer.extract import extract
from generator.importer.name_extent import abbreviated_end, fitted_mentions, fitted_spans, initials_hold
from generator.importer.organizations import Mention
from generator.importer.tagger import Span
from generator.records.load import Record
from generator.records.validate import validate_content
from tests.conftest import CONTENT, ROOT

POSTS = ROOT / "tests" / "fixtures" / "posts"


def fit(post: str, reported: str, occurrence: int = 0) -> str:
    """The reported name, at its occurrence-th place in the post, as the extent step leaves it."""
    text = (POSTS / post).read_text("utf-8")
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(reported, start + 1)
    mention = Mention(start, start + len(reported), reported)
    return fitted_mentions(text, [mention], frozenset())[0].text


CUT_SHORT = [
    # 1: cut inside a place's name ('แก|ลง', 'โกรก|พระ')
    ("heldout2/g09.txt", "โรงพยาบาลแก", "โรงพยาบาลแกลง"),
    ("heldout2/g18.txt", "อบต.โกรก", "อบต.โกรกพระ"),
    # 2: a numbered body's number and province
    ("heldout2/g12.txt", "ศูนย์อนามัย", "ศูนย์อนามัยที่ 4 ราชบุรี"),
    ("heldout3/h3-07.txt", "ศูนย์อนามัย", "ศูนย์อนามัยที่ 2 พิษณุโลก"),
    # 3: the start of a glossary full name written on, with the province after its level
    ("heldout2/g10.txt", "สำนักงานพัฒนาสังคม", "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์  จังหวัดแม่ฮ่องสอน"),
    # 7: a name of two tasks and its place, glued over 'และ'
    ("heldout2/g11.txt", "ศูนย์พัฒนาคุณภาพชีวิต",
     "ศูนย์พัฒนาคุณภาพชีวิตและส่งเสริมอาชีพผู้สูงอายุองค์การบริหารส่วนจังหวัดลำปาง"),
    ("heldout2/g12.txt", "สมาคมผู้สูงอายุ", "สมาคมผู้สูงอายุและคลังปัญญาจังหวัดราชบุรี"),
    # 8: started inside a longer organisation word
    ("heldout3/h3-15.txt", "วิทยาลัยจุฬาภรณ์", "ราชวิทยาลัยจุฬาภรณ์"),
    ("heldout2/g03.txt", "เครือข่ายสมัชชาสุขภาพเชียงราย", "ภาคีเครือข่ายสมัชชาสุขภาพเชียงราย"),
    # 9: cut before the abbreviation the post gives the whole name (its syllables' initials)
    # https://www.scbfoundation.com/discussion/842/ (053): สรส. = สถา|บัน … เรียน|รู้ … เป็น|สุข
    ("053.txt", "สถาบันเสริมสร้างการเรียนรู้", "สถาบันเสริมสร้างการเรียนรู้เพื่อชุมชนเป็นสุข"),
    # https://online-news.biz/?p=68595 (040): อคม. = อนุ … ควบ … มาต (the cut name holds no ม)
    ("040.txt", "คณะอนุกรรมการควบคุมคุณภาพ", "คณะอนุกรรมการควบคุมคุณภาพและมาตรฐานบริการสาธารณสุข"),
]

RUN_ON = [
    # 4: a province written as the name's place closes it
    ("heldout4/h4-08.txt", "อบจ.ระยองสนับสนุน", "อบจ.ระยอง"),
    ("heldout4/h4-14.txt", "เทศบาลนครตรังจัดกิจกรรมอบรมให้ความรู้", "เทศบาลนครตรัง"),
    ("heldout4/h4-24.txt", "คณะกรรมการป้องกันและปราบปรามยาเสพติดจังหวัดชลบุรีต่อไป",
     "คณะกรรมการป้องกันและปราบปรามยาเสพติดจังหวัดชลบุรี"),
    ("heldout5/h5-09.txt", "สมัชชาสุขภาพจังหวัดนครราชสีมาจัดตั้งเวทีสมัชชาสุขภาพจังหวัดนครราชสีมา",
     "สมัชชาสุขภาพจังหวัดนครราชสีมา"),
    # 5: an auxiliary after a name its place closes; a quote opened after the name
    ("heldout3/h3-16.txt", "ศูนย์สุขภาพชุมชนพรเจริญจึง", "ศูนย์สุขภาพชุมชนพรเจริญ"),
    ("heldout5/h5-05.txt", "กองทุนหลักประกันสุขภาพเทศบาลตำบลหนองฉาง\"ปีงบประมาณ",
     "กองทุนหลักประกันสุขภาพเทศบาลตำบลหนองฉาง"),
    # 10: a word no name holds ends it, wherever it stands ('กว่า', 'ขึ้น', 'ที่ผ่านมา')
    ("042.txt", "เครือข่ายกลุ่มคนรักหลักประกันสุขภาพกว่า", "เครือข่ายกลุ่มคนรักหลักประกันสุขภาพ"),  # aidsaccess.com/detail.php?id=156
    ("heldout2/g20.txt", "ชมรมผู้สูงอายุบ้านทำนบแพ้วขึ้น", "ชมรมผู้สูงอายุบ้านทำนบแพ้ว"),  # mahachaicabletv.com
    ("heldout2/g16.txt", "สมัชชาสุขภาพแห่งชาติที่ผ่านมา", "สมัชชาสุขภาพแห่งชาติ"),  # morkhao.com/detail/region/22b2f93c…
    # 10: and a word joining two clauses ('แต่', 'ตลอดจน')
    ("dev2/d2-14.txt", "โรงพยาบาลหาดใหญ่แต่ต้องดูแลคนใน", "โรงพยาบาลหาดใหญ่"),  # scf.or.th/paper/717
    ("dev2/d2-29.txt", "สภาเทศบาลตลอดจนพนักงานเทศบาล", "สภาเทศบาล"),  # nakornban.net gallery.php?id=651
    # 6: the officer's title before the office
    ("heldout3/h3-17.txt", "นายแพทย์สาธารณสุขจังหวัดพังงา", "สาธารณสุขจังหวัดพังงา"),
]

LEFT_AS_IS = [
    ("heldout2/g05.txt", "ขบวนเครือข่ายเชียงรายล้านนาแห่งความสุข"),  # a province that is not the name's place
    ("heldout3/h3-06.txt", "องค์การบริหารส่วนตำบลโพธิ์เก้าต้น"),  # 'ต้น' ends a place, no adverb
    ("060.txt", "ชมรมผู้สูงอายุเทศบาลเมืองลำพูน"),  # 'ลำพูน' tagged an adverb, but a province
    ("heldout2/g09.txt", "โรงพยาบาลแกลง"),  # whole already: 'ลง' is no adverb inside a place
    ("heldout2/g12.txt", "ศูนย์อนามัยที่ 4 ราชบุรี"),
    ("014.txt", "คณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอ(พชอ.)"),
    ("heldout2/g05.txt", "เครือข่ายเชียงรายล้านนาแห่งความสุข"),  # 'ขบวน' before it is no organisation word
]


@pytest.mark.parametrize(("name", "abbreviation", "holds"), [
    ("คณะกรรมการเขตสุขภาพเพื่อประชาชน", "กขป.", True),  # คณะ|กรรม|การ|เขต|…|ประ|ชา|ชน
    ("สถาบันเสริมสร้างการเรียนรู้เพื่อชุมชนเป็นสุข", "สรส.", True),
    ("สถาบันเสริมสร้างการเรียนรู้", "สรส.", False),  # the last ส is สุข's, after the cut
    ("สสจ.ตรัง และโรงพยาบาลตรัง", "รพ.ตรัง", False),  # another body's letters, not this name's first
])
def test_an_abbreviation_is_its_names_syllables_initials(name: str, abbreviation: str, holds: bool) -> None:
    assert initials_hold(name, abbreviation) is holds


def test_a_name_does_not_run_on_over_another_body_to_its_abbreviation() -> None:
    text = "สสจ.ตรัง และโรงพยาบาลตรัง (รพ.ตรัง) ร่วมประชุม"
    assert abbreviated_end(text, 0, len("สสจ.ตรัง")) == len("สสจ.ตรัง")


@pytest.mark.parametrize(("post", "reported", "annotated"), CUT_SHORT)
def test_a_name_cut_short_is_completed(post: str, reported: str, annotated: str) -> None:
    assert fit(post, reported) == annotated


@pytest.mark.parametrize(("post", "reported", "annotated"), RUN_ON)
def test_a_name_run_on_is_trimmed(post: str, reported: str, annotated: str) -> None:
    assert fit(post, reported) == annotated


@pytest.mark.parametrize(("post", "name"), LEFT_AS_IS)
def test_a_name_of_the_right_extent_stays(post: str, name: str) -> None:
    assert fit(post, name) == name


def test_the_taggers_spans_are_fitted_with_their_confidence() -> None:
    text = (POSTS / "heldout4/h4-08.txt").read_text("utf-8")
    start = text.index("อบจ.ระยองสนับสนุน")
    span = Span(start, start + len("อบจ.ระยองสนับสนุน"), "อบจ.ระยองสนับสนุน", 0.7)
    assert fitted_spans(text, [span], frozenset()) == [Span(start, start + len("อบจ.ระยอง"), "อบจ.ระยอง", 0.7)]


def test_a_name_not_written_as_reported_is_left_alone() -> None:
    """A body named by a list's shared prefix ('พมจ.ตรัง,สตูล' → 'พมจ.สตูล') has no span of its own."""
    mention = Mention(10, 10, "พมจ.สตูล")
    assert fitted_mentions("พมจ.ตรัง,สตูล ร่วมประชุม", [mention], frozenset()) == [mention]


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return validate_content(CONTENT).records


@pytest.mark.parametrize(("post", "run_on"), [
    ("heldout5/h5-09.txt", "สมัชชาสุขภาพจังหวัดนครราชสีมาจัดตั้งเวทีสมัชชาสุขภาพจังหวัดนครราชสีมา"),
    ("014.txt", "คณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอ(พชอ."),
])
def test_kb_import_reports_the_fitted_name_only(records: list[Record], post: str, run_on: str) -> None:
    """Through kb import's extraction (rules, tagger and the extent step): the run-on name the
    tagger reported beside the rules' is gone, the body stays once."""
    found = extract((POSTS / post).read_text("utf-8"), records).organizations
    assert run_on not in found
    assert sum(name.startswith(run_on[:25]) for name in found) == 1
