"""Organisations named in a post, whether or not content/ knows them.

Three kinds of mention: a known stakeholder's name, short form or alias; an abbreviation from
the glossary (สสจ., อบต., สปสช., ...); a name that starts with an organisation word (สำนักงาน…,
โรงพยาบาล…, องค์การบริหารส่วน…, มูลนิธิ…, คณะกรรมการ…). Where a name ends is decided by Thai
word segmentation (it runs word by word until a verb, a function word or a person), not by a
character count. Abbreviations match on word boundaries only ('สอบ' in 'ทดสอบ' is no body) and
keep the place or number written after them (สสจ.ตรัง, อบจ.สงขลา, สปสช.เขต 3 นครสวรรค์). The
longest mention wins where two overlap; a name that only begins another one found in the post
('สมัชชาสุขภาพจังหวัด' beside 'สมัชชาสุขภาพจังหวัดนครนายก') is that one. A mention names a known
stakeholder only when it is written as that stakeholder's name: a numbered body ('กขป.เขต 7') is
never another region's record, a body with a place is never the generic one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pythainlp.tag import pos_tag

from ..text import dictionary
from ..thai import load_glossary, load_provinces
from .long_names import ABBREVIATION_AFTER, VERB_PREFIXES, bridged, names_itself
from .people import HONORIFICS, ROLE_HEADS
from .text import THAI_LETTER, is_thai, starts_word, whole_word, words

HEADS = ("สำนักงาน", "สำนัก", "สนง.", "โรงพยาบาล", "มหาวิทยาลัย", "องค์การบริหารส่วน", "เทศบาล", "สมาคม", "มูลนิธิ",
         "ชมรม", "เครือข่าย", "กองทุน", "ศูนย์", "สถาบัน", "คณะกรรมการ", "คณะกรรมาธิการ", "คณะอนุกรรมการ",
         "คณะทำงาน", "กรม", "กระทรวง", "วิทยาลัย", "สมัชชาสุขภาพ", "สภา", "สหกรณ์", "ธนาคาร", "คณะ", "กลุ่ม")
COMMITTEES = ("คณะกรรมการ", "คณะกรรมาธิการ", "คณะอนุกรรมการ", "คณะทำงาน")  # long names, 'ในการ…' inside
# glossary entries that are titles, places, months, data systems or plain words, not bodies
NOT_BODIES = {"ผอ.", "รองผอ.", "นพ.", "พญ.", "ภก.", "ผศ.", "รศ.", "ดร.", "นพ.สสจ.", "จ.", "อ.", "ต.", "ม.", "มบ.",
              "รร.", "มค.", "กพ.", "สค.", "ธค.", "CG", "CM", "CMCG", "SDG", "จปฐ.", "TPMAP", "สนง.", "ปลัดอบต.",
              "ท้องถิ่นจังหวัด"}
# kinds of body that a place or number makes one body (อบต.บ้านเก่า); alone they are generic
KINDS = {"อบจ", "อบต", "สสจ", "สสอ", "พมจ", "รพ", "รพสต", "รพช", "รพศ", "รพท", "ทต", "ทม", "ทน", "กขป", "พชอ",
         "พชต", "กปท", "ศปจ", "ศปอ", "อปท", "อสม", "อพม", "อสอช", "สอช", "มรภ", "กศจ", "สปสช", "nodeflagship",
         "nodeสสส"}
STOP = {"ได้", "ที่", "กว่า", "มากกว่า", "และ",
        "หรือ", "เป็น", "จัด", "ร่วม", "ร่วมกับ", "เพื่อ", "โดย", "มี", "ให้", "กับ", "ว่า", "จะ",
        "ไป", "มา", "ทำ", "ใช้", "นำ", "ส่ง", "เปิด", "พร้อม", "กล่าว", "ได้แก่", "อาทิ", "ซึ่ง", "ตาม", "ใน", "จาก",
        "ต่อ", "เข้า", "รับ", "ลง", "ณ", "เมื่อ", "วันที่", "เวลา", "ครั้ง", "ครั้งที่", "ประจำปี", "ปี", "เรื่อง",
        "ประชุม", "ให้แก่", "แก่", "ถึง", "ไม่", "ยัง", "ก็", "แล้ว", "นี้", "นั้น", "ทั้ง", "จำนวน", "คน", "ชี้แจง",
        "จับมือ", "เรียก", "หารือ", "ลงพื้นที่", "เข้าร่วม", "ต้อนรับ", "มอบ", "มอบหมาย", "รายงาน", "เตรียม", "ผ่าน",
        "ทุก", "หลาย", "ต่างๆ", "ต่าง", "ฯ", "ระหว่าง", "เกี่ยวกับ", "อยู่", "คือ", "เช่น", "ร่วมกัน", "นัด", "ด้วย",
        "ประกอบด้วย", "ประสาน", "ชุด", "รุ่น", "รุ่นใหม่", "ห้อง", "ห้องประชุม", "ชั้น", "อาคาร", "ด้าน", "สู่",
        "พบปะ", "เห็น", "เห็นว่า", "เอง", "ซึ่งเป็น", "ทาง", "หน่วยงาน", "ภาคี", "สามารถ"}
PLURAL = {"ต่างๆ", "ต่าง", "ทุก", "ทั้งหมด", "ฯ"}  # 'คณะกรรมการฝ่ายต่างๆ', 'คณะกรรมการกองทุนฯ': no one body
NAME_VERBS = {"ประสาน"}  # a verb that may open a name right after its organisation word
GENERIC = {"สำนักงาน", "สำนักข่าว", "สำนักงานใหญ่"}  # kinds, not one body
NOT_HEADED = {"ศูนย์กลาง", "ศูนย์รวม", "กรมธรรม์", "สภาพ", "สภาวะ", "สภาพแวดล้อม", "สำนักงานใหญ่"}  # plain words
DANGLING = {"ของ", "แห่ง", "ระดับ", "ประจำ", "เพื่อ", "ส่วน", "-", "ใน", "การ", "ในการ"}
REGION_WORDS = ("เขต", "เขตพื้นที่", "เขตที่", "เขตสุขภาพที่", "ศูนย์ที่")
NUMBER = re.compile(r"[ \t]?(?:ชุดที่[ \t]?\d{1,2}[ \t]?(?=เขต))?(?:เขต(?:สุขภาพ)?(?:พื้นที่|ที่)?|ศูนย์ที่)[ \t]?"
                    r"\d{1,2}(?!\d)")
BARE_NUMBER = re.compile(r"[ \t]?\d{1,2}(?![\d.:/])")
COUNTED = re.compile(r"[ \t]\d{1,2}[ \t]?(?:จังหวัด|อำเภอ|ตำบล)(?![\u0e01-\u0e4e])")  # 'เครือข่าย… 9 จังหวัด'
PARENTHESES = re.compile(r"[ \t]?\((?P<inner>[^()\d\n]{1,20})\)")
NAME_PARTS = ("แห่งประเทศไทย", "ประจำจังหวัด")  # written after a space, still the name
MAX_TOKENS = 14
COMPANY = re.compile(r"[ \t]จำกัด(?:[ \t]?\(?มหาชน\)?)?")  # 'ธนาคารไทยพาณิชย์ จำกัด (มหาชน)'



@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    specific: bool = False  # a national body's abbreviation (สสส.): never just the start of another name


def name_key(text: str) -> str:
    """How two ways of writing one name are compared: no spaces, dots or '(abbreviation)'."""
    return re.sub(r"[\s.]", "", PARENTHESES.sub("", text)).casefold()


def also_a_word(short: str, form: str) -> bool:
    """An abbreviation's dotless form that is also a Thai word (สอบ of สอบ., ทน of ทน.): it is
    read as the abbreviation only as written, with its dot ('สอบถาม', 'การสอบ' are no body)."""
    return short.endswith(".") and "." not in form and form in dictionary()


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
    return tuple(sorted(forms, key=len, reverse=True))


@cache
def province_names() -> tuple[str, ...]:
    return tuple(sorted(load_provinces(), key=len, reverse=True))


def stops_name(token: str) -> bool:
    return (token in STOP or token in HONORIFICS or token.startswith(VERB_PREFIXES) or token.isdigit()
            or token in REGION_WORDS)


PLACE_TAGS = {"NOUN", "PROPN", "ADJ"}


def place_words(tokens: list[str]) -> int:
    """How many of the words glued after an abbreviation name a place or a body ('บ้าน|เก่า'
    after อบต.), before a verb or a function word ('ชี้|เป้า' after สสจ. is what it does):
    PyThaiNLP's part-of-speech tagger (perceptron, shipped, offline) tells."""
    if not tokens:
        return 0
    tags = [tag for _, tag in pos_tag(tokens, engine="perceptron", corpus="orchid_ud")]
    if tags[0] not in ("NOUN", "PROPN"):
        return 0
    if tokens[0] == "บ้าน" and len(tokens) > 2 and tokens[1] in SIDES:
        tags[1] = "NOUN"  # a village named by where it lies: 'บ้าน|ใน|สระ', 'บ้าน|ใต้'
    return next((i for i, tag in enumerate(tags) if tag not in PLACE_TAGS), len(tags))


