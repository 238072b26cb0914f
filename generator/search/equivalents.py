"""Words that mean the same thing, as one search term: the synonym table (COVID / โควิด,
NHSO / สปสช.), the glossary (abbreviation, its forms and full name) and the provinces' English
names. Applied at index time: a page holding any form of a group gets the group's token (one
trigram, "~" and two base-36 digits), so a query for any form fetches that one gram's shard
instead of every form's grams.

Forms match as substrings of the normalised text, like every search term, except short
forms that are also parts of ordinary words (อบต in รอบตัว, รพ in สรรพ, cm in cmcg): those are
"strict" and count only where they stand alone or, in Thai, are written as an abbreviation,
with its dot. kb-search.js reads the same table from meta.json and splits queries alike.
"""

from __future__ import annotations

import re
import string
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pythainlp
import yaml
from pythainlp.corpus import thai_words

from ..cache import Store
from ..thai import load_glossary, load_provinces
from .text import END, normalize, raw_lower, trigrams

DATA = Path(__file__).resolve().parent.parent / "data" / "synonyms.yaml"
SHORT = 3  # forms of up to this many letters may be parts of ordinary words
AMBIGUOUS_IN = 3  # ... and are, when they occur inside this many dictionary words
MIN_PROVINCE = 5  # English province names shorter than this are parts of English words (Tak, Nan)
COMMON_IN = 10  # a Thai province name inside this many dictionary words is a word too (แพร่)
DIGITS = string.digits + string.ascii_lowercase


