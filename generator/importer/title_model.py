"""The headline chosen by a model trained on annotated posts, not by rules alone (issue 27).

A post's first lines that are not page furniture (`is_chrome`: no Thai, a URL, a breadcrumb, a
share button, a 'posted' stamp) are its candidates, each as the headline it would give (a label
before it, a date glued after it, ' | site' and the body run on after a gap cut off). A
linear-chain CRF (python-crfsuite) labels each candidate TITLE or O from what the line looks like,
where it stands and its words; every line O means the post has no headline and the draft asks
for one. The rules stay the hard line: the model picks only a line they would take for a
headline (never a site line, a date bar, a body's bare name or the body's opening) and says 'no
headline' only above a body; and it overrides the rules' choice only where it is surer of its
own by a margin chosen by leaving whole sets out: one for its 'no headline', a lower one for its
line (the rules before read took old sites' lines the model saw through). Trained by `python -m
generator.bench.train_titles`, shipped in generator/data/title_model.yaml (base64)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path
from typing import Any

import pycrfsuite

from ..thai import thai_to_arabic_digits
from . import text as text_rules
from . import title as rules
from .dates import DATE, VIEWS
from .model_file import dump_model, load_model
from .people import HONORIFICS, ROLE_HEADS
from .text import PHOTO, is_chrome, lines_of, strip_enclosing, words
from .title_chrome import without_furniture

MODEL_FILE = Path(__file__).resolve().parents[1] / "data" / "title_model.yaml"
CANDIDATES = 12  # a headline stands among the page's first non-furniture lines
TITLE, OTHER = "TITLE", "O"
# the feature groups: what a line looks like and where it stands; whether the rules drop the
# line as a site line; and what the rules choose (stacking)
STRUCTURE, SITE_RULES, STACK = "structure", "site_rules", "stack"
THAI_WORD = re.compile(r"[\u0e01-\u0e4e]{2,}")
LATIN = re.compile(r"[A-Za-z]")
THAI = re.compile(r"[\u0e01-\u0e4e]")


@dataclass(frozen=True)
class Candidate:
    line: str  # as on the page, stripped
    title: str  # the headline this line would give
    site: str | None  # the site's name after ' | '


@cache
def menu_words() -> tuple[str, ...]:
    """The words of menus, banners, breadcrumbs and bylines, taken from the rules' own patterns
    (not typed anew), longest first."""
    patterns = [rules.SECTION_BANNER, rules.WELCOME, rules.SLOGAN, rules.BYLINE, rules.CATEGORY_LINE,
                rules.TRAIL_START, text_rules.SHARE, text_rules.BREADCRUMB, text_rules.POSTED]
    found = {word for pattern in patterns for word in THAI_WORD.findall(pattern.pattern)}
    return tuple(sorted(found, key=lambda w: (-len(w), w)))


def clean(line: str) -> tuple[str, str | None]:
    """The headline a line gives and the site named after ' | '."""
    if heading := rules.glued_date_heading(line):
        return strip_enclosing(heading), None
    line = rules.headline_before_gap(rules.LABEL_PREFIX.sub("", without_furniture(line)))
    title, _, site = line.partition(" | ")
    return strip_enclosing(title), site.strip() or None


def candidates(text: str) -> list[Candidate]:
    """The page's first lines that are not furniture, each with the headline it would give."""
    found: list[Candidate] = []
    for raw in lines_of(text)[:60]:
        line = rules.STAMP_PREFIX.sub("", raw).strip()
        if not line or PHOTO.match(line) or is_chrome(line):
            continue
        title, site = clean(line)
        found.append(Candidate(line, title, site))
        if len(found) == CANDIDATES:
            break
    return found


def bucket(value: float, bounds: tuple[float, ...]) -> int:
    """The index of the first bound above value (len(bounds) past the last)."""
    return next((n for n, bound in enumerate(bounds) if value < bound), len(bounds))


