"""Audits with the real tools: Lighthouse (mobile), axe-core in headless Chromium and the Nu Html
Checker, on the home page and one page of every kind. Used by tests/test_audit.py; run it alone
for the table of scores:  .venv/bin/python -m tests.audit
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools" / "audit" / "node_modules"
LIGHTHOUSE = TOOLS / "lighthouse" / "cli" / "index.js"
LIGHTHOUSE_PAGES = ROOT / "tools" / "audit" / "lighthouse-pages.mjs"
AXE = TOOLS / "axe-core" / "axe.min.js"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {
    "home": "",
    "meeting": "meetings/2025-04-10-kkp12-vulnerable-groups/",
    "meeting with photos": "meetings/2020-01-06-region12-informal-workers/",
    "area": "areas/tamnan-phatthalung/",
    "stakeholder": "stakeholders/kkp-region-12/",
    "proposal": "proposals/kkp12-central-information-system/",
    "proposals": "proposals/",
    "proposals by status": "proposals/status/accepted/",
    "system map": "systemmaps/kkp12-vulnerable-groups/",
    "topic": "topics/vulnerable-groups/",
    "hashtag": "tags/กขป-เขต12/",
    "province": "provinces/trang/",
    "provinces": "provinces/",
    "region": "regions/12/",
    "timeline": "timeline/",
    "search results": "search/?q=วัคซีน",
    "network": "network/",
}
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"


def lighthouse_pages(urls: list[str]) -> dict[str, dict[str, Any]]:
    """Per URL: scores 0–100 per category, and the audits that lost points. One Node and one
    Chromium for them all (tools/audit/lighthouse-pages.mjs): a minute less than one each."""
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    done = subprocess.run(["node", str(LIGHTHOUSE_PAGES), CHROME_FLAGS, ",".join(CATEGORIES), *urls],
                          cwd=LIGHTHOUSE_PAGES.parent, env=env, check=True, capture_output=True, text=True,
                          timeout=120 * len(urls))
    reports = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return {r["url"]: {"scores": r["scores"], "failing": r["failing"]} for r in reports}


def lighthouse(url: str) -> dict[str, Any]:
    return lighthouse_pages([url])[url]


def axe(driver: Any, url: str) -> list[str]:
    """axe-core violations of impact serious or critical on the loaded page."""
    driver.get(url)
    driver.execute_script(AXE.read_text("utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map("
        "v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))));")
    return [f"{v['id']} ({v['impact']}): {v['nodes']}" for v in result if v["impact"] in ("serious", "critical")]


def vnu(files: list[Path]) -> list[str]:
    """Nu Html Checker errors in built HTML files."""
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, timeout=300, check=False)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [f"{Path(m.get('url', '')).parent.name}: {m['message']}" for m in messages]


def page_file(site: Path, url: str) -> Path:
    return site / url.split("?")[0] / "index.html"


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from tests.browser import chromium, serve
    from tests.sitebuild import build

    with tempfile.TemporaryDirectory() as tmp:
        site = build(ROOT / "content", Path(tmp) / "site")
        errors = vnu([page_file(site, u) for u in PAGES.values()])
        with serve(site) as base, chromium(Path(tmp)) as driver:
            driver.set_script_timeout(60)
            print(f"{'page':<15} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} {'axe':>4} {'vnu':>4}")
            reports = lighthouse_pages([base + url for url in PAGES.values()])
            for name, url in PAGES.items():
                lh = reports[base + url]
                violations = axe(driver, base + url)
                own = [e for e in errors if e.startswith(Path(url.split("?")[0]).name + ":")]
                s = lh["scores"]
                print(f"{name:<15} {s['performance']:>5} {s['accessibility']:>5} {s['best-practices']:>5} "
                      f"{s['seo']:>5} {len(violations):>4} {len(own):>4}  {' '.join(lh['failing'])}", flush=True)


if __name__ == "__main__":
    main()
