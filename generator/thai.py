"""Thai language helpers: digits, Buddhist-era dates, dictionary order, hashtags, reference data."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, TypeVar

import yaml
from pythainlp.util import collate

T = TypeVar("T")
BE_OFFSET = 543
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
THAI_MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
THAI_MONTHS_SHORT = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.",
                     "ต.ค.", "พ.ย.", "ธ.ค."]


def thai_to_arabic_digits(text: str) -> str:
    return text.translate(_TO_ARABIC)


def has_thai_digits(text: str) -> bool:
    return any(ch in THAI_DIGITS for ch in text)


def buddhist_year(year: int) -> int:
    return year + BE_OFFSET


def buddhist_to_gregorian_year(year: int) -> int:
    return year - BE_OFFSET


def looks_buddhist_year(year: int) -> bool:
    """Years 2400–2700 are Buddhist era in these reports (2568 BE = 2025 CE)."""
    return 2400 <= year <= 2700


def as_date(value: str | date) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def format_thai_date(value: str | date, short: bool = False) -> str:
    """2025-04-10 → '10 เมษายน 2568' (or '10 เม.ย. 2568')."""
    day = as_date(value)
    months = THAI_MONTHS_SHORT if short else THAI_MONTHS
    return f"{day.day} {months[day.month - 1]} {buddhist_year(day.year)}"


def format_thai_month(year: int, month: int) -> str:
    return f"{THAI_MONTHS[month - 1]} {buddhist_year(year)}"


def thai_sorted(items: Iterable[T], key: Callable[[T], str] = str) -> list[T]:
    """Thai dictionary order (เ แ โ ใ ไ sort by their consonant), via PyThaiNLP's collation."""
    items = list(items)
    keys = [normalize_text(key(item)) for item in items]
    rank = {k: i for i, k in enumerate(collate(set(keys)))}
    return [item for _, item in sorted(zip(keys, items, strict=True), key=lambda p: rank[p[0]])]


def normalize_text(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def normalize_hashtag(tag: str) -> str:
    """'#กขป.เขต 12', '#กขป.เขต ๑๒' and 'กขป. เขต 12' all become 'กขป.เขต12'."""
    text = thai_to_arabic_digits(normalize_text(tag)).lstrip("#＃").casefold()
    return re.sub(r"\s+", "", text)


def hashtag_slug(tag: str) -> str:
    """URL segment (and folder name) for a tag: the tag itself where it can be, dots as '-'."""
    return path_name(normalize_hashtag(tag), fallback="tag")


NAME_BYTES = 200  # a folder name made from content: well under the 255 bytes a file name may take
# (a Thai letter is 3 bytes in UTF-8), with room for what tools append (.part, .gz); tags of 60
# Thai letters, the most the importer writes, keep their whole name
HASH_CHARS = 10
RESERVED = frozenset({"index"})  # index.md of a folder is its listing page


@cache
def path_name(key: str, fallback: str = "x") -> str:
    """A file-system-safe name for a key, one name per key, the same in every build.

    Letters, marks and digits of any script stay (Thai vowels and tone marks included, so ไก่
    and ไก never meet); a dot becomes '-'. Where that cannot be read back as the key (another
    character was replaced, a '-' was written, the name is reserved or too long) a short hash
    of the key follows the readable part, which is cut on a syllable boundary to fit."""
    readable = re.sub("-+", "-", "".join(ch if _name_char(ch) else "-" for ch in key)).strip("-")
    if ("-" not in key and readable == key.replace(".", "-") and readable not in RESERVED
            and 0 < len(readable.encode("utf-8")) <= NAME_BYTES):
        return readable
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_CHARS]
    return f"{shorten(readable or fallback, NAME_BYTES - HASH_CHARS - 1)}-{digest}"


def _name_char(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f" or unicodedata.category(ch)[0] in "LMN"


def shorten(text: str, limit: int) -> str:
    """The longest run of whole syllables from the start of `text` within `limit` UTF-8 bytes
    (PyThaiNLP's dictionary syllables, offline; a single over-long one is cut between letters,
    never between a letter and its vowel or tone mark)."""
    if len(text.encode("utf-8")) <= limit:
        return text
    kept: list[str] = []
    used = 0
    for piece in syllables(text):
        size = len(piece.encode("utf-8"))
        if used + size > limit:
            if not kept:
                kept.append(_clusters_within(piece, limit))
            break
        kept.append(piece)
        used += size
    return "".join(kept).rstrip("-")


def syllables(text: str) -> list[str]:
    from pythainlp.tokenize import syllable_tokenize  # loads its dictionary: only for long names

    pieces = syllable_tokenize(text, engine="dict", keep_whitespace=True)
    return pieces if "".join(pieces) == text else [text]


def _clusters_within(text: str, limit: int) -> str:
    cut, used = 0, 0
    for i, ch in enumerate(text):
        used += len(ch.encode("utf-8", "surrogatepass"))
        if used > limit:
            break
        if i + 1 == len(text) or not unicodedata.category(text[i + 1]).startswith("M"):
            cut = i + 1
    return text[:cut]



def _data(name: str) -> Any:
    return yaml.load(resources.files("generator").joinpath("data", name).read_text("utf-8"), Loader=yaml.CSafeLoader)  # noqa: S506 - safe, in C


@cache
def load_provinces() -> dict[str, dict[str, Any]]:
    """Thai province name → {name, name_en, abbr, health_region, aliases}."""
    return {p["name"]: p for p in _data("provinces.yaml")["provinces"]}


@cache
def load_regions() -> dict[int, dict[str, Any]]:
    return {r["number"]: r for r in _data("provinces.yaml")["regions"]}


@cache
def _province_aliases() -> dict[str, str]:
    table = {}
    for name, info in load_provinces().items():
        for alias in [name, info["name_en"].casefold(), *info.get("aliases", [])]:
            table[alias] = name
    return table


def province_by_name(name: str) -> dict[str, Any] | None:
    """A province by its Thai name, an alias (จ.ตรัง, กทม.) or its English name."""
    key = normalize_text(name)
    found = _province_aliases().get(key) or _province_aliases().get(key.casefold())
    return load_provinces()[found] if found else None


def health_region_of(province: str) -> int | None:
    info = province_by_name(province)
    return info["health_region"] if info else None


@cache
def load_glossary() -> list[dict[str, Any]]:
    return list(_data("glossary.yaml"))


def expand_abbreviation(short: str) -> str | None:
    """สสจ. → สำนักงานสาธารณสุขจังหวัด (accepts the forms without dots)."""
    key = normalize_text(short)
    for entry in load_glossary():
        if key == entry["short"] or key in entry.get("forms", []):
            return str(entry["full"])
    return None