def share(pattern: re.Pattern[str], line: str) -> float:
    letters = [c for c in line if not c.isspace()]
    return sum(bool(pattern.match(c)) for c in letters) / max(len(letters), 1)


def menu_share(line: str) -> float:
    """How much of the line is menu, banner or byline words."""
    covered = [False] * len(line)
    for word in menu_words():
        for match in re.finditer(re.escape(word), line):
            covered[match.start(): match.end()] = [True] * len(word)
    return sum(covered) / max(len(line.replace(" ", "")), 1)


def opens_body(line: str) -> bool:
    """The line opens as a body does ('เมื่อวันที่…', a dateline); a date bar alone does not."""
    return (bool(rules.BODY_START.match(line)) or rules.dateline(line)) and not rules.is_date_heading(line)


def shape(line: str, title: str) -> dict[str, float]:
    """What the line looks like on its own."""
    plain = thai_to_arabic_digits(line)
    return {
        f"len={bucket(len(title), (8, 20, 40, 80, 150, 250, 400))}": 1.0,
        f"words={bucket(len(title.split()), (2, 3, 5, 9, 16))}": 1.0,
        f"latin={bucket(share(LATIN, line), (0.01, 0.2, 0.5, 0.9))}": 1.0,
        f"thai={bucket(share(THAI, line), (0.3, 0.6, 0.9))}": 1.0,
        f"menu={bucket(menu_share(line), (0.01, 0.3, 0.7))}": 1.0,
        "ends_stop": float(line.rstrip()[-1:] in ".!?…"), "ends_colon": float(line.rstrip().endswith(":")),
        "bar": float(" | " in line or " - " in line or " – " in line), "colon": float(":" in line),
        "quote": float(any(q in line for q in "“”\"'‘’")), "paren": float("(" in line),
        "hash": float(line.startswith("#")), "digits": float(any(c.isdigit() for c in plain)),
        "has_date": float(bool(DATE.search(plain))), "date_bar": float(rules.is_date_heading(line)),
        "glued_date": float(rules.glued_date_heading(line) is not None), "cut": float(title != line),
        "body_start": float(opens_body(line)), "gap": float(bool(rules.BODY_AFTER_GAP.search(line))),
        "starts_date": float(bool(DATE.match(plain))), "views": float(bool(VIEWS.search(line))),
        "person_first": float(line.startswith(PERSON_STARTS)), "underscore": float("_" in line),
        **{f"w0={w}": 1.0 for w in first_word(line)},
        **{f"w={w}": 1.0 for w in all_words(line)},
    }


PERSON_STARTS = tuple(HONORIFICS) + ROLE_HEADS  # a caption or the body names its people first


def all_words(line: str) -> list[str]:
    """The Thai words of the line's opening, in order (the same posts give the same model)."""
    return sorted({w for run in THAI_WORD.findall(line[:120]) for w in words(run) if len(w) >= 2})


def first_word(line: str) -> list[str]:
    """The line's first Thai word (a headline's verb or noun, a menu's label)."""
    run = THAI_WORD.match(line)
    return words(run.group(0))[:1] if run else []


def context(cands: list[Candidate], index: int, text: str, site_lines: frozenset[str]) -> dict[str, float]:
    """Where the line stands: its position, its neighbours, copies of it in the post and, in a
    batch, whether it opens several posts of the site."""
    line = cands[index].line
    before = cands[index - 1].line if index else None
    after = cands[index + 1].line if index + 1 < len(cands) else None
    later = [c.line for c in cands[index + 1:]]
    return {
        f"pos={min(index, 6)}": 1.0,
        "repeats_near": float(line in later[: rules.LOOK_AT]),
        "repeats_later": float(text.count(line) > 1),
        "copy_above": float(line in [c.line for c in cands[:index]]),
        **copies(line, [c.line for n, c in enumerate(cands) if n != index]),
        "after_body": float(any(opens_body(c.line) for c in cands[:index])),
        f"echo={bucket(echo(line, later), (12, 25))}": 1.0,
        f"said_below={bucket(said_below(line, text), (0.2, 0.4, 0.6, 0.8))}": 1.0,
        "batch_site": float(line in site_lines),
        "next_date_bar": float(after is not None and rules.is_date_heading(after)),
        "next_body": float(after is not None and opens_body(after)),
        "next_byline": float(after is not None and bool(rules.BYLINE.match(after))),
        "next_long": float(after is not None and len(after) > rules.LONGEST_TITLE),
        "next_starts_with": float(after is not None and after != line and after.startswith(line)),
        "prev_date_bar": float(before is not None and rules.is_date_heading(before)),
        "longer_than_prev": float(before is not None and len(line) > len(before)),
        "longer_than_next": float(after is not None and len(line) > len(after)),
        "last": float(after is None),
    }


