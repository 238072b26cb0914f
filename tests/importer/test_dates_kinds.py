"""The meeting's date by kind of miss (issue 27, 27bb): each post below was read wrong before
its rule (the read sets through held-out 23, kinds counted by sites in
generator/bench/site_folds_history.md), and the posts after each group's '# kept' are ones the
rule must leave as they were. The rules were drawn from the sets through held-out 21; held-out
22's h22-19 was read right by them before anyone read that set; h22-20 and h23-14 widened two
rules after it was read."""

from __future__ import annotations

from datetime import date

import pytest

from generator.importer.dates import meeting_date
from generator.importer.extract import prepared
from tests.conftest import FIXTURES

POSTS = FIXTURES / "posts"


def read(post: str) -> date | None:
    return meeting_date(prepared((POSTS / f"{post}.txt").read_text("utf-8")))


@pytest.mark.parametrize(("post", "day"), [
    ("heldout7/h7-16", date(2023, 10, 2)),    # 'เมื่อวันที่ 2 ตุลาคมที่ผ่านมา' posted '4 October 2023'
    ("heldout18/h18-22", date(2018, 12, 12)),  # 'เมื่อวันที่ 12 ธันวาคม ที่ผ่านมา' at 'ครั้งที่ 11 พ.ศ. 2561'
    ("heldout20/h20-06", date(2019, 7, 4)),   # 'วันนี้(4 ก.ค.)' at 'ครั้งที่ 1 พ.ศ.2562'
    ("heldout22/h22-20", date(2021, 6, 7)),   # 'วันนี้ (7 มิถุนายน)' under the bar '07.06.2021'
    # kept
    ("heldout9/h9-18", None),                 # 'เมื่อวันที่ 17 มิ.ย.': 'ในปี 2567' is a target, not the post's year
    ("heldout21/h21-19", None),               # 'เมื่อวันที่ 29 พ.ย. ที่ผ่านมา' of a project 'ประจำปี 2567': a budget year
    ("057", None),                        # 'ทุกวันที่ 20 มีนาคม ของทุกปี': every year's day, no event's
])
def test_a_day_and_month_take_the_posts_one_year(post: str, day: date | None) -> None:
    assert read(post) == day


@pytest.mark.parametrize(("post", "day"), [
    ("heldout22/h22-19", date(2017, 10, 20)),  # 'วันที่ 31 ตุลาคม 2560' under the headline, then 'เมื่อวันที่ 20 …'
    ("heldout17/h17-19", date(2021, 11, 19)),  # 'โพสเมื่อ : 24 พฤศจิกายน 2564' above 'เมื่อวันที่ 19 พฤศจิกายน 2564'
    ("heldout16/h16-02", date(2023, 12, 13)),  # '14 ธันวาคม 2566' under the headline, then 'วันนี้ (13 ธ.ค. 66)'
    ("heldout15/h15-24", date(2016, 5, 18)),   # '19 พฤษภาคม 2559 :: 09:05:35 am', then 'สัตหีบ – วันที่ 18 พ.ค.59 ที่…'
    ("heldout10/h10-21", date(2024, 2, 29)),   # 'วันที่ 10 พฤษภาคม 2567 เมื่อ วันที่ 29 กุมภาพันธ์ 2567 เวลา…'
])
def test_the_day_a_report_gives_beats_a_stamp_before_it(post: str, day: date) -> None:
    assert read(post) == day


@pytest.mark.parametrize(("post", "day"), [
    ("heldout15/h15-19", date(2021, 8, 30)),   # 'วันที่ 30 สิงหาคมถึง 3 กันยายน 2564': the start, in the end's year
    ("heldout9/h9-23", date(2013, 2, 27)),     # 'ระยะเวลาตามสัญญา 1 ตุลาคม 2012 - 31 ตุลาคม 2013' is a term
    ("heldout21/h21-08", None),                # 'ระยะเวลาของโครงการ 1 สิงหาคม 2560 – 31 ตุลาคม 2561'
    ("heldout18/h18-05", None),                # figures 'ตั้งแต่วันที่ 1 มกราคม ถึง 11 มีนาคม 2562'
    # kept
    ("heldout17/h17-23", date(2024, 6, 19)),   # a campaign 'เริ่มตั้งแต่ 19 มิถุนายน 2567 ถึง 31 กรกฎาคม 2567'
])
def test_ranges_ends_and_terms(post: str, day: date | None) -> None:
    assert read(post) == day


