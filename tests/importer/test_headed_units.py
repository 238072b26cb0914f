"""A body named only inside a person's title (generator/importer/headed_units.py, issue 27, 27ay):
the unit a head leads ('หัวหน้าฝ่าย…', 'ผอ.ส่วน…', 'หัวหน้างาน…', 'หัวหน้าแผนก…') and the temple an
abbot leads ('เจ้าอาวาสวัด…'), names no organisation word opens. The real posts' own lines
(tests/fixtures/posts; each post's URL is in its set's annotations.yaml and below); the first two
are of sites the rule was not drawn from (their units annotated as optional names)."""

from __future__ import annotations

from generator.importer.name_keeper import head_of
from generator.importer.organizations import find_organizations
from tests.importer.real_posts import line_of


def names(post: str, holding: str) -> list[str]:
    return find_organizations(line_of(post, holding), {})[0]


def test_a_unit_its_head_leads_is_named() -> None:
    # http://pabluktainews.com/… (h13-20): 'หัวหน้าฝ่ายส่งเสริมสุขภาพ กองสาธารณสุขและสิ่งแวดล้อม'
    assert "ฝ่ายส่งเสริมสุขภาพ" in names("heldout13/h13-20.txt", "หัวหน้าฝ่ายส่งเสริมสุขภาพ")
    # http://www.kkmuni.go.th/2017/article/news/4057/… (h5-08): 'ผอ.ส่วนบริการสาธารณสุขและสิ่งแวดล้อม'
    assert "ส่วนบริการสาธารณสุขและสิ่งแวดล้อม" in names("heldout5/h5-08.txt", "ผอ.ส่วนบริการ")
    # http://khlongyong.go.th/?p=10353 (h18-30): 'หัวหน้าฝ่ายปกครอง เป็นผู้กล่าวรายงาน…'
    assert "ฝ่ายปกครอง" in names("heldout18/h18-30.txt", "หัวหน้าฝ่ายปกครอง")
    # http://thaidisabled.blogspot.com/p/blog-page.html (h19-14): 'หัวหน้างานกายภาพบำบัด รพ.…'
    assert "งานกายภาพบำบัด" in names("heldout19/h19-14.txt", "หัวหน้างานกายภาพบำบัด")


def test_a_temple_its_abbot_leads_is_named() -> None:
    # https://tvburabha.com/program/view/4690 (h21-10): 'เจ้าอาวาสวัดกรับพวงเหนือ เจ้าคณะตำบล…'
    assert "วัดกรับพวงเหนือ" in names("heldout21/h21-10.txt", "เจ้าอาวาสวัดกรับพวงเหนือ")
    assert head_of("วัดกรับพวงเหนือ") == head_of("ฝ่ายปกครอง") == "unit"  # the keeper weighs them as one kind


def test_the_heads_of_government_offices_name_no_unit() -> None:
    # https://www.suphan.go.th/content-5-18508.html (h6-22): 'หัวหน้าส่วนราชการ' is every office's head
    found = names("heldout6/h6-22.txt", "หัวหน้าส่วนราชการ")
    assert not [name for name in found if name.startswith("ส่วน")]
    assert find_organizations("ทั้งสองฝ่ายได้ร่วมกันทำงานวันเด็ก", {})[0] == []