SIDES = {"ใน", "นอก", "บน", "ล่าง", "กลาง", "ใต้", "เหนือ", "หน้า", "หลัง"}


def name_end(text: str, start: int, extra: frozenset[str], covered: int, limit: int,
             place_only: bool = False) -> int:
    """Where a name that starts at text[start] ends: word after word (the first words cover the
    organisation word or abbreviation itself) until a verb, a function word, a person, a space
    or a region number; 'สุไหงโก-ลก' keeps its hyphen."""
    line_end = text.find("\n", start)
    rest = text[start: min(line_end if line_end >= 0 else len(text), start + 240)]
    tokens = words(rest, extra)
    taken: list[str] = []
    for i, token in enumerate(tokens):
        length = sum(map(len, taken))
        if length < covered:
            taken.append(token)
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token.isspace() or len(taken) >= limit or not (is_thai(token[0]) or token in ("-", ".")):
            break
        if token == "-" and not (is_thai(following[:1]) and len(following) <= 4):
            break
        if token == "." and taken and not re.search(r"[\u0e01-\u0e2e]$", taken[-1]):
            break
        if (token == "ใน" and rest.startswith(COMMITTEES) and following in ("การ", "ระบบ")) \
                or (taken[-1:] == ["บ้าน"] and token in SIDES and is_thai(following[:1])):
            taken.append(token)  # 'ในการ…' of a committee's name; 'บ้านในสระ', a village
            continue
        opening = length == covered and rest[:covered] in HEADS and \
            (token in NAME_VERBS or token == "เพื่อ")  # 'สำนัก|ประสาน', 'มูลนิธิ|เพื่อ|ผู้บริโภค'
        if stops_name(token) and not opening and not (taken and taken[-1] in ("การ", "ในการ")):
            if not place_only:  # after 'การ' a verb is a noun: 'ในการจัดบริการสาธารณะ'
                taken += tokens[i: bridged(tokens, i, rest[:length], rest[length:])]
            break
        taken.append(token)
    while len(taken) > 1 and sum(map(len, taken[:-1])) >= covered and taken[-1] in DANGLING:
        taken.pop()
    if place_only:
        head = next(i for i in range(len(taken) + 1) if sum(map(len, taken[:i])) >= covered)
        taken = taken[: head + place_words(taken[head:])]
    return start + sum(map(len, taken))


