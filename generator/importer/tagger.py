"""A learned organisation tagger: a CRF (python-crfsuite) over PyThaiNLP words, one sequence per
line, labelled B-ORG / I-ORG / O (and B-OPT / I-OPT in training: venues, publishers, kinds that
are neither an error nor a miss). Rules drawn from read misses fit the posts they were read
from; the tagger learns from every annotated post instead (generator/bench/train_tagger.py
rebuilds the model from the annotations, deterministically).

Each word is described by itself and its neighbours (±2), its characters' classes, its first
and last letters, and what the project already knows: organisation words (the rules' HEADS and
the first words of the glossary's full names), glossary abbreviations, known stakeholders'
names, place names, honorifics and the rules' stop words. Whether the rules tag a word is a
feature only when the model was trained with it (RULE_FEATURE): on unseen posts the rules are
less right than on the posts they were drawn from."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from ..text import dictionary
from ..thai import load_glossary, load_provinces
from .name_ends import DIVISION_HEAD, HEADS, STOP
from .people import HONORIFICS, ROLE_HEADS
from .places import place_names
from .text import words

MODEL = "organization-tagger.crfsuite"
LEVELS = {"จังหวัด", "อำเภอ", "ตำบล", "จ.", "อ.", "ต.", "เขต", "หมู่", "ม.", "บ้าน"}
Token = tuple[int, int, str]  # start, end, text within the post


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    confidence: float  # the CRF's marginal probability of the span's labels, the lowest of them


@dataclass(frozen=True)
class Mark:
    """How sure the CRF is that a word is in an organisation's name: its marginals."""

    start: int
    end: int
    begin: float  # B-ORG: a name starts at it
    org: float  # B-ORG or I-ORG
    opt: float  # B-OPT or I-OPT: an optional name (a venue, a publisher, a kind)


def tokens_of(text: str, known: frozenset[str] = frozenset()) -> list[list[Token]]:
    """The post's lines as sequences of words with their offsets; a run of spaces is one token."""
    lines: list[list[Token]] = []
    offset = 0
    for line in text.split("\n"):
        sequence: list[Token] = []
        position = offset
        for word in words(line, known) if line.strip() else []:
            if word.isspace() and sequence and sequence[-1][2] == " ":
                sequence[-1] = (sequence[-1][0], position + len(word), " ")
            else:
                sequence.append((position, position + len(word), " " if word.isspace() else word))
            position += len(word)
        while sequence and sequence[-1][2] == " ":
            sequence.pop()
        while sequence and sequence[0][2] == " ":
            sequence.pop(0)
        if sequence:
            lines.append(sequence)
        offset += len(line) + 1
    return lines


def shape(word: str) -> str:
    """Character classes, runs collapsed: 'สสจ.ตรัง' → 'ก.ก', 'COVID-19' → 'A-9'."""
    classes: list[str] = []
    for char in word:
        if "\u0e01" <= char <= "\u0e4e":
            kind = "ก"
        elif char.isdigit():
            kind = "9"
        elif char.isalpha():
            kind = "A" if char.isupper() else "a"
        else:
            kind = char
        if not classes or classes[-1] != kind:
            classes.append(kind)
    return "".join(classes)[:8]


@cache
def heads() -> frozenset[str]:
    """Words that open an organisation's name: the rules' HEADS and the glossary's full names'
    first words (องค์การ, เทศบาล, โรงพยาบาล, สำนักงาน, กองทุน, ...)."""
    first = {words(str(e["full"]).split(" (")[0])[0] for e in load_glossary()}
    # (DIVISION_HEAD too: the tagger trained with it moved the folds' names both ways, site_folds_history.md)
    return (frozenset(HEADS) - {DIVISION_HEAD}) | {w for w in first if len(w) >= 3}


@cache
def abbreviations() -> frozenset[str]:
    forms = set()
    for entry in load_glossary():
        for form in [entry["short"], *entry.get("forms", [])]:
            forms.update({str(form), str(form).rstrip(".")})
    return frozenset(f for f in forms if len(f) >= 2)


@cache
def glossary_words() -> frozenset[str]:
    """Every word of the glossary's full names."""
    return frozenset(w for e in load_glossary() for w in words(str(e["full"])) if not w.isspace())


