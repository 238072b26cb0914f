"""The editor on a published site: /admin/ with a git backend (GitHub, GitLab or Gitea) and
Decap's editorial workflow, where each entry is a pull request the content project's CI
validates. Written only when mkdocs.yml gives the plugin an `editor:` with a backend."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from .decap import decap_config
from .server import admin_dir

SETTINGS = ("repo", "branch", "base_url", "auth_endpoint", "api_root", "site_domain", "app_id",
            "auth_type", "cms_label_prefix", "squash_merges")


def backend_of(settings: dict[str, Any]) -> dict[str, Any]:
    """Decap's `backend:` from the plugin's `editor:` settings (`backend` names the host)."""
    backend = {"name": settings["backend"], "branch": settings.get("branch", "main")}
    backend.update({k: settings[k] for k in SETTINGS if k in settings and k != "branch"})
    return backend


def hosted_config(settings: dict[str, Any], site_url: str = "", content: str = "content") -> str:
    config = decap_config(backend_of(settings), site_url=site_url, media_root=content)
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def publish_admin(site_dir: Path, settings: dict[str, Any], site_url: str = "", content: str = "content") -> None:
    """site/admin/: the editor page, its script, the vendored Decap bundle and config.yml."""
    target = site_dir / "admin"
    shutil.copytree(admin_dir(), target, dirs_exist_ok=True)
    (target / "config.yml").write_text(hosted_config(settings, site_url, content), "utf-8")
