"""Browser libraries are vendored, not fetched: each file under assets/vendor/<lib>/ is byte for
byte the file npm installs for the version pinned in tools/vendor/package.json."""

from __future__ import annotations

import json

import pytest

from ..conftest import ROOT

# the site's libraries, and the editor's (Decap CMS: copied into a site only with the editor)
VENDORS = (ROOT / "site_templates" / "docs" / "assets" / "vendor", ROOT / "site_templates" / "admin" / "vendor")
NPM = ROOT / "tools" / "vendor"
FOLDERS = {p.name: p for vendor in VENDORS for p in vendor.iterdir() if p.is_dir()}
LIBRARIES = sorted(FOLDERS)


def test_every_vendored_library_is_pinned() -> None:
    pinned = json.loads((NPM / "package.json").read_text("utf-8"))["dependencies"]
    assert LIBRARIES and set(LIBRARIES) <= set(pinned)
    for name in LIBRARIES:
        installed = json.loads((NPM / "node_modules" / name / "package.json").read_text("utf-8"))
        assert installed["version"] == pinned[name], "./run test installs tools/vendor with npm ci"


@pytest.mark.parametrize("library", LIBRARIES)
def test_vendored_files_are_the_npm_packages_files(library: str) -> None:
    package = NPM / "node_modules" / library
    for vendored in FOLDERS[library].iterdir():
        same_name = [p for p in package.rglob(vendored.name) if p.is_file()]
        assert any(p.read_bytes() == vendored.read_bytes() for p in same_name), vendored.name
