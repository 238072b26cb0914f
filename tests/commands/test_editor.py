"""The schemas in a real editor backend: yaml-language-server (VS Code's YAML extension) over
stdio reports a content error at the right line, and completes and explains fields."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT
from tests.lsp import LanguageServer

SERVER = ROOT / "tools" / "editor" / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
MODELINE = "# yaml-language-server: $schema=../../schemas/meeting.schema.json\n"


@pytest.fixture
def server(tmp_path: Path):  # type: ignore[no-untyped-def]
    if not SERVER.exists() or not shutil.which("node"):
        pytest.fail("yaml-language-server is not installed: ./run test installs it with npm")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    (tmp_path / "content" / "meetings").mkdir(parents=True)
    ls = LanguageServer(["node", str(SERVER), "--stdio"], tmp_path)
    yield ls, tmp_path
    ls.close()


def meeting_text() -> str:
    return MODELINE + (FIXTURES / "valid" / "meetings" / "2025-04-10-kkp12.yaml").read_text("utf-8")


def test_error_is_reported_at_its_line(server) -> None:  # type: ignore[no-untyped-def]
    ls, root = server
    path = root / "content" / "meetings" / "m.yaml"
    text = meeting_text().replace("mode: online", "mode: onlin")
    ls.open(path, text)
    diagnostics = ls.diagnostics(path)
    line = text.splitlines().index("mode: onlin")
    assert any(d["range"]["start"]["line"] == line for d in diagnostics), diagnostics
    assert any("onsite" in d["message"] for d in diagnostics)


def test_unknown_field_is_flagged(server) -> None:  # type: ignore[no-untyped-def]
    ls, root = server
    path = root / "content" / "meetings" / "u.yaml"
    text = meeting_text().replace("participants: 32", "participant: 32")
    ls.open(path, text)
    line = text.splitlines().index("participant: 32")
    assert any(d["range"]["start"]["line"] == line for d in ls.diagnostics(path))


def test_completion_offers_the_schema_fields(server) -> None:  # type: ignore[no-untyped-def]
    ls, root = server
    path = root / "content" / "meetings" / "c.yaml"
    text = MODELINE + "id: c\ntitle: x\n\n"
    ls.open(path, text)
    result = ls.request("textDocument/completion", {"textDocument": {"uri": path.as_uri()},
                                                     "position": {"line": 3, "character": 0}})
    items = result["items"] if isinstance(result, dict) else result
    labels = {item["label"] for item in items}
    assert {"date", "venue", "attendees", "leverage_points", "mode"} <= labels


def test_hover_shows_thai_and_english(server) -> None:  # type: ignore[no-untyped-def]
    ls, root = server
    path = root / "content" / "meetings" / "h.yaml"
    ls.open(path, meeting_text())
    line = meeting_text().splitlines().index('date: "2025-04-10"')
    result = ls.request("textDocument/hover", {"textDocument": {"uri": path.as_uri()},
                                                "position": {"line": line, "character": 1}})
    contents = result["contents"]
    text = contents["value"] if isinstance(contents, dict) else str(contents)
    assert "วันที่ประชุม" in text and "Meeting date" in text


def test_shared_definitions_resolve_offline(server) -> None:  # type: ignore[no-untyped-def]
    ls, root = server
    path = root / "content" / "meetings" / "r.yaml"
    text = MODELINE + 'id: r\ntitle: x\ndate: "2025-01-01"\norganizers: [BAD ID]\n'
    ls.open(path, text)
    found = ls.diagnostics(path)
    assert [d["range"]["start"]["line"] for d in found] == [4]
    assert "common.schema.json" in found[0]["data"]["schemaUri"][0]
