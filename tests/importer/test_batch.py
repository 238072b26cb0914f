"""kb import on many posts at once (files and folders, with progress, each post's drafts checked on
their own) and with the meeting's photos (--photos DIR or a folder beside the post)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from PIL import Image

from generator.cli import main
from generator.records.validate import validate_content
from tests.conftest import CONTENT, FIXTURES
from tests.importer.test_failures import REGION_MISMATCH

POSTS = FIXTURES / "posts"
POST = ("กขป.เขต 12 ประชุมภาคีเครือข่าย\n\n"
        "  • photo  , 1000x563 pixel , 449,613 bytes.\n"
        "  • photo ภาพหมู่ผู้เข้าร่วม , 1200x900 pixel , {size} bytes.\n\n"
        "วันที่ 10 เมษายน 2568 ณ ห้องประชุมสปสช.เขต 12 สงขลา หารือร่วมกับสสจ.ตรัง")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT, tmp_path / "content")
    return tmp_path / "content"


def drafts_of(content: Path, pattern: str) -> list[Path]:
    return sorted((content / "meetings").glob(pattern))


def test_many_posts_and_a_folder_with_progress(tmp_path: Path, content: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "posts"
    folder.mkdir()
    for name in ("001.txt", "007.txt", "016.txt"):
        shutil.copy(POSTS / name, folder / name)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")  # not a post: left alone
    assert main(["import", str(POSTS / "018.txt"), str(folder), "--content", str(content)]) == 0
    captured = capsys.readouterr()
    assert [line.split()[0] for line in captured.err.splitlines() if line.startswith("[")] == \
        ["[1/4]", "[2/4]", "[3/4]", "[4/4]"]
    dates = {yaml.safe_load(p.read_text("utf-8"))["date"] for p in drafts_of(content, "*-meeting*.yaml")}
    assert dates == {"2025-09-02", "2022-08-30", "2023-08-29", "2019-08-16"}
    assert validate_content(content).ok


def test_only_a_draft_of_this_run_that_needs_fixing_fails_it(tmp_path: Path, content: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    undated = tmp_path / "undated.txt"  # its meeting has a blank to fill in: a warning
    undated.write_text("ประชุมคณะทำงานพชอ.\n\nหารือแนวทางการดำเนินงานร่วมกับ อบต.นาโหนด", "utf-8")
    mismatch = tmp_path / "mismatch.txt"  # its meeting has an error: Trang is in health region 12
    mismatch.write_text(REGION_MISMATCH, "utf-8")
    code = main(["import", str(POSTS / "001.txt"), str(undated), str(mismatch), "--content", str(content)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"the drafts from {mismatch} need fixing" in out and "region-mismatch" in out
    assert f"the drafts from {undated} have blanks to fill in" in out and "undated-meeting.yaml" in out
    assert "from " + str(POSTS / "001.txt") + " need fixing" not in out
    assert "1 of 3 posts' drafts need the fixes" in out


def test_one_post_options_are_refused_for_many(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(POSTS / "001.txt"), str(POSTS / "002.txt"), "--id", "x",
                 "--content", str(content)]) == 2
    assert main(["import", str(POSTS / "missing.txt"), "--content", str(content)]) == 2
    assert "no such file" in capsys.readouterr().err


def make_photos(folder: Path) -> int:
    """Four files: a portrait phone JPEG (orientation 6), the PNG the post lists with a caption,
    a corrupt JPEG and a text file. Returns the PNG's size in bytes."""
    folder.mkdir()
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("RGB", (400, 300), "red").save(folder / "IMG_10.jpg", exif=exif)
    Image.new("RGB", (1200, 900), "blue").save(folder / "IMG_2.png")
    (folder / "IMG_3.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    (folder / "readme.txt").write_text("ภาพการประชุม", "utf-8")
    return (folder / "IMG_2.png").stat().st_size


@pytest.mark.parametrize("beside", [False, True])
def test_photos_are_copied_in_order_and_matched_to_the_photo_list(tmp_path: Path, content: Path,
                                                                  beside: bool) -> None:
    folder = tmp_path / ("post" if beside else "photos")
    size = make_photos(folder)
    post = tmp_path / "post.txt"
    post.write_text(POST.format(size=f"{size:,}"), "utf-8")
    args = ["import", str(post), "--content", str(content), *([] if beside else ["--photos", str(folder)])]
    assert main(args) == 0
    [draft] = drafts_of(content, "2025-04-10-meeting*.yaml")
    media = yaml.safe_load(draft.read_text("utf-8"))["media"]
    assert media == [
        {"kind": "photo", "file": "IMG_2.png", "width": 1200, "height": 900, "caption": "ภาพหมู่ผู้เข้าร่วม"},
        {"kind": "photo", "file": "IMG_10.jpg", "width": 300, "height": 400},  # upright: EXIF orientation 6
        {"kind": "photo", "width": 1000, "height": 563, "bytes": 449613},  # listed in the post, no file
    ]
    copied = content / "media" / draft.stem
    assert sorted(p.name for p in copied.iterdir()) == ["IMG_10.jpg", "IMG_2.png"]
    assert (copied / "IMG_2.png").read_bytes() == (folder / "IMG_2.png").read_bytes()
    assert validate_content(content).ok
