"""Where a found organisation's name starts and ends: the span a reader would annotate.

The rules (organizations.py) and the tagger (tagger.py) find most bodies a post names, but on
posts they were not drawn from most of what they report wrongly is the right body with the
wrong extent: a name cut short inside a place's name or before its number, or run on into the
verb after it (generator/bench/extent_unseen.py measures this the before-read way). This step
takes each found name with its place in the text and fits its ends by the structure of names,
not by lists of the words that were missed:

1. A name never ends inside a place's name: cut in the middle of one ('โรงพยาบาลแก|ลง',
   'อบต.โกรก|พระ': the word cutter read 'ลง' and 'พระ' as words), it runs to the place's end.
2. A numbered body keeps its number and the province after it ('ศูนย์อนามัย' + 'ที่ 4 ราชบุรี').
3. A name that is the start of a full name the project knows (the glossary's full names, the
   known stakeholders' names) and is written on as that full name runs to its end, and to the
   province or district written after a full name that ends with its level ('สำนักงานพัฒนาสังคม'
   + 'และความมั่นคงของมนุษย์ จังหวัดแม่ฮ่องสอน').
4. A province written as a name's place (after จังหวัด or จ., a kind's dotted abbreviation, a
   local body's kind or a space) closes the name: what is glued after it, when it is not a
   level, a number, a bracket or a part of names (แห่งประเทศไทย, ประจำจังหวัด…), is the sentence
   going on ('อบจ.ระยอง|สนับสนุน', 'เทศบาลนครตรัง|จัดกิจกรรม…', '…จังหวัดชลบุรี|ต่อไป'); after
   another word it may be the name's own ('เครือข่ายเชียงรายล้านนาแห่งความสุข').
5. A name closed by a place's name, a number or a bracket ends there: the auxiliaries,
   adverbs and particles glued after it, by their part of speech (PyThaiNLP's tagger,
   orchid_ud: '…บ้านทำนบแพ้ว|ขึ้น', '…ชุมชนพรเจริญ|จึง'), are the sentence going on,
   and a quote that opens after it ('…หนองฉาง|"ปีงบประมาณ'), never inside a place's name
   ('โรงพยาบาลแกลง' is cut 'แก|ลง').
6. A name does not start with its officer's title: 'นายแพทย์สาธารณสุขจังหวัดพังงา' is the
   officer; the body is what follows the title when that is itself a name's head.
7. A name cut before a glued 'และ' runs on over it when the glued words after it close with a
   province, as a name of two tasks and its place does ('ศูนย์พัฒนาคุณภาพชีวิต' +
   'และส่งเสริมอาชีพผู้สูงอายุองค์การบริหารส่วนจังหวัดลำปาง', 'สมาคมผู้สูงอายุ' +
   'และคลังปัญญาจังหวัดราชบุรี'); not when another body's head opens them ('สสจ.ตรังและโรงพยาบาลตรัง').
8. A name starts at the longest organisation word it is written inside: 'วิทยาลัยจุฬาภรณ์' written
   in 'ราชวิทยาลัยจุฬาภรณ์', 'เครือข่าย…' in 'ภาคีเครือข่าย…' (the rules' heads, HEADS).
9. A name cut short before the abbreviation the post gives it runs on to it, when the
   abbreviation's letters are those of the longer name and not of the shorter
   ('คณะอนุกรรมการควบคุมคุณภาพ' + 'และมาตรฐานบริการสาธารณสุข (อคม.)'): the post itself says
   where the name ends.

Measured the before-read way (extent_unseen.py: held-out 1–5 with the rules of the commit that
added each, and a tagger trained without it), 99 of the 126 errors were extent; with this step
pooled organisations go from 75% found at 80% real to 82% at 86%, and no rule left out does
better. These rules were drawn from those sets' extent errors, though: on the dev set's second
half (036–060, with the rules of 90fa379 that had not read it), which they were not drawn from,
they change nothing (76% at 80% before and after). Moving a rule's name's ends where the tagger
is sure of the words at them (its marginals, 0.6–0.95) did no better there and worse on held-out
1–5, so it is not used. On the sets the current rules were drawn from, the step changes two
names, both for the better (014, h5-09).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from pythainlp.tag import pos_tag
from pythainlp.tokenize import syllable_tokenize

from ..thai import load_glossary, load_provinces
from .known_close import known_close, squeezed, written_end
from .long_names import CLAUSE, CLAUSE_TAGS
from .name_ends import ALREADY_OR_NOW, CLAUSE_PREFIXES, HEADS, NAME_PARTS, STOP
from .name_extent_kinds import with_parents
from .organizations import Mention
from .places import place_at, place_names
from .tagger import Span
from .text import THAI_LETTER, is_thai, words

NUMBERED = re.compile(r"[ \t]?ที่[ \t]?(?P<number>\d{1,2}|[๐-๙]{1,2})(?!\d)")
LEVEL_WORDS = ("จังหวัด", "อำเภอ", "ตำบล", "จ.", "อ.", "ต.", "เขต", "หมู่", "ม.", "บ้าน")
GOES_ON = (*LEVEL_WORDS, *NAME_PARTS, "(", "แห่ง", "และ", "สาขา", "ประจำ", "ที่")
NEVER_LAST = {"AUX", "ADV", "PART", "SCONJ", "CCONJ", "ADP", "PRON", "DET", "PUNCT"}
LOCAL_BODY_KINDS = ("เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล", "องค์การบริหารส่วนจังหวัด")
OFFICER_TITLES = ("นายแพทย์", "ผู้อำนวยการ", "ผู้ว่าราชการ", "นายก", "ปลัด", "ประธาน", "หัวหน้า", "รองผอ.", "ผอ.")
ABBREVIATED_BODY = re.compile(r"[\u0e01-\u0e2e]{2,5}\.")  # 'อบต.', 'รมน.': a body's abbreviation, known or not


def fitted_mentions(text: str, mentions: Sequence[Mention], known: frozenset[str]) -> list[Mention]:
    """The rules' mentions with their ends fitted (a mention not written in the text stays)."""
    out = []
    for m in mentions:
        start, end = fitted(text, m.start, m.end, known) if m.end > m.start and text[m.start:m.end] == m.text \
            else (m.start, m.end)
        out.append(m if (start, end) == (m.start, m.end) else Mention(start, end, text[start:end], m.specific))
    return with_parents(text, out) if 14 in RULES else out  # name_extent_kinds.py: a unit and its parent