def echo(line: str, below: list[str]) -> int:
    """The longest run of the line's characters that a line below says again (a headline's words
    come back in the body's opening)."""
    longest = 0
    for other in below:
        matcher = SequenceMatcher(None, line, other, autojunk=False)
        longest = max(longest, matcher.find_longest_match(0, len(line), 0, len(other)).size)
    return longest


def said_below(line: str, text: str) -> float:
    """How many of the line's words the post says again below it (a headline's words come back
    in its body, scattered; a site line's seldom do)."""
    found = all_words(line)
    start = text.find(line)
    below = text[start + len(line):] if start >= 0 else ""
    return sum(word in below for word in found) / len(found) if found else 0.0


def copies(line: str, others: list[str]) -> dict[str, float]:
    """The line given again on the page: whole, after a label (a date, a banner, a trail), or
    within a longer line; or holding another line after its own label."""
    long_others = [o for o in others if len(o) >= 8 and o != line]
    return {f"copies={min(others.count(line), 3)}": 1.0,
            "labelled_copy_below": float(any(o.endswith(line) for o in long_others)),
            "ends_with_other": float(any(line.endswith(o) for o in long_others)),
            "inside_other": float(len(line) >= 8 and any(line in o for o in long_others)),
            "holds_other": float(any(o in line for o in long_others))}


def features(text: str, cands: list[Candidate], site_lines: frozenset[str], groups: tuple[str, ...],
             chosen: str | None = None) -> list[dict[str, float]]:
    """Each candidate's features, from the groups asked for; chosen is what the rules choose."""
    kept = set(rules.content_lines(text)) if SITE_RULES in groups else set()
    rows = []
    for index, cand in enumerate(cands):
        row = {**shape(cand.line, cand.title), **context(cands, index, text, site_lines)}
        if SITE_RULES in groups:
            row.update(dropped(cand, kept))
        if STACK in groups:
            row.update(stacked(cand, chosen))
        rows.append({k: v for k, v in row.items() if v})
    return rows


def dropped(cand: Candidate, kept: set[str], key: Callable[[str], str] = str) -> dict[str, float]:
    """The rules drop the line as a site line (kept: the lines the rules keep as the post's, as
    key gives them)."""
    return {"dropped": float(key(cand.line) not in kept)}


def stacked(cand: Candidate, chosen: str | None) -> dict[str, float]:
    """What the rules choose, as the model's feature (stacking)."""
    return {"rules_choose": float(chosen is not None and norm(cand.title) == norm(chosen)),
            "rules_none": float(chosen is None)}


def norm(title: str | None) -> str:
    return " ".join((title or "").split())


@dataclass
class Choice:
    """The model's pick: a candidate (None: no headline), how sure it is of it, and how sure
    it is of each candidate and of no headline."""

    picked: Candidate | None
    sureness: float
    title_chances: list[float]
    none_chance: float

    def chance_of(self, cands: list[Candidate], title: str | None) -> float:
        """How sure the model is of a given headline (of none for None)."""
        if title is None:
            return self.none_chance
        return max((p for c, p in zip(cands, self.title_chances, strict=True) if norm(c.title) == norm(title)),
                   default=0.0)


