"""An installed kb (a wheel, not the source checkout) builds content projects on its own: it
carries its schemas and templates, and each project keeps its cache beside its content."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CONTENT, FIXTURES, ROOT

SOURCE = ("generator", "schemas", "site_templates", "pyproject.toml", "README.md")
BUILD = "import sys, generator; from generator.cli import main; print(generator.__file__); sys.exit(main(sys.argv[1:]))"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`pip install --target` of a wheel built from a copy of the source (offline)."""
    source, target = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("installed")
    for name in SOURCE:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, source / name, **({"ignore": shutil.ignore_patterns("__pycache__")}
                                             if (ROOT / name).is_dir() else {}))
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                    "--target", str(target), str(source)], check=True, capture_output=True)
    return target


def project(folder: Path, content: Path) -> Path:
    """A content project: its mkdocs.yml, its theme folders and its content/."""
    folder.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "site_templates", folder / "site_templates")
    shutil.copytree(content, folder / "content")
    return folder


def kb_build(installed: Path, folder: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KB_")} | {"PYTHONPATH": str(installed)}
    done = subprocess.run([sys.executable, "-c", BUILD, "build", "-q"], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def files_under(folder: Path) -> set[Path]:
    return {p.relative_to(folder) for p in folder.rglob("*") if "__pycache__" not in p.parts}


@pytest.mark.slow
def test_an_installed_kb_keeps_each_projects_cache_with_its_content(installed: Path, tmp_path: Path) -> None:
    before = files_under(installed)
    one = project(tmp_path / "one", FIXTURES / "valid")
    two = project(tmp_path / "two", CONTENT)
    for folder in (one, two):
        printed = kb_build(installed, folder)
        assert printed.startswith(str(installed / "generator")), "the wheel's code ran, not the checkout"
        assert (folder / "site" / "index.html").exists()
    pages = [[p.read_bytes() for p in sorted((folder / ".cache" / "kb" / "pages").glob("*.pickle"))]
             for folder in (one, two)]
    assert pages[0] and pages[1]
    assert pages[0] != pages[1], "each project has its own pages"
    assert files_under(installed) == before, "nothing is written into the installed package"


def test_an_installed_kb_imports_with_the_trained_importer_models(installed: Path) -> None:
    """The wheel carries the importer's trained models (a kb import without them quietly falls
    back to the hand rules: fewer organisations found)."""
    data = installed / "generator" / "data"
    assert (data / "organization-tagger.crfsuite").read_bytes() == (ROOT / "generator" / "data" /
                                                                      "organization-tagger.crfsuite").read_bytes()
    assert (data / "title_model.yaml").is_file()
