"""The demo site and one Chromium on it, for the modules that only read it (a module that builds
its own site defines `site` itself)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import served_chromium


@pytest.fixture(scope="module")
def site(demo_site: Path) -> Path:
    return demo_site


@pytest.fixture(scope="module")
def browser(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    with served_chromium(site, tmp_path_factory.mktemp("chromium")) as served:
        yield served
