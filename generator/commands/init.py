"""kb init DIR: a committee's own content project, apart from kb's code. It is built with the
installed kb, so it holds only what is the committee's: content/, a short mkdocs.yml (name,
address, editor settings), the schemas for editors, a pre-commit hook and CI for GitHub and GitLab.

The templates are in site_templates/project/ (the wheel carries them). Setuptools leaves out
files whose names start with a dot, so they are stored without it and get it back on copy.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .. import __version__, bundled_dir
from ..records.kinds import kinds
from ..records.media import MEDIA

DOTTED = {"gitignore", "gitlab-ci.yml", "pre-commit-config.yaml", "github", "vscode"}
HOSTS = {"github": "https://github.com", "gitlab": "https://gitlab.com", "gitea": "https://gitea.com",
         "forgejo": "https://codeberg.org"}
TOKEN = re.compile(r"\[\[(\w+)\]\]")
REPO = re.compile(r"[\w.-]+(/[\w.-]+)+")
BRANCH = re.compile(r"[\w.-]+(/[\w.-]+)*")
DEFAULT_TITLE = "คลังความรู้ของคณะกรรมการ"
UNKNOWN_URL = "https://SITE.example.org/"  # a self-hosted Pages: its admin knows (--site-url)


@dataclass(frozen=True)
class Project:
    title: str
    repo: str | None
    branch: str
    host: str
    host_url: str
    site_url: str


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="สร้างโครงการเนื้อหาใหม่ / make a new content project")
    p.add_argument("dir", help="a new or empty folder (or a fresh clone: only .git)")
    p.add_argument("--title", default=DEFAULT_TITLE, help=f"the site's name (default: {DEFAULT_TITLE})")
    p.add_argument("--repo", help="OWNER/NAME of the project's repository on the git host")
    p.add_argument("--branch", default="main", help="the published branch (default: main)")
    p.add_argument("--host", choices=list(HOSTS), default="github", help="the git host (default: github)")
    p.add_argument("--host-url", help="a self-hosted GitLab, Gitea or Forgejo, e.g. https://git.example.org")
    p.add_argument("--site-url", help="the published site's address (default: the host's Pages address)")
    p.add_argument("--update", action="store_true",
                   help="refresh the schemas/ of an existing project after upgrading kb (nothing else)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    folder = Path(args.dir)
    if args.update:
        return update(folder)
    project = settings(args)
    refuse_existing(folder)
    create(folder, project)
    print(next_steps(folder, project))
    return 0


def settings(args: argparse.Namespace) -> Project:
    from ..cli import UsageError

    if args.repo is not None and not REPO.fullmatch(args.repo):
        raise UsageError(f"--repo ต้องเป็น OWNER/NAME / --repo must be OWNER/NAME, not '{args.repo}'")
    if not BRANCH.fullmatch(args.branch):
        raise UsageError(f"--branch: ชื่อกิ่งใช้ไม่ได้ / not a branch name: '{args.branch}'")
    if args.host_url is not None and not re.match(r"https?://", args.host_url):
        raise UsageError("--host-url ต้องขึ้นต้นด้วย https:// / --host-url must start with https://")
    host_url = (args.host_url or HOSTS[args.host]).rstrip("/")
    site_url = args.site_url or pages_url(args.host, host_url, args.repo)
    return Project(args.title, args.repo, args.branch, args.host, host_url, site_url.rstrip("/") + "/")


def pages_url(host: str, host_url: str, repo: str | None) -> str:
    """Where GitHub or GitLab.com Pages publish the repository; elsewhere the host's admin
    decides. Only the README and messages show it: the CI passes the real one (KB_SITE_URL)."""
    if repo is None or host_url != HOSTS.get(host) or host not in ("github", "gitlab"):
        return UNKNOWN_URL
    owner, _, name = repo.partition("/")
    return f"https://{owner.lower()}.{host}.io/{name}/"


def refuse_existing(folder: Path) -> None:
    from ..cli import UsageError

    # a clone of the new, empty repository holds only .git: that is empty enough
    if folder.exists() and (not folder.is_dir() or any(p.name != ".git" for p in folder.iterdir())):
        raise UsageError(f"'{folder}' มีอยู่แล้วและไม่ว่าง kb init ไม่เขียนทับ เลือกโฟลเดอร์ใหม่ / "
                         f"'{folder}' exists and is not empty; kb init never overwrites: choose a new folder")


def create(folder: Path, project: Project) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    copy_templates(bundled_dir("site_templates") / "project", folder, values(project))
    shutil.copytree(bundled_dir("schemas"), folder / "schemas")
    write_new(folder / ".vscode" / "settings.json", editor_settings())
    for name in [*(kind.folder for kind in kinds().values()), MEDIA]:
        write_new(folder / "content" / name / ".gitkeep", "")  # git keeps no empty folder


def copy_templates(source: Path, target: Path, replacements: dict[str, dict[str, str]]) -> None:
    """Each template with its [[tokens]] filled in: YAML files get quoted values."""
    for path in sorted(source.rglob("*")):
        if path.is_dir() or "__pycache__" in path.parts:
            continue
        relative = path.relative_to(source)
        first, *rest = relative.parts
        destination = target.joinpath("." + first if first in DOTTED else first, *rest)
        style = "yaml" if path.suffix in (".yml", ".yaml") else "text"
        write_new(destination, fill(path.read_text("utf-8"), replacements[style]))


def fill(text: str, replacements: dict[str, str]) -> str:
    return TOKEN.sub(lambda match: replacements[match.group(1)], text)


def values(project: Project) -> dict[str, dict[str, str]]:
    """The tokens' text: as written in a README, and quoted for YAML (JSON strings are YAML)."""
    plain = {"title": project.title, "repo": project.repo or "OWNER/NAME", "branch": project.branch,
             "host": project.host, "host_url": project.host_url, "site_url": project.site_url,
             "version": __version__}
    quoted = {name: json.dumps(value, ensure_ascii=False) for name, value in plain.items()}
    return {"text": plain, "yaml": quoted | {"editor": editor_block(project)}}


