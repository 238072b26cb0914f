"""Organisations named in a post, known to content/ or not, by hand rules (tagger_names.py adds a tagger's).

Three kinds of mention: a known stakeholder's name, short form or alias; an abbreviation from the glossary
(สสจ., อบต., สปสช., ...); a name that starts with an organisation word (สำนักงาน…, โรงพยาบาล…, องค์การบริหารส่วน…,
มูลนิธิ…, คณะกรรมการ…). Where a name ends is decided by Thai word segmentation (it runs word by word until a
verb, a function word or a person), not by a character count. Abbreviations match on word boundaries only
('สอบ' in 'ทดสอบ' is no body) and keep the place or number written after them (สสจ.ตรัง, อบจ.สงขลา, สปสช.เขต 3
นครสวรรค์). The longest mention wins where two overlap; a name that only begins another one found in the post
('สมัชชาสุขภาพจังหวัด' beside 'สมัชชาสุขภาพจังหวัดนครนายก') is that one. A mention names a known stakeholder
only when it is written as that stakeholder's name: a numbered body ('กขป.เขต 7') is never another region's
record, a body with a place is never the generic one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..text import dictionary
from ..thai import load_glossary, load_provinces
from .divisions import abbreviated_end, branch_start, division_end
from .groups import (
    NAMED_ONLY,
    PLACE_IN_NAME,
    PRESIDING,
    every_one,
    kind_of_people,
    named_community,
    named_group,
    named_school,
    quoted_assembly,
    royal_rank,
)
from .long_names import ABBREVIATION_AFTER, council, named_apart, names_itself
from .name_ends import HEADS, MAX_TOKENS, NAME_PARTS, PARENTHESES, name_end, placed, province_names, suffix_end
from .people import ROLE_HEADS, family_at
from .places import place_at
from .text import THAI_LETTER, is_thai, starts_word, whole_word, words
from .typos import head_spans, one_edit_apart

NOT_BODIES = {"ผอ.", "รองผอ.", "นพ.", "พญ.", "ภก.", "ผศ.", "รศ.", "ดร.", "นพ.สสจ.", "จ.", "อ.", "ต.", "ม.", "มบ.",
              "รร.", "มค.", "กพ.", "สค.", "ธค.", "CG", "CM", "CMCG", "SDG", "จปฐ.", "TPMAP", "สนง.", "ปลัดอบต.",
              "ท้องถิ่นจังหวัด"}
# kinds of body that a place or number makes one body (อบต.บ้านเก่า); alone they are generic
KINDS = {"อบจ", "อบต", "สสจ", "สสอ", "พมจ", "รพ", "รพสต", "รพช", "รพศ", "รพท", "ทต", "ทม", "ทน", "กขป", "พชอ",
         "พชต", "คปสอ", "กปท", "ศปจ", "ศปอ", "อปท", "อสม", "อพม", "อสอช", "สอช", "มรภ", "กศจ", "สปสช", "nodeflagship",
         "nodeสสส"}
VOLUNTEERS = {"อสม", "อพม", "อสอช"}  # volunteers are one body only as a place's (อสม.พานทอง, อสม.ต.พรเจริญ)
PLURAL = {"ต่างๆ", "ต่าง", "ทุก", "ทั้งหมด", "ฯ", "แต่ละ"}  # 'คณะกรรมการฝ่ายต่างๆ', 'คณะกรรมการกองทุนฯ': no one body
PLAIN_NOUN_AFTER = {"ของ", *PLURAL - {"ทุก", "ฯ"}}  # right after a head word: someone's, various, each, all
GENERIC = {"สำนักงาน", "สำนักข่าว", "สำนักงานใหญ่", "ศูนย์การแพทย์", "สถานีตำรวจ", "สถาบันการศึกษา",  # kinds,
           "ศูนย์พัฒนาเด็กเล็ก", "ธนาคารขยะ", "ธนาคารเวลา"}  # not one body; a scheme (a waste or time bank)
NOT_HEADED = {"ศูนย์กลาง", "ศูนย์รวม", "กรมธรรม์", "สภาพ", "สภาวะ", "สภาพแวดล้อม", "สำนักงานใหญ่", "ทีมงาน"}  # plain words
VENUES = ("ศูนย์แสดงสินค้า", "ศูนย์ประชุม", "ศูนย์การค้า", "ศูนย์กีฬา", "ศูนย์อาหาร")  # places, not bodies


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    specific: bool = False  # a national body's abbreviation (สสส.): never just the start of another name

    def written(self) -> str:  # as a draft lists it: runs of spaces as one, no dash at its ends
        return " ".join(self.text.split()).strip(" -")


def name_key(text: str) -> str:
    """How two ways of writing one name are compared: no spaces, dots or '(abbreviation)'."""
    return re.sub(r"[\s.]", "", PARENTHESES.sub("", text)).casefold()


def also_a_word(short: str, form: str) -> bool:
    """An abbreviation's dotless form that is also a Thai word (สอบ of สอบ., ทน of ทน.): it is
    read as the abbreviation only as written, with its dot ('สอบถาม', 'การสอบ' are no body). A
    nickname spelt with vowels (สภาพัฒน์ of สศช.) is a name, not a dotless abbreviation."""
    return short.endswith(".") and bool(re.fullmatch("[\u0e01-\u0e2e]+", form)) and form in dictionary()


@cache
def body_abbreviations() -> tuple[str, ...]:
    forms = set()
    for entry in load_glossary():
        short = str(entry["short"])
        if short in NOT_BODIES:
            continue
        for form in [short, *map(str, entry.get("forms", []))]:
            if len(re.sub(r"[\s.]", "", form)) >= 2 and not form.islower() and not also_a_word(short, form):
                forms.add(form)
                if short.endswith(".") and re.fullmatch("[\u0e01-\u0e2e]+", form):
                    forms.add(form + ".")  # 'รพสต.บ้านทำนบแพ้ว': a dotless form written with a dot
    return tuple(sorted(forms, key=len, reverse=True))


def mentions_of_names(text: str, known: frozenset[str]) -> list[Mention]:
    """Known names and glossary abbreviations, with the place or number written after them."""
    found = []
    abbreviations = set(body_abbreviations())
    plain_words = dictionary()
    for name in sorted((known - plain_words) | abbreviations, key=len, reverse=True):
        flags = re.IGNORECASE if name.isascii() or name[:4].isascii() else 0
        for match in re.finditer(re.escape(name), text, flags):
            start, end = match.span()
            if not starts_word(text, start, known):
                continue
            if is_thai(text[end: end + 1]):
                if name in abbreviations and not name.endswith("."):
                    if not whole_word(text, start, end, known):
                        continue  # 'สอบ' in 'สอบถาม'
                elif not (name in abbreviations and name.endswith(".") and name_key(name) not in KINDS):
                    end = name_end(text, start, known, end - start, 5, place_only=name in abbreviations)
                    if name_key(name) in VOLUNTEERS and not at_a_place(text, match.end()):
                        end = match.end()  # '“อสม.มั่นคง สาธารณสุขเข้มแข็ง”': a slogan, not a place's volunteers
                # a national body's dotted abbreviation takes no words glued on ('สช.เดินหน้า…')
            kind = name_key(name) in KINDS
            after = suffix_end(text, end, kind and end == match.end(), start)
            start = club_start(text, start, name, after > match.end())
            national = name in abbreviations and not kind and after == match.end()
            found.append(Mention(start, after, text[start:after], specific=national))
    return found


CLUB_BEFORE = re.compile(r"(?:ชมรม|สมาคม|เครือข่าย)[ \t]?$")


def club_start(text: str, start: int, name: str, placed_after: bool) -> int:
    """'ประธานชมรม อสม.อำเภอพรหมพิราม': the volunteers of a place written after a club's word are
    that club ('ชมรม อสม.อำเภอพรหมพิราม'), the club's word glued to its chair's title or not."""
    if name_key(name) not in VOLUNTEERS or not placed_after:
        return start
    club = CLUB_BEFORE.search(text, max(0, start - 12), start)
    return club.start() if club else start


def at_a_place(text: str, position: int) -> bool:
    """A place's name, a province or a level word (ต., อำเภอ, บ้าน…) is written at text[position]."""
    return place_at(text, position) is not None or text.startswith(province_names(), position) \
        or bool(PLACE_START.match(text, position))


