"""The page cache: after each kind of edit, a warm build gives exactly the pages a cold build
gives, and renders again only the pages the edit touches."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.records.validate import validate_content
from generator.site import build as site_build
from generator.site.build import build_site
from generator.site.model import Site
from tests.conftest import CONTENT, demo_copy

MEETING = "meetings/2020-01-06-region12-informal-workers.yaml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def body_edit(root: Path) -> None:
    edit(root / MEETING, "summary: คณะทำงานพี่เลี้ยงระดับเขต", "summary: คณะทำงานพี่เลี้ยงระดับเขตทั้งหมด")


def meeting_body(root: Path) -> None:
    edit(root / MEETING, "body: |\n  โครงการพัฒนากลไก", "body: |\n  บันทึกเพิ่ม โครงการพัฒนากลไก")


def stakeholder_title(root: Path) -> None:
    edit(root / "stakeholders/banchet-nasae.yaml", "title: ", "title: ดร.")


def new_meeting(root: Path) -> None:
    text = (root / MEETING).read_text("utf-8").replace("id: 2020-01-06-region12-informal-workers",
                                                       "id: 2020-02-03-region12-informal-workers")
    (root / "meetings/2020-02-03-region12-informal-workers.yaml").write_text(
        text.replace('date: "2020-01-06"', 'date: "2020-02-03"'), "utf-8")


def province_change(root: Path) -> None:
    edit(root / MEETING, "province: สงขลา", "province: สตูล")


def hashtag_removed(root: Path) -> None:
    edit(root / "meetings/2025-04-10-kkp12-vulnerable-groups.yaml", '  - "#กขป.เขต 12"\n', "")


def map_label(root: Path) -> None:
    edit(root / "systemmaps/kkp12-vulnerable-groups.yaml", "label: ระบบข้อมูลกลาง", "label: ระบบข้อมูลร่วม")


def meeting_title(root: Path) -> None:
    """A title is in its page's search grams and in the pages that list it: their grams move
    to other shards, and related lists that give it as a reason change."""
    edit(root / MEETING, "title: ", "title: ทบทวนยุทธศาสตร์ ")


def rarity_band(root: Path) -> None:
    """kkp-region-10 is on 5 pages: a sixth changes its weight in every related list it is in."""
    edit(root / "meetings/2025-04-10-kkp12-vulnerable-groups.yaml", "attendees:\n",
         "attendees:\n  - who: kkp-region-10\n")


def attendee_role(root: Path) -> None:
    """A stakeholder's page shows its role in each meeting: read from the meeting's fields."""
    edit(root / MEETING, "  - who: banchet-nasae\n    role: พี่เลี้ยง", "  - who: banchet-nasae\n    role: ที่ปรึกษา")


def action_owner(root: Path) -> None:
    """A stakeholder's page lists the actions it owns: read from the meeting's fields too."""
    edit(root / MEETING, "    owners:\n      - informal-workers-project-team\n    status: planned",
         "    owners:\n      - informal-workers-project-team\n      - banchet-nasae\n    status: planned")


def removed_meeting(root: Path) -> None:
    """The meeting new_meeting() adds (before the first build), gone again."""
    (root / "meetings/2020-02-03-region12-informal-workers.yaml").unlink()


EDITS: dict[str, Callable[[Path], None]] = {
    "record": body_edit, "body": meeting_body, "referenced-stakeholder": stakeholder_title, "new-record": new_meeting,
    "province": province_change, "hashtag": hashtag_removed, "system-map": map_label,
    "title": meeting_title, "rarity-band": rarity_band, "removed-record": removed_meeting,
    "attendee-role": attendee_role, "action-owner": action_owner,
}


def build(root: Path, log: list[str] | None = None) -> Site:
    return build_site(validate_content(root), progress=(log.append if log is not None else None))


def pages(site: Site) -> dict[str, str]:
    return {page.src_uri: page.html for page in site.pages}


def rendered(log: list[str], kind: str = "record") -> int:
    line = next(m for m in log if m.startswith(f"{kind} pages:"))
    return int(line.rsplit(", ", 1)[1].split()[0])


@pytest.mark.parametrize("name", list(EDITS))
def test_warm_build_after_an_edit_equals_a_cold_build(name: str, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    root = demo_copy(tmp_path, monkeypatch, "warm")
    if name == "removed-record":
        new_meeting(root)
    before = pages(build(root))
    EDITS[name](root)
    log: list[str] = []
    warm_site = build(root, log)
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cold"))
    cold_site = build(root)
    warm, cold = pages(warm_site), pages(cold_site)
    assert warm.keys() == cold.keys()
    assert [src for src in cold if warm[src] != cold[src]] == []
    assert sorted(warm_site.files) == sorted(cold_site.files)  # the search index, feed, diagrams
    assert [path for path in cold_site.files if warm_site.files[path] != cold_site.files[path]] == []
    changed = [src for src in cold if before.get(src) != cold[src]]
    assert changed, "the edit should show somewhere"
    assert rendered(log) < len(before) // 2, "most record pages should come from the cache"


def test_a_body_edit_renders_no_listing_and_a_title_edit_renders_those_that_list_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Listings and links show a record's kind, title, date and summary, not its body: at
    10,000 meetings a tag's story lists thousands of them."""
    root = demo_copy(tmp_path, monkeypatch, "cache")
    build(root)
    logs: list[list[str]] = [[], []]
    meeting_body(root)
    build(root, logs[0])
    meeting_title(root)
    after_title = pages(build(root, logs[1]))
    assert rendered(logs[0], "listing") == 0 and 0 < rendered(logs[0]) < 10
    listing = [src for src, html in after_title.items() if "ทบทวนยุทธศาสตร์ " in html and "kb-listing" in html]
    assert "meetings/index.md" in listing or any(src.startswith("meetings/page/") for src in listing)
    assert rendered(logs[1], "listing") >= len(listing)


