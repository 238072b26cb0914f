"""Every validation layer, with invalid fixtures and the exact diagnostic a reporter sees."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from generator.cli import main
from generator.records.validate import validate_content
from tests.conftest import FIXTURES

M = (FIXTURES / "valid" / "meetings" / "2025-04-10-kkp12.yaml").read_text("utf-8")
VG = (FIXTURES / "valid" / "systemmaps" / "vg-map.yaml").read_text("utf-8")
MT = "meetings/2025-04-10-kkp12.yaml"
BOMB = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True))


def meeting(old: str, new: str) -> str:
    assert old in M, old
    return M.replace(old, new, 1)


CASES = [
    ("unclosed-quote", {MT: meeting('title: กขป', 'title: "กขป')}, [
        'content/meetings/2025-04-10-kkp12.yaml:2:8: error yaml-unclosed-quote: เครื่องหมายคำพูดไม่ได้ปิด / a quoted string is not closed (แนะนำ / suggestion: ปิดเครื่องหมายคำพูดให้ครบ / add the closing quote)',
    ]),
    ("tab-indent", {MT: meeting("  - who: ppho-trang", "\t- who: ppho-trang")}, [
        'content/meetings/2025-04-10-kkp12.yaml:11:1: error yaml-tab: ใช้แท็บ (Tab) ในการย่อหน้า / a tab is used for indentation (แนะนำ / suggestion: ย่อหน้าด้วยเว้นวรรค 2 ช่อง / indent with two spaces)',
    ]),
    ("duplicate-key", {MT: meeting("mode: online", "mode: online\nmode: onsite")}, [
        "content/meetings/2025-04-10-kkp12.yaml:6:1: error duplicate-key: ฟิลด์ 'mode' ซ้ำ (มีแล้วที่บรรทัด 5) / duplicate key 'mode' (first at line 5)",
    ]),
    ("buddhist-year", {MT: meeting('date: "2025-04-10"', 'date: "2568-04-10"')}, [
        'content/meetings/2025-04-10-kkp12.yaml:3:7: error buddhist-year: ปี 2568 เป็น พ.ศ. ให้ใช้ ค.ศ. 2025 / year 2568 is Buddhist era; use 2025 (แนะนำ / suggestion: 2025-04-10)',
    ]),
    ("impossible-date", {MT: meeting('date: "2025-04-10"', 'date: "2025-02-30"')}, [
        "content/meetings/2025-04-10-kkp12.yaml:3:7: error impossible-date: ไม่มีวันที่ '2025-02-30' ในปฏิทิน / '2025-02-30' is not a real calendar date",
    ]),
    ("thai-digit-date", {MT: meeting('date: "2025-04-10"', 'date: "๒๐๒๕-๐๔-๑๐"')}, [
        "content/meetings/2025-04-10-kkp12.yaml:3:7: error thai-digits-date: วันที่ '๒๐๒๕-๐๔-๑๐' ใช้เลขไทย / date '๒๐๒๕-๐๔-๑๐' uses Thai digits (แนะนำ / suggestion: 2025-04-10)",
    ]),
    ("unquoted-date-ok", {MT: meeting('date: "2025-04-10"', 'date: 2025-04-10')}, [
    ]),
    ("bad-date-form", {MT: meeting('date: "2025-04-10"', 'date: 10 เมษายน 2568')}, [
        "content/meetings/2025-04-10-kkp12.yaml:3:7: error bad-date: วันที่ '10 เมษายน 2568' ต้องเขียนแบบ ปปปป-ดด-วว (ค.ศ.) / date '10 เมษายน 2568' must be written YYYY-MM-DD (Gregorian)",
    ]),
    ("unknown-ref", {MT: meeting("organizers: [ppho-trang]", "organizers: [ppho-songkhla]")}, [
        "content/meetings/2025-04-10-kkp12.yaml:8:14: error unknown-ref: ไม่พบภาคี 'ppho-songkhla' / no stakeholder with id 'ppho-songkhla' (แนะนำ / suggestion: ppho-trang)",
    ]),
    ("near-miss-ref", {MT: meeting("organizers: [ppho-trang]", "organizers: [ppho-trnag]")}, [
        "content/meetings/2025-04-10-kkp12.yaml:8:14: error unknown-ref: ไม่พบภาคี 'ppho-trnag' / no stakeholder with id 'ppho-trnag' (แนะนำ / suggestion: ppho-trang)",
    ]),
    ("wrong-kind-ref", {MT: meeting("areas: [tamnan-phatthalung]", "areas: [ppho-trang]")}, [
        "content/meetings/2025-04-10-kkp12.yaml:16:9: error wrong-kind-ref: 'ppho-trang' เป็นภาคี ไม่ใช่พื้นที่ต้นแบบ / 'ppho-trang' is a stakeholder, not an area",
    ]),
    ("id-mismatch", {MT: meeting("id: 2025-04-10-kkp12", "id: 2025-04-10-kkp-12")}, [
        "content/meetings/2025-04-10-kkp12.yaml:1:5: error id-mismatch: id '2025-04-10-kkp-12' ต้องตรงกับชื่อไฟล์ '2025-04-10-kkp12' / id '2025-04-10-kkp-12' must equal the file name '2025-04-10-kkp12' (แนะนำ / suggestion: 2025-04-10-kkp12)",
        "content/proposals/rights-access.yaml:9:10: error unknown-ref: ไม่พบการประชุม '2025-04-10-kkp12' / no meeting with id '2025-04-10-kkp12' (แนะนำ / suggestion: 2025-04-10-kkp-12)",
        "content/proposals/rights-access.yaml:14:14: error unknown-ref: ไม่พบการประชุม '2025-04-10-kkp12' / no meeting with id '2025-04-10-kkp12' (แนะนำ / suggestion: 2025-04-10-kkp-12)",
    ]),
    ("duplicate-id", {"topics/ppho-trang.yaml": "id: ppho-trang\ntitle: สสจ.ตรัง\n"}, [
        "content/topics/ppho-trang.yaml:1:5: error duplicate-id: id 'ppho-trang' ซ้ำกับ content/stakeholders/ppho-trang.yaml / id 'ppho-trang' is already used by content/stakeholders/ppho-trang.yaml",
    ]),
    ("wrong-type", {MT: meeting("participants: 32", "participants: สามสิบสอง")}, [
        "content/meetings/2025-04-10-kkp12.yaml:9:15: error wrong-type: 'participants' ต้องเป็นจำนวนเต็ม (ได้ สามสิบสอง) / 'participants' must be a whole number (got สามสิบสอง)",
    ]),
    ("thai-digit-count", {MT: meeting("participants: 32", "participants: ๓๒")}, [
        "content/meetings/2025-04-10-kkp12.yaml:9:15: error wrong-type: 'participants' ต้องเป็นจำนวนเต็ม (ได้ ๓๒) / 'participants' must be a whole number (got ๓๒) (แนะนำ / suggestion: 32)",
    ]),
    ("negative-count", {MT: meeting("participants: 32", "participants: -5")}, [
        "content/meetings/2025-04-10-kkp12.yaml:9:15: error out-of-range: 'participants' ต้องไม่น้อยกว่า 0 (ได้ -5) / 'participants' must be at least 0 (got -5)",
    ]),
    ("unknown-province", {MT: meeting("province: สงขลา", "province: สงขลาา")}, [
        "content/meetings/2025-04-10-kkp12.yaml:6:11: error unknown-province: ไม่มีจังหวัด 'สงขลาา' ใน 77 จังหวัด / 'สงขลาา' is not one of the 77 provinces (แนะนำ / suggestion: สงขลา)",
    ]),
    ("province-alias", {MT: meeting("province: สงขลา", "province: จ.สงขลา")}, [
        "content/meetings/2025-04-10-kkp12.yaml:6:11: error province-name: ใช้ชื่อจังหวัดเต็ม 'สงขลา' / write the province as 'สงขลา' (แนะนำ / suggestion: สงขลา)",
    ]),
    ("region-mismatch", {MT: meeting("health_region: 12", "health_region: 11")}, [
        'content/meetings/2025-04-10-kkp12.yaml:7:16: error region-mismatch: จังหวัดสงขลาอยู่เขตสุขภาพที่ 12 ไม่ใช่ 11 / สงขลา is in health region 12, not 11 (แนะนำ / suggestion: 12)',
    ]),
    ("region-out-of-range", {MT: meeting("health_region: 12", "health_region: 14")}, [
        "content/meetings/2025-04-10-kkp12.yaml:7:16: error out-of-range: 'health_region' ต้องไม่เกิน 13 (ได้ 14) / 'health_region' must be at most 13 (got 14)",
    ]),
    ("invalid-enum", {MT: meeting("mode: online", "mode: onlin")}, [
        "content/meetings/2025-04-10-kkp12.yaml:5:7: error invalid-value: 'mode' ไม่รับค่า 'onlin' (เลือกได้: onsite, online, hybrid) / 'mode' does not accept 'onlin' (choose: onsite, online, hybrid) (แนะนำ / suggestion: online)",
    ]),
    ("mode-no", {MT: meeting("mode: online", "mode: no")}, [
        "content/meetings/2025-04-10-kkp12.yaml:5:7: error invalid-value: 'mode' ไม่รับค่า 'no' (เลือกได้: onsite, online, hybrid) / 'mode' does not accept 'no' (choose: onsite, online, hybrid)",
    ]),
    ("misspelt-field", {MT: meeting("participants: 32", "participant: 32")}, [
        "content/meetings/2025-04-10-kkp12.yaml:9:1: error unknown-field: ไม่รู้จักฟิลด์ 'participant' / unknown field 'participant' (แนะนำ / suggestion: participants)",
    ]),
    ("missing-required", {MT: meeting('date: "2025-04-10"\n', '')}, [
        "content/meetings/2025-04-10-kkp12.yaml:1:1: error missing-field: ขาดฟิลด์ที่ต้องมี 'date' / required field 'date' is missing",
    ]),
    ("empty-file", {MT: ""}, [
        'content/meetings/2025-04-10-kkp12.yaml:1:1: error empty-file: ไฟล์ว่าง / the file is empty (แนะนำ / suggestion: ใช้ `kb new` สร้างระเบียน / use `kb new` to start a record)',
    ]),
    ("top-level-list", {MT: "- id: x\n- title: y\n"}, [
        'content/meetings/2025-04-10-kkp12.yaml:1:1: error not-a-mapping: ระเบียนต้องเป็นชุด ฟิลด์: ค่า ไม่ใช่รายการหรือข้อความ / a record must be a mapping of field: value, not a list or text',
    ]),
    ("not-utf8", {MT: b"id: x\ntitle: " + "กขป".encode("tis-620") + b"\n"}, [
        'content/meetings/2025-04-10-kkp12.yaml:2:8: error not-utf8: ไฟล์ไม่ได้เข้ารหัส UTF-8 (ไบต์ 0xa1) / file is not UTF-8 (byte 0xa1) (แนะนำ / suggestion: บันทึกไฟล์เป็น UTF-8 / save the file as UTF-8)',
    ]),
    ("python-tag", {MT: meeting("title: กขป.เขต 12 สุขภาวะกลุ่มเปราะบางทางสังคม", "title: !!python/object/apply:os.system ['touch pwned']")}, [
        'content/meetings/2025-04-10-kkp12.yaml:2:8: error yaml-tag: ไม่รับแท็ก YAML !!python/object/apply:os.system / YAML tag !!python/object/apply:os.system is not allowed (แนะนำ / suggestion: ลบแท็กออก / remove the tag)',
    ]),
    ("alias-bomb", {MT: "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"}, [
        'content/meetings/2025-04-10-kkp12.yaml:2:8: error yaml-alias: ไม่รับการอ้างอิง YAML (anchor/alias) / YAML aliases (*name) are not allowed (แนะนำ / suggestion: เขียนค่าซ้ำแทน / write the value out)',
    ]),
    ("unknown-map-node", {MT: meeting('leverage_points: ["vg-map#rights-awareness"]', 'leverage_points: ["vg-map#rights-awarenes"]')}, [
        "content/meetings/2025-04-10-kkp12.yaml:15:19: error unknown-node: ไม่มีโหนด 'rights-awarenes' ในแผนที่ 'vg-map' / no node 'rights-awarenes' in map 'vg-map' (แนะนำ / suggestion: vg-map#rights-awareness)",
    ]),
    ("unknown-link-node", {"systemmaps/vg-map.yaml": VG.replace("to: wellbeing", "to: well-being")}, [
        "content/systemmaps/vg-map.yaml:14:9: error unknown-node: ไม่มีโหนด 'well-being' ในแผนที่ 'vg-map' / no node 'well-being' in map 'vg-map' (แนะนำ / suggestion: wellbeing)",
    ]),
    ("bad-polarity", {"systemmaps/vg-map.yaml": VG.replace('polarity: "+"', "polarity: positive")}, [
        "content/systemmaps/vg-map.yaml:15:15: error invalid-value: 'links[1].polarity' ไม่รับค่า 'positive' (เลือกได้: +, -) / 'links[1].polarity' does not accept 'positive' (choose: +, -)",
    ]),
    ("parent-cycle", {"topics/social-wellbeing.yaml": "id: social-wellbeing\ntitle: สุขภาวะทางสังคม\nparent: vulnerable-groups\n"}, [
        'content/topics/social-wellbeing.yaml:3:9: error parent-cycle: parent วนกลับมาที่เดิม: social-wellbeing → vulnerable-groups → social-wellbeing / parent chain loops: social-wellbeing → vulnerable-groups → social-wellbeing',
    ]),
    ("bad-time", {MT: meeting('time: "09:00-12:00"', 'time: "09.00-12.00"')}, [
        "content/meetings/2025-04-10-kkp12.yaml:4:7: error bad-time: เวลา '09.00-12.00' ต้องเขียนแบบ 09:00-12:00 / time '09.00-12.00' must be written like 09:00-12:00 (แนะนำ / suggestion: 09:00-12:00)",
    ]),
    ("time-range-backwards", {MT: meeting('time: "09:00-12:00"', 'time: "12:00-09:00"')}, [
        "content/meetings/2025-04-10-kkp12.yaml:4:7: error bad-time-range: เวลาสิ้นสุดต้องหลังเวลาเริ่ม ('12:00-09:00') / the end time must be after the start time ('12:00-09:00')",
    ]),
    ("unquoted-time", {MT: meeting('time: "09:00-12:00"', 'time: 12:30')}, [
    ]),
    ("bad-id", {"topics/Bad Topic.yaml": "id: Bad Topic\ntitle: x\n"}, [
        "content/topics/Bad Topic.yaml:1:5: error bad-id: 'id' ใช้ได้เฉพาะ a-z 0-9 และ - (ได้ 'Bad Topic') / 'id' may use only a-z, 0-9 and '-' (got 'Bad Topic') (แนะนำ / suggestion: bad-topic)",
    ]),
    ("bad-url", {MT: meeting("body: |", "source:\n  url: javascript:alert(1)\nbody: |")}, [
        "content/meetings/2025-04-10-kkp12.yaml:25:8: error bad-url: ลิงก์ 'javascript:alert(1)' ต้องขึ้นต้นด้วย http:// หรือ https:// / link 'javascript:alert(1)' must start with http:// or https://",
    ]),
    ("missing-colon", {MT: meeting("mode: online", "mode online\nvenue: x")}, [
        "content/meetings/2025-04-10-kkp12.yaml:6:1: error yaml-missing-colon: ขาดเครื่องหมาย : หลังชื่อฟิลด์ / a ':' is missing after a field name (แนะนำ / suggestion: เขียนเป็น ฟิลด์: ค่า / write field: value)",
    ]),
    ("stray-file", {"notes.yaml": "id: notes\n"}, [
        'content/notes.yaml:1:1: error unknown-folder: ไฟล์ต้องอยู่ในโฟลเดอร์ชนิดระเบียน (areas, meetings, proposals, stakeholders, systemmaps, topics) / record files must sit in a kind folder (areas, meetings, proposals, stakeholders, systemmaps, topics)',
    ]),
    ("duplicate-list-item", {MT: meeting("organizers: [ppho-trang]", "organizers: [ppho-trang, ppho-trang]")}, [
        "content/meetings/2025-04-10-kkp12.yaml:8:26: error duplicate-item: 'organizers' มี 'ppho-trang' ซ้ำ / 'organizers' lists 'ppho-trang' twice",
    ]),
    ("many-files", {MT: meeting("mode: online", "mode: no"), "areas/tamnan-phatthalung.yaml": "id: tamnan-phatthalung\ntitle: x\nlevel: town\n", "stakeholders/chakrit-phocharuang.yaml": "id: chakrit-phocharuang\ntitle: x\nkind: person\n"}, [
        "content/areas/tamnan-phatthalung.yaml:3:8: error invalid-value: 'level' ไม่รับค่า 'town' (เลือกได้: village, subdistrict, district, province, region) / 'level' does not accept 'town' (choose: village, subdistrict, district, province, region)",
        "content/meetings/2025-04-10-kkp12.yaml:5:7: error invalid-value: 'mode' ไม่รับค่า 'no' (เลือกได้: onsite, online, hybrid) / 'mode' does not accept 'no' (choose: onsite, online, hybrid)",
        "content/stakeholders/chakrit-phocharuang.yaml:1:1: error missing-field: ขาดฟิลด์ที่ต้องมี 'name' / required field 'name' is missing",
    ]),
]


def write(tree: Path, files: dict[str, str | bytes]) -> None:
    for rel, text in files.items():
        path = tree / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_exact_diagnostics(valid_tree: Path, files: dict, expected: list[str]) -> None:
    write(valid_tree, files)
    content = validate_content(valid_tree)
    assert [d.format() for d in content.diagnostics] == expected
    assert content.ok == (not expected)


def test_at_least_thirty_distinct_bad_inputs() -> None:
    assert len({c[0] for c in CASES if c[2]}) >= 30


def test_valid_fixture_is_clean(valid_tree: Path) -> None:
    content = validate_content(valid_tree)
    assert content.diagnostics == []
    assert len(content.records) == 8


def test_alias_bomb_finishes_fast(valid_tree: Path) -> None:
    write(valid_tree, {MT: BOMB})
    started = time.perf_counter()
    content = validate_content(valid_tree)
    assert time.perf_counter() - started < 5  # a bomb expanded would take minutes and GBs
    assert [d.code for d in content.diagnostics] == ["yaml-alias"]


def test_python_tag_never_runs(valid_tree: Path) -> None:
    marker = Path("pwned")
    write(valid_tree, {MT: meeting("mode: online", "mode: !!python/object/apply:os.system ['touch pwned']")})
    assert [d.code for d in validate_content(valid_tree).diagnostics] == ["yaml-tag"]
    assert not marker.exists()


def test_bom_and_crlf_are_accepted(valid_tree: Path) -> None:
    write(valid_tree, {MT: b"\xef\xbb\xbf" + M.replace("\n", "\r\n").encode("utf-8")})
    assert validate_content(valid_tree).diagnostics == []


def test_yaml_surprises_stay_as_written(valid_tree: Path) -> None:
    write(valid_tree, {MT: meeting("mode: online", "mode: online\nvenue: 1.10")})
    content = validate_content(valid_tree)
    record = content.by_id()["2025-04-10-kkp12"]
    assert record.data["venue"] == "1.10"
    assert record.data["date"] == "2025-04-10"


def test_cli_exit_codes_and_json(valid_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "content"]) == 0
    assert capsys.readouterr().out == "ตรวจแล้ว 8 ระเบียน ไม่พบปัญหา / 8 records, no problems\n"
    write(valid_tree, {MT: meeting("mode: online", "mode: no")})
    assert main(["validate", "content", "--format", "json"]) == 1
    items = json.loads(capsys.readouterr().out)
    assert [(i["path"], i["line"], i["col"], i["code"]) for i in items] == [
        ("content/meetings/2025-04-10-kkp12.yaml", 5, 7, "invalid-value")]
    assert items[0]["message_en"].startswith("'mode' does not accept 'no'")
    assert main(["validate", "missing-folder"]) == 2
    with pytest.raises(SystemExit) as usage:
        main(["validate", "--format", "xml"])
    assert usage.value.code == 2


def test_text_output_ends_with_a_summary(valid_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(valid_tree, {MT: meeting("participants: 32", "participants: -5"), "notes.yaml": "x: 1\n"})
    assert main(["validate"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "พบปัญหา 2 รายการใน 2 ไฟล์ / 2 error(s) in 2 file(s)"