def suffix_end(text: str, end: int, kind: bool) -> int:
    """What a name carries after it: '(กขป.)', 'เขตพื้นที่ 7', 'แห่งประเทศไทย', 'ประจำจังหวัดตรัง';
    after a region number or a kind of body also a province ('สปสช.เขต 1 เชียงใหม่', 'พชอ. สระบุรี')."""
    numbered = False
    while True:
        rest = text[end: end + 80]
        match = PARENTHESES.match(rest)
        if match and re.search(f"[{THAI_LETTER}A-Za-z]", match["inner"]):
            end += match.end()
            continue
        match = NUMBER.match(rest) or COUNTED.match(rest) or \
            (BARE_NUMBER.match(rest) if text[:end].endswith(REGION_WORDS) else None)
        if match:
            end, numbered = end + match.end(), True
            continue
        if rest[:1] not in (" ", "\t") or rest[1:2].isspace():
            return end
        if company := COMPANY.match(rest):
            end += company.end()
            continue
        stripped = rest[1:]
        part = next((p for p in NAME_PARTS if stripped.startswith(p)), None)
        if part:
            end = name_end(text, end + 1, frozenset(), len(part), 3)
            continue
        if numbered or kind:
            for place in province_names():
                written = next((w for w in ("จังหวัด" + place, "จ." + place, place) if stripped.startswith(w)), "")
                if written and not is_thai(stripped[len(written): len(written) + 1]):
                    return end + 1 + len(written)
        return end


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
                # a national body's dotted abbreviation takes no words glued on ('สช.เดินหน้า…')
            kind = name_key(name) in KINDS
            after = suffix_end(text, end, kind and end == match.end())
            national = name in abbreviations and not kind and after == match.end()
            found.append(Mention(start, after, text[start:after], specific=national))
    return found


