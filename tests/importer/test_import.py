"""kb import on the five seed posts, the Thai date forms and traps, kb new, pre-commit."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.importer.dates import find_dates, meeting_date, meeting_time
from generator.importer.extract import extract, find_provinces
from generator.importer.hashtags import find_hashtags, shorten
from generator.importer.people import find_people
from generator.records.validate import validate_content
from tests.conftest import CONTENT, ROOT, SEEDS

SEED_MEETINGS = {"000": "2025-04-10-kkp12-vulnerable-groups", "001": "2020-07-07-manang-vulnerable-groups",
                 "002": "2022-05-12-chumphon-coordination-centre",
                 "003": "2020-01-06-region12-informal-workers", "004": "2021-08-03-region10-covid-charter"}


def seed(number: str) -> Path:
    return next(SEEDS.glob(f"{number}_*.txt"))


@pytest.fixture(scope="module")
def demo():  # type: ignore[no-untyped-def]
    return validate_content(CONTENT)


@pytest.mark.parametrize("number", sorted(SEED_MEETINGS))
def test_seed_matches_the_hand_made_record(demo, number: str) -> None:  # type: ignore[no-untyped-def]
    found = extract(seed(number).read_text("utf-8"), demo.records)
    record = demo.by_id()[SEED_MEETINGS[number]].data
    assert found.title == record["title"]
    assert found.date is not None and found.date.isoformat() == record["date"]
    assert found.hashtags == [shorten(tag) for tag in record.get("hashtags", [])]  # at most 60 characters
    assert len(found.photos) == sum(1 for m in record.get("media", []) if m["kind"] == "photo" and "file" not in m)
    expected = set(record.get("organizers", [])) | {a["who"] for a in record.get("attendees", [])}
    if record.get("reporter") in demo.by_id():
        expected.add(record["reporter"])
    assert expected <= set(found.stakeholders.values())


@pytest.mark.parametrize(("text", "expected"), [
    ("10 เมษายน 2568 คณะกรรมการ", date(2025, 4, 10)),
    ("วันที่ ๗ กรกฎาคม ๒๕๖๓  นัดหมาย", date(2020, 7, 7)),
    ("ในวันที่ 12  พฤษภาคม 65  รร.ศรียาภัย", date(2022, 5, 12)),
    ("วันพฤหัสบดีที่ 5 มีนาคม 2564", date(2021, 3, 5)),
    ("วันที่5มีค.64", date(2021, 3, 5)),
    ("๒๑-๒๒ มิย. ๖๑ ณ ศาลากลาง", date(2018, 6, 21)),
    ("ประชุม 10 เม.ย. พ.ศ.2568", date(2025, 4, 10)),
    ("ประชุม 1 ต.ค.2563", date(2020, 10, 1)),
    ("ประชุม 3 ธันวาคม 2021", date(2021, 12, 3)),
    ("ประชุม 9 กรกฏาคม 2562", date(2019, 7, 9)),
    ("ประชุม 15 เมย. 67", date(2024, 4, 15)),
])
def test_date_forms(text: str, expected: date) -> None:
    assert meeting_date(text) == expected


@pytest.mark.parametrize("text", [
    "โพสต์เมื่อ 12 พ.ค. 2565 10:32 น.",      # a posting timestamp
    "12 พ.ค. 2565 10:32",                     # a timestamp without words
    "แผนยุทธศาสตร์ 2566-2570",                # a year range in a title
    "การประชุมครั้งที่ 3/2565",                # a meeting number
    "งบประมาณปี 65",                          # a year alone
    "วันที่ 31 กุมภาพันธ์ 2564",               # no such day
])
def test_date_traps(text: str) -> None:
    assert meeting_date(text) is None


def test_day_and_month_without_a_year_is_not_a_date() -> None:
    assert [f.value for f in find_dates("นัดหมาย 25 เมษายนนี้")] == [None]
    assert meeting_date("นัดหมาย 25 เมษายนนี้") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("เวลา 09.00 -12.00 น.", "09:00-12:00"), ("เวลา ๑๓.๓๐ น.", "13:30"), ("เวลา 13:00-16:30 น.", "13:00-16:30"),
    ("ตั้งแต่ 8.30 ถึง 12.00 น.", "08:30-12:00"), ("ไม่มีเวลา", None),
])
def test_times(text: str, expected: str | None) -> None:
    assert meeting_time(text) == expected


def test_provinces_are_whole_names_only() -> None:
    assert find_provinces("โรคแพร่กระจายอย่างรวดเร็ว") == []
    assert find_provinces("ประชุมที่จ.แพร่ และจังหวัดน่าน") == ["แพร่", "น่าน"]
    assert find_provinces("พมจ.ตรัง,สตูล,ยะลา") == ["ตรัง", "สตูล", "ยะลา"]


def test_people_not_job_titles() -> None:
    text = "นายกอบจ.ตรัง กล่าวเปิด นายแพทย์สาธารณสุขจังหวัด นพ.ทวีศิลป์ วิษณุโยธิน และนางสาวยุรี แก้วชูช่วง"
    assert [p.name for p in find_people(text)] == ["นพ.ทวีศิลป์ วิษณุโยธิน", "นางสาวยุรี แก้วชูช่วง"]


def test_hashtags_keep_marks_and_spaces() -> None:
    text = "ข้อความ #สุขภาวะ ต่อ\n#กขป.เขต 12\n#เรียนรู้เติมเต็มต่อยอดขยายผล"
    assert find_hashtags(text) == ["#สุขภาวะ", "#กขป.เขต 12", "#เรียนรู้เติมเต็มต่อยอดขยายผล"]


def test_abbreviations_glued_to_words_are_found(demo) -> None:  # type: ignore[no-untyped-def]
    found = extract("ประชุม\n\nหารือระดับจังหวัด(สสจ.) และสปสช.เขต 12ได้สนับสนุน", demo.records)
    assert {"ppho", "nhso-region-12"} <= set(found.stakeholders.values())


def test_import_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(seed("004")), "--json", "--content", str(CONTENT)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"title", "date", "time", "provinces", "organizations", "people", "hashtags", "topics",
                         "photos"}
    assert data["topics"]["covid-19"] == ["โควิด 19", "โควิด-19", "โควิด"]  # each as written, longest first
    assert data["topics"]["health-charter"] == ["ธรรมนูญสุขภาพ"]
    assert data["date"] == "2021-08-03" and data["time"] == "09:00-12:00"
    assert data["provinces"] == ["อุบลราชธานี", "ยโสธร", "ศรีสะเกษ", "อำนาจเจริญ", "มุกดาหาร"]
    assert "นพ.ทวีศิลป์ วิษณุโยธิน" in data["people"]


@pytest.mark.parametrize("number", sorted(SEED_MEETINGS))
def test_import_writes_valid_drafts_and_never_overwrites(tmp_path: Path, number: str) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    before = {p: p.read_bytes() for p in content.rglob("*.yaml")}
    assert main(["import", str(seed(number)), "--content", str(content)]) == 0
    assert main(["import", str(seed(number)), "--content", str(content)]) == 0
    assert all(p.read_bytes() == data for p, data in before.items())
    drafts = sorted((content / "meetings").glob("*-meeting*.yaml"), key=lambda p: len(p.stem))
    assert len(drafts) == 2 and drafts[1].stem == drafts[0].stem + "-2"
    record = yaml.safe_load(drafts[0].read_text("utf-8"))
    assert record["body"].count("\n") > 5
    assert drafts[0].read_text("utf-8").startswith("# yaml-language-server: $schema=../../schemas/meeting")


def test_import_into_empty_content_drafts_people(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    assert main(["import", str(seed("003")), "--content", str(content)]) == 0
    people = [yaml.safe_load(p.read_text("utf-8")) for p in (content / "stakeholders").glob("*-person-*.yaml")]
    assert {"name": "แสงอรุณ อิสระมาลัย", "honorific": "ผศ.ดร."}.items() <= next(
        p for p in people if p["name"] == "แสงอรุณ อิสระมาลัย").items()


def test_kb_new_writes_a_skeleton_and_never_overwrites(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    assert main(["new", "meeting", "--id", "2026-01-05-x", "--content", str(content)]) == 0
    assert main(["new", "meeting", "--id", "2026-01-05-x", "--content", str(content)]) == 0
    first = (content / "meetings" / "2026-01-05-x.yaml").read_text("utf-8")
    assert first.startswith("# yaml-language-server: $schema=../../schemas/meeting.schema.json")
    assert "# สถานที่: สถานที่ประชุม" in first and f'date: "{date.today().isoformat()}"' in first
    assert (content / "meetings" / "2026-01-05-x-2.yaml").exists()
    assert "\ndraft: true\n" in first  # a new record is a draft until the reporter removes the line
    found = validate_content(content).diagnostics
    assert [(d.code, d.severity) for d in found] == [("empty-value", "warning")] * 2  # each one's title


def test_pre_commit_hook_runs_kb_validate() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hooks[0]["id"] == "kb-validate" and hooks[0]["entry"] == "kb validate"
    assert shutil.which("kb") or (ROOT / ".venv" / "bin" / "kb").exists()
