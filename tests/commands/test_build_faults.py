"""`kb build` under faults (issue 19): two builds at once, a build killed mid-way, a corrupted
cache. Each time the site is whole, and equals what a cold build (empty cache) makes."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from generator.commands.build import swap
from tests.conftest import FIXTURES, ROOT

MEETING = "meetings/2025-04-10-kkp12.yaml"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small valid corpus in its own project folder, with its own cache, built reproducibly."""
    shutil.copytree(FIXTURES / "valid", tmp_path / "content")
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1744243200")  # the sitemap's dates and .gz stamp
    return tmp_path


def kb_build(project: Path, output: str = "site", **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "generator.cli", "build", str(project / "content"),  # noqa: S603
                             "-o", str(project / output), "-f", str(ROOT / "mkdocs.yml")],
                            cwd=project, env={**os.environ, "PYTHONPATH": str(ROOT), **env}, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=ctrl_c_as_at_a_terminal)


def ctrl_c_as_at_a_terminal() -> None:
    """A suite started in the background (`./run test &`) ignores SIGINT, and so would the
    builds it starts (Python leaves an ignored SIGINT ignored): they get Ctrl-C as a user's has."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def built(project: Path, output: str = "site", **env: str) -> dict[str, str]:
    process = kb_build(project, output, **env)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, out + err
    return files_of(project / output)


def files_of(site: Path) -> dict[str, str]:
    """Every file of a site by its path, as a hash of its bytes."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def cold(project: Path) -> dict[str, str]:
    """What a build with an empty cache makes of the project's content now."""
    return built(project, "cold-site", KB_CACHE_DIR=tempfile.mkdtemp(dir=project))


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.glob(".site-new-*"))


def edit_title(project: Path, title: str) -> None:
    path = project / "content" / MEETING
    text = path.read_text("utf-8")
    path.write_text(text.replace(text.splitlines()[1], f"title: {title}", 1), "utf-8")


def test_two_builds_at_once_both_succeed_and_leave_one_whole_site(project: Path) -> None:
    processes = [kb_build(project), kb_build(project)]
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, out + err
    assert files_of(project / "site") == cold(project)
    assert leftovers(project) == []


def test_sites_swapped_in_by_many_builds_finishing_together_never_fail(tmp_path: Path) -> None:
    """The last step of a build, the swap, raced by four threads 50 times each on the real file
    system (two renames: another build may put its site in place between them)."""
    failures: list[str] = []

    def finish_builds(writer: int) -> None:
        for number in range(50):
            staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=tmp_path))
            (staging / "index.html").write_text(f"{writer}-{number}", "utf-8")
            try:
                swap(staging, tmp_path / "site")
            except OSError as exc:
                failures.append(repr(exc))

    threads = [threading.Thread(target=finish_builds, args=(writer,)) for writer in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert (tmp_path / "site" / "index.html").read_text("utf-8").endswith("-49")
    assert leftovers(tmp_path) == []


def killed_at(project: Path, stage: str, sign: signal.Signals = signal.SIGKILL) -> int:
    """A build of the project stopped by a signal when it reports reaching a stage (0: it had
    finished before the signal came)."""
    process = kb_build(project)
    assert process.stderr is not None
    for line in process.stderr:
        if stage in line:
            process.send_signal(sign)
            break
    process.communicate(timeout=120)
    return process.returncode


def stopped_after_an_edit(project: Path, stage: str, sign: signal.Signals) -> tuple[dict[str, str], int]:
    """The site before, and the exit status of a build after a title edit, stopped at `stage`.
    A build that finishes before the signal arrives (the small corpus builds in a moment after
    an edit) is tried again after another edit."""
    for attempt in range(5):
        before = files_of(project / "site")
        edit_title(project, f"ประชุมที่แก้ชื่อแล้ว {stage[:5]} {attempt}")
        status = killed_at(project, stage, sign)
        if status != 0:
            return before, status
    pytest.fail(f"five builds finished before the signal at {stage!r}")


def test_builds_killed_midway_leave_the_previous_site_and_the_next_build_equals_a_cold_one(
        project: Path) -> None:
    built(project)
    for stage in ["related pages ranked", "search index built"]:  # the page cache is saved between
        before, status = stopped_after_an_edit(project, stage, signal.SIGKILL)
        assert status == -signal.SIGKILL
        assert files_of(project / "site") == before
    after = built(project)
    assert after == cold(project) and after != before


def test_a_build_stopped_with_ctrl_c_cleans_up_after_itself(project: Path) -> None:
    built(project)
    before, status = stopped_after_an_edit(project, "related pages ranked", signal.SIGINT)
    assert status == 130
    assert files_of(project / "site") == before
    assert leftovers(project) == []


DAMAGES = [
    lambda data: data[: len(data) // 2],  # cut short (a full disk)
    lambda data: os.urandom(len(data)),  # garbage
    lambda data: b"",  # empty
    lambda data: data[:-100] + bytes([data[-100] ^ 0x10]) + data[-99:],  # one bit flipped inside the data
]


def test_a_corrupted_cache_is_read_as_empty_and_the_build_equals_a_cold_one(project: Path) -> None:
    """Every cache file damaged, each in one of four ways (two rounds, so each file meets two)."""
    built(project)
    edit_title(project, "ประชุมหลังแคชเสีย")
    reference = cold(project)
    for round_ in range(2):
        caches = sorted((project / "cache").rglob("*.pickle"))
        assert len(caches) >= 5
        for number, cache in enumerate(caches):
            data = cache.read_bytes()
            cache.write_bytes(DAMAGES[(number + round_) % len(DAMAGES)](data) if len(data) > 100 else b"")
        assert built(project) == reference
