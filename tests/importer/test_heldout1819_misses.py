"""Held-out 18 and 19's misses, by kind (issue 27, 27at), and what reading them moved: each kind seen
on at least two sites, each rule checked on every read set's posts to fire on no right reading. The
real posts' own lines (tests/fixtures/posts; each post's URL is in its set's annotations.yaml and
below), and a post of an earlier set the rule was not drawn from beside the one it was."""

from __future__ import annotations

from generator.importer.organizations import find_organizations
from tests.importer.real_posts import line_of


def test_a_disabled_peoples_body_keeps_the_way_they_are_disabled() -> None:
    # https://owatmaid.com/… (h9-27): 'ชมรมผู้ปกครองคนพิการทางสติปัญญาฯและ…', the parents' club of people
    # with intellectual disabilities; the rules stopped at ทาง ('ชมรมผู้ปกครองคนพิการ', no body's name), which
    # the keeper trained with held-out 18 and 19 read weighs 0.554, over its 0.55
    found = find_organizations(line_of("heldout9/h9-27.txt", "ชมรมผู้ปกครองคนพิการทาง"), {})[0]
    assert "ชมรมผู้ปกครองคนพิการทางสติปัญญาฯ" in found and "ชมรมผู้ปกครองคนพิการ" not in found
    # https://th.postupnews.com/2022/09/Volunteer-Club-for-Persons-with-Disabilities-and-Underprivileged.html
    # (h7-21): the association of people with physical disabilities
    found = find_organizations(line_of("heldout7/h7-21.txt", "สมาคมคนพิการทาง"), {})[0]
    assert "สมาคมคนพิการทางการเคลื่อนไหวสากล" in found


def test_a_local_bodys_council_is_a_body_beside_the_local_body() -> None:
    # http://bankaonews.com/?p=175206 (h19-30): 'สมาชิกสภาองค์การบริหารส่วนจังหวัดสงขลา', the members of
    # the provincial council; the dictionary reads 'สมาชิกสภา' as one word, so no name started at สภา
    found = find_organizations(line_of("heldout19/h19-30.txt", "สมาชิกสภาองค์การ"), {})[0]
    assert {"สภาองค์การบริหารส่วนจังหวัดสงขลา", "องค์การบริหารส่วนจังหวัดสงขลา"} <= set(found)
    # http://www.sakaeopao.go.th/home/… (h17-17, a set read before, not drawn from): the same kind
    found = find_organizations(line_of("heldout17/h17-17.txt", "สมาชิกสภาองค์การ"), {})[0]
    assert "สภาองค์การบริหารส่วนจังหวัดสระแก้ว" in found


def test_a_council_members_seat_is_no_part_of_the_councils_name() -> None:
    # https://happynetwork.org/project/1510/operate.trainer/1 (h9-23): '…สมาชิกสภาเทศบาลเมืองปากพนัง เขต 3',
    # the member for the third ward: the council is the town's
    found = find_organizations(line_of("heldout9/h9-23.txt", "สมาชิกสภาเทศบาลเมืองปากพนัง"), {})[0]
    assert "สภาเทศบาลเมืองปากพนัง" in found
    assert "สภาเทศบาลเมืองปากพนัง เขต 3" not in found


def test_a_kind_of_local_body_alone_has_no_council_of_its_own() -> None:
    # https://www.pichaicity.go.th/9111 (h3-19): 'สมาชิกสภาเทศบาล', no place: the councils in general
    found = find_organizations(line_of("heldout3/h3-19.txt", "สมาชิกสภาเทศบาล"), {})[0]
    assert not [name for name in found if name.startswith("สภา")]


def test_a_world_body_is_found_glued_into_its_sentence() -> None:
    # https://tambonbuayai.go.th/activity/user_select_photo.php?news_id=191 (h18-26):
    # 'เนื่องจากองค์การอนามัยโลกเล็งเห็น…', the WHO with no space on either side
    assert "องค์การอนามัยโลก" in find_organizations(line_of("heldout18/h18-26.txt", "องค์การอนามัยโลก"), {})[0]
    # https://www.anamaibantum.com/2019/09/2562.html (h15-10) and http://www.baanmitratorn.com/news/…
    # (h16-27): sets read before, where no rule found it
    for post in ("heldout15/h15-10.txt", "heldout16/h16-27.txt"):
        assert "องค์การอนามัยโลก" in find_organizations(line_of(post, "องค์การอนามัยโลก"), {})[0]
    # https://www.theptarin.com/th/… (h18-17): 'สมาพันธ์เบาหวานโลก (IDF)', the International Diabetes Federation
    found = find_organizations(line_of("heldout18/h18-17.txt", "สมาพันธ์เบาหวานโลก"), {})[0]
    assert any(name.startswith("สมาพันธ์เบาหวานโลก") for name in found)


def test_a_days_name_is_no_world_body() -> None:
    # the same post: 'เดือนเบาหวานโลก', 'วันเบาหวานโลก', the world diabetes month and day
    found = find_organizations(line_of("heldout18/h18-17.txt", "สมาพันธ์เบาหวานโลก"), {})[0]
    assert not [name for name in found if name.startswith(("วัน", "เดือน"))]


def test_a_name_ends_before_its_bodys_resolution_or_thanks() -> None:
    # http://maethafasai.info/d_allrprt_dettt.php?qidns=1282 (h19-22): 'ตามอัตราที่คณะรัฐมนตรีเห็นชอบ',
    # the rate the cabinet approved
    found = find_organizations(line_of("heldout19/h19-22.txt", "คณะรัฐมนตรีเห็นชอบ"), {})[0]
    assert "คณะรัฐมนตรี" in found and "คณะรัฐมนตรีเห็นชอบ" not in found
    # https://newsdataonline.com/… (h19-09): 'คณะรัฐมนตรีมีมติเห็นชอบ…', the cabinet resolved
    found = find_organizations(line_of("heldout19/h19-09.txt", "คณะรัฐมนตรีมีมติ"), {})[0]
    assert not [name for name in found if "มีมติ" in name]
    # https://ropf.or.th/index.php/2015/09/15/activity-11/ (h18-06): 'มูลนิธิสายธารสุขใจขอขอบพระคุณ บริษัท…',
    # the foundation thanks a company
    found = find_organizations(line_of("heldout18/h18-06.txt", "ขอขอบพระคุณ"), {})[0]
    assert "มูลนิธิสายธารสุขใจ" in found

