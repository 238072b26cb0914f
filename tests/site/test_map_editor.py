"""Drawing a system map in headless Chromium (issue 25, part 3): the editor appears only where
the edit server answers, finds feedback loops as the build does while staff draw, and saves the
whole record through the editor's validated save. The drawing UI is driven against a stand-in
that keeps the edit server's contract; the end-to-end test runs the real `kb serve --edit`."""

from __future__ import annotations

import functools
import http.server
import io
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.bench.serve import free_port, wait_until_up
from generator.graph.diagrams import feedback_loops
from generator.records.load import Record
from tests.browser import QuietHandler, chromium, console_errors, serve
from tests.conftest import CONTENT, ROOT
from tests.sitebuild import build

pytestmark = [pytest.mark.browser, pytest.mark.slow]
MAP_ID = "kkp12-vulnerable-groups"
MAP = f"systemmaps/{MAP_ID}/"
LIVERELOAD = b"<script>var livereload = function () {};</script>"  # what kb serve adds to a page
REFUSAL = "systemmaps/x.yaml:3:5: ไม่พบโหนด 'nowhere' / no node 'nowhere'"


class EditServer(QuietHandler):
    """The edit server's contract (kbInfo, kbSaveRecord) over a built site; remembers saves."""

    saves: list[dict[str, Any]] = []
    refuse = False

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        page = path / "index.html" if path.is_dir() else path
        if page.suffix != ".html" or not page.is_file():
            return super().send_head()
        body = page.read_bytes().replace(b"</body>", LIVERELOAD + b"</body>")
        return self.reply(200, body, "text/html; charset=utf-8")

    def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
        request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if request["action"] == "kbInfo":
            answer: tuple[int, dict[str, Any]] = (200, {"edit": True, "content": "content"})
        elif self.refuse:
            answer = (422, {"error": REFUSAL, "diagnostics": []})
        else:
            self.saves.append(request["params"])
            answer = (200, {"ok": True})
        body = self.reply(answer[0], json.dumps(answer[1]).encode(), "application/json")
        self.wfile.write(body.read())

    def reply(self, status: int, body: bytes, kind: str) -> Any:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def edit_server(root: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(EditServer, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(CONTENT, tmp_path_factory.mktemp("mapedit") / "site")


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    browser: Any
    with chromium(tmp_path_factory.mktemp("chromium")) as browser:
        browser.set_script_timeout(30)
        yield browser


@pytest.fixture
def editor(site: Path, driver: Any) -> Iterator[Any]:
    """The map page under the stand-in edit server, the editor offered; no console errors after."""
    EditServer.saves, EditServer.refuse = [], False
    with edit_server(site) as base:
        fresh(driver, base + MAP)
        console_errors(driver)
        yield driver
    assert console_errors(driver) == []


def fresh(driver: Any, url: str, limit: float = 15) -> None:
    """The page with no unsaved drawing of an earlier test (the editor keeps one across reloads)."""
    driver.get(url)
    driver.execute_script("sessionStorage.clear()")
    driver.get(url)
    wait(driver, "return !!window.kbMapEditor", limit)


def wait(driver: Any, script: str, limit: float = 15) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, limit).until(lambda d: d.execute_script(script))


def call(driver: Any, expression: str) -> Any:
    """Await a promise of the page's test hook; a rejection comes back as {'error': message}."""
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"Promise.resolve({expression}).then(done, (e) => done({{error: e.message}}));")


def map_record(map_id: str = MAP_ID) -> Record:
    data = yaml.safe_load((CONTENT / "systemmaps" / f"{map_id}.yaml").read_text("utf-8"))
    return Record("systemmap", f"systemmaps/{map_id}.yaml", data)


def build_loops(data: dict[str, Any]) -> list[dict[str, Any]]:
    record = Record("systemmap", "systemmaps/m.yaml", data)
    return [{"name": loop.name, "kind": loop.kind, "nodes": loop.nodes} for loop in feedback_loops(record)]


def test_a_published_site_offers_no_editing_and_asks_no_server(site: Path, driver: Any) -> None:
    with serve(site) as base:
        driver.get(base + MAP)
        driver.get_log("performance")
        driver.get(base + MAP)
        time.sleep(0.5)
        requests = [json.loads(e["message"])["message"] for e in driver.get_log("performance")]
        urls = [m["params"]["request"]["url"] for m in requests if m["method"] == "Network.requestWillBeSent"]
        assert not [u for u in urls if "/api/" in u or "vendor/cytoscape" in u]
        assert driver.execute_script("return window.kbMapEditor === undefined")
        assert driver.execute_script("return document.querySelector('[data-kb-map-editor]').hidden")
        assert console_errors(driver) == []


