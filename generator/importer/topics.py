"""The existing topics (content/topics/) a post is about: those whose title, or a synonym or
glossary form of it, the post contains on Thai word boundaries, each with the words that
matched. A topic's words are its title, the synonym group (generator/data/synonyms.yaml, with the
glossary's abbreviations and full names) the title belongs to, and the groups of the words the
title or those forms are made of: 'สังคมผู้สูงอายุ' (a form of สังคมสูงวัย) holds ผู้สูงอายุ, so a
post about ผู้สูงอายุ or ผู้สูงวัย is found for the topic สังคมสูงวัย. Nothing is made up: a post
that names no topic's words gets none."""

from __future__ import annotations

import re
from functools import cache

from ..records.load import Record
from ..search.equivalents import word_groups
from .text import has_thai, whole_word, words

SHORTEST_PART = 4  # letters: a shorter group form inside a title (สช in ...) says nothing of it
MAX_SHOWN = 4  # matched words given beside a topic


def key(form: str) -> str:
    return re.sub(r"\s+", " ", form).strip().casefold()


@cache
def groups() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(g) for g in word_groups())


def group_of(form: str) -> set[str]:
    """Every form of the synonym groups that hold this form (itself included)."""
    found = {form}
    for group in groups():
        if key(form) in {key(f) for f in group}:
            found |= group
    return found


def parts_on_boundaries(term: str) -> set[str]:
    """Group forms written inside a Thai term from word boundary to word boundary."""
    if not has_thai(term):
        return set()
    cuts, position = {0}, 0
    for token in words(term):
        position += len(token)
        cuts.add(position)
    found = set()
    for group in groups():
        for form in group:
            if len(form) < SHORTEST_PART or form == term or not has_thai(form):
                continue
            start = term.find(form)
            while start >= 0:
                if start in cuts and start + len(form) in cuts:
                    found.add(form)
                start = term.find(form, start + 1)
    return found


def topic_words(title: str) -> frozenset[str]:
    """The words that say a post is about the topic of this title."""
    forms = group_of(title)
    for form in list(forms):
        for part in parts_on_boundaries(form):
            forms |= group_of(part)
    return frozenset(f for f in forms if len(f.strip()) >= 2)


def spans_of(text: str, word: str, extra: frozenset[str]) -> list[tuple[int, int]]:
    """Where the word stands whole in the text: Thai on PyThaiNLP's word boundaries, Latin
    between non-letters, either case."""
    if not has_thai(word):
        pattern = re.compile(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", re.IGNORECASE)
        return [m.span() for m in pattern.finditer(text)]
    return [m.span() for m in re.finditer(re.escape(word), text) if whole_word(text, m.start(), m.end(), extra)]


def longest_apart(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'โควิด-19' once, not also the 'โควิด' inside it."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= a or start >= b for a, b in kept):
            kept.append((start, end))
    return kept


def find_topics(text: str, records: list[Record]) -> dict[str, list[str]]:
    """Topic id → the words of it the post contains (as written, longest first), for every
    topic record whose words the post holds."""
    topics = [r for r in records if r.kind == "topic" and isinstance(r.data.get("title"), str)]
    vocabulary = {r.id: topic_words(r.data["title"]) for r in topics}
    extra = frozenset(w for forms in vocabulary.values() for w in forms if has_thai(w))
    found: dict[str, list[str]] = {}
    for topic_id, forms in vocabulary.items():
        spans = longest_apart([span for form in forms for span in spans_of(text, form, extra)])
        matched = {text[start:end] for start, end in spans}
        if matched:
            found[topic_id] = sorted(matched, key=lambda w: (-len(w), w))[:MAX_SHOWN]
    return found
