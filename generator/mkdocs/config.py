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
    options.pop("site_dir", None)  # kb build (-o) and kb serve (a folder of its own) choose it
    options.setdefault("docs_dir", str(templates / "docs"))
    if isinstance(options.get("theme"), dict):
        options["theme"].setdefault("custom_dir", str(templates / "overrides"))
    return options


def merge_plugins(base: list[Any] | dict[str, Any], own: list[Any] | dict[str, Any]) -> dict[str, Any]:
    """INHERIT replaces a list whole: a project listing thai-kb (for its editor settings) would
    lose the options the base gives it (content_dir, drafts, ...). Here each plugin's options are
    the base's with the project's over them. Given as a mapping, which MkDocs also accepts and,
    unlike a list, does not empty while reading it: kb serve reads the same options at every
    rebuild."""
    import mergedeep

    merged: dict[str, Any] = {}
    for name, options in [*entries(base), *entries(own)]:
        merged[name] = mergedeep.merge(merged.get(name, {}), options or {})
    return merged


def entries(plugins: list[Any] | dict[str, Any]) -> list[tuple[str, Any]]:
    """(name, options) of mkdocs.yml's plugins, written as a list or as a mapping."""
    if isinstance(plugins, dict):
        return list(plugins.items())
    return [next(iter(entry.items())) if isinstance(entry, dict) else (entry, {}) for entry in plugins]