def fitted_spans(text: str, spans: Sequence[Span], known: frozenset[str]) -> list[Span]:
    """The tagger's spans with their ends fitted."""
    out = []
    for s in spans:
        start, end = fitted(text, s.start, s.end, known)
        out.append(s if (start, end) == (s.start, s.end) else Span(start, end, text[start:end], s.confidence))
    return out


RULES = frozenset(range(1, 15))  # the rules in force (the bench leaves each out in turn)


def fitted(text: str, start: int, end: int, known: frozenset[str]) -> tuple[int, int]:
    """Rules 6, 8, 3, 9, 1, 7, 2, then 4, 13, 11, 10, 12 and 5, in that order (trimming last, after every extension);
    rule 14, a unit and its parent (name_extent_kinds.py), reads the rules' names together after."""
    start = after_officer_title(text, start, end) if 6 in RULES else start
    start = longer_head_start(text, start) if 8 in RULES else start
    end = full_name_end(text, start, end, known) if 3 in RULES else end
    end = abbreviated_end(text, start, end) if 9 in RULES else end
    end = whole_place_end(text, start, end) if 1 in RULES else end
    end = two_tasks_end(text, end) if 7 in RULES else end
    end = numbered_end(text, start, end) if 2 in RULES else end
    end = province_close(text, start, end) if 4 in RULES else end
    end = known_close(text, start, end) if 13 in RULES else end  # known_close.py
    end = place_clause_end(text, start, end) if 11 in RULES else end
    end = sentence_word_end(text, start, end) if 10 in RULES else end
    end = gloss_end(text, start, end) if 12 in RULES else end
    return start, never_last_end(text, start, end) if 5 in RULES else end


# the words between a cut name and the abbreviation the post gives it: no line break, bracket or
# sentence mark, a short run (an abbreviation is given right after the name it shortens)
ABBREVIATED = re.compile(r"(?P<run>[^\n()“”\"]{1,60}?)[ \t]?\((?P<abbr>[\u0e01-\u0e2e][\u0e01-\u0e2e.]{1,9})\)")


def abbreviated_end(text: str, start: int, end: int) -> int:
    """Rule 9: a name cut short before the '(ABBR)' the post gives the whole of it runs on to it
    ('สถาบันเสริมสร้างการเรียนรู้' + 'เพื่อชุมชนเป็นสุข (สรส.)'): the abbreviation's letters are the
    longer name's, in order, and not the shorter one's alone; the words between hold no clause
    and open no other body."""
    given = ABBREVIATED.match(text, end)
    if not given or not initials_hold(text[start:end] + given["run"], given["abbr"]) \
            or initials_hold(text[start:end], given["abbr"]):
        return end
    run = [w for w in words(given["run"]) if not w.isspace()]
    if CLAUSE.intersection(run) - {"และ"} or any(w.startswith(HEADS) for w in run) or "  " in given["run"]:
        return end
    return end + len(given["run"].rstrip())


