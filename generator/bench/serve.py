"""Preview benchmark: `kb serve --edit` on a synthetic site, one meeting edited, time until the
open page in headless Chromium shows the edit (file watch + rebuild + live reload); then the
same through the browser editor's backend (a validated save at /api/v1), with the time the save
itself took (validation against every record, then the write).

    ./run bench --serve 1000
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

import yaml

from .synthetic import write_corpus

ROOT = Path(__file__).resolve().parents[2]  # the source checkout: benchmarks run from it
EDITS = 5


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, server: subprocess.Popen[bytes], limit: float = 900) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if server.poll() is not None:
            raise SystemExit("kb serve stopped before the site was up")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return time.perf_counter() - started
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"kb serve did not answer {url} in {limit:.0f} s")


def wait_for_heading(driver: Any, text: str, limit: float = 120) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        try:
            heading = driver.execute_script("const h = document.querySelector('article h1');"
                                            "return h ? h.textContent : '';")
        except Exception:  # noqa: BLE001 - the page is reloading under us
            heading = ""
        if text in heading:
            return time.perf_counter() - started
        time.sleep(0.05)
    raise SystemExit(f"the page did not show {text!r} within {limit:.0f} s")


def measure(size: int) -> dict[str, float]:
    sys.path.insert(0, str(ROOT))
    from tests.browser import chromium

    # the server's workers may still be removing an old site as it stops
    with tempfile.TemporaryDirectory(prefix="kb-serve-bench-", ignore_cleanup_errors=True) as tmp:
        content = Path(tmp) / "content"
        write_corpus(ROOT / "content", content, size)
        meeting = sorted((content / "meetings").glob("*.yaml"))[size // 2]
        port = free_port()
        env = os.environ | {"KB_CACHE_DIR": str(Path(tmp) / "cache")}
        server = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "--edit", "content", "-a",
                                   f"127.0.0.1:{port}"], cwd=tmp, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            url = f"http://127.0.0.1:{port}/meetings/{meeting.stem}/"
            first = wait_until_up(url, server)
            driver: Any
            with chromium(Path(tmp)) as driver:
                driver.get(url)
                times = [edit_and_wait(driver, meeting, n) for n in range(EDITS)]
                saves = [save_and_wait(driver, port, meeting, n) for n in range(EDITS)]
        finally:
            server.terminate()
            server.wait(30)
    return {"first": first, "median": statistics.median(times), "max": max(times),
            "save": statistics.median(s for s, _ in saves), "saved": statistics.median(p for _, p in saves)}


def save_and_wait(driver: Any, port: int, meeting: Path, n: int) -> tuple[float, float]:
    """A title changed through the editor's backend: (save answered, page updated) in seconds."""
    data = yaml.safe_load(meeting.read_text("utf-8"))
    marker = f"บันทึกจากตัวแก้ไข{n}"
    data["title"] = f"{data['title']} {marker}"
    body = json.dumps({"action": "kbSaveRecord", "params": {"path": f"content/meetings/{meeting.name}",
                                                           "data": data}}, default=str).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1", data=body, method="POST", headers={
        "Content-Type": "application/json", "Origin": f"http://127.0.0.1:{port}"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:
        response.read()
    saved = time.perf_counter() - started
    wait_for_heading(driver, marker)
    return saved, time.perf_counter() - started


def edit_and_wait(driver: Any, meeting: Path, n: int) -> float:
    data = yaml.safe_load(meeting.read_text("utf-8"))
    marker = f"แก้ไขครั้งที่{n}"
    data["title"] = f"{data['title']} {marker}"
    started = time.perf_counter()
    meeting.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    wait_for_heading(driver, marker)
    return time.perf_counter() - started


def run(sizes: list[int]) -> None:
    print(f"{'meetings':>9} {'first build s':>14} {'edit → page updated s (median / max of 5)':>44}"
          f" {'editor save answered s':>23} {'editor save → page updated s':>29}")
    for size in sizes:
        m = measure(size)
        print(f"{size:>9,} {m['first']:>14.1f} {m['median']:>30.2f} / {m['max']:<.2f}"
              f" {m['save']:>23.2f} {m['saved']:>29.2f}", flush=True)


if __name__ == "__main__":
    run([int(a) for a in sys.argv[1:]] or [1000])