def mentions_of_heads(text: str, known: frozenset[str]) -> list[Mention]:
    """Names that start with an organisation word."""
    found = []
    for head in HEADS:
        longer = [h for h in HEADS if h != head and h.startswith(head)]
        for match in re.finditer(re.escape(head), text):
            start = match.start()
            if text.startswith(tuple(longer), start):
                continue  # 'สำนัก' of 'สำนักงาน' is that head's
            if not (starts_word(text, start, known) or text[:start].endswith(ROLE_HEADS)):
                continue  # the dictionary has 'นายกองค์การบริหารส่วนตำบล' as one word
            if words(text[start: start + 40], known)[0] in NOT_HEADED:
                continue
            end = quoted_name_end(text, match.end()) or name_end(text, start, known, len(head), MAX_TOKENS)
            following = words(text[end: end + 12])[:1]
            if not acceptable(head, text[match.end(): end]) or (following and following[0] in PLURAL):
                continue
            end = suffix_end(text, end, False)
            if head == "คณะ":
                end = university_end(text, end, known)
            if head == "กลุ่ม" and not (text[start:end].startswith(("กลุ่มงาน", "กลุ่ม \"", "กลุ่ม“", "กลุ่ม “"))
                                      or PLACE_IN_NAME.search(text[start:end])):
                continue  # 'กลุ่มเป้าหมาย', 'กลุ่มผู้สูงอายุ': kinds of people, not one body
            if text[start:end] not in GENERIC:
                found.append(Mention(start, end, text[start:end]))
    return found


QUOTED = re.compile(r"[ \t]?(?:\"[^\"\n]{2,40}\"|“[^”\n]{2,40}”)")
PLACE_IN_NAME = re.compile(rf"(?:ตำบล|อำเภอ|จังหวัด|บ้าน|หมู่(?:ที่)?[ \t]?\d)[{THAI_LETTER}\d]")
# a คณะ… that is one body: a faculty (…ศาสตร์), the cabinet, the Sangha, an inspection team;
# not a delegation or a party of people ('คณะผู้บริหาร', 'คณะศึกษาดูงาน', 'คณะครู')
KANA_BODIES = re.compile(r"^(?:[\u0e01-\u0e4e]{2,14}ศาสต(?:ร์|์)|รัฐมนตรี|สงฆ์|ตรวจ|ราษฎร|อนุ|กรรม)")


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


def quoted_name_end(text: str, end: int) -> int | None:
    """เครือข่าย "หยวกกล้วยเมืองคอน": a body's own name in quotes right after its kind."""
    match = QUOTED.match(text, end)
    return match.end() if match else None


def acceptable(head: str, rest: str) -> bool:
    """A head needs words after it; an assembly must be of a place or level, not an event; a
    คณะ… is a faculty, a cabinet or a team of its own, not a delegation of people."""
    if len(rest) < 2:
        return False
    if head == "คณะ":
        return bool(KANA_BODIES.match(rest))
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
    mentions = longest_first(mentions_of_names(text, names) + mentions_of_heads(text, names))
    return [shared for m in mentions for shared in [m, *sharing_a_prefix(text, m)]]


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
    """Not 'วันอสม.แห่งชาติ' (a day), '29 อปท.ชายแดนใต้' (a count of bodies), nor a kind of body
    written alone ('เทศบาลตำบล', the full name of the glossary's ทต.)."""
    before = text[max(0, mention.start - 4): mention.start]
    if before.rstrip(" \t").endswith("วัน") or (COUNT_BEFORE.search(before) and kind_abbreviation(mention.text)):
        return False
    return name_key(mention.text) not in kind_names()


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
    names = frozenset(known)
    mentions = mentions_in(text, names)
    defined = abbreviations_defined(mentions)
    if set(defined) - names - set(body_abbreviations()):
        mentions = mentions_in(text, names | {a for a in defined if len(a.rstrip(".")) >= 2})
    same_body = {name_key(abbreviation): full for abbreviation, full in defined.items()}
    written = [" ".join(m.text.split()).strip(" -") for m in mentions]
    keys = [name_key(w) for w in written]
    kept: list[str] = []
    for mention, name, key in zip(mentions, written, keys, strict=True):
        if not one_body(text, mention):
            continue  # a day, a count or a kind of body
        if same_body.get(key, key) in keys and same_body.get(key, key) != key:
            continue  # 'ศปจ.' where the post wrote 'ศูนย์ประสานงานภาคีพัฒนาจังหวัดกระบี่ (ศปจ.)'
        if not mention.specific and any(k != key and k.startswith(key) for k in keys):
            continue  # 'อบจ.' beside 'อบจ.ชลบุรี', 'คณะกรรมการจัดงาน' beside its full name
        if name and key not in {name_key(k) for k in kept}:
            kept.append(name)
    by_key = {name_key(name): id_ for name, id_ in known.items()}
    matched = {name: by_key[name_key(name)] for name in kept if name_key(name) in by_key}
    return kept, matched
