"""The meeting's date on lines of real public pages from none of the annotated sets (issue 27,
27bb), found with the search tool after the rules of test_dates_kinds.py were written: what
they showed those rules getting wrong, each line quoted as the stored page has it."""

from __future__ import annotations

from datetime import date

import pytest

from generator.importer.dates import meeting_date
from generator.importer.extract import prepared

# https://nonsaat.go.th/activity/user_select_photo.php?news_id=76: the headline ends on a queen's
# birthday ('47 พรรษา 3 มิถุนายน 2568'); the activity's day stands on its own line, its hour under it
NONSAAT = ("กิจกรรมจิตอาสาปลูกป่าเฉลิมพระเกียรติ สมเด็จพระนางเจ้าสุทิดา พัชรสุธาพิมลลักษณ พระบรมราชินี "
           "เนื่องในโอกาสเฉลิมพระชนมพรรษา 47 พรรษา 3 มิถุนายน 2568\"\nวันศุกร์ ที่ 6 มิถุนายน 2568\n"
           "เวลา 09.00 น.\nนายชัชวาลย์ ทองชน นายอำเภอโนนสะอาด มอบหมายให้ นายเสถียร ถวายชัย "
           "ปลัดอำเภอหัวหน้ากลุ่มงานบริหารงานปกครอง เป็นประธานในการจัดกิจกรรมจิตอาสาปลูกป่าเฉลิมพระเกียรติ")
# http://www.chawnuer.org/index.php?route=content/content&path=1&content_id=18: the annual meeting
# of 2560 on 'Sunday 22 April', which fell on a Saturday in 2560 (a Sunday in 2561): no year
CHAWNUER = ("สมาคมชาวเหนือ จัดประชุมใหญ่สามัญประจำปี ๒๕๖๐\nเมื่อวันอาทิตย์ที่ ๒๒ เมษายน ที่ผ่านมา ณ ห้องรัชดา\n"
            "โรงแรมเอสซี ปาร์ค ชั้น ๖ โดยมีคณะกรรมการ สมาชิก")
# https://rcy11.blogspot.com/2020/09/blog-post.html: '88 พรรษา 12 สิงหาคม 2563' is the queen
# mother's birthday the planting honours; the planting's day is not given
RCY11 = ("สำนักงานยุวกาชาด สภากาชาดไทย รวมพลังอาสายุวกาชาด จังหวัดตราด ร่วมกันปลูกต้นมหาพรหมราชินี "
         "เพื่อสานต่อโครงการป่าที่ภักดี สภานายิกาสภากาชาดไทย เฉลิมพระชนมพรรษา 88 พรรษา 12 สิงหาคม 2563 "
         "และโอกาสก้าวสู่ 100 ปี ยุวกาชาดไทย ณ ศูนย์ราชการุณย์")


@pytest.mark.parametrize(("text", "day"), [
    (NONSAAT, date(2025, 6, 6)),   # was the birthday: 'N พรรษา' before a date is a jubilee like 'N รอบ',
                                   # and a bare date with 'เวลา …' under it is the event's, not a bar
    (CHAWNUER, None),              # was 22 April 2017, a Saturday
    (RCY11, None),
])
def test_lines_of_pages_no_set_holds(text: str, day: date | None) -> None:
    assert meeting_date(prepared(text)) == day
