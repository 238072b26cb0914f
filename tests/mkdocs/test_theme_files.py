"""The theme's static files are found without walking mkdocs-material's icon sets."""

from __future__ import annotations

from mkdocs.config import load_config
from mkdocs.structure.files import Files

from generator.mkdocs.theme_files import without_dot_folders
from tests.conftest import ROOT


def static_files(env: object, config: object) -> list[tuple[str, str]]:
    files = Files([])
    files.add_files_from_theme(env, config)  # type: ignore[arg-type]
    return sorted((f.src_uri, f.abs_src_path or "") for f in files)


def test_the_pruned_listing_finds_every_static_file_mkdocs_would_copy_and_icons_still_load() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    walked, pruned = config.theme.get_env(), without_dot_folders(config.theme.get_env)()
    found = static_files(pruned, config)
    assert found == static_files(walked, config)
    assert {"javascripts", "stylesheets"} <= {uri.split("/")[1] for uri, _ in found if uri.startswith("assets/")}
    assert not any("/." in "/" + uri for uri, _ in found)
    assert pruned.get_template(".icons/material/home.svg").render().startswith("<svg")
    assert len(walked.loader.list_templates()) > 10 * len(pruned.loader.list_templates())  # type: ignore[union-attr]
