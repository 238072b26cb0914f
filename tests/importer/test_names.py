"""Organisation names the way real posts write them (issue 27): long names with เพื่อ, ตาม, ใน,
ทุก or คน inside, bodies named กลุ่ม… or คณะ…, abbreviations a post defines for itself, and what
is not one body. Each sentence is from a real post of the dev set (tests/fixtures/posts/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.importer.dates import meeting_date
from generator.importer.organizations import find_organizations
from generator.importer.people import find_people

POSTS = Path(__file__).parent / "posts"


@pytest.mark.parametrize(("sentence", "name"), [
    ("อาทิ สภาคนพิการทุกประเภทแห่งประเทศไทย, สถาบันสิริธรเพื่อการฟื้นฟูสมรรถภาพทางการแพทย์แห่งชาติ, กระทรวงสาธารณสุข",
     "สถาบันสิริธรเพื่อการฟื้นฟูสมรรถภาพทางการแพทย์แห่งชาติ"),  # 041
    ("อาทิ สภาคนพิการทุกประเภทแห่งประเทศไทย, สถาบันสิริธร", "สภาคนพิการทุกประเภทแห่งประเทศไทย"),  # 041
    ("บลเปือยและคณะกรรมการกองทุนสุขภาพชุมชนตามรัฐธรรมนูญสุขภาพตำบลเปือย ให้การต้อนรับ นายแพทย์อำพล",
     "คณะกรรมการกองทุนสุขภาพชุมชนตามรัฐธรรมนูญสุขภาพตำบลเปือย"),  # 021
    ("ด้วยคณะกรรมการพัฒนาธรรมนูญสุขภาพคนตำบลสันป่าม่วง เทศบาลตำบลสันป่าม่วง เครือข่าย",
     "คณะกรรมการพัฒนาธรรมนูญสุขภาพคนตำบลสันป่าม่วง"),  # 045
    ("โดยสถาบันเสริมสร้างการเรียนรู้เพื่อชุมชนเป็นสุข (สรส.) โดยการสนับสนุน",
     "สถาบันเสริมสร้างการเรียนรู้เพื่อชุมชนเป็นสุข (สรส.)"),  # 053
    ("องค์กรของผู้บริโภค เจ้าหน้าที่มูลนิธิเพื่อผู้บริโภค เครือข่ายผู้บริโภค", "มูลนิธิเพื่อผู้บริโภค"),  # 039
    ("ได้มีการประชุมร่วมกับ เครือข่าย \"หยวกกล้วยเมืองคอน\" ณ ห้องประชุม", "เครือข่าย \"หยวกกล้วยเมืองคอน\""),  # 043
    ("โดยการสนับสนุนของมูลนิธิ ธนาคารไทยพาณิชย์ จำกัด มหาชน  ได้เชิญท่าน", "ธนาคารไทยพาณิชย์ จำกัด มหาชน"),  # 053
    ("คณะพยาบาลศาสตร์ มหาวิทยาลัยขอนแก่น จัดประชุม", "คณะพยาบาลศาสตร์ มหาวิทยาลัยขอนแก่น"),
    ("คณะแพทย์ศาสต์ มศว. องครักษ์ ร่วมกับ", "คณะแพทย์ศาสต์ มศว."),  # 004, as misspelt there
    ("ตามมติคณะรัฐมนตรี เมื่อ", "คณะรัฐมนตรี"),
    ("มอบหมายให้กลุ่มงานสาธารณสุขมูลฐาน สำนักงานสาธารณสุขจังหวัดกาญจนบุรี จัดการ", "กลุ่มงานสาธารณสุขมูลฐาน"),
])
def test_long_names_and_named_groups_are_whole(sentence: str, name: str) -> None:
    assert name in find_organizations(sentence, {})[0]


@pytest.mark.parametrize("sentence", [
    "กลุ่มเป้าหมายจำนวน 30 คน และกลุ่มผู้สูงอายุได้มีโอกาสมาพบปะ",  # kinds of people
    "คณะผู้บริหารเทศบาล ลงพื้นที่พร้อมคณะศึกษาดูงาน และคณะครู",  # delegations, parties of people
    "ให้ทุกวันที่ 20 มีนาคม ของทุกปี เป็นวันอสม.แห่งชาติ เพื่อเป็นการสร้างขวัญ",  # 046: a day
    "29 อปท.ชายแดนใต้ สนใจกระบวนการพัฒนาตามแนวทาง CDD",  # 052: a count of bodies
])
def test_kinds_days_and_counts_are_not_one_body(sentence: str) -> None:
    assert find_organizations(sentence, {})[0] == []


def test_a_post_defines_an_abbreviation_for_itself() -> None:
    """ศปจ. is the glossary's provincial health-security centre; this post (044) says it is its
    own coordination centre, and its later ศปจ. is that body, not another."""
    text = ("ศูนย์ประสานงานภาคีพัฒนาจังหวัดกระบี่ (ศปจ.) ได้เข้าร่วมประชุมกับคณะกรรมการขับเคลื่อนธรรมนูญสุขภาพตำบลเขาทอง "
            "ในเวทีนี้ ศปจ. ได้นำเสนอแผนงาน")
    found, linked = find_organizations(text, {"ศูนย์ประสานงานภาคีพัฒนาจังหวัดกระบี่": "krabi-centre"})
    assert found == ["ศูนย์ประสานงานภาคีพัฒนาจังหวัดกระบี่ (ศปจ.)", "คณะกรรมการขับเคลื่อนธรรมนูญสุขภาพตำบลเขาทอง"]
    assert linked == {"ศูนย์ประสานงานภาคีพัฒนาจังหวัดกระบี่ (ศปจ.)": "krabi-centre"}
    new = "สถาบันเสริมสร้างการเรียนรู้เพื่อชุมชนเป็นสุข (สรส.) จัดเวที และ สรส. ได้สรุปผล"  # 053, not in the glossary
    assert find_organizations(new, {})[0] == ["สถาบันเสริมสร้างการเรียนรู้เพื่อชุมชนเป็นสุข (สรส.)"]


def test_dates_of_ranges_issues_and_resolutions() -> None:
    assert str(meeting_date("ระหว่างวันที่ ๓ ถึง ๕ ตุลาคม ๒๕๖๒ ทำให้พี่น้องเครือข่าย")) == "2019-10-03"  # 058
    assert meeting_date("Untitledเดลินิวส์ (กรอบบ่าย) ฉบับวันที่ 09 มีนาคม พ.ศ. 2558\n\nเมื่อเร็ว ๆ นี้") is None  # 055
    assert meeting_date("โดยคณะรัฐมนตรีได้มีมติ เมื่อวันที่ 21 ธันวาคม พ.ศ.2536 ให้ทุกวันที่ 20 มีนาคม") is None  # 046


def test_rooms_named_after_people_and_reporting_verbs_are_no_people() -> None:
    assert find_people("ณ ห้องประชุมพลเอกเปรม ติณสูลานนท์ โรงพยาบาลสงขลา") == []  # 037
    assert find_people("นางบุศริณธญ์ เปิดเผยว่า ตามพระราชบัญญัติ") == []  # 055
    assert find_people("สภาพปัญหาด้านสุขภาพโดยรวมของประชาชนตำบลไผ่ อยู่ในระดับที่น่าเป็นห่วง") == []  # 047


def test_a_national_bodys_abbreviation_takes_no_glued_words() -> None:
    """dailytimesthai.com's headline: สช. proceeds (เดินหน้า), it is not 'สช.เดินหน้า…'; and '(ภาคกลาง)'
    after an assembly is its region, not an abbreviation the post defines."""
    text = (POSTS / "dailytimesthai-50243.txt").read_text("utf-8")
    found, _ = find_organizations(text, {})
    assert found[0] == "สมัชชาสุขภาพแห่งชาติ" and not [f for f in found if f.startswith(("สช.เ", "ภาคกลาง"))]
    assert find_organizations("สช.เดินหน้าระดมพลังภาคกลาง เตรียมเสนอวาระ", {})[0] == ["สช."]


def test_a_group_named_with_its_village_is_one_body() -> None:
    """Constructed on the pattern of savings groups' names (กลุ่มออมทรัพย์เพื่อการผลิต + village)."""
    assert find_organizations("และกลุ่มออมทรัพย์เพื่อการผลิตบ้านควนดินแดง ร่วมประชุม", {})[0] == \
        ["กลุ่มออมทรัพย์เพื่อการผลิตบ้านควนดินแดง"]
    assert find_organizations("และกลุ่มออมทรัพย์ ร่วมประชุม", {})[0] == []  # a kind of group, no place