def pick(tagger: pycrfsuite.Tagger, rows: list[dict[str, float]], cands: list[Candidate],
         kept: set[str] | None = None) -> Choice:
    """The candidate most likely TITLE, unless no headline is likelier. With kept (the lines the
    rules keep as the post's), only a line the rules would take for a headline may be it: never a
    site line, a date bar, a body's bare name or the body's opening, whatever the model learnt."""
    if not cands:
        return Choice(None, 1.0, [], 1.0)
    tagger.set(pycrfsuite.ItemSequence(rows))
    chances = [tagger.marginal(TITLE, n) for n in range(len(cands))]
    if kept is not None:
        chances = [p if p > 0.01 and may_be_title(cands, n, kept) else 0.0 for n, p in enumerate(chances)]
    none = tagger.probability([OTHER] * len(cands))
    if kept is not None and not body_below(cands, kept):
        none = 0.0
    best = max(range(len(cands)), key=lambda n: (chances[n], -n))
    if none >= chances[best]:
        return Choice(None, none, chances, none)
    return Choice(cands[best], chances[best], chances, none)


def body_below(cands: list[Candidate], kept: set[str]) -> bool:
    """A post without a headline opens with its body: some line the rules keep opens as a body
    does, goes on from the paragraph above it ('ซึ่ง…', 'ในการนี้ …') or runs longer than a headline."""
    return any(c.line in kept and (opens_body(c.line) or rules.refers_back(c.line) or len(c.line) > rules.LONGEST_TITLE)
               for c in cands)


def may_be_title(cands: list[Candidate], index: int, kept: set[str]) -> bool:
    """The rules would take this line for a headline: kept (no site line), no date bar, no body's
    bare name, no opening of the body (read with the next kept line, as the rules read it)."""
    cand = cands[index]
    if cand.line not in kept or rules.is_date_heading(cand.line) or rules.one_label(cand.title):
        return False
    following = next((c.line for c in cands[index + 1:] if c.line in kept), None)
    return not rules.opens_body(cand.title, following) and not rules.masthead(cand.title)


