"""The map of Thailand on the home, provinces, region and province pages: the 77 provinces shaded
by their number of records, the 13 health regions outlined. Drawn at build time as inline SVG
(_thailand_map.html) from generator/data/thailand-provinces.yaml (Natural Earth admin-1, made
by tools/thailand_map/make_map.py), so it needs no script, tiles or request to another site.

A ThailandMap is a listing's context value: its fields are its inputs (the page cache keys a
listing by them), everything drawn is worked out from them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

from ..graph.index import SiteIndex, province_slug
from ..thai import load_provinces, load_regions, thai_sorted

DATA = Path(__file__).resolve().parent.parent / "data" / "thailand-provinces.yaml"
CLASSES = 4  # shades for provinces with records; shade 0 is a province without any
ZOOM_MARGIN = 12  # map units round a region's provinces when a region page zooms to it


@cache
def shapes() -> dict[str, Any]:
    """The vendored shapes: width, height, provinces [{name, region, bbox, d}], regions."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with DATA.open("rb") as f:
        data: dict[str, Any] = yaml.load(f, Loader=loader)  # noqa: S506 - a safe loader
    return data


def shade_classes(top: int) -> list[tuple[int, int]]:
    """Up to CLASSES ranges of counts (low, high), from 1 to `top`: one count each while they are
    few, else growing geometrically (a few provinces hold most records)."""
    if top <= 0:
        return []
    if top <= CLASSES:
        return [(n, n) for n in range(1, top + 1)]
    edges = sorted({1, *(math.ceil(top ** (i / CLASSES)) for i in range(1, CLASSES + 1))})
    ranges, low = [], 1
    for high in edges[1:]:
        ranges.append((low, high))
        low = high + 1
    return ranges


def shade_of(count: int, classes: list[tuple[int, int]]) -> int:
    return next((i for i, (_low, high) in enumerate(classes, start=1) if count <= high), 0) if count else 0


def range_label(low: int, high: int) -> str:
    return f"{low} เรื่อง" if low == high else f"{low}–{high} เรื่อง"


@dataclass(frozen=True)
class Province:
    name: str
    name_en: str
    region: int
    d: str
    count: int
    shade: int
    url: str  # its page, or "" when it has no records (and so no page)
    current: bool  # the page's own province
    outside: bool  # on a region page: a neighbour of the region, drawn faint

    @property
    def label(self) -> str:
        counted = f"{self.count} เรื่อง" if self.count else "ยังไม่มีเรื่อง"
        return f"จ.{self.name} · เขตสุขภาพที่ {self.region} · {counted}"


@dataclass(frozen=True)
class Region:
    number: int
    d: str
    current: bool


@dataclass(frozen=True)
class ThailandMap:
    counts: tuple[tuple[str, int], ...]  # province → records, for the provinces with any
    highlight: str = ""  # a province page's own province
    region: int = 0  # a region page's region: the map zooms to it
    text_list: bool = True  # the list of provinces beside the map (the provinces page has its own)

    @classmethod
    def of(cls, index: SiteIndex, highlight: str = "", region: int = 0, text_list: bool = True) -> ThailandMap:
        counts = tuple(sorted((name, len(ids)) for name, ids in index.by_province.items() if ids))
        return cls(counts, highlight, region, text_list)

    @cached_property
    def classes(self) -> list[tuple[int, int]]:
        return shade_classes(max((n for _name, n in self.counts), default=0))

    @cached_property
    def view_box(self) -> tuple[int, int, int, int]:
        data = shapes()
        if not self.region:
            return 0, 0, data["width"], data["height"]
        x0, y0, x1, y1 = next(r["bbox"] for r in data["regions"] if r["number"] == self.region)
        m = ZOOM_MARGIN
        return x0 - m, y0 - m, x1 - x0 + 2 * m, y1 - y0 + 2 * m

    def in_view(self, bbox: list[int]) -> bool:
        x, y, w, h = self.view_box
        return bbox[0] <= x + w and bbox[2] >= x and bbox[1] <= y + h and bbox[3] >= y

    @cached_property
    def provinces(self) -> list[Province]:
        """Every province in view (all 77 on a country map), in the data file's order."""
        counts = dict(self.counts)
        info = load_provinces()
        drawn = []
        for shape in shapes()["provinces"]:
            if not self.in_view(shape["bbox"]):
                continue
            name, count = shape["name"], counts.get(shape["name"], 0)
            url = f"provinces/{province_slug(name)}/" if count else ""
            drawn.append(Province(name, info[name]["name_en"], shape["region"], shape["d"], count,
                                  shade_of(count, self.classes), url, name == self.highlight,
                                  bool(self.region) and shape["region"] != self.region))
        return drawn

    @cached_property
    def regions(self) -> list[Region]:
        return [Region(r["number"], r["d"], r["number"] == self.region)
                for r in shapes()["regions"] if self.in_view(r["bbox"])]

    @property
    def legend(self) -> list[tuple[int, str]]:
        """(shade, label) from no records to the most."""
        return [(0, "ยังไม่มีเรื่อง"), *((i, range_label(lo, hi)) for i, (lo, hi) in enumerate(self.classes, 1))]

    @property
    def listed(self) -> list[Province]:
        """The text alternative: the provinces with records (in view), most first."""
        shown = [p for p in self.provinces if p.count and not p.outside]
        return sorted(thai_sorted(shown, key=lambda p: p.name), key=lambda p: -p.count)

    @property
    def caption(self) -> str:
        where = f"เขตสุขภาพที่ {self.region}" if self.region else "ประเทศไทย"
        with_records = len([p for p in self.provinces if p.count and not p.outside])
        shown = len([p for p in self.provinces if not p.outside])
        text = f"แผนที่{where}: {with_records} จาก {shown} จังหวัดมีเรื่อง สีเข้มคือมีเรื่องมาก เส้นหนาคือเขตสุขภาพ"
        if self.highlight:
            text += f" จังหวัด{self.highlight}ถูกเน้นด้วยขอบสีส้ม"
        elif not self.text_list:  # the provinces page: its lists follow the map
            text += " รายชื่อจังหวัดทั้ง 77 จังหวัดพร้อมจำนวนเรื่องอยู่ถัดจากแผนที่"
        return text

    @property
    def region_name(self) -> str:
        return str(load_regions()[self.region]["name"]) if self.region else ""
