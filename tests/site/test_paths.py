"""Every path the build writes from content fits the file system (issue 19: a 109-letter Thai
hashtag passed validation, then `kb build` stopped with "[Errno 36] File name too long")."""

from __future__ import annotations

import os
import posixpath
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest

from generator.cli import main
from generator.thai import NAME_BYTES, hashtag_slug, normalize_hashtag, syllables
from tests.conftest import FIXTURES, ROOT
from tests.sitebuild import build, soup

MT = "meetings/2025-04-10-kkp12.yaml"
MEETING = "meetings/2025-04-10-kkp12/"
# 109 Thai letters, as the importer once took from a real post: 327 bytes as a file name
LONG = "#เครือข่ายภาคประชาสังคมเพื่อการพัฒนาระบบสุขภาพและคุณภาพชีวิตของประชาชนในพื้นที่เขตสุขภาพที่สิบสองจังหวัดสงขลาฯ"
TAGS = [LONG, "#กขป.เขต 12", "#กขป-เขต12", "#index", "#日本", "#café", "#COVID-19", "#ไก่", "#ไก"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("paths")
    content = shutil.copytree(FIXTURES / "valid", root / "content")
    meeting = content / MT
    tags = ", ".join(f'"{tag}"' for tag in TAGS)
    meeting.write_text(meeting.read_text("utf-8").replace('hashtags: ["#กขป.เขต 12"]', f"hashtags: [{tags}]"), "utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KB_CACHE_DIR", str(root / "cache"))
        return build(content, root / "site")


def tag_folder(site: Path, tag: str) -> Path:
    return site / "tags" / hashtag_slug(tag)


def test_the_issue_long_hashtag_builds_and_its_page_shows_the_full_name(site: Path) -> None:
    assert len(LONG) - 1 == 109 and len(hashtag_slug(LONG).encode("utf-8")) <= NAME_BYTES
    page = soup(site, f"tags/{hashtag_slug(LONG)}/")
    assert page.h1 is not None and page.h1.get_text(strip=True) == LONG
    meeting = soup(site, MEETING)
    assert LONG in {a.get_text(strip=True) for a in meeting.find_all("a")}
    assert f"../../tags/{hashtag_slug(LONG)}/" in {unquote(a["href"]) for a in meeting.find_all("a", href=True)}


def test_every_name_the_build_wrote_fits_well_under_the_file_system_limit(site: Path) -> None:
    longest = max(len(name.encode("utf-8")) for _, dirs, files in os.walk(site) for name in dirs + files)
    assert longest <= NAME_BYTES


def test_a_long_name_is_cut_on_a_syllable_boundary_with_a_hash_the_same_in_every_process() -> None:
    slug = hashtag_slug(LONG)
    readable, _, digest = slug.rpartition("-")
    assert len(digest) == 10 and int(digest, 16) >= 0
    pieces = syllables(normalize_hashtag(LONG))
    assert readable in ["".join(pieces[:n]) for n in range(1, len(pieces))]
    assert len(readable) > 40  # as much of the name as fits, not a stub
    script = f"from generator.thai import hashtag_slug; print(hashtag_slug({LONG!r}))"
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)  # noqa: S603
    assert other.stdout.strip() == slug


def test_each_tag_has_its_own_page_and_the_tag_index_survives(site: Path) -> None:
    slugs = {hashtag_slug(tag) for tag in TAGS}
    assert len(slugs) == len(TAGS)  # กขป.เขต12 and กขป-เขต12, ไก่ and ไก are different tags
    for tag in TAGS:
        page = soup(site, f"tags/{hashtag_slug(tag)}/")
        assert page.h1 is not None and page.h1.get_text(strip=True) in (tag, "#กขป.เขต 12")
        assert MEETING.rstrip("/") in links_of(site, f"tags/{hashtag_slug(tag)}/")
    index = soup(site, "tags/")
    assert index.h1 is not None and index.h1.get_text(strip=True) == "แฮชแท็ก"
    assert {f"tags/{slug}" for slug in slugs} <= links_of(site, "tags/")


def links_of(site: Path, url: str) -> set[str]:
    """Where a page's links lead, as site paths ('tags/x', without the closing slash)."""
    return {unquote(posixpath.normpath(posixpath.join(url, a["href"])))
            for a in soup(site, url).find_all("a", href=True)}


def test_short_tags_keep_their_readable_address() -> None:
    assert hashtag_slug("#กขป.เขต 12") == "กขป-เขต12"
    assert hashtag_slug("#ศูนย์ประสานงานหลักประกันสุขภาพและคุ้มครองผู้บริโภคจังหวัดชุมพร") == \
        "ศูนย์ประสานงานหลักประกันสุขภาพและคุ้มครองผู้บริโภคจังหวัดชุมพร"
    assert hashtag_slug("#ไก่") == "ไก่"


ID_TOO_LONG = "a" * 121


@pytest.mark.parametrize(("record_id", "expected"), [
    (ID_TOO_LONG, f"content/topics/{ID_TOO_LONG}.yaml:1:5: error too-long: 'id' ยาวเกิน 120 ตัวอักษร (มี 121)"
                  f" / 'id' is longer than 120 characters (has 121) (แนะนำ / suggestion: {'a' * 120})"),
    ("index", "content/topics/index.yaml:1:5: error reserved-id: 'id' ใช้ 'index' ไม่ได้ ชื่อนี้เป็นของหน้ารายการ"
              " / 'id' cannot be 'index': the name belongs to listing pages"
              " (แนะนำ / suggestion: เลือกรหัสอื่น / choose another id)"),
])
def test_ids_have_a_length_limit_and_cannot_take_a_listing_page_name(
        valid_tree: Path, capsys: pytest.CaptureFixture[str], record_id: str, expected: str) -> None:
    (valid_tree / "topics" / f"{record_id}.yaml").write_text(f"id: {record_id}\ntitle: ประเด็นใหม่\n", "utf-8")
    assert main(["validate", str(valid_tree)]) == 1
    assert capsys.readouterr().out.splitlines()[:-1] == [expected]


@pytest.mark.parametrize("record_id", ["a" * 300, "index", "ไม่ใช่รหัส"])
def test_kb_new_refuses_an_id_before_writing_anything(
        valid_tree: Path, capsys: pytest.CaptureFixture[str], record_id: str) -> None:
    before = sorted(valid_tree.rglob("*"))
    assert main(["new", "topic", "--id", record_id, "--content", str(valid_tree)]) == 2
    error = capsys.readouterr().err
    assert "ไม่ได้ / cannot use the id" in error and "at most 120, not index" in error
    assert sorted(valid_tree.rglob("*")) == before