def editor_block(project: Project) -> str:
    """The hosted editor's settings under the thai-kb plugin (kb turns them into the published
    site's admin/config.yml). Without --repo they are left commented, to be filled in later."""
    lines = [f"backend: {project.host}", f"repo: {json.dumps(project.repo or 'OWNER/NAME')}",
             f"branch: {json.dumps(project.branch)}", *auth_lines(project)]
    prefix = "      " if project.repo else "      # "
    return "\n".join([prefix + "editor:", *(prefix + "  " + line for line in lines)])


def auth_lines(project: Project) -> list[str]:
    """How reporters log in (the project's README: แก้ไขผ่านเว็บ / Editing on the web): GitHub needs an OAuth proxy of
    the committee's own; GitLab, Gitea and Forgejo log in from the browser (PKCE) with an app id."""
    if project.host == "github":
        return ['base_url: "https://OAUTH-PROXY.example.org"  # ← ที่อยู่ตัวกลาง OAuth / your OAuth proxy',
                "auth_endpoint: auth"]
    own = [f"api_root: {json.dumps(project.host_url + api_path(project.host))}",
           f"base_url: {json.dumps(project.host_url)}"]
    app_id = 'app_id: ""  # ← Application/Client ID ของแอป OAuth / the OAuth application\'s id'
    if project.host == "gitlab":
        return ["auth_type: pkce", app_id, *(own if project.host_url != HOSTS["gitlab"] else []),
                "auth_endpoint: oauth/authorize"]
    return [app_id, *own, f"auth_endpoint: {json.dumps(project.host_url + '/login/oauth/authorize')}"]


def api_path(host: str) -> str:
    return "/api/v4" if host == "gitlab" else "/api/v1"


def editor_settings() -> str:
    """VS Code's YAML extension: every kind's folder mapped to its schema, so a record needs no
    schema comment line. The schemas are the project's copy (`kb init --update` refreshes it),
    so the mapping holds on every machine and in every checkout."""
    schemas = {f"./schemas/{name}.schema.json": [f"content/{kind.folder}/*.yaml", f"content/{kind.folder}/*.yml"]
               for name, kind in kinds().items()}
    settings = {"yaml.schemas": schemas, "yaml.schemaStore.enable": False, "files.encoding": "utf8"}
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def write_new(path: Path, text: str) -> None:
    """Mode 'x': a file that is somehow there already is an error, never overwritten."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)


def update(folder: Path) -> int:
    """After an upgrade the installed kb validates with its own schemas; the project's copy,
    which editors read, is brought level with them. Nothing else is touched."""
    from ..cli import UsageError

    if not (folder / "mkdocs.yml").is_file() or not (folder / "content").is_dir():
        raise UsageError(f"'{folder}' ไม่ใช่โครงการของ kb / '{folder}' is not a kb project (no mkdocs.yml and content/)")
    target = folder / "schemas"
    target.mkdir(exist_ok=True)
    for schema in sorted(bundled_dir("schemas").glob("*.json")):
        shutil.copyfile(schema, target / schema.name)
    print(f"ปรับ {target} ให้ตรงกับ kb {__version__} แล้ว / {target} now matches kb {__version__}")
    return 0


def next_steps(folder: Path, project: Project) -> str:
    repo = project.repo or "OWNER/NAME"
    return "\n".join([
        f"สร้างโครงการ '{project.title}' ที่ {folder} แล้ว / made the project '{project.title}' in {folder}",
        "ขั้นต่อไป / next steps (README.md อธิบายทีละขั้น / README.md walks through each):",
        f"  cd {folder}",
        "  kb new meeting          # ระเบียนแรก / a first record",
        "  kb serve --edit         # แก้ไขในเบราว์เซอร์ / edit in the browser: http://127.0.0.1:8000/admin/",
        "  kb build                # สร้างเว็บไซต์ใน site/ / build the site into site/",
        f"  git init -b {project.branch} && git add . && git commit -m 'เริ่มโครงการ'",
        f"  git remote add origin {project.host_url}/{repo}.git && git push -u origin {project.branch}",
        published(project.site_url),
    ])


def published(site_url: str) -> str:
    if site_url == UNKNOWN_URL:
        return ("ที่อยู่เว็บไซต์: ผู้ดูแล git host ทราบ ใส่ได้ด้วย --site-url / the site's address: your host's "
                f"admin knows it (kb init --site-url URL writes it into README.md instead of {UNKNOWN_URL})")
    return f"เว็บไซต์จะเผยแพร่ที่ / the site will be published at {site_url}"
