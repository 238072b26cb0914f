"""Thailand's place names (77 provinces, 928 districts, 7,436 sub-districts: 6,200 distinct
names; generator/data/thai-places.yaml, from geothai), read on first use. A place named inside
an organisation's name ends where the place ends, not where the word segmenter cuts it
('โรงพยาบาลแก|ลง', 'อบต.โกรก|พระ'), and a name runs on over a space into its place
('ศูนย์อนามัยที่ 4 ราชบุรี')."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from ..thai import load_provinces
from .text import is_thai


@cache
def place_names() -> frozenset[str]:
    """Every province, district and sub-district name (without the word for its level)."""
    text = resources.files("generator").joinpath("data", "thai-places.yaml").read_text("utf-8")
    places = yaml.load(text, Loader=yaml.CSafeLoader)["places"]  # noqa: S506 - safe, in C
    return frozenset(map(str, places)) | frozenset(load_provinces())


@cache
def by_first_letters() -> dict[str, tuple[str, ...]]:
    """Place names by their first two characters, longest first: a lookup at one position."""
    index: dict[str, list[str]] = {}
    for name in place_names():
        index.setdefault(name[:2], []).append(name)
    return {key: tuple(sorted(names, key=len, reverse=True)) for key, names in index.items()}


def place_at(text: str, start: int) -> str | None:
    """The longest place name written at text[start] that ends where the Thai run ends or a
    known place, a level word or a body follows ('โกรกพระ' in 'อบต.โกรกพระ จ.นครสวรรค์')."""
    for name in by_first_letters().get(text[start: start + 2], ()):
        if text.startswith(name, start) and ends_there(text, start + len(name)):
            return name
    return None


def places_from(text: str, start: int) -> tuple[str, ...]:
    """The place names that may be written at text[start] (by their first two characters)."""
    return by_first_letters().get(text[start: start + 2], ())


def place_starts(text: str, start: int) -> bool:
    """Some place's name is written at text[start], whatever follows it ('พล' in 'อำเภอพลมี…')."""
    return any(text.startswith(name, start) for name in by_first_letters().get(text[start: start + 2], ()))


LEVELS = ("จังหวัด", "อำเภอ", "ตำบล", "จ.", "อ.", "ต.", "หมู่", "ม.", "บ้าน", "เขต")


def ends_there(text: str, end: int) -> bool:
    """A place's name ends at text[end]: no Thai letter follows, or a level word, a province or
    another place does ('แกลงจังหวัดระยอง')."""
    if not is_thai(text[end: end + 1]):
        return True
    rest = text[end: end + 40]
    return rest.startswith(LEVELS) or any(rest.startswith(p) for p in by_first_letters().get(rest[:2], ()))