PLACE_START = re.compile(r"(?:จังหวัด|อำเภอ|ตำบล|[จอต]\.|บ้าน|หมู่|เทศบาล|เขต)")


# one body only with its place: volunteers, and the health stations (รพ.สต. before 2009) that a
# programme named by the dozen ('สถานีอนามัยเฉลิมพระเกียรติ 60 พรรษา…' is all of them; '…ตำบลฉลอง' is one)
PLACED_ONLY = ("อาสาสมัครสาธารณสุข", "สถานีอนามัย")
SECTOR = "ภาค"  # 'ภาคสถาบันวิชาการ', like 'ภาคราชการ', 'ภาคเอกชน': a sector of society, no one body


def mentions_of_heads(text: str, known: frozenset[str]) -> list[Mention]:
    """Names that start with an organisation word."""
    found = []
    for head in HEADS:
        longer = [h for h in HEADS if h != head and h.startswith(head)]
        for start, head_end in head_spans(text, head):
            if text.startswith(tuple(longer), start) or inside_longer_head(text, start, head):
                continue  # 'สำนัก' of 'สำนักงาน', 'เครือข่าย' of 'ภาคีเครือข่าย' is that head's
            if not (starts_word(text, start, known) or text[:start].endswith(ROLE_HEADS)) or family_at(text, start):
                continue  # the dictionary has 'นายกองค์การบริหารส่วนตำบล' as one word; 'ธรณินทร์ กองสุข': a name
            first = words(text[start: start + 40], known)[0]
            if first in NOT_HEADED or first in body_abbreviations() or text.startswith((*VENUES, *PRESIDING), start) \
                    or (head in OFFICERS and after_a_name(text, start)) or text[:start].endswith(SECTOR):
                continue  # a plain word, a venue, the post of the person just named, or a sector
            end = quoted_name_end(text, head_end) or name_end(text, start, known, head_end - start, MAX_TOKENS)
            end += text.startswith(tuple("ฯ " + part for part in NAME_PARTS), end)  # '…แห่งประเทศไทยฯ ประจำจังหวัด…'
            end = abbreviated_end(text, head_end, end)  # 'กองสาธารณสุขฯ'
            following = words(text[end: end + 12])[:1]
            if not acceptable(head, text[head_end:end]) or (following and following[0] in PLURAL):
                continue
            end = owner_end(text, start, suffix_end(text, division_end(text, start, end), False, start), known)
            if head == "คณะ":
                end = university_end(text, end, known)
            if head == "สมัชชา" and not quoted_assembly(text, start, end):
                continue  # 'ไปสู่สมัชชาเชียงราย…': the assembly held, an event
            if head in PLACED_ONLY and not PLACE_IN_NAME.search(text[start:end]):
                continue  # volunteers in general; 'อาสาสมัครสาธารณสุขตำบลบ้านสวน' are one tambon's, a body
            if head == "โรงเรียน" and not named_school(text[start:end]):
                continue  # 'โรงเรียนผู้สูงอายุ', 'โรงเรียนของรัฐ': kinds of school
            if head in NAMED_ONLY and not named_group(text[start:end], head):
                continue  # 'กลุ่มเป้าหมาย', 'กลุ่มผู้สูงอายุ': kinds of people, not one body
            if head == "ประชาคม" and not named_community(text, start, end):
                continue  # 'จัดทำประชาคม…', 'ประชาคมระดับตำบล': a hearing held, not a body
            if text[start:end] not in GENERIC:
                start = branch_start(text, start, known)
                found.append(Mention(start, end, text[start:end]))
    return found