def token_of(group: int) -> str:
    return "~" + DIGITS[group // 36] + DIGITS[group % 36]


def is_latin(form: str) -> bool:
    return form.isascii()


@dataclass(frozen=True)
class Equivalents:
    groups: list[list[str]]  # normalised forms of each group, longest first
    strict: frozenset[str]  # forms that count only as abbreviations or whole words

    @property
    def form_group(self) -> dict[str, int]:
        return {form: n for n, forms in enumerate(self.groups) for form in forms}

    def written(self, places: bool = True) -> list[tuple[str, int]]:
        """Every form as written (spaces kept: "node flagship"), with its group; the names of
        provinces too, unless `places` is false."""
        group = self.form_group
        written = raw_groups() if places else word_groups()
        return sorted({(raw, group[normalize(raw)]) for forms in written for raw in forms
                       if normalize(raw) in group})

    def table(self) -> dict[str, Any]:
        """What the browser needs (meta.json): every form with its group, strict or not."""
        return {"forms": sorted([form, group, int(form in self.strict)]
                                for form, group in self.form_group.items())}


@cache
def equivalents() -> Equivalents:
    """Worked out once and kept in the cache folder (a second at every build), by the data and
    the word list it is made from (PyThaiNLP's version) and this code."""
    sources = [DATA, Path(__file__), *(DATA.parent / name for name in ("glossary.yaml", "provinces.yaml"))]
    key = repr((pythainlp.__version__, [path.read_bytes() for path in sources]))
    store = Store("equivalents-table")
    found: Equivalents = store.get_or_make(key, made_equivalents)
    store.save()
    return found


def made_equivalents() -> Equivalents:
    groups = merged(raw_groups())
    if len(groups) > 36 * 36:
        raise ValueError("too many synonym groups for two-digit tokens")
    forms = {form for group in groups for form in group}
    return Equivalents(groups, frozenset(f for f in forms if strict(f)))


def raw_groups() -> list[list[str]]:
    """Groups as written: the synonym table and the glossary, then the provinces."""
    return word_groups() + place_groups()


@cache
def word_groups() -> list[list[str]]:
    found = [[str(f) for f in group] for group in yaml.load(DATA.read_text("utf-8"), Loader=yaml.CSafeLoader)]  # noqa: S506
    for entry in load_glossary():
        full = str(entry["full"]).split(" (")[0].split(" หรือ ")[0]
        found.append([str(entry["short"]), *map(str, entry.get("forms") or []), full])
    return found


@cache
def place_groups() -> list[list[str]]:
    return [[name, str(info["name_en"])] for name, info in load_provinces().items()
            if len(normalize(str(info["name_en"]))) >= MIN_PROVINCE and inside_words(normalize(name)) < COMMON_IN]


def merged(groups: list[list[str]]) -> list[list[str]]:
    """Normalised forms of two letters or more; groups sharing a form become one."""
    parent: dict[str, str] = {}

    def root(form: str) -> str:
        while parent.setdefault(form, form) != form:
            form = parent[form]
        return form

    for group in groups:
        forms = [f for f in dict.fromkeys(map(normalize, group)) if len(f) >= 2]
        for form in forms[1:]:
            parent[root(form)] = root(forms[0])
        if forms:
            root(forms[0])
    members: dict[str, list[str]] = defaultdict(list)
    for form in parent:
        members[root(form)].append(form)
    ordered = [sorted(m, key=lambda f: (-len(f), f)) for m in members.values() if len(m) > 1]
    return sorted(ordered, key=lambda m: m[-1])


def strict(form: str) -> bool:
    if len(form) > SHORT:
        return False
    return is_latin(form) or inside_words(form) >= AMBIGUOUS_IN


def inside_words(form: str) -> int:
    """About how many dictionary words hold the form inside them (occurrences in the word
    list, less the word itself): enough to tell a word part from a rare string."""
    text, words = dictionary()
    return text.count(form) - (form in words)


@cache
def dictionary() -> tuple[str, frozenset[str]]:
    """PyThaiNLP's word list as one text (one word a line), and as a set."""
    words = frozenset(w for w in thai_words() if len(w) > 2)
    return "\n".join(sorted(words)), words


class Finder:
    """The groups whose forms occur in a text. Every check starts from the text's trigram and
    bigram sets (set operations in C): a loose form is looked for only when all its trigrams
    are there, a strict one only when its letters are, then by its own pattern."""

    def __init__(self, eq: Equivalents) -> None:
        self.loose: dict[str, list[tuple[str, frozenset[str], int]]] = defaultdict(list)
        self.pairs: dict[str, int] = {}  # loose two-letter forms
        for form, group in eq.form_group.items():
            if form in eq.strict:
                continue
            if len(form) == 2:
                self.pairs[form] = group
            else:
                self.loose[form[:3]].append((form, frozenset(trigrams(form)) - {form[-2:] + END}, group))
        self.firsts = frozenset(self.loose)
        self.strict = {form: (eq.form_group[form], spelled(form)) for form in eq.strict}
        self.strict_letters = frozenset(eq.strict)
        # a strict form ending a longer one is part of it (สจ. in สสจ.): what comes before it then
        self.longer = {form: [other[:-len(form)] for other in eq.form_group if other != form and other.endswith(form)]
                       for form in eq.strict}

    def groups_in(self, text: str, norm: str, grams: set[str], pairs: set[str]) -> set[int]:
        found = {g for form, g in self.pairs.items() if form in pairs}
        for gram in grams & self.firsts:
            found.update(g for form, needs, g in self.loose[gram] if needs <= grams and form in norm)
        present = (grams & self.strict_letters) | (pairs & self.strict_letters)
        if present:
            raw = raw_lower(text)
            for form in present:
                group, pattern = self.strict[form]
                if any(self.stands_alone(raw, m.start(), m.end(), form) for m in pattern.finditer(raw)):
                    found.add(group)
        return found

    def stands_alone(self, raw: str, start: int, end: int, form: str) -> bool:
        """No letter of its script on either side; or, in Thai, its abbreviation dot after it
        (and not the end of a longer known form before it). kb-search.js has the same rule."""
        letters = LATIN if is_latin(form) else THAI
        before, after = raw[start - 1:start], raw[end:end + 1]
        if not letters.match(before) and not letters.match(after):
            return True
        if letters is LATIN or after != ".":
            return False
        lead = normalize(raw[max(0, start - 12):start])
        return not any(lead.endswith(prefix) for prefix in self.longer[form])


LATIN = re.compile("[a-z0-9]")
THAI = re.compile("[\u0e01-\u0e4e]")


def spelled(form: str) -> re.Pattern[str]:
    """A strict form as written: its letters with a dot or none between them (ม.อ.)."""
    return re.compile(r"\.?".join(map(re.escape, form)))