@pytest.mark.parametrize(("post", "day"), [
    ("heldout17/h17-22", None),                # '11 มิถุนายน 2568' under a notice's headline, a paragraph of its own
    ("heldout16/h16-22", None),                # '16 กุมภาพันธ์ 2022' under a photo's credit
    ("heldout12/h12-24", None),                # '22 กันยายน 2558 |' opening the page
    ("heldout15/h15-26", None),                # the bar 'วันเสาร์ ที่ 24 ตุลาคม พ.ศ. 2563'
    # kept
    ("007", date(2022, 8, 30)),            # '30 สิงหาคม 2565' and, on the next line, 'ที่ห้องประชุม…'
])
def test_a_bare_date_standing_alone_is_the_pages(post: str, day: date | None) -> None:
    assert read(post) == day


@pytest.mark.parametrize(("post", "day"), [
    ("heldout20/h20-05", None),                # '( ประกาศเมื่อวันที่ 14 ตุลาคม 2564 )'
    ("heldout13/h13-29", None),                # 'Daily Archives: , 2 กรกฎาคม 2567'
    ("heldout19/h19-04", None),                # 'โดย: น.อ.วิชัย ดีชัย [27 กันยายน 2553]'
])
def test_posting_lines(post: str, day: date | None) -> None:
    assert read(post) == day


@pytest.mark.parametrize(("post", "day"), [
    ("heldout3/h3-12", date(2021, 1, 26)),     # 'วันอังคารที่ 26 มกราคม 2563' of meeting 1/2564: a Tuesday in 2564
    ("heldout6/h6-19", date(2023, 12, 7)),     # 'วันพฤหัสที่ 7 ธันวาคม 2563' of meeting 4/2566: a Thursday in 2566
    # kept: the weekday is the slip, no year the post names fits it
    ("030", date(2021, 12, 16)),           # 'วันพุธที่ 16 ธันวาคม 2564' (a Thursday)
    ("heldout16/h16-03", date(2021, 6, 17)),   # 'วันจันทร์ที่ 17 มิถุนายน 2564' (a Thursday)
])
def test_a_year_its_weekday_does_not_fall_in(post: str, day: date) -> None:
    assert read(post) == day


@pytest.mark.parametrize(("post", "day"), [
    ("dev2/d2-07", None),                      # 'เฉลิมพระชนมพรรษา 6 รอบ 28 กรกฎาคม 2567'
    ("heldout14/h14-14", None),                # the same royal birthday on another site
    ("heldout23/h23-14", None),                # 'ทรงมีพระชนมายุ ครบ 5 รอบ 2 เมษายน 2558'
    ("heldout21/h21-11", None),                # 'มีการก่อตั้งชมรมอาสาสมัครโรงพยาบาลราชบุรี เมื่อวันที่ 20 สิงหาคม 2544'
])
def test_an_occasions_day_is_no_meetings(post: str, day: date | None) -> None:
    assert read(post) == day


@pytest.mark.parametrize(("post", "day"), [
    ("heldout21/h21-27", date(2024, 7, 5)),    # 'วันที่ 5 กรกฎาคม 2567' opens the stored page, the report under it
    ("heldout6/h6-17", date(2025, 6, 13)),     # 'วันศุกร์ที่ 13 มิถุนายน 2568' likewise, above a registration term
    # kept: a blog's heading, 'พ.ศ.' written, above a post that gives no day
    ("047", None),                             # 'วันพุธที่ 11 มกราคม พ.ศ. 2555'
    ("heldout17/h17-11", None),                # 'วันพฤหัสบดีที่ 31 ตุลาคม พ.ศ. 2556'
])
def test_a_reports_opening_day_is_no_blogs_heading(post: str, day: date | None) -> None:
    assert read(post) == day