def test_a_meeting_body_edit_renders_none_of_its_stakeholders_pages(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stakeholder's page shows of each meeting only its head and the stakeholder's roles and
    actions in it: a meeting's text edited leaves its eight stakeholders' pages as they were."""
    root = demo_copy(tmp_path, monkeypatch, "roles")
    build(root)
    meeting_body(root)
    shown: list[str] = []
    render_many = site_build.render_many
    monkeypatch.setattr(site_build, "render_many", lambda index, jobs, related, digests, todo: (
        shown.extend(site_build.src_of(jobs[i]) for i in todo), render_many(index, jobs, related, digests, todo))[1])
    build(root)
    assert "meetings/2020-01-06-region12-informal-workers.md" in shown
    assert [src for src in shown if src.startswith("stakeholders/")] == []
    attendee_role(root)
    shown.clear()
    assert "ที่ปรึกษา" in pages(build(root))["stakeholders/banchet-nasae.md"]
    assert "stakeholders/banchet-nasae.md" in shown


def test_unchanged_content_renders_no_record_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    first: list[str] = []
    second: list[str] = []
    assert pages(build(CONTENT, first)) == pages(build(CONTENT, second))
    assert rendered(first) == len(validate_content(CONTENT).records)
    assert rendered(second) == 0


def test_a_second_kb_build_in_a_new_process_renders_nothing(tmp_path: Path) -> None:
    """Cache keys must not depend on the process (hash seeds, object addresses)."""
    lines = []
    for seed in ("1", "2"):  # into two folders: a build into the one it built last is skipped whole
        env = os.environ | {"KB_CACHE_DIR": str(tmp_path / "cache"), "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-m", "generator.cli", "build", str(CONTENT), "-o",
                                 str(tmp_path / f"site-{seed}")], env=env, capture_output=True, text=True, check=True)
        lines.append([line.split("] ", 1)[1] for line in result.stderr.splitlines() if "pages:" in line])
    records = len(validate_content(CONTENT).records)
    assert lines[0][0] == f"record pages: 0 unchanged (cached), {records} to render"
    assert lines[1][0] == f"record pages: {records} unchanged (cached), 0 to render"
    assert lines[1][1].endswith("unchanged (cached), 0 to render")


def test_a_save_stopped_before_its_state_keeps_no_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build killed after writing some of the cache's files and before its state: the state
    names the last save's files, so the new ones are not read, and with them the whole cache
    (the table and the pages' reads must come from one save): every page is rendered again,
    none is stale."""
    root = demo_copy(tmp_path, monkeypatch, "cache")
    build(root)
    state = tmp_path / "cache" / "pages" / "state.pickle"
    last_state = state.read_bytes()
    body_edit(root)
    build(root)  # its shards and table parts saved, then (as if killed) the last save's state put back
    state.write_bytes(last_state)
    log: list[str] = []
    warm = pages(build(root, log))
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cold"))
    assert warm == pages(build(root))
    assert rendered(log) == len(validate_content(root).records)
