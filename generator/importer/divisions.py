"""Parts of a body whose names have shapes of their own: a branch, named from the word for branch
before its parent's head ('สาขาสมาคมสภาผู้สูงอายุแห่งประเทศไทย ประจำจังหวัดน่าน'), and a division of
an office, named by the fields it covers, listed over spaces and closed by และ ('กลุ่มงานควบคุมโรค
ไม่ติดต่อ สุขภาพจิต และยาเสพติด'), with a negation inside a field's name ('โรคไม่ติดต่อ'). A name
cut short with ฯ, the mark of an abbreviated name, holds the mark ('กองสาธารณสุขฯ')."""

from __future__ import annotations

import re

from .long_names import VERB_PREFIXES
from .name_ends import STOP
from .text import THAI_LETTER, starts_word, words

BRANCH = "สาขา"
DIVISION = "กลุ่มงาน"
NEGATED = re.compile(rf"ไม่[{THAI_LETTER}]{{2,12}}(?=[ \t])")  # 'โรค|ไม่ติดต่อ': non-communicable
# up to three fields over spaces, the last after และ: ' สุขภาพจิต และยาเสพติด'
FIELD = rf"[{THAI_LETTER}]{{2,24}}"
FIELDS = re.compile(rf"(?P<fields>(?:[ \t]{FIELD}){{0,3}}[ \t]และ[ \t]?{FIELD})(?=[ \t])")


def branch_start(text: str, start: int, known: frozenset[str]) -> int:
    """A branch is its own body, named by the word for branch before its parent's name
    ('สาขาสมาคมสภาผู้สูงอายุแห่งประเทศไทย ประจำจังหวัดน่าน', 'สาขาสภาผู้สูงอายุเมืองกำแพงเพชร'):
    where สาขา starts a word right before a body's head, the name starts there ('สาขาการบริหาร…',
    an award's category, has no head after it)."""
    at = start - len(BRANCH)
    return at if at >= 0 and text.startswith(BRANCH, at) and starts_word(text, at, known) else start


ABBREVIATED = "ฯ"  # 'ฯลฯ' is 'and so on': a list's, not a name's
ANNIVERSARY = re.compile(r"[ \t]?\d{1,3}[ \t]?พรรษา")  # '…เฉลิมพระเกียรติสมเด็จพระเทพฯ 36 พรรษา': the name's


def division_end(text: str, start: int, end: int) -> int:
    """A division's name goes on across a negated field ('…ควบคุมโรค|ไม่ติดต่อ') and over its list
    of fields closed by และ, when a verb follows the list ('… สุขภาพจิต และยาเสพติด เข้าร่วม…');
    a list whose items start with a word that ends names is the sentence's, not the name's."""
    if not text.startswith(DIVISION, start) or text[end - 1: end] == ABBREVIATED:
        return end  # 'กลุ่มงานอายุรเวชกรรมฯ': a name written short is closed
    if negated := NEGATED.match(text, end):
        end = negated.end()
    listed = FIELDS.match(text, end)
    if not listed:
        return end
    items = [item.removeprefix("และ") for item in listed["fields"].split()]
    after = words(text[listed.end(): listed.end() + 30].lstrip(" \t"))[:1]
    if any(words(item)[0] in STOP for item in items if item) or not after \
            or not (after[0] in STOP or after[0].startswith(VERB_PREFIXES)):
        return end
    return listed.end()


def abbreviated_end(text: str, head_end: int, end: int) -> int:
    """'กองสาธารณสุขฯ', 'สภาเทศบาลฯ', 'คณะพยาบาลศาสตร์ฯ': a name that goes on past its head word and
    is cut short with ฯ is that body's name, written short; the mark is the name's. A head word alone
    before it ('สมาคมฯ', 'คณะกรรมการฯ') is the body named earlier, not a name."""
    if end - head_end < 2 or not text.startswith(ABBREVIATED, end) or text.startswith("ฯลฯ", end):
        return end
    end += len(ABBREVIATED)
    return anniversary.end() if (anniversary := ANNIVERSARY.match(text, end)) else end
