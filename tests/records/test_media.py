"""Media files checked like every other field: at the `file:` line, in Thai and English, all in
one run, exit 1, no traceback; a decompression bomb is refused from its header."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.cli import main
from generator.records.validate import validate_content
from tests.conftest import ROOT
from tests.imagefiles import bomb_png, corrupt_jpeg, phone_jpeg, plain_png

MEETING = "2025-04-10-kkp12"


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))


def with_media(tree: Path, items: list[str]) -> Path:
    """The fixture meeting listing `items` (YAML lines of one media list); its record file."""
    record = tree / "meetings" / f"{MEETING}.yaml"
    record.write_text(record.read_text("utf-8") + "media:\n" + "".join(f"{line}\n" for line in items), "utf-8")
    return record


def folder(tree: Path) -> Path:
    path = tree / "media" / MEETING
    path.mkdir(parents=True, exist_ok=True)
    return path


def line_of(record: Path, text: str) -> int:
    return next(n for n, line in enumerate(record.read_text("utf-8").splitlines(), 1) if text in line)


def test_good_files_pass(valid_tree: Path) -> None:
    phone_jpeg(folder(valid_tree) / "IMG_0001.jpg")
    plain_png(folder(valid_tree) / "chart.png")
    with_media(valid_tree, ["  - kind: photo", "    file: IMG_0001.jpg", "  - kind: photo", "    file: chart.png",
                            "  - kind: photo", "    width: 1000", "    height: 563"])
    content = validate_content(valid_tree)
    assert content.ok, [d.format() for d in content.diagnostics]
    assert content.diagnostics == []


BAD = {  # file name → (how it is made, the code reported)
    "broken.jpg": (corrupt_jpeg, "media-corrupt"),
    "bomb.png": (bomb_png, "media-too-large"),
    "png-inside.jpg": (plain_png, "media-wrong-type"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_file_fails_at_its_line_fast(valid_tree: Path, name: str, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_NO_CACHE", "1")  # a real check every time: no memo
    make, code = BAD[name]
    make(folder(valid_tree) / name)
    record = with_media(valid_tree, ["  - kind: photo", f"    file: {name}"])
    started = time.perf_counter()
    status = main(["validate", str(valid_tree)])
    elapsed = time.perf_counter() - started
    out = capsys.readouterr().out
    assert status == 1
    assert f"{record}:{line_of(record, name)}:11: error {code}:" in out
    assert elapsed < 5  # a decoded bomb takes minutes and GBs: the margin is for a busy machine


def test_a_bomb_is_refused_from_its_header(valid_tree: Path) -> None:
    """The header claims 40000 × 40000 (4.8 GB of pixels): refused without a decode, at once."""
    bomb_png(folder(valid_tree) / "bomb.png")
    with_media(valid_tree, ["  - kind: photo", "    file: bomb.png"])
    started = time.perf_counter()
    problems = validate_content(valid_tree).diagnostics
    assert [d.code for d in problems] == ["media-too-large"]
    assert "50" in problems[0].message_en
    assert time.perf_counter() - started < 5  # (decoded: minutes; the margin is for a busy machine)


def test_missing_file_suggests_the_nearest_name(valid_tree: Path) -> None:
    plain_png(folder(valid_tree) / "IMG_0012.png")
    plain_png(folder(valid_tree) / "IMG_0012.PNG2.png")
    record = with_media(valid_tree, ["  - kind: photo", "    file: IMG_0021.png",
                                     "  - kind: photo", "    file: img_0012.png"])
    problems = validate_content(valid_tree).diagnostics
    assert [(d.code, d.line, d.suggestion) for d in problems if d.severity == "error"] == [
        ("media-missing", line_of(record, "IMG_0021.png"), "IMG_0012.png"),
        ("media-missing", line_of(record, "img_0012.png"), "IMG_0012.png"),  # differs only in case
    ]


def test_missing_folder_says_where_files_go(valid_tree: Path) -> None:
    with_media(valid_tree, ["  - kind: photo", "    file: IMG_0001.jpg"])
    [problem] = validate_content(valid_tree).diagnostics
    assert problem.code == "media-missing"
    assert f"content/media/{MEETING}/IMG_0001.jpg" in (problem.suggestion or "")


def test_content_not_of_the_extension(valid_tree: Path) -> None:
    plain_png(folder(valid_tree) / "minutes.pdf")
    (folder(valid_tree) / "talk.mp3").write_bytes(b"<html><body>not audio</body></html>")
    (folder(valid_tree) / "cut.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\n")
    with_media(valid_tree, ["  - kind: document", "    file: minutes.pdf", "  - kind: audio", "    file: talk.mp3",
                            "  - kind: document", "    file: cut.pdf"])
    problems = {d.message_en: d.code for d in validate_content(valid_tree).diagnostics}
    renamed = {d.suggestion for d in validate_content(valid_tree).diagnostics if d.code == "media-wrong-type"}
    assert "minutes.png" in renamed
    assert problems == {"'minutes.pdf' holds PNG, not PDF as its extension says": "media-wrong-type",
                        "'talk.mp3' holds HTML, not MP3 as its extension says": "media-wrong-type",
                        "'cut.pdf' is corrupt or incomplete (no %%EOF: the PDF is cut short)": "media-corrupt"}


def test_kind_must_fit_the_file_and_file_excludes_url(valid_tree: Path) -> None:
    plain_png(folder(valid_tree) / "a.png")
    record = with_media(valid_tree, ["  - kind: document", "    file: a.png", "  - kind: photo", "    file: b.gif",
                                     "  - kind: photo", "    file: a.png", "    url: https://example.org/a.png"])
    found = {(d.code, d.line) for d in validate_content(valid_tree).diagnostics}
    assert found == {("media-kind", line_of(record, "file: a.png")), ("media-type", line_of(record, "b.gif")),
                     ("media-file-and-url", line_of(record, "url: https://example.org/a.png") - 1)}


def test_unlisted_files_and_unknown_folders_are_warnings(valid_tree: Path) -> None:
    plain_png(folder(valid_tree) / "listed.png")
    plain_png(folder(valid_tree) / "forgotten.png")
    (folder(valid_tree) / ".DS_Store").write_bytes(b"\0")
    (valid_tree / "media" / "2025-04-10-kkp2").mkdir()
    record = with_media(valid_tree, ["  - kind: photo", "    file: listed.png"])
    content = validate_content(valid_tree)
    assert content.ok
    found = [(d.severity, d.code, d.path, d.line, d.suggestion) for d in content.diagnostics]
    assert found == [
        ("warning", "media-unknown-folder", f"{valid_tree}/media/2025-04-10-kkp2", 1, MEETING),
        ("warning", "media-unlisted", str(record), line_of(record, "media:"),
         "เพิ่ม / add: - {kind: photo, file: forgotten.png}"),
    ]


def test_decoding_is_remembered_until_the_file_changes(valid_tree: Path) -> None:
    photo = phone_jpeg(folder(valid_tree) / "IMG_0001.jpg")
    with_media(valid_tree, ["  - kind: photo", "    file: IMG_0001.jpg"])
    assert validate_content(valid_tree).ok
    corrupt_jpeg(photo)  # same name, new content: checked again
    assert [d.code for d in validate_content(valid_tree).diagnostics] == ["media-corrupt"]


def test_cli_reports_every_bad_file_without_a_traceback(tmp_path: Path) -> None:
    tree = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "valid", tree)
    for name, (make, _) in BAD.items():
        make(folder(tree) / name)
    record = with_media(tree, [line for name in sorted(BAD) for line in ("  - kind: photo", f"    file: {name}")])
    env = {**os.environ, "KB_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-m", "generator.cli", "validate", str(tree)], capture_output=True,
                            text=True, env=env, cwd=tmp_path, timeout=60, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    for name, (_, code) in BAD.items():
        assert f"{record.relative_to(tmp_path)}:{line_of(record, name)}:11: error {code}:" in result.stdout
