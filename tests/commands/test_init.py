"""kb init DIR: a committee's content project, apart from kb's code, that builds with the
installed kb; its mkdocs.yml names the hosted editor's repository and branch, its editor settings
map every kind's folder to a schema, and its CI files pass actionlint and the vendored schemas."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.cli import main
from generator.editor.hosted import hosted_config
from generator.mkdocs.config import merge_plugins, project_options
from generator.records.kinds import kinds
from tests.conftest import ROOT
from tests.lsp import SETTINGS, LanguageServer

from ..test_install import installed  # noqa: F401 - the wheel, built once for this module
from .test_editor import SERVER

ACTIONLINT = ROOT / "tools" / "workflows" / "node_modules" / "@tktco" / "node-actionlint" / "bin" / "node-actionlint.js"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
WORKFLOWS = (".github/workflows/validate.yml", ".github/workflows/publish.yml")


def init(folder: Path, *options: str) -> Path:
    assert main(["init", str(folder), *options]) == 0
    return folder


def plugin_options(folder: Path) -> dict[str, Any]:
    """The thai-kb plugin's options as MkDocs reads them (its own loader: !ENV, INHERIT)."""
    from mkdocs.config import load_config

    config_file = folder / "mkdocs.yml"
    config = load_config(str(config_file), **project_options(config_file))  # raises if invalid
    return dict(config.plugins["thai-kb"].config)


def test_init_makes_the_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = init(tmp_path / "kkp", "--title", "คลังความรู้ กขป. เขต 12", "--repo", "kkp12/kb-site")
    made = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert {"README.md", "mkdocs.yml", "requirements.txt", ".gitignore", ".pre-commit-config.yaml",
            ".vscode/settings.json", ".gitlab-ci.yml", *WORKFLOWS} <= made
    assert {f"content/{kind.folder}/.gitkeep" for kind in kinds().values()} <= made
    assert {f"schemas/{name}.schema.json" for name in kinds()} <= made
    assert not {"gitignore", "gitlab-ci.yml", "pre-commit-config.yaml"} & made, "dot names restored"
    assert not [name for name in made if "[[" in (folder / name).read_text("utf-8")], "every token filled"
    assert {"site/", ".cache/"} <= set((folder / ".gitignore").read_text("utf-8").split())
    printed = capsys.readouterr().out
    assert "kb new meeting" in printed and "ขั้นต่อไป" in printed and "next steps" in printed
    assert "https://kkp12.github.io/kb-site/" in printed


def test_no_template_name_starts_with_a_dot() -> None:
    """Setuptools leaves such files out of the wheel: kb init adds the dot when it copies."""
    templates = ROOT / "site_templates" / "project"
    assert not list(templates.rglob(".*"))
    assert {p.name for p in templates.iterdir()} >= {"gitignore", "github", "gitlab-ci.yml", "vscode"}


def test_the_readme_is_thai_first_then_english(tmp_path: Path) -> None:
    readme = (init(tmp_path / "p", "--repo", "kkp12/kb-site") / "README.md").read_text("utf-8")
    thai, english = readme.index("## ภาษาไทย"), readme.index("## English")
    assert thai < english
    for needed in ("kb init", "kb new meeting", "kb serve --edit", "/admin/", "Pages", "OAuth", "app_id",
                   "base_url", "draft: true", "kkp12/kb-site"):
        assert needed in readme[thai:english] and needed in readme[english:], needed
    assert "ร่าง" in readme and "รอตรวจ" in readme and "พร้อมเผยแพร่" in readme


def test_the_site_address_given_is_the_one_the_readme_uses(tmp_path: Path) -> None:
    folder = init(tmp_path / "p", "--host", "gitea", "--repo", "kkp12/kb", "--site-url", "https://kb.example.go.th")
    readme = (folder / "README.md").read_text("utf-8")
    assert "Redirect URI = `https://kb.example.go.th/admin/`" in readme and "SITE.example" not in readme


