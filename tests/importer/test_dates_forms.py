"""The meeting's date in real posts of the read sets, as their writers put it: dots and words
between day and month ('4.กุมภาพันธ์', 'เดือน สิงหาคม'), an era cut to '..', misspelt months, a
numeric Buddhist-era date, 'วันที่ …' with the hour a meeting starts; and the dates that are not the
meeting's (a posting stamp on the minute, a founding day, a paper's issue, a site's date bar)."""

from __future__ import annotations

from datetime import date

import pytest

from generator.importer.dates import meeting_date
from tests.conftest import FIXTURES

POSTS = FIXTURES / "posts"


@pytest.mark.parametrize(("post", "day"), [
    ("heldout6/h6-06", date(2023, 3, 24)),    # 'วันที่ 24 มีนาคม .. 2566 เวลา 09.30 .': the era lost its letters
    ("heldout6/h6-10", date(2016, 8, 2)),     # under '…ฉบับลงประชามติ)”': a referendum is no resolution (มติ)
    ("heldout9/h9-02", date(2020, 2, 4)),     # 'วันอังคารที่ 4.กุมภาพันธ์ 2563'
    ("heldout12/h12-09", date(2024, 5, 29)),  # 'วันที่ 29 พฤษภาคา2567'
    ("heldout14/h14-03", date(2024, 7, 1)),   # 'วันนี้ (1 กรกรฎาคม 2567)'
    ("heldout14/h14-11", date(2023, 8, 23)),  # 'วันพุธ ที่ ๒๓ เดือน สิงหาคม ๒๕๖๖'
    ("heldout7/h7-03", date(2018, 6, 21)),    # 'วันที่ 21 มิถุนายน 2561 เวลา 9:30 น นาย…'
    ("heldout14/h14-29", date(2023, 3, 17)),  # 'วันที่ 17 มีนาคม 2566 เวลา 09:00 น.' under the bar '17 มี.ค. 66'
    ("heldout6/h6-09", date(2025, 8, 4)),     # 'วันที่ 4 สิงหาคม 2568 เวลา 10.00 น.' first: no blog's heading
    ("dev2/d2-08", date(2025, 12, 10)),       # the same, above '13 ธันวาคม 2568' further down
    ("heldout7/h7-09", date(2021, 4, 28)),    # 'วันที่ 28/4/2564 ประชุม…'
])
def test_the_meetings_date_as_the_post_writes_it(post: str, day: date) -> None:
    assert meeting_date((POSTS / f"{post}.txt").read_text("utf-8")) == day


@pytest.mark.parametrize(("post", "day"), [
    ("heldout9/h9-03", None),                 # 'วันที่ 22 ก.ย. 2561 เวลา 14:14 น.' under the headline: posted
    ("heldout14/h14-20", None),               # 'ก่อตั้งเมื่อ วันที่ ๓ เดือน มิถุนายน พ.ศ. ๒๕๕๔': founded
    ("heldout4/h4-17", None),                 # 'หนังสือพิมพ์เดลินิวส์ [ วันที่ 25/07/2560 ]': the paper's issue
    ("heldout14/h14-26", date(2010, 12, 16)),  # the bar 'จันทร์ ที่ 15 เดือน เมษายน พ.ศ.2556' is the page's
])
def test_dates_that_are_not_the_meetings(post: str, day: date | None) -> None:
    assert meeting_date((POSTS / f"{post}.txt").read_text("utf-8")) == day
