"""A second look at every organisation the rules and the tagger propose: keep it, or drop it.

On posts nobody tuned on, a fifth of the names reported were not bodies the post names: a
kind of body ('โรงพยาบาลใหญ่'), a section of a site ('ศูนย์ข้อมูล'), a name run on into its
sentence, a bare abbreviation read in a word. Rules drawn from one set's misses fixed that set
and moved nothing on the next, so this step is learned: a maximum-entropy (logistic) classifier
(python-crfsuite on one-item sequences) over features that say something general of a proposed
name (who proposed it and how sure the tagger was, its organisation word, its length, what it
ends with, what is written around it, whether the post repeats it, whether the project knows
it, where in the post it stands). A name is dropped where its chance of being a body the post
names is under the model's threshold, which leave-site-out folds over the read sets chose
(generator/bench/train_keeper.py trains it; site_folds.py measures it)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pycrfsuite
from pythainlp.tag import pos_tag

from ..text import dictionary
from ..thai import load_glossary
from .groups import ends_with_place, kind_of_people
from .headed_units import UNIT_HEADS
from .long_names import NAME_ENDING
from .model_file import dump_model, load_model
from .name_ends import HEADS, STOP, placed
from .organizations import PLURAL, Mention, body_abbreviations, name_key
from .places import place_at
from .tagger import Mark, Span
from .text import starts_word, words

MODEL_FILE = Path(__file__).resolve().parents[1] / "data" / "name_keeper.yaml"
KEEP, DROP = "keep", "drop"
SURE_START = 0.9  # the tagger's marginal for a name starting there, above which the keeper does not judge it
LATIN = re.compile(r"[A-Za-z]")
DIGIT = re.compile(r"[0-9๐-๙]")
PLACE_WORDS = ("จังหวัด", "อำเภอ", "ตำบล", "จ.", "อ.", "ต.", "บ้าน", "เขต")
OFFICES = ("นายก", "ประธาน", "ผู้อำนวยการ", "ผอ.", "ปลัด", "รองนายก", "ผู้ว่า", "หัวหน้า", "เลขาธิการ")
REGION_NUMBERED = re.compile(r"เขต(?:สุขภาพ)?(?:ที่)?[ \t]?\d{1,2}$")  # a regional office, or a ward
FUNCTION_TAGS = {"AUX", "ADV", "PART", "SCONJ", "CCONJ", "ADP", "PRON", "DET"}
INTRODUCERS = ("โดย", "ร่วมกับ", "จาก", "ของ", "กับ", "และ", "ณ", "ที่", "ใน")  # words a body's name often follows


@dataclass(frozen=True)
class Proposal:
    """A name combine() reports, where it is first written, and who proposed it."""

    name: str
    start: int
    end: int
    by_rules: bool
    by_tagger: bool
    confidence: float  # the tagger's marginal for a span of this name (0 where it tagged none)
    overlap: float  # the tagger's highest marginal for a span overlapping it
    same_start: float = 0.0  # … for a span starting where it starts (the same name, another extent)


def located(text: str, name: str) -> tuple[int, int]:
    """Where a name is first written (runs of spaces as any); (0, 0) where it is not as written."""
    match = re.compile(r"\s*".join(re.escape(part) for part in name.split())).search(text)
    return match.span() if match else (0, 0)


def proposals(text: str, names: Sequence[str], mentions: Sequence[Mention], spans: Sequence[Span]) -> list[Proposal]:
    """Each reported name with its place and who proposed it (a rule's name the tagger read on
    from its first letter is both's)."""
    rule_keys = {name_key(m.written()) for m in mentions}
    rule_starts = {m.start for m in mentions if m.end > m.start}
    out = []
    for name in names:
        start, end = located(text, name)
        key = name_key(name)
        same = [s.confidence for s in spans if name_key(Mention(s.start, s.end, s.text).written()) == key]
        near = [s.confidence for s in spans if s.start < max(end, start + 1) and start < s.end]
        begun = [s.confidence for s in spans if s.start == start and end > start]
        out.append(Proposal(name, start, end, key in rule_keys or (end > start and start in rule_starts),
                            bool(same), max(same, default=0.0), max(near, default=0.0), max(begun, default=0.0)))
    return out


def bucket(value: float, bounds: Sequence[float]) -> int:
    return sum(value >= b for b in bounds)


@cache
def glossary_keys() -> frozenset[str]:
    return frozenset(name_key(str(e[k]).split(" (")[0]) for e in load_glossary() for k in ("short", "full"))


def head_of(name: str) -> str:
    """The organisation word a name opens with, a body's abbreviation, or none."""
    head = next((h for h in sorted(HEADS, key=len, reverse=True) if name.startswith(h)), None)
    if head:
        return head
    if name.startswith(UNIT_HEADS):
        return "unit"  # a unit or temple named inside its head's title (headed_units.py)
    return "ABBR" if any(name.startswith(a) for a in body_abbreviations()) else "none"


def char_class(char: str) -> str:
    if not char or char == "\n":  # a post's edge is a line's
        return "newline"
    if char.isspace():
        return "space"
    if "\u0e01" <= char <= "\u0e4e":
        return "thai"
    if LATIN.match(char):
        return "latin"
    if DIGIT.match(char):
        return "digit"
    return "punct" if char not in "()" else char


def line_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The line the name is written in, and its number among the post's non-empty lines."""
    begin = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    number = sum(1 for line in text[:begin].split("\n") if line.strip())
    return text[begin: stop if stop >= 0 else len(text)], number


def marginals(proposal: Proposal, marks: Sequence[Mark], starts: Sequence[int]) -> dict[str, float]:
    """How sure the tagger was of the name's words being a name (tagged or not), of one starting
    at its first word, and of the name running on before and after it."""
    at = max(bisect.bisect_right(starts, proposal.start) - 1, 0)
    while at < len(marks) and marks[at].end <= proposal.start:
        at += 1
    inside = marks[at: max(bisect.bisect_left(starts, proposal.end), at)]
    if not inside or proposal.end <= proposal.start:
        return {"unmarked": 1.0}
    after = marks[at + len(inside)] if at + len(inside) < len(marks) else None
    before = marks[at - 1] if at > 0 else None
    return {"org_mean": sum(m.org for m in inside) / len(inside), "org_least": min(m.org for m in inside),
            "opt_mean": sum(m.opt for m in inside) / len(inside), "begins": inside[0].begin,
            "runs_on": after.org - after.begin if after else 0.0,
            "runs_back": (inside[0].org - inside[0].begin) * (before.org if before else 0.0),
            f"org_mean_bucket={bucket(sum(m.org for m in inside) / len(inside), (0.1, 0.3, 0.5, 0.7, 0.9))}": 1.0}


def features(text: str, proposal: Proposal, others: Sequence[str], known: frozenset[str],
             marks: Sequence[Mark] = (), starts: Sequence[int] = ()) -> dict[str, float]:
    """What the keeper weighs of one proposed name (others: the post's other reported names;
    marks: the tagger's marginals of the post's words, in order, and their starts)."""
    name, start, end = proposal.name, proposal.start, proposal.end
    key = name_key(name)
    parts = [w for w in words(name) if not w.isspace()]
    last = parts[-1] if parts else ""
    line, number = line_around(text, start, end) if end > start else ("", 0)
    before = text[max(0, start - 12): start]
    row: dict[str, float] = {
        "bias": 1.0,
        f"by={'both' if proposal.by_rules and proposal.by_tagger else 'rules' if proposal.by_rules else 'tagger'}": 1,
        "tagger_confidence": proposal.confidence,
        "overlap_confidence": proposal.overlap,
        "same_start_confidence": proposal.same_start,
        f"confidence_bucket={bucket(max(proposal.confidence, proposal.overlap), (0.3, 0.5, 0.7, 0.9))}": 1,
        f"head={head_of(name)}": 1,
        f"words={min(len(parts), 8)}": 1,
        f"letters={bucket(len(key), (4, 7, 12, 20, 35))}": 1,
        f"next={char_class(text[end:end + 1]) if end > start else 'unwritten'}": 1,
        f"previous={'introducer' if before.rstrip().endswith(INTRODUCERS) else char_class(text[start - 1:start])}": 1,
        f"repeated={min(len(re.findall(re.escape(name), text)), 3)}": 1,
        f"line_number={bucket(number, (3, 10, 30))}": 1,
        f"line_share={bucket(len(name) / max(len(line.strip()), 1), (0.3, 0.6, 0.9))}": 1,
    }
    flags = {
        "ends_abbreviation_given": bool(re.match(r"[ \t]?\([^()\n]{1,20}\)", text[end:end + 24])),
        "ends_with_brackets": name.endswith(")"),
        "ends_with_dot": name.endswith("."),
        "ends_with_digit": bool(DIGIT.search(name[-1:])),
        "ends_closed": bool(NAME_ENDING.search(name)),
        "region_numbered": bool(REGION_NUMBERED.search(name)),
        "ends_stop_word": last in STOP,
        "has_place_word": any(w in name for w in PLACE_WORDS),
        "has_latin": bool(LATIN.search(name)),
        "has_digit": bool(DIGIT.search(name)),
        "has_space": " " in name.strip(),
        "plural": any(w in parts for w in PLURAL) or "ฯ" in name,
        "starts_office": name.startswith(OFFICES),
        "introduced": before.rstrip().endswith(INTRODUCERS),
        "glossary": key in glossary_keys(),
        "known": key in known,
        "inside_another": any(key != (k := name_key(o)) and key in k for o in others),
        "holds_another": any(key != (k := name_key(o)) and k in key for o in others),
    }
    row.update({flag: 1.0 for flag, on in flags.items() if on})
    row |= marginals(proposal, marks, starts) | grammar(text, name, start, end, parts)
    return row | pairs(row)


def pairs(row: dict[str, float]) -> dict[str, float]:
    """Features taken together, where one's weight depends on another: who proposed a name with
    how sure the tagger is of its words; its organisation word with who proposed it, and with
    whether it holds its place."""
    def named(prefix: str, default: str) -> str:
        return next((k for k in row if k.startswith(prefix)), default)
    by, head = named("by=", "by=none"), named("head=", "head=none")
    sure = named("org_mean_bucket=", "unmarked")
    return {f"{by}|{sure}": 1.0, f"{head}|{by}": 1.0, f"{head}|placed={'placed' in row}": 1.0,
            f"{head}|region_numbered={'region_numbered' in row}": 1.0}


def grammar(text: str, name: str, start: int, end: int, parts: list[str]) -> dict[str, float]:
    """Whether a place's name is in it, whether it starts or ends inside a word (the segmenter's
    words), and its words' parts of speech (a name run on into its sentence holds a verb)."""
    tags = [tag for _, tag in pos_tag(parts, corpus="orchid_ud")] if parts else []
    row = {f"last_tag={tags[-1] if tags else 'none'}": 1.0,
           f"verbs={min(sum(t == 'VERB' for t in tags[1:]), 2)}": 1.0,
           f"function_words={min(sum(t in FUNCTION_TAGS for t in tags[1:]), 2)}": 1.0}
    head = head_of(name)
    rest = [w for w in words(name[len(head):])if not w.isspace()] if head not in ("ABBR", "none") else parts[1:]
    row[f"rest_words={min(len(rest), 4)}"] = 1.0
    flags = {"has_place": any(place_at(name, at) for at in range(1, max(len(name) - 2, 1))),
             "ends_with_place": ends_with_place(name),
             "placed": placed(name),
             "kind_of_people": kind_of_people(name),
             "rest_plain_words": bool(rest) and all(w in dictionary() for w in rest),
             "starts_inside_word": end > start and not starts_word(text, start),
             "ends_inside_word": end > start and end < len(text) and not starts_word(text, end)}
    return row | {flag: 1.0 for flag, on in flags.items() if on}


class Keeper:
    """A trained keep/drop model and the chance of keeping under which a name is dropped."""

    def __init__(self, model: bytes, threshold: float) -> None:
        self.tagger = pycrfsuite.Tagger()
        self.model = model  # the tagger reads these bytes in place
        self.tagger.open_inmemory(model)
        self.threshold = threshold

    def chance(self, row: dict[str, float]) -> float:
        """How likely the name with these features is a body the post names."""
        self.tagger.set(pycrfsuite.ItemSequence([row]))
        return float(self.tagger.marginal(KEEP, 0))

    def kept(self, text: str, names: list[str], mentions: Sequence[Mention], spans: Sequence[Span],
             marks: Sequence[Mark], known: frozenset[str]) -> list[str]:
        keys = known_keys(known)
        starts = [m.start for m in marks]
        found = proposals(text, names, mentions, spans)
        # a name content/ knows as a stakeholder's stands (seed 000's 'node สสส.ใต้ล่าง', weighed 0.36
        # by the keeper trained with held-out 14 read)
        return [p.name for p in found if not judged(p) or name_key(p.name) in keys
                or self.chance(features(text, p, names, keys, marks, starts)) >= self.threshold]


def judged(proposal: Proposal) -> bool:
    """The keeper weighs the names the tagger doubts or did not read; one it is sure starts where
    the name starts stands (a rule's name may run on past the tagger's: 'สปสช.เขต' + ' 7')."""
    return proposal.same_start < SURE_START


@cache
def known_keys(known: frozenset[str]) -> frozenset[str]:
    return frozenset(name_key(k) for k in known)


def dump(model: bytes, threshold: float, about: dict[str, Any]) -> str:
    """The shipped model file: what it was trained on and chosen by, its threshold and bytes."""
    return dump_model(model, about, threshold=threshold)


@cache
def shipped() -> Keeper | None:
    """The trained keeper shipped with kb; None before one is trained (every name is kept)."""
    found = load_model(MODEL_FILE)
    return Keeper(found[0], float(found[1]["threshold"])) if found else None


def kept_names(text: str, names: list[str], mentions: Sequence[Mention], spans: Sequence[Span],
               marks: Sequence[Mark], known: frozenset[str]) -> list[str]:
    """The names the shipped keeper keeps (all of them where none is shipped)."""
    keeper = shipped()
    return keeper.kept(text, names, mentions, spans, marks, known) if keeper else names