@pytest.mark.parametrize("existing", ["a file", "a folder"])
def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path, existing: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "taken"
    folder.mkdir()
    (folder / "notes").mkdir() if existing == "a folder" else (folder / "notes.txt").write_text("เดิม")
    assert main(["init", str(folder)]) == 2
    error = capsys.readouterr().err
    assert "ไม่ว่าง" in error and "not empty" in error
    assert [p.name for p in folder.iterdir()] == ["notes" if existing == "a folder" else "notes.txt"]


def test_init_accepts_an_empty_folder_and_refuses_a_bad_repo(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    init(tmp_path / "empty")
    (tmp_path / "clone" / ".git").mkdir(parents=True)  # a clone of the new, empty repository
    assert (init(tmp_path / "clone") / "mkdocs.yml").exists()
    assert main(["init", str(tmp_path / "x"), "--repo", "no slash"]) == 2
    assert main(["init", str(tmp_path / "x"), "--branch", "main; rm"]) == 2
    assert main(["init", str(tmp_path / "y"), "--host", "gitlab", "--host-url", "git.example.org"]) == 2
    assert not (tmp_path / "x").exists() and not (tmp_path / "y").exists()


@pytest.mark.parametrize(("host", "extra", "expected"), [
    ("github", [], {"backend": "github", "auth_endpoint": "auth"}),
    ("gitlab", [], {"backend": "gitlab", "auth_type": "pkce", "auth_endpoint": "oauth/authorize"}),
    ("gitlab", ["--host-url", "https://git.example.go.th"],
     {"backend": "gitlab", "api_root": "https://git.example.go.th/api/v4", "base_url": "https://git.example.go.th"}),
    ("gitea", ["--host-url", "https://gitea.example.org/"],
     {"backend": "gitea", "api_root": "https://gitea.example.org/api/v1",
      "auth_endpoint": "https://gitea.example.org/login/oauth/authorize"}),
])
def test_mkdocs_yml_names_the_repository_and_branch(tmp_path: Path, host: str, extra: list[str],
                                                    expected: dict[str, str]) -> None:
    folder = init(tmp_path / host, "--repo", "kkp12/kb-site", "--branch", "publish", "--host", host, *extra)
    editor = plugin_options(folder)["editor"]
    assert editor["repo"] == "kkp12/kb-site" and editor["branch"] == "publish"
    assert expected.items() <= editor.items()
    decap = yaml.safe_load(hosted_config(editor))  # the published site's admin/config.yml
    assert decap.get("publish_mode") == (None if host == "gitea" else "editorial_workflow")  # Gitea: no workflow
    assert decap["backend"] == {"name": host, "repo": "kkp12/kb-site", "branch": "publish"} | {
        k: v for k, v in editor.items() if k not in ("backend", "repo", "branch")}


def test_kb_serve_can_read_the_options_at_every_rebuild(tmp_path: Path) -> None:
    """MkDocs' serve calls load_config with the same options again after each edit."""
    from mkdocs.config import load_config

    config_file = init(tmp_path / "p", "--repo", "kkp12/kb-site") / "mkdocs.yml"
    options = project_options(config_file)
    for _ in range(2):
        config = load_config(str(config_file), site_dir=str(tmp_path / "served"), **options)
        assert config.plugins["thai-kb"].config["editor"]["repo"] == "kkp12/kb-site"


def test_without_a_repository_the_editor_waits_commented(tmp_path: Path) -> None:
    folder = init(tmp_path / "local")
    assert plugin_options(folder)["editor"] == {}
    assert "# editor:" in (folder / "mkdocs.yml").read_text("utf-8")


def test_the_title_reaches_mkdocs_whatever_its_characters(tmp_path: Path) -> None:
    from mkdocs.config import load_config

    title = 'สมัชชาสุขภาพ: "ตรัง" # 2568'
    config_file = init(tmp_path / "t", "--title", title) / "mkdocs.yml"
    assert load_config(str(config_file), **project_options(config_file)).site_name == title


def test_editor_settings_map_every_kind_folder_to_its_schema(tmp_path: Path) -> None:
    folder = init(tmp_path / "p")
    mapping = json.loads((folder / ".vscode" / "settings.json").read_text("utf-8"))["yaml.schemas"]
    for name, kind in kinds().items():
        schema = f"./schemas/{name}.schema.json"
        assert (folder / schema).is_file()
        assert f"content/{kind.folder}/*.yaml" in mapping[schema]
    for schema in mapping:
        assert json.loads((folder / schema).read_text("utf-8")) == json.loads(
            (ROOT / "schemas" / Path(schema).name).read_text("utf-8"))


def test_the_real_language_server_follows_the_mapping(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """yaml-language-server (VS Code's YAML extension) given the project's settings checks a record
    that has no schema comment line."""
    if not SERVER.exists() or not shutil.which("node"):
        pytest.fail("yaml-language-server is not installed: ./run test installs it with npm")
    folder = init(tmp_path / "p")
    settings = json.loads((folder / ".vscode" / "settings.json").read_text("utf-8"))
    monkeypatch.setitem(SETTINGS["yaml"], "schemas", settings["yaml.schemas"])
    server = LanguageServer(["node", str(SERVER), "--stdio"], folder)
    try:
        path = folder / "content" / "meetings" / "m.yaml"
        text = 'id: m\ntitle: ประชุม\ndate: "2025-01-01"\nmode: onlin\n'
        server.open(path, text)
        assert any(d["range"]["start"]["line"] == 3 and "onsite" in d["message"] for d in server.diagnostics(path))
    finally:
        server.close()


def test_update_refreshes_only_the_schemas(tmp_path: Path) -> None:
    folder = init(tmp_path / "p")
    (folder / "schemas" / "meeting.schema.json").write_text("{}")
    (folder / "mkdocs.yml").write_text("site_name: ของเรา\n")
    assert main(["init", "--update", str(folder)]) == 0
    refreshed = folder / "schemas" / "meeting.schema.json"
    assert refreshed.read_bytes() == (ROOT / "schemas" / "meeting.schema.json").read_bytes()
    assert (folder / "mkdocs.yml").read_text() == "site_name: ของเรา\n"
    assert main(["init", "--update", str(tmp_path / "nothing")]) == 2


def test_pre_commit_runs_kb_validate(tmp_path: Path) -> None:
    config = yaml.safe_load((init(tmp_path / "p") / ".pre-commit-config.yaml").read_text("utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert hook["id"] == "kb-validate" and hook["entry"].startswith("kb validate") and not hook["pass_filenames"]


def test_github_workflows_pass_actionlint(tmp_path: Path) -> None:
    if not ACTIONLINT.exists() or not shutil.which("node"):
        pytest.fail("actionlint is not installed: ./run test installs it with npm into tools/workflows")
    folder = init(tmp_path / "p", "--repo", "kkp12/kb-site", "--branch", "publish")
    done = subprocess.run(["node", str(ACTIONLINT), ".github/workflows/*.yml"], cwd=folder,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "2 workflow file(s)" in done.stdout, done.stdout + done.stderr


def test_ci_files_pass_the_vendored_schemas(tmp_path: Path) -> None:
    folder = init(tmp_path / "p", "--repo", "kkp12/kb-site", "--branch", "publish")
    for schema, files in (("vendor.github-workflows", WORKFLOWS), ("vendor.gitlab-ci", (".gitlab-ci.yml",))):
        done = subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", schema, *files], cwd=folder,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr


def test_ci_validates_changes_and_publishes_the_branch_with_its_cache(tmp_path: Path) -> None:
    folder = init(tmp_path / "p", "--repo", "kkp12/kb-site", "--branch", "publish")
    validate = yaml.safe_load((folder / WORKFLOWS[0]).read_text("utf-8"))
    publish = yaml.safe_load((folder / WORKFLOWS[1]).read_text("utf-8"))
    gitlab = yaml.safe_load((folder / ".gitlab-ci.yml").read_text("utf-8"))
    assert "pull_request" in validate[True]  # YAML 1.1 reads the key `on` as True
    assert publish[True]["push"]["branches"] == ["publish"]
    steps = publish["jobs"]["build"]["steps"]
    assert any(s.get("uses", "").startswith("actions/cache") and s["with"]["path"] == ".cache/kb" for s in steps)
    assert any("kb build" in s.get("run", "") for s in steps)
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in publish["jobs"]["deploy"]["steps"])
    assert gitlab["validate"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert gitlab["pages"]["rules"] == [{"if": '$CI_COMMIT_BRANCH == "publish"'}]
    assert ".cache/kb" in gitlab["pages"]["cache"]["paths"] and gitlab["pages"]["artifacts"]["paths"] == ["public"]
    installs = [line for text in ((folder / f).read_text("utf-8") for f in (*WORKFLOWS, ".gitlab-ci.yml"))
                for line in text.splitlines() if "pip install" in line]
    assert installs and all("-r requirements.txt" in line for line in installs), "one place says which kb"


@pytest.mark.slow
def test_a_new_project_end_to_end_with_the_installed_wheel(installed: Path, tmp_path: Path) -> None:  # noqa: F811
    """kb init, kb new meeting, kb build: all by the wheel's `kb` in a fresh virtualenv (its
    dependencies borrowed from the project's, as nothing can be downloaded here)."""
    kb = fresh_venv_kb(installed, tmp_path / "venv")
    folder = tmp_path / "kkp12"
    run_kb(kb, tmp_path, "init", "kkp12", "--title", "คลังความรู้ กขป. เขต 12", "--repo", "kkp12/kb-site")
    assert {".gitignore", ".github/workflows/publish.yml", ".gitlab-ci.yml", "schemas/meeting.schema.json"} <= {
        p.relative_to(folder).as_posix() for p in folder.rglob("*")}, "the wheel carries every template"
    run_kb(kb, folder, "new", "meeting", "--id", "first-meeting")
    record = folder / "content" / "meetings" / "first-meeting.yaml"
    text = record.read_text("utf-8").replace('title: ""', "title: ประชุมครั้งแรก").replace("draft: true\n", "")
    record.write_text(text, "utf-8")
    run_kb(kb, folder, "validate", "content")  # what the CI and the pre-commit hook run
    run_kb(kb, folder, "build", "-q")
    which = [kb[0], "-c", "import generator; print(generator.__file__)"]
    assert run_kb(which, folder).startswith(str(installed / "generator")), "the wheel's code ran, not the checkout"
    page = (folder / "site" / "meetings" / "first-meeting" / "index.html").read_text("utf-8")
    assert "ประชุมครั้งแรก" in page and "คลังความรู้ กขป. เขต 12" in page
    home = BeautifulSoup((folder / "site" / "index.html").read_text("utf-8"), "html.parser")
    assert home.select_one("article h1").get_text(strip=True) == "คลังความรู้ กขป. เขต 12"  # its own name
    assert (folder / ".cache" / "kb").is_dir()
    decap = yaml.safe_load((folder / "site" / "admin" / "config.yml").read_text("utf-8"))  # the hosted editor
    assert decap["backend"]["repo"] == "kkp12/kb-site" and decap["backend"]["branch"] == "main"
    assert decap["backend"]["name"] == "github" and decap["publish_mode"] == "editorial_workflow"


def fresh_venv_kb(wheel: Path, venv: Path) -> list[str]:
    """A new virtualenv whose `kb` is the wheel's console script; the dependencies come from the
    project's virtualenv through a .pth line (after the wheel, so the checkout never shadows it)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          check=True, capture_output=True, text=True).stdout.strip()
    ours = subprocess.run([sys.executable, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "kb-wheel.pth").write_text(f"{wheel}\n{ours}\n")
    return [str(python), str(wheel / "bin" / "kb")]


def run_kb(kb: list[str], cwd: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KB_")}
    env.pop("PYTHONPATH", None)
    done = subprocess.run([*kb, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_a_projects_plugin_options_go_over_the_installed_kbs() -> None:
    """MkDocs' INHERIT would replace the plugin list: the options kb adds would not reach projects."""
    base = [{"thai-kb": {"content_dir": "content", "shell": True}}, "search"]
    own = [{"thai-kb": {"editor": {"repo": "a/b"}, "shell": False}}]
    merged = {"thai-kb": {"content_dir": "content", "shell": False, "editor": {"repo": "a/b"}}, "search": {}}
    assert merge_plugins(base, own) == merged
