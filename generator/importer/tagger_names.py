"""The importer's organisations: the rules' names and the learned tagger's, combined.

How they are combined was chosen by leaving whole annotated sets out (generator/bench/
tagger_folds.py; THRESHOLD is what the training folds chose in four folds of six) and against
the rules as they were before each held-out set was read (tagger_unseen.py: pooled over
held-out 1–5, those rules found 68% of organisations at 81% real; with the tagger's names
added, 75% at 80%): the tagger's names are added where no rule's name stands, when the CRF is
sure enough of them and they name one body, not a kind nor the start of another name. Both
have their ends fitted first (name_extent.py): most of what either reports wrongly on unseen
posts is the right body with the wrong extent. Then the keeper (name_keeper.py), a learned
keep/drop decision, drops the names it doubts; so the tagger proposes more to it (PROPOSED,
below THRESHOLD) than it adds alone."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import name_keeper
from .long_names import NAME_ENDING
from .name_ends import HEADS
from .name_extent import fitted_mentions, fitted_spans
from .name_keeper import kept_names
from .organizations import Mention, name_key, named_bodies, one_body, rule_mentions
from .tagger import Mark, Span, Tagger, shipped

THRESHOLD = 0.5  # the lowest marginal probability of a tagged span's labels for it to count
# … where the keeper (name_keeper.py) weighs them after: lower, since what the tagger doubts it
# drops (twelve folds of site_folds.py, before read: 80.0 / 86.1% at 0.5, 80.8 / 87.0% at 0.3;
# nineteen folds, keeper at 0.55: 80.4 / 87.0% at 0.3, 80.7 / 87.1% at 0.1, chosen by 18 folds of 19
# from the others' harmonic mean; the four names it adds there are all real: site_folds_history.md, 27as)
PROPOSED = 0.1
COMBINATIONS = ("rules", "tagger", "union", "tagger_first")
COMBINATION = "union"
READS_ON = 0.75  # how sure the tagger is of a longer name from a rule's name's first letter to read on


def learned_organizations(text: str, known: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """find_organizations with the tagger's names added (as kb import reads a post)."""
    mentions, defined = rule_mentions(text, known)
    mentions = fitted_mentions(text, mentions, frozenset(known))  # each name's ends fitted (name_extent.py)
    tagger = shipped()
    spans, marks = tagged(tagger, text, known, mentions) if tagger else ([], [])
    spans = fitted_spans(text, spans, frozenset(known))
    cut = PROPOSED if name_keeper.shipped() else THRESHOLD
    names = kept_names(text, combine(text, mentions, spans, COMBINATION, cut), mentions, spans, marks,
                       frozenset(known))
    return named_bodies(names, defined, known)


def tagged(tagger: Tagger, text: str, known: dict[str, str], mentions: Sequence[Mention]
           ) -> tuple[list[Span], list[Mark]]:
    return tagger.read(text, frozenset(known), [(m.start, m.end) for m in mentions if m.end > m.start])


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def combine(text: str, mentions: Sequence[Mention], spans: Sequence[Span], how: str,
            threshold: float = 0.0) -> list[str]:
    """Names, one per body: the rules' alone, the tagger's alone, the rules' with the tagger's
    where no rule's name stands (union), or the tagger's with the rules' where no tagged name
    stands (tagger_first)."""
    learned = [(s.start, s.end, Mention(s.start, s.end, s.text).written()) for s in spans
               if s.confidence >= threshold and one_body(text, Mention(s.start, s.end, s.text))]
    sure = [s for s in spans if s.confidence >= READS_ON]
    after_slash = {m.start for m in mentions if m.start > 0 and text[m.start - 1] == "/"}
    rules = [read_on(m, [s for s in sure if not any(m.end < a < s.end for a in after_slash)], text)
             if how == "union" else (m.start, m.end, m.written()) for m in mentions]
    rule_names = {once(name) for _, _, name in rules}
    if how == "rules":
        chosen = rules
    elif how == "tagger":
        chosen = learned
    else:
        first, second = (rules, learned) if how == "union" else (learned, rules)
        chosen = first + [s for s in second if s[1] == s[0] or not any(
            overlaps(s[:2], f[:2]) for f in first if f[1] > f[0])]
    if how == "rules":
        return [name for _, _, name in chosen]
    every = {name_key(once(name)) for _, _, name in chosen}
    names: list[str] = []
    keys: set[str] = set()
    for _, _, written in sorted(chosen, key=lambda s: s[0]):
        name = once(written)
        key = name_key(name)
        if len(key) >= 2 and key not in keys and not (name not in rule_names and begins_another(key, every)):
            names.append(name)
            keys.add(key)
    return names


REPEATED = re.compile(r"(.{4,}?)\1+")


def once(name: str) -> str:
    """A name written twice or more back to back, as a site's header runs its logo's text into its
    name ('เทศบาลเมืองลพบุรีเทศบาลเมืองลพบุรี'), is that name once."""
    return match[1] if (match := REPEATED.fullmatch(name)) else name


def read_on(mention: Mention, sure: Sequence[Span], text: str) -> tuple[int, int, str]:
    """A rule's name, or the longer name the tagger is sure of from the same first letter: the rules
    stop at a word they read as a verb or at a space the writer put inside the name
    ('ศูนย์พัฒนาการ|จัดสวัสดิการสังคมผู้สูงอายุ…', 'อบจ.|แพร่')."""
    if NAME_ENDING.search(mention.text):  # a name closed ('…แห่งประเทศไทย'): what follows is a branch, another body
        return mention.start, mention.end, mention.written()
    longer = [s for s in sure if s.start == mention.start and s.end > mention.end > mention.start
              and not s.text.endswith(HEADS) and one_body(text, Mention(s.start, s.end, s.text))]
    # never to an organisation word that begins what the tagger did not read ('สสส.|สำนัก| 9'), nor
    # over a slash to a body the rules read after it ('สมาคมผู้บริโภคสตูล|/ศปจ.สตูล': two bodies)
    if longer:
        span = max(longer, key=lambda s: s.confidence)
        return span.start, span.end, Mention(span.start, span.end, span.text).written()
    return mention.start, mention.end, mention.written()


def begins_another(key: str, keys: set[str]) -> bool:
    """As the rules read names: one that only begins another found in the post is that one
    ('คณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอ' beside '…ระดับอำเภอ อำเภอสามพราน (พชอ.)')."""
    return any(k != key and k.startswith(key) for k in keys)