@pytest.mark.parametrize("map_id", sorted(p.stem for p in (CONTENT / "systemmaps").glob("*.yaml")))
def test_loops_in_the_browser_are_the_builds(editor: Any, map_id: str) -> None:
    editor.get(editor.current_url.replace(MAP_ID, map_id))
    wait(editor, "return !!window.kbMapEditor")
    assert editor.execute_script("return kbMapEditor.loops()") == build_loops(map_record(map_id).data)
    assert editor.execute_script("return kbMapEditor.nodes().length") == len(map_record(map_id).data["nodes"])
    assert call(editor, "kbMapEditor.open()") is True
    placed = editor.execute_script("return kbMapEditor.canvas().nodes().map((n) => n.position())")
    assert len({(round(p["x"]), round(p["y"])) for p in placed}) == len(placed)  # where the build drew them


def test_an_unsaved_drawing_outlives_a_live_reload(editor: Any) -> None:
    new = editor.execute_script("const id = kbMapEditor.addNode('ร่าง'); kbMapEditor.addLink(id, 'wellbeing', '+');"
                                "return id")
    editor.refresh()
    wait(editor, "return !!window.kbMapEditor && !!kbMapEditor.canvas()")
    assert editor.execute_script("return kbMapEditor.nodes().at(-1).id") == new
    editor.execute_script("window.confirm = () => true; document.querySelector('[data-kb-edit=close]').click()")
    assert editor.execute_script("return kbMapEditor.canvas() === null && kbMapEditor.nodes().length") == \
        len(map_record().data["nodes"])
    editor.refresh()
    wait(editor, "return !!window.kbMapEditor")
    assert editor.execute_script("return kbMapEditor.canvas() === null")


def test_loops_match_the_build_on_random_maps(editor: Any) -> None:
    rng = random.Random(25)
    for _ in range(12):
        size = rng.randint(2, 9)
        data = editor.execute_script(
            "const e = kbMapEditor; e.nodes().forEach((n) => e.remove(n.id));"
            "const ids = Array.from({length: arguments[0]}, (_, i) => e.addNode('n' + i));"
            "arguments[1].forEach(([a, b, p]) => e.addLink(ids[a], ids[b], p));"
            "return {id: 'm', nodes: e.nodes(), links: e.links()};",
            size, [(rng.randrange(size), rng.randrange(size), rng.choice("+-")) for _ in range(size * 2)])
        assert editor.execute_script("return kbMapEditor.loops()") == build_loops(data), data


def test_drawing_a_factor_linked_both_ways_makes_an_r_loop_and_saves_the_record(editor: Any) -> None:
    assert call(editor, "kbMapEditor.open()") is True
    before = editor.execute_script("return kbMapEditor.loops()")
    new = editor.execute_script("return kbMapEditor.addNode('ความไว้วางใจในชุมชน')")
    editor.execute_script("kbMapEditor.addLink(arguments[0], 'wellbeing', '+');"
                          "kbMapEditor.addLink('wellbeing', arguments[0], '+')", new)
    loops = editor.execute_script("return kbMapEditor.loops()")
    added = [loop for loop in loops if new in loop["nodes"]]
    assert len(loops) == len(before) + 1 and added[0]["kind"] == "reinforcing"
    assert added[0]["nodes"] == sorted([new, "wellbeing"])  # the build's rotation: smallest id first
    shown = editor.execute_script("return [...document.querySelectorAll('.kb-mapedit__loop')]"
                                  ".map((b) => b.textContent)")
    assert any("ความไว้วางใจในชุมชน" in text and text.startswith(added[0]["name"]) for text in shown)
    drawn = editor.execute_script("return document.querySelector('.kb-mapedit__canvas') !== null")
    assert drawn and editor.execute_script("return document.querySelector('.kb-mapview').hidden")

    assert call(editor, "kbMapEditor.save()") == {"ok": True}
    saved = EditServer.saves[-1]
    original = map_record().data
    assert saved["path"] == f"content/systemmaps/{MAP_ID}.yaml"  # as the backend names files
    assert {k: v for k, v in saved["data"].items() if k not in ("nodes", "links")} == \
        {k: v for k, v in original.items() if k not in ("nodes", "links")}
    assert saved["data"]["nodes"][:-1] == original["nodes"]
    assert saved["data"]["nodes"][-1] == {"id": new, "label": "ความไว้วางใจในชุมชน", "kind": "factor"}
    assert saved["data"]["links"][-2:] == [{"from": new, "to": "wellbeing", "polarity": "+"},
                                           {"from": "wellbeing", "to": new, "polarity": "+"}]