def test_a_village_named_by_where_it_lies_keeps_its_whole_name() -> None:
    """044: 'ณ ห้องประชุม รพ.สต.บ้านในสระ' was listed as the attendee 'รพ.สต.บ้าน'."""
    assert find_organizations("ณ ห้องประชุม รพ.สต.บ้านในสระ ต.เขาทอง อ.เมือง จ.กระบี่", {})[0] == ["รพ.สต.บ้านในสระ"]


@pytest.mark.parametrize(("sentence", "name"), [
    ("ร่วมกับคณะกรรมการพัฒนาระบบบริการสุขภาพในพื้นที่ตำบลนาโหนด ได้จัดประชุม",
     "คณะกรรมการพัฒนาระบบบริการสุขภาพในพื้นที่ตำบลนาโหนด"),
    ("ร่วมกับคณะทำงานขับเคลื่อนงานในจังหวัดพัทลุงได้จัดประชุม", "คณะทำงานขับเคลื่อนงานในจังหวัดพัทลุง"),
    ("สำนักงานสาธารณสุขจังหวัดตรังในการประชุมครั้งนี้", "สำนักงานสาธารณสุขจังหวัดตรัง"),
])
def test_a_name_with_in_a_place_inside_ends_at_the_place(sentence: str, name: str) -> None:
    """Constructed on the pattern of committees named for an area ('…ในพื้นที่ตำบล…'); a name
    glued to the clause after it ends where the clause begins."""
    assert find_organizations(sentence, {})[0] == [name]