def inside_longer_head(text: str, start: int, head: str) -> bool:
    """'เครือข่าย' in 'ภาคีเครือข่าย…', 'วิทยาลัย' in 'ราชวิทยาลัย…': the longer head decides, and
    a ภาคีเครือข่าย that names no one body is not a เครือข่าย that does."""
    for longer in HEADS:
        at = longer.find(head)
        if at > 0 and start >= at and text.startswith(longer, start - at):
            return True
    return False


QUOTED = re.compile(r"[ \t]?(?:\"[^\"\n]{2,40}\"|“[^”\n]{2,40}”)")
# a คณะ… that is one body: a faculty (…ศาสตร์), the cabinet, the Sangha, an inspection team;
# not a delegation or a party of people ('คณะผู้บริหาร', 'คณะศึกษาดูงาน', 'คณะครู')
KANA_BODIES = re.compile(r"^(?:[\u0e01-\u0e4e]{2,14}ศาสต(?:ร์|์)|รัฐมนตรี|สงฆ์|ตรวจ|ราษฎร|อนุ|กรรม|กรมการ|"
                         r"[\u0e01-\u0e4e]{4,40}แห่งชาติ$)")  # 'คณะรักษาความสงบแห่งชาติ'


@cache
def universities() -> tuple[str, ...]:
    """'มหาวิทยาลัย' and the glossary's abbreviations of universities (มศว., ม.อ.)."""
    shorts = [str(e["short"]) for e in load_glossary() if str(e["full"]).startswith("มหาวิทยาลัย")]
    return ("มหาวิทยาลัย", *sorted(shorts, key=len, reverse=True))


