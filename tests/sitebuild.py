"""Build a real site (kb build → MkDocs + Material) once per test session and read it."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from generator.cli import main


def build(content: Path, output: Path) -> Path:
    assert main(["build", str(content), "-o", str(output)]) == 0
    return output


def soup(site: Path, url: str) -> BeautifulSoup:
    """The built page at a site URL such as 'meetings/x/'."""
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")
