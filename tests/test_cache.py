"""The build cache never serves a stale page: edits to a record, a referenced record or a
template show on the next build, and a rebuild of unchanged content is identical."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cache import CHECK, Store, checksum, key_of
from generator.records.validate import validate_content
from generator.site import model, render
from generator.site.build import build_site

from .conftest import CONTENT, ROOT

MEETING = "meetings/2025-04-10-kkp12-vulnerable-groups"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copytree(CONTENT, tmp_path / "content")
    return tmp_path / "content"


def page(root: Path, src: str) -> str:
    return build_site(validate_content(root)).page(src).html


def test_rebuild_of_unchanged_content_is_identical_and_uses_the_cache(tree: Path) -> None:
    first = page(tree, f"{MEETING}.md")
    assert Store("terms").items and Store("graphviz").items
    assert page(tree, f"{MEETING}.md") == first


def test_record_edit_shows(tree: Path) -> None:
    page(tree, f"{MEETING}.md")
    path = tree / f"{MEETING}.yaml"
    path.write_text(path.read_text("utf-8").replace("participants: 32", "participants: 33"), "utf-8")
    assert "33 คน" in page(tree, f"{MEETING}.md")


def test_referenced_stakeholder_edit_shows_on_the_meeting(tree: Path) -> None:
    page(tree, f"{MEETING}.md")
    path = tree / "stakeholders" / "ppho-trang.yaml"
    path.write_text(path.read_text("utf-8").replace("title: สสจ.ตรัง", "title: สำนักงานสาธารณสุขจังหวัดตรัง (ใหม่)"),
                    "utf-8")
    assert "สำนักงานสาธารณสุขจังหวัดตรัง (ใหม่)" in page(tree, f"{MEETING}.md")


def test_system_map_edit_changes_the_diagram(tree: Path) -> None:
    before = build_site(validate_content(tree)).files["systemmaps/kkp12-vulnerable-groups/kkp12-vulnerable-groups.svg"]
    path = tree / "systemmaps" / "kkp12-vulnerable-groups.yaml"
    path.write_text(path.read_text("utf-8").replace("label: ระบบข้อมูลกลาง", "label: ระบบข้อมูลกลางใหม่", 1), "utf-8")
    after = build_site(validate_content(tree)).files["systemmaps/kkp12-vulnerable-groups/kkp12-vulnerable-groups.svg"]
    assert before != after and "ระบบข้อมูลกลางใหม่" in after.decode("utf-8")


def test_template_edit_shows(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page(tree, f"{MEETING}.md")
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "site_templates" / "pages", templates)
    meeting = templates / "meeting.html"
    meeting.write_text(meeting.read_text("utf-8").replace("ผู้เข้าร่วม</h2>", "ผู้ร่วมประชุม</h2>"), "utf-8")
    monkeypatch.setattr(model, "TEMPLATES", templates)
    render.environment.cache_clear()
    try:
        assert "ผู้ร่วมประชุม</h2>" in page(tree, f"{MEETING}.md")
    finally:
        render.environment.cache_clear()


def test_keys_depend_on_the_exact_input() -> None:
    assert key_of("terms", "กขป.เขต 12") != key_of("terms", "กขป.เขต ๑๒")
    assert key_of("terms", "x") != key_of("graphviz", "x")


def test_a_cache_written_by_other_code_reads_as_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pickle naming a module that no longer exists (code moved since) is a miss, not a crash."""
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path))
    data = b"cgenerator.gone\nMetrics\n."  # pickle protocol 0: a class
    (tmp_path / "old.pickle").write_bytes(checksum(data).to_bytes(CHECK, "big") + data)  # intact
    store = Store("old")
    assert store.items == {}
    assert store.get_or_make("key", lambda: 42) == 42


def test_a_build_imports_nothing_the_code_fingerprint_leaves_out(tmp_path: Path) -> None:
    """The page cache's fingerprint skips the importer, the benchmarks and the importer's data
    (an importer edit or a retraining must not render 15,000 pages anew): so a build may
    neither run their code nor open those files, and every data file it does not open is named
    importer data. And a build after one valid edit does not load
    the JSON Schema libraries at all (their imports were a tenth of such a build at 1,000
    meetings): the compiled checks and the schemas' field plans are kept."""
    from generator import IMPORTER_DATA
    from generator.site.page_cache import NOT_BUILT_FROM

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    cold = built_with_imports(content, tmp_path)
    assert "site" in cold["packages"] and not set(NOT_BUILT_FROM) & set(cold["packages"])
    data = {f.name for f in (ROOT / "generator" / "data").glob("*.yaml")}
    assert data - set(cold["opened"]) == set(IMPORTER_DATA), "a data file no build reads is IMPORTER_DATA"
    meeting = next((content / "meetings").glob("*.yaml"))
    meeting.write_text(meeting.read_text("utf-8") + "\n# แก้ไข\n", "utf-8")
    after_edit = built_with_imports(content, tmp_path)
    assert "referencing" in cold["modules"]  # the schemas walked once
    assert not {"jsonschema", "referencing"} & set(after_edit["modules"])


def built_with_imports(content: Path, tmp_path: Path) -> dict[str, list[str]]:
    """Build in a new process: the generator's packages it imported, the top-level modules it
    imported, and the names of the files it opened."""
    script = ("import sys, os; opened = set(); "
              "sys.addaudithook(lambda e, a: opened.add(os.path.basename(str(a[0]))) if e == 'open' else None); "
              "from generator.cli import main; "
              f"main(['build', {str(content)!r}, '-o', {str(tmp_path / 'site')!r}, '-q']); "
              "print({'packages': sorted({m.split('.')[1] for m in sys.modules if m.startswith('generator.')}), "
              "'modules': sorted({m.split('.')[0] for m in sys.modules}), 'opened': sorted(opened)})")
    env = {"KB_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    found: dict[str, list[str]] = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    return found