LEADING_VOWELS = "เแโใไ"
FIRST_SYLLABLES = 3  # an abbreviation's first letter is one of its name's first syllables'


def initials_hold(name: str, abbreviation: str) -> bool:
    """The abbreviation's letters are the first consonants of the name's syllables, in order
    ('กขป.': คณะ|กรรม|การ|เขต|สุข|ภาพ|เพื่อ|ประ|ชา|ชน), its first among the name's first syllables."""
    letters = [c for c in abbreviation if "\u0e01" <= c <= "\u0e2e"]
    initials = [s.lstrip(LEADING_VOWELS)[:1] for s in syllable_tokenize(squeezed(name), engine="han_solo")]
    if not letters or letters[0] not in initials[:FIRST_SYLLABLES]:
        return False
    position = 0
    for letter in letters:
        if letter not in initials[position:]:
            return False
        position = initials.index(letter, position) + 1
    return True


# the rules' stop words that the annotated names of the read sets hold ('คณะกรรมการ…และ…',
# 'ศูนย์…ใน…', 'เครือข่าย…ตาม…'); every other stop word only ever goes on with the sentence
HELD_IN_NAMES = {"และ", "ฯ", "ที่", "ใน", "จัด", "เพื่อ", "ภาคี", "อาคาร", "ห้องประชุม", "เรื่อง", "คน", "รับ", "ทาง",
                 "ตาม", "ชุด", "ทุก", "ลง", "ครั้ง", "หน่วยงาน", "ร่วม", "รุ่น", "ไม่", "แก่", "ด้าน", "ให้", "มี",
                 "ประชุม", "มา", "ประสาน", "หรือ", "เอง", "ส่ง", "ชั้น", "ณ", "โดย", "ห้อง", "จาก"}


# words joining two clauses ('…หาดใหญ่|แต่ต้องดูแล…', '…เทศบาล|ตลอดจนพนักงาน…'): a name never holds one
CLAUSE_JOINERS = {"แต่", "ตลอดจน", "รวมถึง", "รวมทั้ง", "อีกทั้ง", "เพราะ", "ขณะที่", "ทั้งนี้", "แม้", "หาก", "เนื่องจาก",
                  "ดังนั้น", "เพื่อให้", "พร้อมด้วย"}  # 'โรงพยาบาล|เพื่อให้เกิด…': a purpose clause; a name's aim is
# 'เพื่อ' and a noun; 'มูลนิธิเมืองไทยยิ้ม|พร้อมด้วย|โรงพยาบาล…' (together with): a second party
# an officer's title after a body's name opens the next person's phrase ('องค์การบริหารส่วนตำบล
# หนองขยาด|ประธาน…'); no annotated name of the read sets holds one after its first word
OFFICES = {"ประธาน", "นายก", "ผู้อำนวยการ", "ผู้ว่าราชการ", "นายแพทย์", "หัวหน้า", "รองนายก"}


def sentence_word_end(text: str, start: int, end: int) -> int:
    """Rule 10: a name runs on into its sentence at a word no name holds ('กระทรวงสาธารณสุข|มากกว่า…',
    'โรงพยาบาลหาดใหญ่|แต่…'): it ends before that word, two words in at least."""
    parts = words(text[start:end])
    at = next((n for n, w in enumerate(parts) if n >= 2 and (w in STOP and w not in HELD_IN_NAMES or w in CLAUSE_JOINERS
                                                            or w in OFFICES or w in ALREADY_OR_NOW)), None)
    if at is None:
        return end
    if inside_place(text, start, start + len("".join(parts[:at]))):
        return end  # 'โรงพยาบาลแก|ลง': the word cutter's 'ลง' is a place's last syllable
    while at > 2 and (parts[at - 1].isspace() or parts[at - 1] in ("และ", "หรือ")):
        at -= 1  # 'ศูนย์ฟื้นฟูสมรรถภาพ|และ|ทำ…': the conjunction went on with the sentence too
    return start + len("".join(parts[:at]).rstrip())


PEOPLE = ("ผู้", "เจ้าหน้าที่", "พนักงาน", "บุคลากร")  # 'อบต.แม่ปะ|ผู้บริหาร': its executives
MIN_PLACE = 4  # letters; shorter places' names are parts of too many words