def university_end(text: str, end: int, known: frozenset[str]) -> int:
    """A faculty goes on with its university: 'คณะพยาบาลศาสตร์ มหาวิทยาลัยขอนแก่น', 'คณะ… มศว.'."""
    rest = text[end: end + 40].lstrip(" \t")
    gap = len(text[end: end + 40]) - len(rest)
    name = next((u for u in universities() if rest.startswith(u)), None)
    if name is None or gap > 1:
        return end
    if name != "มหาวิทยาลัย":
        return end + gap + len(name)
    return suffix_end(text, name_end(text, end + gap, known, len(name), MAX_TOKENS), False)


CLUBS = ("ชมรม", "กลุ่ม", "สภา", "เครือข่าย", "สมาคม")
LOCAL_BODY = re.compile(rf"[ \t](?=(?:เทศบาล(?:นคร|เมือง|ตำบล)|องค์การบริหารส่วนตำบล|อบต\.)[{THAI_LETTER}])")


def owner_end(text: str, start: int, end: int, known: frozenset[str]) -> int:
    """A club or group of a local body runs on over a space into that body ('ชมรมผู้สูงอายุ
    เทศบาลเมืองลำพูน') when it holds no place of its own."""
    name = text[start:end]
    if not name.startswith(CLUBS) or placed(name) or not (space := LOCAL_BODY.match(text, end)):
        return end
    body = space.end()
    covered = len(next(k for k in ("เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล", "องค์การบริหารส่วนตำบล", "อบต.")
                       if text.startswith(k, body)))
    return name_end(text, body, known, covered, 4)


# an office, and the title of the officer heading it: named by its place ('สาธารณสุขจังหวัดราชบุรี')
OFFICERS = ("สาธารณสุขจังหวัด", "สาธารณสุขอำเภอ", "ประชาสัมพันธ์จังหวัด", "พัฒนาชุมชนจังหวัด", "พัฒนาชุมชนอำเภอ")
AFTER_NAME = re.compile(rf"(?P<family>[{THAI_LETTER}]{{3,}})[ \t]$")


def after_a_name(text: str, start: int) -> bool:
    """'ประจักษ์ ขันเวท สาธารณสุขอำเภอวังเหนือ': written right after a family name, the officer."""
    match = AFTER_NAME.search(text[max(0, start - 30): start])
    return match is not None and match["family"] not in dictionary() and not placed(match["family"])


def quoted_name_end(text: str, end: int) -> int | None:
    """เครือข่าย "หยวกกล้วยเมืองคอน": a body's own name in quotes right after its kind."""
    match = QUOTED.match(text, end)
    return match.end() if match else None