@cache
def known_words(known: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Known stakeholders' names whole, and every word in them."""
    whole = frozenset(n.replace(" ", "") for n in known)
    parts = frozenset(w for n in known for w in words(n, known) if not w.isspace() and len(w) >= 2)
    return whole, parts


def word_features(word: str, known: frozenset[str]) -> list[str]:
    """What one word is, by itself."""
    bare = word.rstrip(".")
    whole, parts = known_words(known)
    found = [f"w={word}", f"shape={shape(word)}", f"p1={word[:1]}", f"p2={word[:2]}", f"p3={word[:3]}",
             f"s1={word[-1:]}", f"s2={word[-2:]}", f"s3={word[-3:]}", f"len={min(len(word), 12) // 3}"]
    flags = {"space": word == " ", "dot": "." in word, "paren": word in ("(", ")"), "digit": word.isdigit(),
             "head": word in heads(), "opens_head": word.startswith(tuple(heads())) and word not in heads(),
             "abbr": word in abbreviations() or bare in abbreviations(), "gloss": word in glossary_words(),
             "known": word in whole or bare in whole, "known_part": word in parts,
             "place": word in place_names(), "province": word in load_provinces(), "level": word in LEVELS,
             "stop": word in STOP, "honorific": word in HONORIFICS, "role": word in ROLE_HEADS,
             "dict": word in dictionary(), "quote": word in ("\"", "“", "”")}
    return found + [name for name, on in flags.items() if on]


def sequence_features(sequence: Sequence[Token], known: frozenset[str],
                      rule_labels: Sequence[str] | None = None) -> list[list[str]]:
    """Each word's own features, its neighbours' (±2) words and flags, and the rules' label."""
    own = [word_features(t[2], known) for t in sequence]
    out = []
    for i in range(len(sequence)):
        features = ["bias", *own[i]]
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(sequence):
                features += [f"{offset}:{f}" for f in own[j] if not f.startswith(("p", "s", "len"))]
            else:
                features.append(f"{offset}:edge")
        before = sequence[i - 1][2] if i else "^"
        after = sequence[i + 1][2] if i + 1 < len(sequence) else "$"
        features += [f"bi-={before}|{sequence[i][2]}", f"bi+={sequence[i][2]}|{after}"]
        if rule_labels is not None:
            features.append(f"rule={rule_labels[i]}")
            features += [f"rule{o}={rule_labels[i + o]}" for o in (-1, 1) if 0 <= i + o < len(sequence)]
        out.append(features)
    return out


def span_labels(sequence: Sequence[Token], spans: Iterable[tuple[int, int]], kind: str = "ORG") -> list[str]:
    """BIO labels of the words that spans cover (a word partly covered counts as covered)."""
    labels = ["O"] * len(sequence)
    for start, end in spans:
        inside = [i for i, t in enumerate(sequence) if t[0] < end and t[1] > start and t[2] != " "]
        for n, i in enumerate(range(inside[0], inside[-1] + 1) if inside else []):
            labels[i] = ("B-" if n == 0 else "I-") + kind
    return labels


def decode(sequence: Sequence[Token], labels: Sequence[str], text: str,
           marginal: Sequence[float]) -> list[Span]:
    """B-ORG I-ORG… runs as spans of the post's text."""
    spans = []
    i = 0
    while i < len(labels):
        if labels[i] in ("B-ORG", "I-ORG"):
            j = i + 1
            while j < len(labels) and labels[j] == "I-ORG":
                j += 1
            start, end = balanced(text, sequence[i][0], sequence[j - 1][1])
            if end > start:
                spans.append(Span(start, end, text[start:end], min(marginal[i:j])))
            i = j
        else:
            i += 1
    return spans


LIST_MARKS = ",;"  # between the names of a list, never inside one at its end
PAIRS = {"(": ")", "“": "”", "‘": "’", "\"": "\"", "'": "'"}


def balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without the spaces, the commas of a list, and the brackets or quotes it opens or
    closes but does not hold both of, at its ends: 'สมัชชา…อายุยืน)' → 'สมัชชา…อายุยืน',
    '…แห่งชาติ (สปสช.),' → '…แห่งชาติ (สปสช.)'."""
    changed = True
    while changed and end > start:
        changed = False
        while end > start and (text[start].isspace() or text[start] in LIST_MARKS):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in LIST_MARKS):
            end -= 1
        for opening, closing in PAIRS.items():
            inside = text[start:end]
            opens, closes = inside.count(opening), inside.count(closing)
            odd = opening == closing and opens % 2 == 1
            if inside.endswith(closing) and (odd or opening != closing and opens < closes):
                end, changed = end - 1, True
            elif inside.startswith(opening) and (odd or opening != closing and closes < opens):
                start, changed = start + 1, True
    return start, end


class Tagger:
    """A trained model; rules is whether it was trained with the rules' labels as a feature."""

    def __init__(self, path: Path, rules: bool) -> None:
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path))
        self.rules = rules

    def spans(self, text: str, known: frozenset[str] = frozenset(),
              rule_spans: Iterable[tuple[int, int]] = ()) -> list[Span]:
        return self.tag_lines(text, tokens_of(text, known), known, rule_spans)

    def tag_lines(self, text: str, lines: Iterable[Sequence[Token]], known: frozenset[str],
                  rule_spans: Iterable[tuple[int, int]] = ()) -> list[Span]:
        """Spans in lines already cut into words (tokens_of)."""
        return self.read_lines(text, lines, known, rule_spans)[0]

    def read(self, text: str, known: frozenset[str] = frozenset(),
             rule_spans: Iterable[tuple[int, int]] = ()) -> tuple[list[Span], list[Mark]]:
        return self.read_lines(text, tokens_of(text, known), known, rule_spans)

    def read_lines(self, text: str, lines: Iterable[Sequence[Token]], known: frozenset[str],
                   rule_spans: Iterable[tuple[int, int]] = ()) -> tuple[list[Span], list[Mark]]:
        """Spans in lines already cut into words, and every word's marginals (name_keeper.py
        weighs how sure the CRF is of a rule's name it did not tag itself)."""
        rule_spans = list(rule_spans)
        found: list[Span] = []
        marks: list[Mark] = []
        for sequence in lines:
            rules = span_labels(sequence, rule_spans, "R") if self.rules else None
            labels = self.tagger.tag(sequence_features(sequence, known, rules))
            marginal = [self.tagger.marginal(label, i) for i, label in enumerate(labels)]
            found += decode(sequence, labels, text, marginal)
            marks += [self.mark(i, token) for i, token in enumerate(sequence) if not token[2].isspace()]
        return found, marks

    def mark(self, i: int, token: Token) -> Mark:
        begin = self.tagger.marginal("B-ORG", i)
        return Mark(token[0], token[1], begin, begin + self.tagger.marginal("I-ORG", i),
                    self.tagger.marginal("B-OPT", i) + self.tagger.marginal("I-OPT", i))


RULE_FEATURE = False  # the shipped model stands on its own features (see the module's docstring)


@cache
def shipped() -> Tagger | None:
    """The model kb import uses (generator/data/MODEL); None where an installation lacks it:
    the rules alone then."""
    path = Path(str(resources.files("generator").joinpath("data", MODEL)))
    return Tagger(path, RULE_FEATURE) if path.is_file() else None