def place_clause_end(text: str, start: int, end: int) -> int:
    """Rule 11: a name that has reached its place (a province, or a place the gazetteer knows written
    after its level word or a kind's abbreviation) ends there when the word glued after it opens the
    sentence: a verb, an adverb or a stop word ('เทศบาลตำบลชะมาย|ร่วม…', 'มหาวิทยาลัยขอนแก่น|บริการ…')
    or people ('อบต.แม่ปะ|ผู้บริหาร…'); never inside a longer place's name ('ตำบลเมืองแก|ลง')."""
    name = text[start:end]
    parts = words(name)
    boundary = 0
    for part, following in zip(parts, parts[1:], strict=False):
        boundary += len(part)
        at = next((at for at in range(1, boundary - MIN_PLACE + 1) if its_place(name, at, boundary)), None)
        if at is None or not is_thai(following[:1]) or name.startswith(GOES_ON, boundary) \
                or inside_place(text, start + at, start + boundary):
            continue
        if following.startswith((*PEOPLE, *CLAUSE_PREFIXES)) or pos_tag(
                [name[at:boundary], following], engine="perceptron", corpus="orchid_ud")[1][1] in CLAUSE_TAGS:
            return start + boundary
    return end


def its_place(name: str, at: int, end: int) -> bool:
    """name[at:end] is a province, or a place written after its level word or a kind's abbreviation."""
    place = name[at:end]
    return place in place_names() and (place in load_provinces() or name[:at].endswith((*LEVEL_WORDS, ".")))


# an English gloss of two words or more in brackets closing a Thai name: ' (Korea Association for …)'
GLOSS = re.compile(r"[ \t]?\([A-Za-z][A-Za-z.,:&'-]*(?:[ \t]+[A-Za-z.,:&'-]+)+\)$")


def gloss_end(text: str, start: int, end: int) -> int:
    """Rule 12: the English a post glosses a Thai name with, in brackets after it, is not the name
    ('สมาคมไต้หวันเพื่อการฟื้นฟูสมรรถภาพทางจิตสังคม (Taiwan Association for Psychosocial
    Rehabilitation)'): the name ends before it. An abbreviation in brackets ('(CBTx)') stays."""
    name = text[start:end]
    gloss = GLOSS.search(name)
    return start + gloss.start() if gloss and re.search(f"[{THAI_LETTER}]", name[: gloss.start()]) else end


def whole_place_end(text: str, start: int, end: int) -> int:
    """Rule 1: a name cut inside a place's name runs to the place's end."""
    if end >= len(text) or not re.match(f"[{THAI_LETTER}]", text[end]):
        return end
    for at in range(max(start + 1, end - 8), end):
        place = place_at(text, at)
        if place and at + len(place) > end and len(place) >= 3:
            return at + len(place)
    return end


GLUED_AND = re.compile(f"และ(?P<run>[{THAI_LETTER}]{{2,60}})")


def two_tasks_end(text: str, end: int) -> int:
    """Rule 7: 'X' + 'และY…จังหวัดราชบุรี', glued, when no other body's head opens Y."""
    run = GLUED_AND.match(text, end)
    if not run or run["run"].startswith(HEADS) or place_at(text, run.start("run")):
        return end
    glued = run["run"]
    for at in range(len(glued) - 1, 1, -1):
        province = next((p for p in province_names() if glued.startswith(p, at)), None)
        if province and at + len(province) == len(glued):
            return run.start("run") + len(glued)
    return end


def numbered_end(text: str, start: int, end: int) -> int:
    """Rule 2: 'ศูนย์อนามัย' + 'ที่ 4' (+ ' ราชบุรี'), when the name holds no number yet."""
    number = NUMBERED.match(text, end)
    if not number or re.search(r"\d|[๐-๙]", text[start:end]):
        return end
    after = number.end()
    gap = re.match(r"[ \t]?", text[after:]).end()  # type: ignore[union-attr]
    province = next((p for p in province_names() if text.startswith(p, after + gap)), None)
    return after + gap + len(province) if province else after


def full_name_end(text: str, start: int, end: int, known: frozenset[str]) -> int:
    """Rule 3: a name cut short inside a full name the project knows runs to its end (and to the
    place after a full name ending with its level)."""
    found = text[start:end]
    key = squeezed(found)
    best = end
    for full in full_names(known):
        if len(full) <= len(key) or not full.startswith(key):
            continue
        stop = written_end(text, start, full)
        if stop is not None and stop > best:
            best = place_after_level(text, stop) if full.endswith(("จังหวัด", "อำเภอ", "ตำบล")) else stop
    return best


def place_after_level(text: str, stop: int) -> int:
    """'…มนุษย์จังหวัด' + 'แม่ฮ่องสอน': the place a level word closing a full name is followed by."""
    place = place_at(text, stop)
    return stop + len(place) if place else stop


