"""What the importer's readers share: lines, Thai runs, word boundaries from PyThaiNLP's
segmentation (offline, its own dictionary plus our places and abbreviations), and the parts of a
web page that are not the post (menus, breadcrumbs, share buttons, template credits)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from pythainlp.corpus import thai_family_names, thai_female_names, thai_male_names
from pythainlp.tokenize import Trie, word_tokenize

from ..text import dictionary
from ..thai import load_glossary, load_provinces

THAI_LETTER = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e"  # consonants, vowels, marks; not ฯ, not digits
THAI_RUN = re.compile(f"[{THAI_LETTER}]+")
PHOTO = re.compile(r"^[ \t]*[•*\-]?[ \t]*photo[ \t]*(?P<caption>[^,\n]*?)[ \t]*,[ \t]*(?P<width>\d+)[ \t]*x[ \t]*"
                   r"(?P<height>\d+)[ \t]*pixel[ \t]*,[ \t]*(?P<bytes>[\d,]+)[ \t]*bytes", re.I | re.M)
URL = re.compile(r"https?://|www\.|\.(?:com|net|org|go\.th|or\.th|ac\.th)\b", re.I)
BREADCRUMB = re.compile(r"[»›]|\s>\s|^(?:หน้าแรก|หน้าหลัก|Home)\b")
SHARE = re.compile(r"^(?:แชร์(?:ข่าวนี้|บทความนี้)?|share|tweet|อ่านต่อ|อ่านเพิ่มเติม|print|พิมพ์|"
                   r"ข้ามไปยังเนื้อหาหลัก|skip to main content|audio file|circle|เข้าชม\s*\d+.*)$", re.I)
POSTED = re.compile(r"^เมื่อ\s*:|โพสต์|เผยแพร่|แก้ไขล่าสุด|อัปเดต|อัพเดท|วันที่ลงข่าว|(?<!แถ)ลงข่าว|posted|updated|published",
                    re.I)
BULLET = re.compile(r"^[•·▪◦●■]")


# a 'read more' link: what stands above it at a page's head is another post's teaser (its
# title, publisher and views), not this post
TEASER_END = re.compile(r"^[ \t]*[-•*]?[ \t]*(?:อ่านต่อ|อ่านเพิ่มเติม|read more|continue reading)[ \t.…>»]*$", re.I | re.M)
TEASER_LINES = 8


def without_teaser(text: str) -> str:
    """The page without another post's teaser above its own: the lines up to a 'read more' link
    among the page's first lines ('… ครั้งที่ 4 (MUK STREET ART…)', '- สำนักงาน…', '- 11 View',
    '- อ่านต่อ', then this post's body)."""
    match = TEASER_END.search(text)
    if match is None or len([line for line in text[: match.start()].splitlines() if line.strip()]) > TEASER_LINES:
        return text
    return text[match.end():].lstrip("\n")


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def has_thai(text: str) -> bool:
    return bool(THAI_RUN.search(text))


def is_thai(char: str) -> bool:
    return bool(char) and "\u0e01" <= char <= "\u0e4e" and char not in "\u0e2f\u0e3f"


# a request to share ('ช่วยเเชร์ จ้า .....', 'ฝากแชร์ด้วยนะคะ'); 'เเ' is how many type 'แ'
SHARE_REQUEST = re.compile(r"(?:ช่วย|ฝาก|กด)(?:กัน)?\s*(?:แชร์|เเชร์|share)", re.I)


def is_chrome(line: str) -> bool:
    """A page's furniture, not the post: no Thai at all (menus in English, counters, icon
    names, dates as 25/09/2023), a URL or template credit, a breadcrumb, a bullet of a menu,
    share buttons, a 'posted by' line."""
    return (not has_thai(line) or bool(URL.search(line)) or bool(BREADCRUMB.search(line))
            or bool(BULLET.match(line)) or bool(SHARE.match(line)) or posted_line(line)
            or (len(line) <= 40 and bool(SHARE_REQUEST.search(line))))


