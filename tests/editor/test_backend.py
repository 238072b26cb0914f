"""The editor's backend treats every request as hostile: each refusal below is checked to write
nothing at all (the whole project folder, and the place outside it a request aimed at)."""

from __future__ import annotations

import base64
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from generator.editor import save as saving

from ..conftest import ROOT
from .backend import Editor, editor, snapshot

MEETING = "content/meetings/2025-04-10-kkp12-vulnerable-groups.yaml"
NEW = "content/meetings/2025-05-01-kkp12-follow-up.yaml"
NEW_RAW = """id: 2025-05-01-kkp12-follow-up
title: ประชุมติดตามข้อเสนอ กขป.เขต 12
date: 2025-05-01
province: สงขลา
organizers:
  - kkp-region-12
"""


@pytest.fixture
def ed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Editor]:
    with editor(tmp_path) as running:
        monkeypatch.chdir(running.project)  # as kb serve runs: beside content/
        yield running


def png() -> str:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(out, "PNG")
    return base64.b64encode(out.getvalue()).decode()


def entry(path: str, raw: str) -> dict:
    return {"dataFiles": [{"path": path, "raw": raw, "slug": Path(path).stem}], "assets": [],
            "options": {"commitMessage": "test"}}


def kb_validate(project: Path) -> str:
    done = subprocess.run([sys.executable, "-m", "generator.cli", "validate", "content"], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return done.stdout


OUTSIDE = "outside"  # a folder beside the project that links point to


@pytest.fixture
def links(ed: Editor, tmp_path: Path) -> Path:
    """Symbolic links inside content/ that lead out (and one that leads in)."""
    outside = tmp_path / OUTSIDE
    outside.mkdir()
    (outside / "victim.yaml").write_text("id: victim\n", "utf-8")
    (ed.content / "meetings" / "link-out.yaml").symlink_to(outside / "victim.yaml")
    (ed.content / "media" / "link-folder").symlink_to(outside, target_is_directory=True)
    (ed.content / "topics" / "link-in.yaml").symlink_to(ed.content / "topics" / "covid-19.yaml")
    return outside


HOSTILE_PATHS = [
    "../mkdocs.yml", "content/../mkdocs.yml", "content/meetings/../../mkdocs.yml", "mkdocs.yml",
    "content/mkdocs.yml", ".github/workflows/publish.yml", "content/.github/x.yaml", "content/meetings/.x.yaml",
    "/etc/passwd", "/tmp/x.yaml", "C:/x.yaml", "content\\meetings\\x.yaml", "content//meetings/x.yaml",
    "content/meetings/x.yaml\x00.jpg", "content/x.yaml", "content/meetings/Bad Name.yaml",
    "content/meetings/link-out.yaml", "content/topics/link-in.yaml", "content/media/link-folder/a.png",
    "content/media/x/../../meetings/y.yaml", "content/media/x/evil.html", "site/index.html",
]


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_every_hostile_path_is_refused_and_nothing_is_written(ed: Editor, links: Path, tmp_path: Path,
                                                                path: str) -> None:
    before, outside = snapshot(tmp_path / "project"), snapshot(links)
    attempts = [
        ("persistEntry", entry(path, "id: x\ntitle: x\n")),
        ("persistMedia", {"asset": {"path": path, "content": png(), "encoding": "base64"}, "options": {}}),
        ("deleteFile", {"path": path, "options": {}}),
        ("deleteFiles", {"paths": [path], "options": {}}),
        ("getEntry", {"path": path}),
        ("getMediaFile", {"path": path}),
        ("kbSaveRecord", {"path": path, "data": {"id": "x", "title": "x"}}),
    ]
    for action, params in attempts:
        status, body = ed.post(action, params)
        assert status == 403, (action, body)
        assert body["code"] == "path-refused" and "refused" in body["error"], body
    assert snapshot(tmp_path / "project") == before
    assert snapshot(links) == outside


def test_a_path_that_is_not_a_string_is_refused(ed: Editor) -> None:
    status, body = ed.post("getEntry", {"path": ["content/meetings/x.yaml"]})
    assert status == 403 and body["code"] == "path-refused"


def test_another_origin_is_refused_and_nothing_is_written(ed: Editor) -> None:
    before = snapshot(ed.project)
    for origin in ("http://evil.example", "http://127.0.0.1:1", "null", f"https://127.0.0.1:{ed.port}"):
        status, body = ed.post("persistEntry", entry(NEW, NEW_RAW), origin=origin)
        assert (status, body["error"]) == (403, f"ไม่รับคำขอจากเว็บไซต์อื่น / Origin '{origin}' refused")
    status, body = ed.post("persistEntry", entry(NEW, NEW_RAW), origin=None)
    assert status == 403 and "must carry an Origin" in body["error"]
    assert snapshot(ed.project) == before


def test_another_host_is_refused_and_nothing_is_written(ed: Editor) -> None:
    """DNS rebinding: a page of evil.example, its name now pointing at 127.0.0.1, calls us with
    its own origin and Host; a page elsewhere may send our origin with a foreign Host."""
    before = snapshot(ed.project)
    for host in (f"evil.example:{ed.port}", "127.0.0.1", f"127.0.0.1:{ed.port + 1}", f"10.0.0.5:{ed.port}"):
        status, body = ed.post("persistEntry", entry(NEW, NEW_RAW), origin=f"http://{host}", host=host)
        assert status == 403 and body["error"].startswith(f"ไม่รับคำขอที่ส่งถึงชื่อโฮสต์อื่น / Host '{host}' refused")
        status, _ = ed.request("GET", "/admin/", None, {"Host": host})
        assert status == 403
    assert snapshot(ed.project) == before


def test_only_a_json_post_reaches_the_backend(ed: Editor) -> None:
    before = snapshot(ed.project)
    assert ed.request("GET", "/api/v1", None, {"Host": f"127.0.0.1:{ed.port}", "Origin": ed.origin})[0] == 405
    status, _ = ed.post("persistEntry", entry(NEW, NEW_RAW), kind="application/x-www-form-urlencoded")
    assert status == 415  # what a form on another site could send without a preflight
    assert ed.post("noSuchAction", {})[0] == 422
    assert snapshot(ed.project) == before


def test_a_multi_file_save_with_one_invalid_file_writes_nothing(ed: Editor) -> None:
    before = snapshot(ed.project)
    bad = "content/meetings/2025-05-02-bad.yaml"
    params = entry(NEW, NEW_RAW)
    params["dataFiles"].append({"path": bad, "raw": "id: 2025-05-02-bad\ntitle: x\ndate: 2568-05-02\n", "slug": "x"})
    params["assets"] = [{"path": "content/media/2025-05-01-kkp12-follow-up/a.png", "content": png(),
                         "encoding": "base64"}]
    status, body = ed.post("persistEntry", params)
    assert status == 422
    assert "content/meetings/2025-05-02-bad.yaml:3:7: error buddhist-year" in body["error"], body["error"]
    assert [d["path"] for d in body["diagnostics"] if d["severity"] == "error"] == [bad]
    assert snapshot(ed.project) == before


def test_an_invalid_save_gives_the_message_kb_validate_gives(ed: Editor, tmp_path: Path) -> None:
    raw = NEW_RAW.replace("date: 2025-05-01", "date: 2568-05-01").replace("kkp-region-12", "kkp-region-21")
    status, body = ed.post("persistEntry", entry(NEW, raw))
    assert status == 422 and not (ed.project / NEW).exists()
    (ed.project / NEW).write_text(raw, "utf-8")  # the same file, written by hand, then kb validate
    printed = kb_validate(ed.project)
    assert [d["text"] for d in body["diagnostics"]] == printed.splitlines()[:-1]
    assert body["error"].endswith(printed.strip())


def test_a_new_meeting_is_written_and_validates(ed: Editor) -> None:
    status, body = ed.post("persistEntry", entry(NEW, NEW_RAW))
    assert (status, body) == (200, {"message": "entry persisted"})
    text = (ed.project / NEW).read_text("utf-8")
    assert 'date: "2025-05-01"' in text and text.startswith("id: 2025-05-01-kkp12-follow-up\ntitle: ")
    assert kb_validate(ed.project) == "ตรวจแล้ว 129 ระเบียน ไม่พบปัญหา / 129 records, no problems\n"


def test_an_edit_changes_only_the_changed_line(ed: Editor) -> None:
    path = ed.project / MEETING
    old = path.read_text("utf-8")
    status, got = ed.post("getEntry", {"path": MEETING})
    assert status == 200 and got["data"] == old
    # what Decap sends back: its own serialisation, comments gone, keys reordered, quotes dropped
    raw = "# a comment Decap would drop\n" + old.replace('date: "2025-04-10"', "date: 2025-04-10").replace(
        "title: กขป.เขต 12 สุขภาวะกลุ่มเปราะบางทางสังคม", "title: กขป.เขต 12 กลุ่มเปราะบาง (แก้ไข)")
    status, _ = ed.post("persistEntry", entry(MEETING, raw))
    assert status == 200
    new = path.read_text("utf-8")
    changed = [(a, b) for a, b in zip(old.splitlines(), new.splitlines(), strict=True) if a != b]
    assert changed == [("title: กขป.เขต 12 สุขภาวะกลุ่มเปราะบางทางสังคม", "title: กขป.เขต 12 กลุ่มเปราะบาง (แก้ไข)")]


def test_publishing_removes_the_draft_flag(ed: Editor) -> None:
    ed.post("persistEntry", entry(NEW, NEW_RAW + "draft: true\n"))
    assert "draft: true" in (ed.project / NEW).read_text("utf-8")
    ed.post("persistEntry", entry(NEW, NEW_RAW + "draft: false\n"))
    assert "draft" not in (ed.project / NEW).read_text("utf-8")


def test_a_photo_upload_lands_in_the_records_media_folder(ed: Editor) -> None:
    rel = "content/media/2025-04-10-kkp12-vulnerable-groups/upload.png"
    status, body = ed.post("persistMedia", {"asset": {"path": rel, "content": png(), "encoding": "base64"}})
    assert status == 200 and body["name"] == "upload.png"
    assert (ed.project / rel).read_bytes() == base64.b64decode(png())


def test_a_file_that_is_not_what_its_name_says_is_refused(ed: Editor) -> None:
    rel = "content/media/2025-04-10-kkp12-vulnerable-groups/photo.jpg"
    fake = base64.b64encode(b"<script>alert(1)</script>").decode()
    status, body = ed.post("persistMedia", {"asset": {"path": rel, "content": fake, "encoding": "base64"}})
    assert status == 422 and not (ed.project / rel).exists()
    status, body = ed.post("persistMedia", {"asset": {"path": rel, "content": "not base64!", "encoding": "base64"}})
    assert status == 400 and not (ed.project / rel).exists()


def test_deleting_a_record_others_name_is_refused(ed: Editor) -> None:
    before = snapshot(ed.project)
    status, body = ed.post("deleteFile", {"path": "content/stakeholders/kkp-region-12.yaml"})
    assert status == 422 and "kkp-region-12" in body["error"]
    assert snapshot(ed.project) == before


def test_the_form_is_checked_field_by_field(ed: Editor) -> None:
    data = {"id": "2025-05-01-x", "title": "x", "date": "2568-05-01"}
    status, body = ed.post("kbValidate", {"path": "content/meetings/2025-05-01-x.yaml", "data": data})
    assert status == 200
    problems = [(d["field"], d["code"]) for d in body["diagnostics"] if d["severity"] == "error"]
    assert problems == [("date", "buddhist-year")]
    assert not (ed.project / "content/meetings/2025-05-01-x.yaml").exists()


@pytest.mark.parametrize("staged", [False, True])
def test_a_save_that_fails_half_way_puts_every_file_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          staged: bool) -> None:
    folder, staging = tmp_path / "content", tmp_path / ".cache" / "saving"
    folder.mkdir()
    first, second = folder / "a.yaml", folder / "b.yaml"
    first.write_text("old a\n", "utf-8")
    real = os.replace
    calls = []

    def failing(source: str | Path, target: str | Path) -> None:
        calls.append(target)
        if Path(target) == second:
            raise OSError(28, "No space left on device")
        real(source, target)

    monkeypatch.setattr(saving.os, "replace", failing)
    with pytest.raises(OSError):
        saving.write_all({first: b"new a\n", second: b"new b\n"}, staging=staging if staged else None)
    assert first.read_text("utf-8") == "old a\n" and not second.exists()
    assert sorted(p.name for p in folder.iterdir()) == ["a.yaml"]  # no temporary or kept file left
    assert not staging.exists() or list(staging.iterdir()) == []


