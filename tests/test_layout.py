"""The package shows the pipeline: each stage imports only the stages before it (and the shared
helpers), a handful of helpers sit at the top, and no module grows past 400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "generator"
# stage of each subpackage; a module may import its own stage or an earlier one
STAGES = {"records": 1, "graph": 2, "importer": 3, "search": 3, "site": 4, "mkdocs": 5, "editor": 5, "commands": 6,
          "bench": 7}
HELPERS = 0  # generator/*.py: cache, parallel, progress, text, thai...
TOP_LEVEL = {"cli"}  # the entry point sits with the commands it dispatches to


def stage_of(module: str) -> int:
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "generator":
        return -1  # not ours
    if parts[1] in STAGES:
        return STAGES[parts[1]]
    return STAGES["commands"] if parts[1] in TOP_LEVEL else HELPERS


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Absolute names of the generator modules a file imports (relative imports resolved)."""
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            found.add(target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("generator")}


def test_imports_run_one_way() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = stage_of(module_name(path))
        for target in imported(path):
            if stage_of(target) > own:
                wrong.append(f"{module_name(path)} imports {target}")
    assert wrong == []


def test_search_does_not_reach_into_pages() -> None:
    for path in (PACKAGE / "search").rglob("*.py"):
        assert not {t for t in imported(path) if t.startswith("generator.site")}, path


def test_few_modules_at_the_top_and_none_too_long() -> None:
    top = [p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"]
    assert len(top) <= 8, top
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text("utf-8").splitlines())) > 400}
    assert long == {}