@cache
def full_names(known: frozenset[str]) -> tuple[str, ...]:
    """The glossary's full names and the known stakeholders' names (with their first words cut
    away where a level closes them: 'สำนักงานพัฒนาสังคม…มนุษย์จังหวัด'), without spaces."""
    names = {squeezed(str(e["full"]).split(" (")[0]) for e in load_glossary()}
    names |= {squeezed(n) for n in known if len(n) >= 8 and re.match(f"[{THAI_LETTER}]", n)}
    return tuple(sorted((n for n in names if len(n) >= 6), key=len, reverse=True))


@cache
def province_names() -> tuple[str, ...]:
    return tuple(sorted(load_provinces(), key=len, reverse=True))


def province_close(text: str, start: int, end: int) -> int:
    """Rule 4: a province closes a name; the words glued after it that do not go on with it are cut."""
    name = text[start:end]
    for at in range(len(name) - 1, 0, -1):
        province = next((p for p in province_names() if name.startswith(p, at)), None)
        if not province or at + len(province) >= len(name):
            continue
        rest = name[at + len(province):]
        if rest[0].isspace() or rest.startswith(GOES_ON) or not re.match(f"[{THAI_LETTER}]", rest[0]):
            return end
        if place_at(name, at) not in (None, province) or not as_its_place(name[:at]):
            return end  # 'ลำปางหลวง' is a place of its own; 'เครือข่ายเชียงรายล้านนา…' a name
        return start + at + len(province)
    return end


def as_its_place(before: str) -> bool:
    """The province is written as the name's place: after its level word, a kind's dotted
    abbreviation (อบจ.), a local body's kind (เทศบาลนคร) or a space."""
    return before.endswith((" ", "จังหวัด", "จ.", ".", *LOCAL_BODY_KINDS))


def never_last_end(text: str, start: int, end: int) -> int:
    """Rule 5: trailing auxiliaries, adverbs, particles and a quote opened after the name go."""
    name = text[start:end]
    quote = re.search(r"[\"“](?=[^\"”]*$)", name)
    if quote and quote.start() > 0 and not re.search(r"[\"“]", name[: quote.start()]):
        end = start + len(name[: quote.start()].rstrip())
        name = text[start:end]
    parts = list(words(name))
    if len(parts) < 3:
        return end
    tags = pos_tag(parts, corpus="orchid_ud")
    cut = len(parts)
    while cut > 2 and (tags[cut - 1][1] in NEVER_LAST or parts[cut - 1].isspace()) \
            and not parts[cut - 1].endswith((".", ")", "ฯ")) and parts[cut - 1] not in LEVEL_WORDS \
            and parts[cut - 1] not in place_names():  # 'ลำพูน' is tagged an adverb
        cut -= 1
    kept = start + len("".join(parts[:cut]).rstrip())
    if cut == len(parts) or inside_place(text, start, kept) or not closed(text[start:kept]):
        return end
    return kept


def closed(name: str) -> bool:
    """A name may end here: with a place's name, a number, a bracket or an abbreviation's dot."""
    return name.endswith((")", ".")) or name[-1:].isdigit() or any(
        (place := place_at(name, at)) and at + len(place) == len(name)
        for at in range(max(1, len(name) - 20), len(name) - 1))


def inside_place(text: str, start: int, position: int) -> bool:
    """A place's name runs over text[position] ('โรงพยาบาลแก|ลง': 'ลง' is no adverb there)."""
    return any((place := place_at(text, at)) and at + len(place) > position
               for at in range(max(start, position - 8), position))


def after_officer_title(text: str, start: int, end: int) -> int:
    """Rule 6: 'นายแพทย์|สาธารณสุขจังหวัดพังงา' is the officer; the body starts after the title,
    at a head word or an abbreviation ('ผอ.|รมน.จังหวัดสุโขทัย', 'ปลัด|อบต.ประดู่ยืน')."""
    for title in OFFICER_TITLES:
        after = start + len(title)
        if text.startswith(title, start) and (text.startswith(HEADS, after) or ABBREVIATED_BODY.match(text, after)) \
                and after < end - 4:
            return start + len(title)
    return start


def longer_head_start(text: str, start: int) -> int:
    """Rule 8: 'ราช|วิทยาลัยจุฬาภรณ์' starts at 'ราชวิทยาลัย', a head that ends with the name's own."""
    for head in sorted(HEADS, key=len, reverse=True):
        for inner in HEADS:
            if len(inner) < len(head) and head.endswith(inner) and text.startswith(inner, start) \
                    and text[:start].endswith(head[: -len(inner)]):
                return start - (len(head) - len(inner))
    return start