def acceptable(head: str, rest: str) -> bool:
    """A head needs words after it; an assembly must be of a place or level, not an event; a
    คณะ… is a faculty, a cabinet or a team of its own, not a delegation of people."""
    if len(rest) < 2 or words(rest)[0].replace(" ", "") in PLAIN_NOUN_AFTER:
        return False  # 'กองทุน|ของ|พี่เลี้ยง…', 'ชมรม|ต่าง ๆ': someone's funds, various clubs; a plain noun
    if head == "คณะ":
        return bool(KANA_BODIES.match(rest))
    if head in OFFICERS:  # 'สาธารณสุขจังหวัดราชบุรี', the office; 'สาธารณสุขอำเภอเป็นเลขานุการ' a post
        return place_at(rest, 0) is not None
    if head == "สมัชชาสุขภาพ":
        return rest.startswith(("จังหวัด", "แห่งชาติ", "ระดับ", "เขต", "อำเภอ", "ตำบล", "เฉพาะ", *province_names()))
    return True


def longest_first(mentions: list[Mention]) -> list[Mention]:
    """Where mentions overlap the longest stays; the rest in the post's order."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


LIST_OF_PLACES = re.compile(rf"^((?:[,/][ \t]?[{THAI_LETTER}]+)+)")


def sharing_a_prefix(text: str, mention: Mention) -> list[Mention]:
    """'พมจ.ตรัง,สตูล,ยะลา' and 'กองทุน…จังหวัดปัตตานี/นราธิวาส' name one body per province."""
    place = next((p for p in province_names() if mention.text.endswith(p)), None)
    listed = LIST_OF_PLACES.match(text[mention.end: mention.end + 120])
    if not place or not listed:
        return []
    stem = mention.text[: -len(place)]
    others = [t.strip() for t in re.split(r"[,/]", listed.group(1)) if t.strip() in load_provinces()]
    return [Mention(mention.end, mention.end, stem + other) for other in others]


def mentions_in(text: str, names: frozenset[str]) -> list[Mention]:
    mentions = longest_first(mentions_of_names(text, names) + mentions_of_heads(text, names) + named_apart(text, names))
    return [also for m in mentions for also in [m, *sharing_a_prefix(text, m), *council(text, m, Mention)]]


def abbreviations_defined(mentions: list[Mention]) -> dict[str, str]:
    """'full name (ABBR)': the post's own abbreviation of a body it names in full (the
    glossary's meaning of ABBR, if any, gives way) → that full name's key."""
    defined = {}
    for mention in mentions:
        for inner in PARENTHESES.finditer(mention.text):
            abbreviation = inner["inner"].strip()
            if ABBREVIATION_AFTER.match(f"({abbreviation})") and names_itself(mention.text, abbreviation):
                defined[abbreviation] = name_key(mention.text)
    return defined


LOCAL_KINDS = ("เทศบาล", "องค์การบริหารส่วน", "องค์กรปกครองส่วน", "โรงพยาบาล")
COUNT_BEFORE = re.compile(r"\d[ \t]?$")


def one_body(text: str, mention: Mention) -> bool:
    """Not 'วันอสม.แห่งชาติ' (a day), '29 อปท.ชายแดนใต้' (a count of bodies), a kind of body written
    alone ('เทศบาลตำบล', the full name of the glossary's ทต.; 'สมาคมคนพิการ'), nor a royal rank."""
    before = text[max(0, mention.start - 4): mention.start]
    if before.rstrip(" \t").endswith("วัน") or (COUNT_BEFORE.search(before) and kind_abbreviation(mention.text)):
        return False
    name = mention.text  # nor every one of a kind in a place ('…ทุกแห่งในอำเภอ…')
    return not (name_key(name) in kind_names() or kind_of_people(name) or royal_rank(name) or every_one(name))


def kind_abbreviation(name: str) -> bool:
    return any(name.startswith(short) and name_key(short) in KINDS for short in body_abbreviations())


@cache
def kind_names() -> frozenset[str]:
    """The full names of the glossary's kinds of local body (เทศบาลตำบล, องค์การบริหารส่วนตำบล,
    โรงพยาบาลชุมชน...): one of many, named only with its place. A national office or a committee
    written in full (สำนักงานหลักประกันสุขภาพแห่งชาติ) is one body."""
    return frozenset(name_key(str(e["full"])) for e in load_glossary()
                     if name_key(str(e["short"])) in KINDS and str(e["full"]).startswith(LOCAL_KINDS))


def find_organizations(text: str, known: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """Organisations as written (one per body), and those that are known stakeholders. An
    abbreviation the post defines ('สถาบัน… (สรส.)') is found elsewhere in the post too, as
    that body."""
    mentions, defined = rule_mentions(text, known)
    return named_bodies([m.written() for m in mentions], defined, known)


def named_bodies(kept: list[str], defined: dict[str, str], known: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """The names found, and those that are known stakeholders' (or of a kind the site knows)."""
    by_key = {name_key(name): id_ for name, id_ in known.items()}
    matched = {name: by_key[name_key(name)] for name in kept if name_key(name) in by_key}
    return kept, matched | kinds_named(defined, by_key, matched)


def rule_mentions(text: str, known: dict[str, str]) -> tuple[list[Mention], dict[str, str]]:
    """The rules' mentions, one per body, and the abbreviations the post defines."""
    names = frozenset(known)
    mentions = mentions_in(text, names)
    defined = abbreviations_defined(mentions)
    if set(defined) - names - set(body_abbreviations()):
        mentions = mentions_in(text, names | {a for a in defined if len(a.rstrip(".")) >= 2})
    same_body = {name_key(abbreviation): full for abbreviation, full in defined.items()}
    written = [m.written() for m in mentions]
    keys = [name_key(w) for w in written]
    kept: list[Mention] = []
    kept_keys: set[str] = set()
    for mention, name, key in zip(mentions, written, keys, strict=True):
        if not one_body(text, mention):
            continue  # a day, a count or a kind of body
        if same_body.get(key, key) in keys and same_body.get(key, key) != key:
            continue  # 'ศปจ.' where the post wrote 'ศูนย์ประสานงานภาคีพัฒนาจังหวัดกระบี่ (ศปจ.)'
        if not mention.specific and any(k != key and k.startswith(key) for k in keys) or named_in_full(key, keys):
            continue  # 'อบจ.' beside 'อบจ.ชลบุรี', 'คณะกรรมการจัดงาน' beside its full name
        if name and key not in kept_keys:
            kept.append(mention)
            kept_keys.add(key)
    return kept, defined


def named_in_full(key: str, keys: list[str]) -> bool:
    """A kind's abbreviation written bare ('รองนายกอบต บุญกว้าง') in a post that names a body of
    that kind in full, with its place ('องค์การบริหารส่งวนตำบลหัวทุ่ง', typed with one mistake too),
    is that body; beside the kind's full name alone it is the kind."""
    full = kind_full_names().get(key)
    return full is not None and any(len(k) > len(full) + 1 and (k.startswith(full) or any(
        one_edit_apart(k[:n], full) for n in (len(full) - 1, len(full), len(full) + 1))) for k in keys)


@cache
def kind_full_names() -> dict[str, str]:
    return {name_key(str(e["short"])): name_key(str(e["full"])) for e in load_glossary()
            if name_key(str(e["short"])) in KINDS}


def kinds_named(defined: dict[str, str], by_key: dict[str, str], matched: dict[str, str]) -> dict[str, str]:
    """'คณะกรรมการพัฒนาคุณภาพชีวิตระดับอำเภอ อำเภอสามพราน (พชอ.)': the post's own body is one
    of a kind the site knows by that abbreviation (พชอ.): the meeting links the known one too,
    as posts of the same kind find each other through it."""
    return {abbreviation: by_key[name_key(abbreviation)] for abbreviation in defined
            if name_key(abbreviation) in by_key and by_key[name_key(abbreviation)] not in matched.values()}