class TitleModel:
    """A trained tagger with its feature groups and the margin by which it overrides the rules."""

    def __init__(self, model: bytes, groups: tuple[str, ...], margin: float, constrained: bool = True,
                 line_margin: float | None = None) -> None:
        self.tagger = pycrfsuite.Tagger()
        self.model = model  # the tagger reads these bytes in place
        self.tagger.open_inmemory(model)
        self.groups, self.margin, self.constrained = groups, margin, constrained
        self.line_margin = shipped_line_margin() if line_margin is None else line_margin

    def title(self, text: str, site_lines: frozenset[str],
              ruled: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
        """The model's headline where it is surer of it than of the rules' by the margin; the
        rules' otherwise."""
        cands = candidates(text)
        kept = set(rules.content_lines(text, site_lines)) if self.constrained else None
        choice = pick(self.tagger, features(text, cands, site_lines, self.groups, ruled[0]), cands, kept)
        if not overrides(choice, cands, ruled[0], self.margin, self.line_margin):
            return ruled
        return (choice.picked.title, choice.picked.site) if choice.picked else (None, None)


def overrides(choice: Choice, cands: list[Candidate], ruled: str | None, margin: float,
              line_margin: float | None = None) -> bool:
    """The model's pick stands over the rules' where it is surer of it by the margin (its line by
    line_margin, when given: the folds chose a lower one for a line than for 'no headline'), and is not
    the line the rules read their headline from: the model chooses a line, and how much of it is
    the headline (a label before it, a list after a gap) is the rules' reading. Its 'no headline'
    never stands over a headline the rules took right above the body's opening ('… “วันเอดส์โลก”'
    over 'วันที่ 29 พฤศจิกายน 2562 …'): the shape of a headline and its body, whatever the words."""
    picked = choice.picked
    if choice.sureness - choice.chance_of(cands, ruled) <= (margin if picked is None or line_margin is None
                                                            else line_margin):
        return False
    if picked is None and ruled is not None and above_body(cands, ruled):
        return False
    if picked is None or ruled is None:
        return True
    return not (norm(ruled) in norm(picked.line) or norm(picked.title) in norm(ruled))


def above_body(cands: list[Candidate], title: str) -> bool:
    """The line giving this headline is followed by one opening the body, with only the page's
    stamps between (its counter, when it was posted: 'เปิดอ่าน 347 ครั้ง', 'ประกาศเมื่อ 21 ธันวาคม 2563
    14:28:49'), or by a stamp and then a paragraph longer than a headline (a body opening with its
    people: 'ชู “ศพค.พิษณุโลก” …', 'ไทยรัฐฉบับพิมพ์18 ม.ค. 2563 09:28 น.', 'นายจุติ ไกรฤกษ์ รมว. …'), unless
    the line is mostly a menu's or banner's words ('ข่าวกิจกรรมข่าวกิจกรรม ปี 2566'); or runs on into the
    body after a gap ('…วัณโรค 2562            เนื่องด้วยวัณโรค…': the rules cut it there); or the page
    gives it twice among its first lines (its title and its heading: 'เบี้ยยังชีพผู้ป่วยเอดส์'), above the
    body (a picture's caption given twice comes below the body's first paragraphs)."""
    at = next((n for n, c in enumerate(cands) if norm(c.title) == norm(title)), None)
    if at is None:
        return False
    cut = rules.headline_before_gap(cands[at].line) != cands[at].line
    below = next((c.line for c in cands[at + 1:] if opens_body(c.line) or not stamp(c.line)), None)
    stamped = below is not None and cands[at + 1].line != below and menu_share(cands[at].line) < MENU_ISH
    twice = sum(norm(c.title) == norm(title) for c in cands[: rules.LOOK_AT]) > 1 and \
        not any(opens_body(c.line) or len(c.line) > rules.LONGEST_TITLE for c in cands[:at])
    return cut or twice or (below is not None and (opens_body(below) or (stamped and len(below) > rules.LONGEST_TITLE)))


MENU_ISH = 0.3  # of the line in menu, banner or byline words (menu_share): a banner's, no headline
CLOCK = re.compile(r"\d{1,2}[:.]\d\d")
SHORT_STAMP = 60


def stamp(line: str) -> bool:
    """A page's stamp under its headline: a counter of views, a date bar, a byline ('by สำนักงาน…'),
    or a date with the clock time it was posted ('ไทยรัฐฉบับพิมพ์18 ม.ค. 2563 09:28 น.')."""
    if len(line) > SHORT_STAMP:
        return False
    plain = thai_to_arabic_digits(line)
    dated = DATE.search(plain)
    return bool(VIEWS.search(line)) or rules.is_date_heading(line) or bool(rules.BYLINE.match(line)) or \
        (dated is not None and CLOCK.search(plain[dated.end():]) is not None)


def dump(model: bytes, groups: tuple[str, ...], margin: float, constrained: bool, about: dict[str, Any],
         line_margin: float) -> str:
    """The shipped model file: what it was trained on and chosen by, and its bytes."""
    return dump_model(model, about, groups=list(groups), margin=margin, line_margin=line_margin,
                      constrained=constrained)


@cache
def shipped_line_margin() -> float:
    """The shipped margin of the model's line over the rules' (a fold's model, trained again, keeps it)."""
    model = shipped()
    return model.line_margin if model is not None else 1.0


@cache
def shipped() -> TitleModel | None:
    """The trained model shipped with kb; None before one is trained."""
    found = load_model(MODEL_FILE)
    if found is None:
        return None
    model, data = found
    return TitleModel(model, tuple(data["groups"]), float(data["margin"]), bool(data["constrained"]),
                      float(data.get("line_margin", data["margin"])))
