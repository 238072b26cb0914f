"""The worker pools and the background process the build uses on big sites: same results as
in one process, failures reported with their traceback, and work given up on request."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.bench.synthetic import write_corpus
from generator.parallel import Background, Superseded, meanwhile, parallel_map, stop_when
from generator.records.validate import validate_content
from generator.search.index import build_search_index
from generator.site import build as site_build
from generator.site.build import build_site

from .conftest import CONTENT, ROOT


def square(n: int) -> int:
    return n * n


def test_parallel_map_keeps_order() -> None:
    assert parallel_map(square, range(1000), chunksize=7) == [n * n for n in range(1000)]


def test_background_returns_its_value_from_another_process() -> None:
    job = Background(lambda: (os.getpid(), list(range(100_000))))
    pid, value = job.result()
    assert pid != os.getpid() and value == list(range(100_000))


def test_a_background_failure_carries_its_traceback() -> None:
    def broken() -> None:
        raise ValueError("ข้อมูลเสีย")

    with pytest.raises(RuntimeError, match="ValueError: ข้อมูลเสีย"):
        Background(broken).result()


def test_work_is_given_up_when_a_newer_edit_waits() -> None:
    started = time.perf_counter()
    with stop_when(lambda: time.perf_counter() - started > 0.3):
        with pytest.raises(Superseded), meanwhile(lambda: time.sleep(30)) as job:
            job.result()
        with pytest.raises(Superseded):
            parallel_map(time.sleep, [30, 30])
    assert time.perf_counter() - started < 10, "the sleeping workers were stopped"


def test_a_big_site_built_with_background_search_equals_one_built_in_one_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_NO_CACHE", "1")
    root = tmp_path / "content"
    write_corpus(CONTENT, root, 300)
    content = validate_content(root)
    assert len(content.records) >= site_build.PARALLEL_FROM, "big enough for workers"
    site = build_site(content)
    search = {k: v for k, v in site.files.items() if k.startswith("search/")}
    assert search == build_search_index(site.index)
    monkeypatch.setattr(site_build, "PARALLEL_FROM", 10**9)
    alone = build_site(content)
    assert {p.src_uri: p.html for p in alone.pages} == {p.src_uri: p.html for p in site.pages}
    assert alone.files == site.files


def test_on_a_big_site_a_warm_build_after_an_edit_equals_a_cold_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages rendered by workers (their reads hashed there) are cached and reused correctly."""
    root = tmp_path / "content"
    write_corpus(CONTENT, root, 300)
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    log: list[str] = []
    build_site(validate_content(root))
    meeting = root / "meetings" / "m-150.yaml"
    meeting.write_text(meeting.read_text("utf-8").replace("title: ", "title: แก้ไข ", 1), "utf-8")
    warm = build_site(validate_content(root), progress=log.append)
    monkeypatch.setenv("KB_NO_CACHE", "1")
    cold = build_site(validate_content(root))
    assert {p.src_uri: p.html for p in warm.pages} == {p.src_uri: p.html for p in cold.pages}
    assert warm.files == cold.files
    reused = next(line for line in log if line.startswith("record pages:"))
    assert int(reused.split()[2]) > 400, reused  # most pages came from the cache


ORPHAN = """
import os, sys, time
from generator.parallel import Background
job = Background(lambda: (time.sleep(0.5), b"x" * 10_000_000))
print(job._process.pid, flush=True)
os._exit(0)  # the caller dies before the result is read (kb serve stopped mid-build)
"""


def test_a_background_process_does_not_outlive_its_caller() -> None:
    caller = subprocess.Popen([sys.executable, "-c", ORPHAN], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert caller.stdout is not None
    with caller.stdout:
        child = int(caller.stdout.readline())
        caller.wait(30)
        started = time.perf_counter()
        try:
            while Path(f"/proc/{child}").exists() and status_of(child) != "Z":
                assert time.perf_counter() - started < 20, "the background process was left waiting"
                time.sleep(0.1)
        finally:
            if Path(f"/proc/{child}").exists():
                os.kill(child, signal.SIGKILL)


def status_of(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][:1]
    except (OSError, IndexError):
        return "Z"