def test_undo_rename_and_delete(editor: Any) -> None:
    call(editor, "kbMapEditor.open()")
    count = editor.execute_script("return kbMapEditor.loops().length")
    new = editor.execute_script("const id = kbMapEditor.addNode('ก');"
                                "kbMapEditor.addLink(id, 'wellbeing', '-'); kbMapEditor.addLink('wellbeing', id, '-');"
                                "return id")
    assert editor.execute_script("return kbMapEditor.loops().length") == count + 1
    editor.execute_script("kbMapEditor.undo()")
    assert editor.execute_script("return kbMapEditor.loops().length") == count
    editor.execute_script("kbMapEditor.rename(arguments[0], 'ข')", new)
    assert editor.execute_script("return kbMapEditor.nodes().at(-1).label") == "ข"
    editor.execute_script("kbMapEditor.remove(arguments[0])", new)
    assert new not in [n["id"] for n in editor.execute_script("return kbMapEditor.nodes()")]
    assert [link for link in editor.execute_script("return kbMapEditor.links()") if new in link.values()] == []
    editor.execute_script("kbMapEditor.undo(); kbMapEditor.undo()")
    assert editor.execute_script("return kbMapEditor.nodes().at(-1).label") == "ก"
    where = "return kbMapEditor.canvas().getElementById('wellbeing').position()"
    before = editor.execute_script(where)
    editor.execute_script("kbMapEditor.move('wellbeing', -500, -500)")
    assert editor.execute_script(where) == {"x": -500, "y": -500}
    editor.execute_script("kbMapEditor.undo()")
    assert editor.execute_script(where) == before


def test_a_refused_save_shows_the_validators_message(editor: Any) -> None:
    EditServer.refuse = True
    call(editor, "kbMapEditor.open()")
    editor.execute_script("kbMapEditor.addLink('wellbeing', 'nowhere', '+')")
    assert call(editor, "kbMapEditor.save()") == {"error": REFUSAL}
    assert editor.execute_script("return document.querySelector('.kb-mapedit__msg[role=alert]').textContent") == REFUSAL
    assert [e for e in console_errors(editor) if "status of 422" not in e] == []  # Chromium logs the refusal
    assert editor.execute_script("return kbMapEditor.links().at(-1).to") == "nowhere"  # the drawing stays to fix


def test_a_link_drawn_with_the_mouse(editor: Any) -> None:
    call(editor, "kbMapEditor.open()")
    editor.execute_script("document.querySelector('[data-kb-edit=link]').click()")
    ends = editor.execute_script(
        "const cy = kbMapEditor.canvas();"
        "const box = cy.container().getBoundingClientRect();"
        "return ['literacy', 'household-poverty'].map((id) => {"
        "  const p = cy.getElementById(id).renderedPosition(); return [box.x + p.x, box.y + p.y]; });")
    links = len(editor.execute_script("return kbMapEditor.links()"))
    (x1, y1), (x2, y2) = ends
    for kind, x, y in [("mousePressed", x1, y1), ("mouseMoved", (x1 + x2) / 2, (y1 + y2) / 2),
                       ("mouseMoved", x2, y2), ("mouseMoved", x2 + 1, y2), ("mouseReleased", x2 + 1, y2)]:
        editor.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left",
                                                            "buttons": 0 if kind == "mouseReleased" else 1,
                                                            "clickCount": 1})
        time.sleep(0.25)
    assert editor.execute_script("return kbMapEditor.links()")[links:] == [
        {"from": "literacy", "to": "household-poverty", "polarity": "+"}]



def test_the_toolbar_adds_a_factor_in_free_room_and_flips_a_links_sign(editor: Any) -> None:
    from selenium.webdriver.common.by import By

    editor.find_element(By.CSS_SELECTOR, ".kb-mapedit__open").click()
    wait(editor, "return !!kbMapEditor.canvas()")
    editor.find_element(By.CSS_SELECTOR, "[data-kb-edit=add]").click()
    prompt = editor.switch_to.alert
    prompt.send_keys("ปัจจัยจากปุ่ม")
    prompt.accept()
    assert editor.execute_script("return kbMapEditor.nodes().at(-1).label") == "ปัจจัยจากปุ่ม"
    overlaps = editor.execute_script(
        "const cy = kbMapEditor.canvas(), b = cy.nodes().last().boundingBox();"
        "return cy.nodes().not(cy.nodes().last()).filter((n) => { const o = n.boundingBox();"
        "  return !(b.x2 < o.x1 || b.x1 > o.x2 || b.y2 < o.y1 || b.y1 > o.y2); }).length")
    assert overlaps == 0
    sign = editor.execute_script("kbMapEditor.canvas().edges()[0].select(); return kbMapEditor.links()[0].polarity")
    editor.find_element(By.CSS_SELECTOR, "[data-kb-edit=polarity]").click()
    assert editor.execute_script("return kbMapEditor.links()[0].polarity") == {"+": "-", "-": "+"}[sign]