def test_a_save_writes_nothing_but_its_files_into_content(ed: Editor, monkeypatch: pytest.MonkeyPatch) -> None:
    """kb serve watches content/: a temporary file there would start a build of its own."""
    made = []
    real = saving.tempfile.mkstemp

    def noted(**options: str) -> tuple[int, str]:
        handle, name = real(**options)
        made.append(Path(name))
        return handle, name

    monkeypatch.setattr(saving.tempfile, "mkstemp", noted)
    before = set(snapshot(ed.content))
    raw = (ed.project / MEETING).read_text("utf-8").replace("participants: 32", "participants: 33")
    status, _ = ed.post("persistEntry", entry(MEETING, raw))
    assert status == 200 and made
    assert [p for p in made if ed.content in p.parents] == []
    assert set(snapshot(ed.content)) == before and "participants: 33" in (ed.project / MEETING).read_text("utf-8")


def test_a_saved_record_and_photo_are_readable_as_any_written_file(ed: Editor) -> None:
    """Saves go through a temporary file (mkstemp's, 0600): the files put in place have the mode
    a plain write gives, and a file replaced keeps its own."""
    plain = ed.project / "plain.txt"
    plain.write_text("x", "utf-8")
    want = plain.stat().st_mode & 0o777
    (ed.project / MEETING).chmod(0o640)
    raw = (ed.project / MEETING).read_text("utf-8").replace("participants: 32", "participants: 33")
    photo = "content/media/2025-05-01-kkp12-follow-up/photo.png"
    change = entry(NEW, NEW_RAW + "media:\n  - kind: photo\n    file: photo.png\n")
    change["assets"] = [{"path": photo, "content": png(), "encoding": "base64"}]
    assert ed.post("persistEntry", change)[0] == 200
    assert ed.post("persistEntry", entry(MEETING, raw))[0] == 200
    assert [(ed.project / p).stat().st_mode & 0o777 for p in (NEW, photo, MEETING)] == [want, want, 0o640]


def test_a_records_photos_are_in_place_before_the_record(ed: Editor, monkeypatch: pytest.MonkeyPatch) -> None:
    """kb serve builds on what it sees: never a record naming a photo still on its way."""
    placed = []
    real = os.replace

    def noted(source: str | Path, target: str | Path) -> None:  # (os.replace: the caches' writes too)
        if ed.content in Path(target).parents:
            placed.append(Path(target).name)
        real(source, target)

    monkeypatch.setattr(saving.os, "replace", noted)
    change = entry(NEW, NEW_RAW + "media:\n  - kind: photo\n    file: photo.png\n")
    change["assets"] = [{"path": "content/media/2025-05-01-kkp12-follow-up/photo.png", "content": png(),
                         "encoding": "base64"}]
    assert ed.post("persistEntry", change)[0] == 200
    assert placed == ["photo.png", "2025-05-01-kkp12-follow-up.yaml"]
