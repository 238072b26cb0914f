"""One test per failure issue 16 lists under "Why", each on the kind of text that showed it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.importer.extract import extract
from generator.importer.hashtags import MAX_TAG, find_hashtags
from generator.importer.organizations import find_organizations
from generator.importer.text import words
from generator.records.validate import validate_content
from tests.conftest import CONTENT

BODY = "\n\nวันที่ 5 มีนาคม 2567 ณ ห้องประชุมเทศบาล มีผู้เข้าร่วม 30 คน ร่วมหารือแนวทางการดำเนินงานในปีต่อไป"
# a draft with an error, not only blanks: Trang is in health region 12
REGION_MISMATCH = ("ประชุมคณะทำงาน กขป.เขต 3\n\nวันที่ 5 มีนาคม 2567 ณ ห้องประชุมศาลากลางจังหวัดตรัง จ.ตรัง "
                   "หารือแนวทางร่วมกับ อบต.นาโหนด")


@pytest.fixture(scope="module")
def demo():  # type: ignore[no-untyped-def]
    return validate_content(CONTENT).records


def import_into(tmp_path: Path, posts: dict[str, str], *extra: str) -> tuple[int, Path]:
    content = tmp_path / "content"
    if not content.exists():
        shutil.copytree(CONTENT, content)
    files = []
    for name, text in posts.items():
        (tmp_path / name).write_text(text, "utf-8")
        files.append(str(tmp_path / name))
    return main(["import", *files, "--content", str(content), *extra]), content


@pytest.mark.parametrize("chrome", [
    "BIGtheme.net http://bigtheme.net/ecommerce/opencart OpenCart Templates",
    "หน้าแรก » ภูมิภาค » ข่าวสุขภาพ",
    "Breaking News",
    "แชร์ข่าวนี้",
    "โพสต์โดย : admin เมื่อ 12 ก.พ. 2561 22:42:38 น.",
    "• banner\n• แบนเนอร์ 2",
])
def test_a_menu_line_is_never_the_title(demo, chrome: str) -> None:  # type: ignore[no-untyped-def]
    found = extract(f"{chrome}\n\n“สมัชชาสุขภาพจังหวัดน่าน ครั้งที่ 3”{BODY}", demo)
    assert found.title == "สมัชชาสุขภาพจังหวัดน่าน ครั้งที่ 3"


def test_a_post_that_opens_with_its_body_has_no_title_and_its_draft_asks_for_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, content = import_into(tmp_path, {"post.txt": BODY.strip()})
    draft = next((content / "meetings").glob("2024-03-05-meeting*.yaml")).read_text("utf-8")
    assert "# title:  # ไม่พบหัวข้อข่าว" in draft and "\ndraft: true" in draft
    out = capsys.readouterr().out  # a draft's missing title is a blank to fill in, not an error
    assert code == 0 and "warning missing-field" in out and "have blanks to fill in before publishing" in out


def test_a_heading_that_starts_with_a_hash_is_not_a_hashtag(demo) -> None:  # type: ignore[no-untyped-def]
    heading = ("#ลำปาง-อบจ.ลำปางลงพื้นที่ อ.วังเหนือ จัดทำแผนพัฒนาสุขภาพระดับพื้นที่ ภายใต้โครงการงานสาธารณสุข "
               "ประจำปีงบประมาณ พ.ศ.2566#")
    found = extract(f"{heading}{BODY}\n#สุขภาวะ #อบจ.ลำปาง\n#กขป.เขต 1", demo)
    assert found.title.startswith("ลำปาง-อบจ.ลำปางลงพื้นที่") and not found.title.endswith("#")
    assert found.hashtags == ["#สุขภาวะ", "#อบจ.ลำปาง", "#กขป.เขต 1"]
    assert find_hashtags("#“สปสช.เขต 3 นครสวรรค์ จัดประชุม”\n# เวลา 11.00 น. ประชุม") == []


def test_a_hashtag_ends_at_punctuation_and_never_inside_a_word() -> None:
    long_tag = "#รวมพลังร่วมสร้างสุขภาวะชุมชนท้องถิ่นอย่างยั่งยืนด้วยธรรมนูญสุขภาพตำบลของพวกเรา"
    assert len(long_tag) > MAX_TAG
    [tag] = find_hashtags(f"ขอบคุณทุกภาคส่วน {long_tag}")
    assert len(tag) <= MAX_TAG and long_tag.startswith(tag) and tag.startswith("#รวมพลังร่วมสร้างสุข")
    cut = len(tag) - 1
    ends = {sum(map(len, words(long_tag[1:])[:i])) for i in range(40)}
    assert cut in ends  # the tag stops where a Thai word stops
    assert find_hashtags("(#สุขภาวะ), #ธรรมนูญ. และ “#พชอ”") == ["#สุขภาวะ", "#ธรรมนูญ", "#พชอ"]


def test_a_person_is_found_with_the_role_written_after_the_name(tmp_path: Path, demo) -> None:  # type: ignore[no-untyped-def]
    text = f"ประชุมพชอ.เมืองขอนแก่น{BODY} โดยนายสมชาย ใจดี ผู้อำนวยการสำนักงานสาธารณสุขจังหวัดขอนแก่น กล่าวเปิด"
    found = extract(text, demo)
    assert found.people == ["นายสมชาย ใจดี"]
    assert found.roles == {"นายสมชาย ใจดี": "ผู้อำนวยการสำนักงานสาธารณสุขจังหวัดขอนแก่น"}
    assert "สำนักงานสาธารณสุขจังหวัดขอนแก่น" in found.organizations
    code, content = import_into(tmp_path, {"post.txt": text})
    meeting = yaml.safe_load(next((content / "meetings").glob("2024-03-05-meeting*.yaml")).read_text("utf-8"))
    people = [a for a in meeting["attendees"] if "-person-" in a["who"]]
    assert code == 0 and people[0]["role"] == "ผู้อำนวยการสำนักงานสาธารณสุขจังหวัดขอนแก่น"
    person = yaml.safe_load((content / "stakeholders" / f"{people[0]['who']}.yaml").read_text("utf-8"))
    assert (person["name"], person["honorific"]) == ("สมชาย ใจดี", "นาย")


def test_job_titles_and_honorific_chains(demo) -> None:  # type: ignore[no-untyped-def]
    text = ("นายกอบจ.ตรัง กล่าวเปิด นายอำเภอเมือง และนายกจีรทิปต์ ทวีสุข นายก อบต.ราชสถิตย์ กับนายกฤษดา สมประสงค์ "
            "ผศ.ดร.แสงอรุณ อิสระมาลัย พ.ต.ท.สมชาย ม่วงคำ พระมหานพดล สุวรรณเมธี และคุณภาพชีวิต ดีขึ้น")
    assert extract(text, demo).people == ["นายกจีรทิปต์ ทวีสุข", "นายกฤษดา สมประสงค์", "ผศ.ดร.แสงอรุณ อิสระมาลัย",
                                          "พ.ต.ท.สมชาย ม่วงคำ", "พระมหานพดล สุวรรณเมธี"]


def test_an_abbreviation_inside_a_word_is_no_body(demo) -> None:  # type: ignore[no-untyped-def]
    consumer_council = {"สอบ.": "consumer-council", "สอบ": "consumer-council"}
    assert find_organizations("ทดสอบระบบการส่งต่อ และสอบถามข้อมูล", consumer_council) == ([], {})
    assert find_organizations("ผู้แทน สอบ. ร่วมประชุม", consumer_council)[1] == {"สอบ.": "consumer-council"}
    written, _ = find_organizations("หารือร่วมกับสสจ.ตรัง และอบจ.สงขลาได้สนับสนุน", {})
    assert written == ["สสจ.ตรัง", "อบจ.สงขลา"]  # each keeps its place name


def test_a_numbered_body_matches_only_the_record_with_its_number(demo) -> None:  # type: ignore[no-untyped-def]
    region7 = extract(f"กขป.เขต 7 ประชุมคณะกรรมการ{BODY} ร่วมกับ กขป.เขต 7 และสปสช.เขต 7", demo)
    assert "kkp-region-10" not in region7.stakeholders.values()
    assert "nhso-region-12" not in region7.stakeholders.values()
    assert {"กขป.เขต 7", "สปสช.เขต 7"} <= set(region7.organizations)
    region10 = extract(f"กขป.เขต 10 ประชุม{BODY} กับสปสช.เขต 12", demo)
    assert {"kkp-region-10", "nhso-region-12"} <= set(region10.stakeholders.values())


def test_organisations_content_does_not_know_become_linked_drafts(tmp_path: Path) -> None:
    # the name stands apart from its verb, as posts write it: glued to ร่วมประชุม, the tagger trained
    # with held-out 14 reads 'มูลนิธิรักษ์ถิ่น' (ใต้ left out) and the keeper drops the rules' name (0.35)
    text = (f"มูลนิธิรักษ์ถิ่นใต้ ร่วมประชุม{BODY} กับโรงพยาบาลส่งเสริมสุขภาพตำบลบ้านควนดินแดง "
            "และเครือข่ายผู้สูงอายุจังหวัดพัทลุง ณ องค์การบริหารส่วนตำบลนาโหนด")
    code, content = import_into(tmp_path, {"post.txt": text})
    assert code == 0
    meeting = yaml.safe_load(next((content / "meetings").glob("2024-03-05-meeting*.yaml")).read_text("utf-8"))
    drafts = {a["who"]: yaml.safe_load((content / "stakeholders" / f"{a['who']}.yaml").read_text("utf-8"))
              for a in meeting["attendees"] if "-org-" in a["who"]}
    assert {d["name"] for d in drafts.values()} >= {"มูลนิธิรักษ์ถิ่นใต้", "โรงพยาบาลส่งเสริมสุขภาพตำบลบ้านควนดินแดง",
                                                    "เครือข่ายผู้สูงอายุจังหวัดพัทลุง", "องค์การบริหารส่วนตำบลนาโหนด"}
    assert all(d["kind"] == "organization" for d in drafts.values())


def test_a_failing_draft_elsewhere_does_not_fail_the_next_import(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = import_into(tmp_path, {"mismatch.txt": REGION_MISMATCH})
    first = capsys.readouterr().out
    assert code == 1 and "mismatch.txt" in first  # this run's draft has an error: listed, exit 1
    code, _ = import_into(tmp_path, {"dated.txt": f"ประชุมคณะทำงาน ครั้งที่ 2{BODY}"}, "--id", "second")
    out = capsys.readouterr().out
    assert code == 0
    assert "2024-03-05-meeting.yaml" in out and "not from this import" in out


def test_direction_marks_and_control_characters_of_a_web_post_do_not_reach_the_draft(tmp_path: Path) -> None:
    """Facebook wraps names in U+202A…U+202C; validation refuses them in titles and names."""
    text = f"\u202aประชุมคณะทำงาน\u202c ครั้งที่ 3\x08{BODY} #\u202bสุขภาวะ\u202c"
    code, content = import_into(tmp_path, {"post.txt": text})
    assert code == 0
    draft = next((content / "meetings").glob("2024-03-05-*.yaml")).read_text("utf-8")
    assert "ประชุมคณะทำงาน ครั้งที่ 3" in draft
    assert not any(c in draft for c in "\u202a\u202b\u202c\x08")


def test_an_id_taken_at_the_length_limit_still_fits(tmp_path: Path) -> None:
    from generator.importer.draft import ID_LIMIT, free_id

    wanted = "2024-03-05-" + "x" * 120
    (tmp_path / "meetings").mkdir()
    (tmp_path / "meetings" / f"{wanted[:ID_LIMIT]}.yaml").write_text("", "utf-8")
    taken = free_id(tmp_path, "meetings", wanted)
    assert len(taken) == ID_LIMIT and taken.endswith("-2")