def test_a_link_made_with_the_keyboard(editor: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    call(editor, "kbMapEditor.open()")
    form = editor.find_element(By.CSS_SELECTOR, ".kb-mapedit__form")
    Select(form.find_element(By.NAME, "from")).select_by_value("literacy")
    Select(form.find_element(By.NAME, "to")).select_by_value("household-poverty")
    Select(form.find_element(By.NAME, "polarity")).select_by_value("-")
    form.find_element(By.NAME, "delay").click()
    form.find_element(By.CSS_SELECTOR, "button").send_keys("\n")
    assert editor.execute_script("return kbMapEditor.links().at(-1)") == {
        "from": "literacy", "to": "household-poverty", "polarity": "-", "delay": True}

# ---- end to end: the real edit server ----

NEW_FACTOR = "ความไว้วางใจในชุมชน"


@pytest.fixture(scope="module")
def edit_served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`kb serve --edit` on a copy of the demo content (its progress in serve.log beside it)."""
    tmp_path = tmp_path_factory.mktemp("kbserve")
    content, port = tmp_path / "content", free_port()
    shutil.copytree(CONTENT, content)
    command = [sys.executable, "-m", "generator.cli", "serve", "--edit", str(content), "-a", f"127.0.0.1:{port}"]
    env = os.environ | {"KB_CACHE_DIR": str(tmp_path / "cache")}
    with (tmp_path / "serve.log").open("wb") as log, \
            subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log) as server:
        try:
            wait_until_up(f"http://127.0.0.1:{port}/{MAP}", server, limit=180)
            yield f"http://127.0.0.1:{port}/", content
        finally:
            server.terminate()


def validator_message(content: Path, yaml_text: str) -> str:
    """What `kb validate` says about the map when its file holds yaml_text (on a copy)."""
    from generator.records.validate import validate_content

    copy = content.parent / "check"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(content, copy)
    (copy / "systemmaps" / f"{MAP_ID}.yaml").write_text(yaml_text, "utf-8")
    problems = [d for d in validate_content(copy).diagnostics if d.severity == "error"]
    assert len(problems) == 1, problems
    return problems[0].message


# the refusal first: it writes nothing, so no rebuild reloads the page under the next test
def test_a_link_to_nothing_is_refused_with_the_validators_message(
        edit_served: tuple[str, Path], driver: Any) -> None:
    base, content = edit_served
    path = content / "systemmaps" / f"{MAP_ID}.yaml"
    before = path.read_text("utf-8")
    fresh(driver, base + MAP, 60)
    driver.execute_script("kbMapEditor.addLink('wellbeing', 'nowhere', '+')")
    refused = call(driver, "kbMapEditor.save()")
    expected = validator_message(content, before + '  - from: wellbeing\n    to: nowhere\n    polarity: "+"\n')
    assert expected in refused["error"]
    assert path.read_text("utf-8") == before  # nothing written
    shown = driver.execute_script("return document.querySelector('.kb-mapedit__msg[role=alert]')?.textContent")
    assert shown is None or expected in shown


def test_drawing_saves_through_kb_serve_edit_and_the_rebuilt_page_shows_the_loop(
        edit_served: tuple[str, Path], driver: Any) -> None:
    base, content = edit_served
    path = content / "systemmaps" / f"{MAP_ID}.yaml"
    fresh(driver, base + MAP, 60)
    assert call(driver, "kbMapEditor.open()") is True
    new = driver.execute_script("const id = kbMapEditor.addNode(arguments[0]);"
                                "kbMapEditor.addLink(id, 'wellbeing', '+'); kbMapEditor.addLink('wellbeing', id, '-');"
                                "kbMapEditor.addLink(id, 'wellbeing', '-'); return id", NEW_FACTOR)
    loop = [x for x in driver.execute_script("return kbMapEditor.loops()") if new in x["nodes"]]
    assert [x["kind"] for x in loop] == ["reinforcing"]  # − and − : an even number of '−' links

    before = path.read_text("utf-8")
    answer = call(driver, "kbMapEditor.save()")
    assert answer.get("ok") is True, answer
    saved = Record("systemmap", str(path), yaml.safe_load(path.read_text("utf-8")))
    assert [x.name for x in feedback_loops(saved) if new in x.nodes] == [loop[0]["name"]]
    kept = [line for line in before.splitlines() if line.startswith(("id:", "title:", "summary:"))]
    assert all(line in path.read_text("utf-8").splitlines() for line in kept)  # untouched fields keep their text

    # the live preview rebuilds and reloads the page: the loop is on it
    wait(driver, f"const li = document.getElementById('loop-{loop[0]['name']}');"
                 f"return li && li.textContent.includes('{NEW_FACTOR}')", 180)
    wait(driver, "return !!window.kbMapEditor")
    assert driver.execute_script("return kbMapEditor.canvas() === null")  # saved: the page opens as a reader sees it
