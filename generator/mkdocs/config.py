"""The MkDocs configuration kb builds with: the installed kb's shared settings
(site_templates/mkdocs.base.yml: theme, navigation, scripts, the plugin's options) with a
project's own mkdocs.yml over them.

A project made by `kb init` keeps only its name, address and editor settings and names no
templates, so it gets the installed kb's, and an upgrade brings new sections and options along.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import bundled_dir

BASE_CONFIG = "mkdocs.base.yml"


def project_options(config_file: Path) -> dict[str, Any]:
    """Options for MkDocs' load_config(config_file, **options): merged as MkDocs' own INHERIT
    would, except that plugins merge by name (see merge_plugins)."""
    import mergedeep
    from mkdocs.utils.yaml import yaml_load

    templates = bundled_dir("site_templates")
    with (templates / BASE_CONFIG).open("rb") as base_file, config_file.open("rb") as own_file:
        base, own = yaml_load(base_file), yaml_load(own_file)
    options: dict[str, Any] = mergedeep.merge({}, base, own)
    options["plugins"] = merge_plugins(base.get("plugins", []), own.get("plugins", []))
    options.setdefault("docs_dir", str(templates / "docs"))
    if isinstance(options.get("theme"), dict):
        options["theme"].setdefault("custom_dir", str(templates / "overrides"))
    return options


def merge_plugins(base: list[Any], own: list[Any]) -> list[Any]:
    """INHERIT replaces a list whole: a project listing thai-kb (for its editor settings) would
    lose the options the base gives it (content_dir, drafts, ...). Here each plugin's options are
    the base's with the project's over them."""
    import mergedeep

    merged: dict[str, dict[str, Any]] = {}
    for entry in [*base, *own]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        merged[name] = mergedeep.merge(merged.get(name, {}), options or {})
    return [{name: options} for name, options in merged.items()]
