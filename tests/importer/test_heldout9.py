"""What held-out set 9 showed the importer reporting that is no body (issue 27, the last mile),
once it was released and read: one test per kind fixed, on the real posts' own lines
(tests/fixtures/posts/heldout9; each post's URL is in its set's annotations.yaml). A name ends
before 'every day…' and 'only' (when or how much, never in a name) and before 'และ' once it has
reached its place's name (a name's place comes last); a rule's name the tagger, sure of itself,
reads on from the same first letter is the longer name, unless the rule's name was closed
('…แห่งประเทศไทย') or the longer one stops at an organisation word."""

from __future__ import annotations

from generator.importer.organizations import Mention, find_organizations
from generator.importer.tagger import Span
from generator.importer.tagger_names import combine, once
from tests.importer.real_posts import line_of


def names(text: str) -> list[str]:
    return find_organizations(text, {})[0]


def test_a_name_ends_before_every_day_and_before_only() -> None:
    # http://carbonfootprint.anamai.moph.go.th/News/View/121 (h9-25): 'at the hospital every Tuesday',
    # 'from farms in the network only': the hospital and the network alone are kinds, no body
    text = line_of("heldout9/h9-25.txt", "ทุกวันอังคาร")
    assert "โรงพยาบาลทุกวันอังคาร" not in names(text)
    assert not any("เท่านั้น" in name for name in names(line_of("heldout9/h9-25.txt", "เครือข่ายเท่านั้น")))


def test_a_name_that_has_reached_its_place_ends_before_and() -> None:
    # h9-25 (above): 'with the Land Development Department, หนองพลับ, and the district's agriculture office'
    assert "กรมพัฒนาที่ดินหนองพลับ" in names(line_of("heldout9/h9-25.txt", "หนองพลับและ"))
    # https://suratthani.go.th/home/news-announcement/executive-news/2024-08-07-01-27-12.html (d2-18):
    # 'สังคม' is a place's name too, but a plain word first
    name = "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสุราษฎร์ธานี"
    assert name in names(line_of("dev2/d2-18.txt", name))


def span(text: str, name: str, confidence: float) -> Span:
    start = text.index(name)
    return Span(start, start + len(name), name, confidence)


def rule(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name)


def test_a_rules_name_the_tagger_is_sure_reads_on_is_the_longer_name() -> None:
    # http://thammapakorn.dop.go.th/… (h9-21): the rules stop at 'จัด', which they read as a verb
    text = line_of("heldout9/h9-21.txt", "ศูนย์พัฒนาการ")
    full = "ศูนย์พัฒนาการจัดสวัสดิการสังคมผู้สูงอายุ    บ้านธรรมปกรณ์ (เชียงใหม่)"
    assert combine(text, [rule(text, "ศูนย์พัฒนาการ")], [span(text, full, 0.93)], "union") == [
        "ศูนย์พัฒนาการจัดสวัสดิการสังคมผู้สูงอายุ บ้านธรรมปกรณ์ (เชียงใหม่)"]
    # not when the tagger is unsure
    assert combine(text, [rule(text, "ศูนย์พัฒนาการ")], [span(text, full, 0.6)], "union") == ["ศูนย์พัฒนาการ"]


def test_a_closed_name_or_one_read_on_to_an_organisation_word_stays_as_the_rules_read_it() -> None:
    # https://www.tab.or.th/… (h7-15): the association, then its branch, another body
    text = line_of("heldout7/h7-15.txt", "สาขาภาคใต้ตอนบน")
    assert combine(text, [rule(text, "สมาคมคนตาบอดแห่งประเทศไทย")],
                   [span(text, "สมาคมคนตาบอดแห่งประเทศไทย สาขาภาคใต้ตอนบน", 0.87)], "union")[0] \
        == "สมาคมคนตาบอดแห่งประเทศไทย"
    # https://thethaiact.com/article/read.php?on=10175 (h9-05): 'สสส.|สำนัก| 9' read on to the organisation word only
    text = line_of("heldout9/h9-05.txt", "สสส.สำนัก")
    assert combine(text, [rule(text, "สสส.")], [span(text, "สสส.สำนัก", 0.91)], "union") == ["สสส."]


def test_a_name_written_twice_back_to_back_is_that_name_once() -> None:
    # https://www.lopburicity.go.th/2019/09/24/… (h9-15): the site's header runs its logo's text into its name
    text = line_of("heldout9/h9-15.txt", "เทศบาลเมืองลพบุรีเทศบาลเมืองลพบุรี")
    doubled = rule(text, "เทศบาลเมืองลพบุรีเทศบาลเมืองลพบุรี")
    assert combine(text, [doubled], [], "union") == ["เทศบาลเมืองลพบุรี"]
    assert once("เทศบาลนครนนทบุรี") == "เทศบาลนครนนทบุรี"
    assert once("อบต.นานา") == "อบต.นานา"  # a place's name may repeat a syllable: that is no name twice