def posted_line(line: str) -> bool:
    """'โพสต์โดย : tin เมื่อ 12 ก.พ. 2561 22:42:38 น.', 'วันที่ลงข่าว: 19/08/19'."""
    return bool(POSTED.search(line)) and len(line) <= 100 and any(c.isdigit() for c in line)


@cache
def given_names() -> frozenset[str]:
    """Thai given names shipped with PyThaiNLP (offline)."""
    return frozenset(thai_male_names()) | frozenset(thai_female_names())


@cache
def family_names() -> frozenset[str]:
    return frozenset(thai_family_names())


@cache
def reference_words() -> frozenset[str]:
    """Places and agency names that PyThaiNLP's word list lacks, kept whole when segmenting."""
    extra = set(load_provinces())
    for info in load_provinces().values():
        extra.update(a for a in info.get("aliases", []) if "." not in a)  # 'จ.' + name stays two words
    for entry in load_glossary():
        for form in [entry["short"], *entry.get("forms", [])]:
            extra.update({str(form), str(form).rstrip(".")})
        extra.add(str(entry["full"]).split(" (")[0])
    return frozenset(word for word in extra if has_thai(word) and " " not in word)


@lru_cache(maxsize=4)
def tokenizer(extra: frozenset[str] = frozenset()) -> Trie:
    """PyThaiNLP's dictionary, our reference words and the caller's (known stakeholders)."""
    return Trie(set(dictionary()) | reference_words() | {w for w in extra if " " not in w})


def words(text: str, extra: frozenset[str] = frozenset()) -> list[str]:
    return list(word_tokenize(text, custom_dict=tokenizer(extra), keep_whitespace=True))


def thai_run_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The unbroken run of Thai letters that contains text[start:end]."""
    while start > 0 and is_thai(text[start - 1]):
        start -= 1
    while end < len(text) and is_thai(text[end]):
        end += 1
    return start, end


def boundaries(run: str, extra: frozenset[str] = frozenset()) -> set[int]:
    """Offsets in a Thai run where a word starts or ends."""
    offsets, position = {0}, 0
    for token in words(run, extra):
        position += len(token)
        offsets.add(position)
    return offsets


def starts_word(text: str, start: int, extra: frozenset[str] = frozenset()) -> bool:
    """A word starts at text[start]: after a non-Thai character, or where segmentation cuts."""
    if start == 0 or not is_thai(text[start - 1]):
        return True
    run_start, run_end = thai_run_around(text, start, start)
    return start - run_start in boundaries(text[run_start:run_end], extra)


def whole_word(text: str, start: int, end: int, extra: frozenset[str] = frozenset()) -> bool:
    """text[start:end] starts and ends on word boundaries: 'สอบ' in 'ทดสอบ' does not, 'สปสช' in
    'และสปสช.' does. A dot or any non-Thai character is always a boundary."""
    core_end = end - 1 if text[end - 1: end] == "." else end
    run_start, run_end = thai_run_around(text, start, core_end)
    if run_start == start and run_end == core_end:
        return True
    cuts = boundaries(text[run_start:run_end], extra)
    return start - run_start in cuts and core_end - run_start in cuts


TRAILING_BAR = re.compile(r"(?<=\S) +\|$")


def strip_enclosing(title: str) -> str:
    """'#“หัวข้อ”' → 'หัวข้อ': a leading/trailing '#' and quotes around the whole line, the closing
    one also typed as the opening one ('“รวมพลัง ท้าใจ ก้าวไกลโรค “', as many type it)."""
    title = title.strip().strip("#").strip()
    title = TRAILING_BAR.sub("", title)  # 'หัวข้อ |': a title bar whose site's name was left off
    pairs = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»", "「": "」"}
    while len(title) > 2 and title[0] in pairs and title[-1] in (pairs[title[0]], title[0]) \
            and not {pairs[title[0]], title[0]} & set(title[1:-1]):
        title = title[1:-1].strip()
    return title


def dedupe_keys(names: Iterable[str]) -> list[str]:
    """One entry per name however it is dotted or spaced (กปท / กปท.)."""
    seen: set[str] = set()
    out = []
    for name in names:
        key = re.sub(r"[\s.]", "", name)
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out
