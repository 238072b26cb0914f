"""Where an organisation's name ends, word by word (PyThaiNLP's segmentation): until a verb,
a function word, a person or a space; over a space only into what names carry after them (a
region number, 'ที่ 4', a province, จังหวัด…/อำเภอ…/ตำบล… of a known place, '(ABBR)'); and
never inside a place's name, which runs to its end in the gazetteer (places.py), wherever the
segmenter would cut it ('โรงพยาบาลแก|ลง')."""

from __future__ import annotations

import re
from functools import cache

from pythainlp.tag import pos_tag

from ..text import dictionary
from ..thai import load_provinces
from .long_names import CLAUSE, MIN_PLACE, VERB_PREFIXES, VILLAGE_AFTER, bridged, clause_after_province, kind_place
from .people import HONORIFICS
from .places import place_at, place_names, place_starts, places_from
from .text import THAI_LETTER, THAI_RUN, is_thai, reference_words, words
from .typos import misspelt

HEADS = ("สำนักงาน", "สำนัก", "สนง.", "โรงพยาบาล", "มหาวิทยาลัย", "องค์การบริหารส่วน", "เทศบาล", "สมาคม", "มูลนิธิ",
         "ชมรม", "เครือข่าย", "กองทุน", "ศูนย์", "สถาบัน", "คณะกรรมการ", "คณะกรรมาธิการ", "คณะอนุกรรมการ",
         "คณะทำงาน", "กรม", "กระทรวง", "วิทยาลัย", "สมัชชาสุขภาพ", "สภา", "สหกรณ์", "ธนาคาร", "คณะ", "กลุ่ม",
         "ภาคีเครือข่าย", "สาธารณสุขจังหวัด", "สาธารณสุขอำเภอ", "ประชาสัมพันธ์จังหวัด", "พัฒนาชุมชนจังหวัด",
         "พัฒนาชุมชนอำเภอ", "สถานีตำรวจ", "ราชวิทยาลัย", "สถานีวิทยุ", "สมัชชา", "โรงเรียน", "อาสาสมัครสาธารณสุข", "ทีม",
         "ประชาคม", "สถานีอนามัย", "กอง")
DIVISION_HEAD = "กอง"  # a municipality's or a department's division (กองสวัสดิการสังคม): the rules' head only
COMMITTEES = ("คณะกรรมการ", "คณะกรรมาธิการ", "คณะอนุกรรมการ", "คณะทำงาน")  # long names, 'ในการ…' inside
# ('ใกล้': near, a preposition of place like ใน and จาก: 'ศูนย์บริการสาธารณสุข|ใกล้บ้าน')
# glossary entries that are titles, places, months, data systems or plain words, not bodies
STOP = {"ได้", "ที่", "กว่า", "มากกว่า", "และ",
        "หรือ", "เป็น", "จัด", "ร่วม", "ร่วมกับ", "เพื่อ", "โดย", "มี", "ให้", "กับ", "ว่า", "จะ",
        "ไป", "มา", "ทำ", "ใช้", "นำ", "ส่ง", "เปิด", "พร้อม", "กล่าว", "ได้แก่", "อาทิ", "ซึ่ง", "ตาม", "ใน", "จาก",
        "ต่อ", "เข้า", "รับ", "ลง", "ณ", "เมื่อ", "วันที่", "เวลา", "ครั้ง", "ครั้งที่", "ประจำปี", "ปี", "เรื่อง",
        "ประชุม", "จึง", "ให้แก่", "แก่", "ถึง", "ไม่", "ยัง", "ก็", "แล้ว", "นี้", "นั้น", "ทั้ง", "จำนวน", "คน", "ชี้แจง",
        "จับมือ", "เรียก", "หารือ", "ลงพื้นที่", "เข้าร่วม", "ต้อนรับ", "มอบ", "มอบหมาย", "รายงาน", "เตรียม", "ผ่าน",
        "ทุก", "หลาย", "ต่างๆ", "ต่าง", "ฯ", "ระหว่าง", "เกี่ยวกับ", "อยู่", "คือ", "เช่น", "ร่วมกัน", "นัด", "ด้วย",
        "ประกอบด้วย", "ประสาน", "ชุด", "รุ่น", "รุ่นใหม่", "ห้อง", "ห้องประชุม", "ชั้น", "อาคาร", "ด้าน", "สู่",
        "พบปะ", "เห็น", "เห็นว่า", "เอง", "ซึ่งเป็น", "ทาง", "หน่วยงาน", "ภาคี", "สามารถ", "ขึ้น", "ออก", "ไว้",
        "ที่ผ่านมา", "ที่จะ", "ที่มา", "ที่ว่า", "ที่กล่าวมา", "แต่ละ", "ใกล้"}  # 'จัดงาน…ชมรม…ขึ้น', '…แห่งชาติที่ผ่านมา'
ENDS = STOP | {"มีมติ", "เห็นชอบ", "ขอ", "ปฏิบัติหน้าที่"}  # a body resolves, thanks, acts as ('…|มีมติ', '…|ขอ|ขอบคุณ')
NAME_VERBS = {"ประสาน"}  # a verb that may open a name right after its organisation word
DANGLING = {"ของ", "แห่ง", "ระดับ", "ประจำ", "เพื่อ", "ส่วน", "-", "ใน", "การ", "ในการ"}
REGION_WORDS = ("เขต", "เขตพื้นที่", "เขตที่", "เขตสุขภาพที่", "ศูนย์ที่")
NUMBER = re.compile(r"[ \t]?(?:ชุดที่[ \t]?\d{1,2}[ \t]?(?=เขต))?(?:เขต(?:สุขภาพ)?(?:พื้นที่|ที่)?|ศูนย์ที่)[ \t]?"
                    r"\d{1,2}(?!\d)(?:(?:[ \t]?,[ \t]?\d{1,2}(?![\d.:/]))*[ \t]?และ[ \t]?\d{1,2}(?![\d.:/]))?")
# ('เขต 3, 4 และ 13': one body for several regions, its numbers listed)
REGIONAL = ("กขป.", "กขป", "สปสช.")  # numbered by region: 'กขป.3', 'กขป. 3'
MINISTRIES = ("กระทรวง", "กรม")  # national: a health region after one is another body
ORDINAL = re.compile(r"ที่[ \t]?\d{1,2}(?![\d.:/])")
BARE_NUMBER = re.compile(r"[ \t]?\d{1,2}(?![\d.:/])")
COUNTED = re.compile(r"[ \t]\d{1,2}[ \t]?(?:จังหวัด|อำเภอ|ตำบล)(?![\u0e01-\u0e4e])")  # 'เครือข่าย… 9 จังหวัด'
PARENTHESES = re.compile(r"[ \t]?\((?P<inner>[^()\d\n]{1,20})\)")
ENGLISH_NAME = re.compile(r"[ \t]?\((?P<inner>[A-Za-z][A-Za-z .,:&'-]{2,48})\)")  # '(District Health Board : DHB)'
NAME_PARTS = ("แห่งประเทศไทย", "ประจำจังหวัด", "สาขาจังหวัด", "สาขาอำเภอ")  # after a space, still the name
MAX_TOKENS = 14
SYLLABLE = 4  # a piece of a name the segmenter cut up is about a syllable long ('กัม')
LEVEL_PLACE = re.compile(r"(?:จังหวัด|อำเภอ|ตำบล|จ\.|อ\.|ต\.)[ \t]?")
# a programme's own English name in capitals, two words or more: a body named for a programme
# (…โครงการ…) runs on over a space into it, and on into its place ('… TO BE NUMBER ONE จังหวัด…')
PROGRAMME = re.compile(r"[ \t][A-Z0-9][A-Z0-9&'-]*(?:[ \t][A-Z0-9][A-Z0-9&'-]*)+(?![A-Za-z])")
PROGRAMME_WORD = "โครงการ"
COMPANY = re.compile(r"[ \t]จำกัด(?:[ \t]?\(?มหาชน\)?)?")  # 'ธนาคารไทยพาณิชย์ จำกัด (มหาชน)'


@cache
def province_names() -> tuple[str, ...]:
    return tuple(sorted(load_provinces(), key=len, reverse=True))


CLAUSE_PREFIXES = tuple(sorted((w for w in STOP if len(w) >= 2), key=len, reverse=True))  # 'จัด|กิจกรรม'
ADVERBS = ("อย่าง", "ทั่ว")  # 'อย่างน้อย', 'ทั่วประเทศ': how or where, after the name
# 'every day/week/month/year/time' and 'only': when or how much, never in a name ('โรงพยาบาล|ทุกวัน|อังคาร',
# 'เครือข่าย|เท่านั้น'); 'ทุกประเภท', 'ทุกช่วงวัย' (all kinds, all ages) are in names and stay
WHEN_OR_HOW_MUCH = ("ทุกวัน", "ทุกสัปดาห์", "ทุกเดือน", "ทุกปี", "ทุกครั้ง", "เท่านั้น")
# '…โรงพยาบาล|อยู่แล้ว' (h14-06), '…ชาวบ้าน|กำลัง|แพร่หลาย' (h14-19): the sentence goes on; 'พร้อมด้วย' (together
# with) joins a second party ('มูลนิธิเมืองไทยยิ้ม|พร้อมด้วย|โรงพยาบาลจักษุบ้านแพ้ว', h15-22)
ALREADY_OR_NOW = {"อยู่แล้ว", "กำลัง", "พร้อมด้วย"}


def stops_name(token: str) -> bool:
    return (token in ENDS or token in HONORIFICS or token.startswith(VERB_PREFIXES) or token.isdigit()
            or token in REGION_WORDS or (token.startswith("ใน") and len(token) > 2 and place_at(token, 0) is None)
            or token.startswith(ADVERBS) or token.startswith(WHEN_OR_HOW_MUCH) or token in ALREADY_OR_NOW)
    # 'ในปี', 'ในพื้นที่': a phrase of time or place after the name, not in it


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
    return next((i for i, tag in enumerate(tags) if tag not in PLACE_TAGS or tokens[i].startswith(ADVERBS)), len(tags))


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
        if carried_on(taken, token, following, rest):
            taken.append(token)
            continue
        if token == "/" and alternative(taken, following, text, start + length + 1, extra):
            taken.append(token)  # 'เครือข่ายผู้ติดเชื้อเอชไอวี/เอดส์ประเทศไทย'
            continue
        if token.isspace() or len(taken) >= limit or not (is_thai(token[0]) or token in ("-", ".")) \
                or placeless(taken[-1], token, text, start + length):
            break
        if token == "-" and not (joined(following, text, start + length + 1, extra)
                                 and (len(following) <= 4 or listed(taken, tokens[i + 2: i + 3]))):
            break
        if token == "." and taken and not re.search(r"[\u0e01-\u0e2e]$", taken[-1]):
            break
        opening = (length == covered and rest[:covered] in HEADS and (token in NAME_VERBS or token == "เพื่อ")) \
            or (token == "เพื่อ" and aim_of_name(following))  # 'สำนัก|ประสาน', 'มูลนิธิ|เพื่อ|ผู้บริโภค'
        if clause_after_province(taken, token, CLAUSE_PREFIXES) or clause_after_place(text, start, taken, token):
            break
        if stops_name(token) and not opening and not (taken and taken[-1] in ("การ", "ในการ")):
            if not place_only:  # after 'การ' a verb is a noun: 'ในการจัดบริการสาธารณะ'
                taken += tokens[i: bridged(tokens, i, rest[:length], rest[length:], length == covered)]
            break
        taken.append(token)
    taken = through_unknown(taken, tokens, covered, extra)
    while len(taken) > 1 and sum(map(len, taken[:-1])) >= covered and taken[-1] in DANGLING:
        taken.pop()
    if place_only:
        head = next(i for i in range(len(taken) + 1) if sum(map(len, taken[:i])) >= covered)
        taken = taken[: head + place_words(taken[head:])]
    return through_place(text, start, covered, taken)


LEVEL_AND_PLACE = re.compile(rf"(?:จังหวัด|อำเภอ|ตำบล|[จอต]\.|เทศบาล(?:นคร|เมือง|ตำบล)|บ้าน)"
                             rf"(?P<place>[{THAI_LETTER}]{{3,}})$")


def clause_after_place(text: str, start: int, taken: list[str], token: str) -> bool:
    """As after a province, a name that has reached its sub-district or district, written with
    the word for its level ('เทศบาลตำบลบ้านสวน|จัดกิจกรรม…', 'องค์การบริหารส่วนตำบลหนองบัว|ดำเนินการ…'),
    ends there when the word glued after it opens the sentence, unless a longer place's name
    runs on over the cut ('ตำบลท่า|ข้าม…' is ท่าข้าม)."""
    name = "".join(taken)
    level = LEVEL_AND_PLACE.search(name)
    if level is None or level["place"] not in place_names() or not is_thai(token[:1]):
        return False
    at = start + level.start("place")
    if any(len(p) > len(level["place"]) and text.startswith(p, at) for p in places_from(text, at)):
        return False
    return clause_after_province([level["place"]], token, CLAUSE_PREFIXES, any_place=True)


def alternative(taken: list[str], following: str, text: str, position: int, extra: frozenset[str]) -> bool:
    """'เอชไอวี/เอดส์': a slash between two words glued on both sides joins alternatives inside one
    name; before a province or a place it lists one body per place ('…ปัตตานี/นราธิวาส'), before
    a body's head, an abbreviation or a known name a second body ('ศูนย์สุขภาพจิต/กรมสุขภาพจิต',
    '…จังหวัด/กศส.', '…สตูล/ศปจ.สตูล')."""
    return bool(taken) and is_thai(taken[-1][-1:]) and is_thai(following[:1]) \
        and not text.startswith(province_names(), position) and place_at(text, position) is None \
        and not following.startswith(HEADS) and not text.startswith((*reference_words(), *extra), position)


BARE_LEVELS = ("จังหวัด", "อำเภอ", "ตำบล")
VILLAGE = ("บ้าน", "เมือง", "หมู่")


def placeless(last: str, token: str, text: str, position: int) -> bool:
    """'สมัชชาสุขภาพจังหวัด|ทบทวน…': after the word for a level comes its place, or the name ends."""
    return last in BARE_LEVELS and not place_starts(text, position) and not token.startswith(VILLAGE) \
        and not ((run := THAI_RUN.match(text, position)) and misspelt(run[0], province_names()))  # 'สมุทรสคงราม'



def carried_on(taken: list[str], token: str, following: str, rest: str) -> bool:
    """Words that go on a name where they would end another: a space typed inside a word ('ชมรม
    ผู้สูง อายุ…'), 'ในการ…' of a committee's name, a village named by where it lies ('บ้านในสระ'),
    a เขต that is a word of the name, not a region's number ('ศูนย์ประสานงานเขตสุขภาพเพื่อประชาชน'),
    a committee's two tasks sharing one object ('คณะกรรมการสนับสนุนการจัด และขับเคลื่อนมติ…'), the way
    its people are disabled ('ชมรมผู้ปกครองคนพิการ|ทาง|สติปัญญาฯ')."""
    return ((token == " " and taken[-1] + following in dictionary() and len(taken[-1]) > 1 and len(following) > 1)
            or shared_object(taken, token, following, rest)
            or (token == "ใน" and rest.startswith(COMMITTEES) and following in ("การ", "ระบบ"))
            or (taken[-1:] == ["บ้าน"] and token in SIDES and is_thai(following[:1]))
            or (token == "เขต" and rest[sum(map(len, taken)):].startswith("เขตสุขภาพเพื่อ"))
            or (token == "ทาง" and taken[-1].endswith("พิการ") and is_thai(following[:1])))


def joined(following: str, text: str, position: int, extra: frozenset[str]) -> bool:
    """'สุไหงโก-ลก': a hyphen between Thai words may join the parts of one name; before a body's head,
    an abbreviation or a known name it joins two bodies ('เทศบาลเมืองลาดสวาย-รพ.ธรรมศาสตร์')."""
    return is_thai(following[:1]) and not following.startswith(HEADS) \
        and not text.startswith((*reference_words(), *extra), position)


def listed(taken: list[str], after_next: list[str]) -> bool:
    """'…ปัจจัยเสี่ยงเหล้า-บุหรี่-ยาเสพติด': words listed with hyphens, a hyphen before or after the
    next word too, are the subjects of one name; a single hyphen between words may join two names."""
    return taken[-2:-1] == ["-"] or after_next == ["-"]


def shared_object(taken: list[str], token: str, following: str, rest: str) -> bool:
    """'คณะกรรมการสนับสนุนการจัด และขับเคลื่อนมติสมัชชาสุขภาพจังหวัด…': a committee's task that ends
    on its bare verb after การ ('การจัด', with no object) shares the object of the task joined
    after it with และ, so the name goes on over the space and the และ."""
    if not rest.startswith(COMMITTEES):
        return False
    if token == " ":
        return following == "และ" and taken[-2:-1] == ["การ"]
    return token == "และ" and taken[-1:] == [" "] and taken[-3:-2] == ["การ"]


def unknown(token: str, extra: frozenset[str]) -> bool:
    """A piece of Thai the word list does not know: a syllable of a proper name it cut up."""
    return is_thai(token[:1]) and token not in dictionary() and token not in extra and token not in reference_words() \
        and place_at(token, 0) is None


def through_unknown(taken: list[str], tokens: list[str], covered: int, extra: frozenset[str]) -> list[str]:
    """'มูลนิธิสยาม|กัม|มา|จล': a name that stopped at a short word between two pieces the word list
    does not know goes on over them (a proper name cut up), to the next known word."""
    i = len(taken)
    if sum(map(len, taken)) <= covered or len(taken[-1]) > SYLLABLE or not unknown(taken[-1], extra):
        return taken
    while i + 1 < len(tokens) and len(tokens[i]) <= 2 and is_thai(tokens[i][:1]) \
            and (unknown(tokens[i + 1], extra) or len(tokens[i + 1]) <= 2):  # 'จล' is in the word list too
        i += 2
    return tokens[:i]


def through_place(text: str, start: int, covered: int, taken: list[str]) -> int:
    """The name's end, moved on to the end of a place whose name starts at one of its words and
    runs past where segmentation stopped ('โรงพยาบาล|แก' → 'โรงพยาบาลแกลง')."""
    end = start + sum(map(len, taken))
    position = start
    for token in [*taken, ""]:
        if position - start >= covered and (place := place_at(text, position)) \
                and len(place) >= MIN_PLACE and position + len(place) > end \
                and (position < end or place not in dictionary()):  # not 'อบจ.|และ'
            return position + len(place)
        position += len(token)
    return end


def placed(name: str) -> bool:
    """A name that already holds its place ('อบต.ราชสถิตย์', 'โรงพยาบาลสมเด็จพระบรมราชินีนาถ'
    is not): the province, district or sub-district written after it is its address."""
    return bool(PLACED.search(name)) or any(name.endswith(p) for p in province_names())


PLACED = re.compile(rf"(?:จังหวัด|อำเภอ|ตำบล|จ\.|อ\.|ต\.|เทศบาล(?:นคร|เมือง|ตำบล)?|บ้าน|อบต\.|อบจ\.|รพ\.สต\.)"
                    rf"[ \t]?[{THAI_LETTER}]{{2,}}")


def tambon_then_district(name: str, level: str) -> bool:
    """'… ต.คลองอู่ตะเภา' goes on into its district ('อ.หาดใหญ่'), not further."""
    return level.startswith(("อ.", "อำเภอ")) and bool(re.search(rf"(?:ต\.|ตำบล)[{THAI_LETTER}]+$", name))


# bodies of a place, whose name runs on over a space into it ('สำนักงานพัฒนาสังคม… จังหวัดแม่ฮ่องสอน');
# a university's, a college's or a hospital's own name is whole: a place after it is its address
BRANCHES = ("สำนักงาน", "สำนัก", "สนง.", "ศูนย์", "คณะกรรมการ", "คณะอนุกรรมการ", "คณะทำงาน", "กลุ่ม", "ชมรม", "เครือข่าย",
            "สภา", "สมาคม", "สมัชชา", "กองทุน", "ภาคี")
REGION = re.compile(rf"ภาค(?:ตะวันออกเฉียงเหนือ|ตะวันออก|ตะวันตก|เหนือ|ใต้|กลาง|อีสาน)(?:ตอน(?:บน|ล่าง))?(?![{THAI_LETTER}])")


def level_place(name: str, after: str) -> str:
    """The 'จังหวัดแม่ฮ่องสอน' a branch body's name runs on into over a space, when the name holds
    no place yet (or a sub-district, which its district follows), or its region of the country
    ('เครือข่ายผู้ติดเชื้อฯ ภาคตะวันออก'); '' otherwise."""
    if name.startswith(BRANCHES) and not placed(name) and (region := REGION.match(after)):
        return region[0]
    level = LEVEL_PLACE.match(after)
    if not level or not name.startswith(BRANCHES) or (placed(name) and not tambon_then_district(name, level[0])):
        return ""
    place = place_at(after, level.end())
    return after[: level.end() + len(place)] if place and len(place) >= MIN_PLACE else ""


def village_of(name: str, after: str) -> str:
    """The village a branch body with no place of its own serves, written after it over a space
    ('ศูนย์สาธารณสุขมูลฐานชุมชน บ้านโคกอุดม'); '' otherwise."""
    village = VILLAGE_AFTER.match(after)
    if not village or not name.startswith(BRANCHES) or placed(name) or village[0][4:] in dictionary():
        return ""
    return village[0]


CAMPUS = re.compile(r"(?:ศูนย์|วิทยาเขต)[ \t]?")


def campus_of(name: str, after: str) -> str:
    """A university's campus written after it over a space, named by its place ('… ศูนย์ตรัง',
    '… วิทยาเขตปัตตานี'); '' otherwise."""
    campus = CAMPUS.match(after)
    if not campus or not name.startswith("มหาวิทยาลัย") or CAMPUS.search(name):
        return ""
    place = place_at(after, campus.end()) or next((p for p in province_names() if after.startswith(p, campus.end())
                                                    and not is_thai(after[campus.end() + len(p):][:1])), None)
    return after[: campus.end() + len(place)] if place else ""


ROYAL_PATRON = ("บรมราชชนนี", "สิรินธร")  # colleges of the Praboromarajchanok Institute, one per place
CAMPUS_NAME = re.compile(rf"[{THAI_LETTER}]{{3,30}}(?=[ \t,]|$)")


def college_campus(name: str, after: str) -> str:
    """A college named for its royal patron is one of many: its campus follows over a space
    ('วิทยาลัยพยาบาลบรมราชชนนี พุทธชินราช', 'วิทยาลัยการสาธารณสุขสิรินธร จังหวัดขอนแก่น'); '' otherwise."""
    campus = CAMPUS_NAME.match(after)
    if not name.startswith("วิทยาลัย") or not name.endswith(ROYAL_PATRON) or not campus \
            or words(campus[0])[0] in STOP or campus[0].startswith(VERB_PREFIXES):
        return ""
    return campus[0]


def suffix_end(text: str, end: int, kind: bool, start: int | None = None) -> int:
    """What a name carries after it: '(กขป.)', 'เขตพื้นที่ 7', 'แห่งประเทศไทย', 'ประจำจังหวัดตรัง';
    after a region number or a kind of body also a province ('สปสช.เขต 1 เชียงใหม่', 'พชอ. สระบุรี')."""
    numbered, start = False, end if start is None else start
    while True:
        rest = text[end: end + 80]
        match = PARENTHESES.match(rest) or ENGLISH_NAME.match(rest)
        if match and re.search(f"[{THAI_LETTER}A-Za-z]", match["inner"]) \
                and not match["inner"].startswith(tuple(HONORIFICS)):  # '(นางไพรวรรณ พลวัน)' is its head
            end += match.end()
            continue
        match = NUMBER.match(rest) or COUNTED.match(rest) or \
            (BARE_NUMBER.match(rest) if text[:end].endswith((*REGION_WORDS, *REGIONAL)) else None) or \
            (ORDINAL.match(rest) if is_thai(text[end - 1: end]) else None)  # 'ศูนย์อนามัยที่ 4
        if match and not text.startswith(MINISTRIES, start):  # 'กระทรวงสาธารณสุข เขตสุขภาพที่ 7': the region's
            end, numbered = end + match.end(), True
            continue
        if rest[:1] not in (" ", "\t") or rest[1:2].isspace():
            return end
        if company := COMPANY.match(rest):
            end += company.end()
            continue
        if (programme := PROGRAMME.match(rest)) and PROGRAMME_WORD in text[start:end]:
            end += programme.end()  # '…โครงการรณรงค์…ยาเสพติด TO BE NUMBER ONE'
            continue
        stripped = rest[1:]
        part = next((p for p in NAME_PARTS if stripped.startswith(p)), None)
        if part:
            end = name_end(text, end + 1, frozenset(), len(part), 3)
            continue
        if campus := campus_of(text[start:end], stripped) or college_campus(text[start:end], stripped):
            end += 1 + len(campus)  # 'มหาวิทยาลัยราชภัฏสวนดุสิต ศูนย์ตรัง'
            continue
        if village := village_of(text[start:end], stripped):
            end += 1 + len(village)  # 'ศูนย์สาธารณสุขมูลฐานชุมชน บ้านโคกอุดม'
            continue
        if place := level_place(text[start:end], stripped):
            end += 1 + len(place)  # '… จังหวัดแม่ฮ่องสอน', '… ต.คลองอู่ตะเภา อ.หาดใหญ่'
            continue
        if numbered or kind:
            for place in province_names():
                written = next((w for w in ("จังหวัด" + place, "จ." + place, place) if stripped.startswith(w)), "")
                if written and not is_thai(stripped[len(written): len(written) + 1]):
                    return end + 1 + len(written)
        if kind and (place := kind_place(stripped)):
            return end + 1 + len(place)  # 'รพ.สต. บ้านหัววัง', 'รพ.สต. ทุ่งคอก'
        return end


NOMINALISERS = ("การ", "ความ")


def aim_of_name(word: str) -> bool:
    """'มูลนิธิรณรงค์|เพื่อ|การไม่สูบบุหรี่', 'ศูนย์คริสเตียน|เพื่อ|พัฒนาผู้พิการ' no: a name's aim is
    เพื่อ and a noun (การ…, ความ…, who it serves); เพื่อ and a verb is the sentence's purpose."""
    if word in NOMINALISERS:
        return True
    if not is_thai(word[:1]) or word in STOP or word.startswith(CLAUSE_OPENERS):  # 'เพื่อ|ทำ', 'เพื่อ|นำเสนอ'
        return False
    return pos_tag([word], engine="perceptron", corpus="orchid_ud")[0][1] in ("NOUN", "PROPN")


CLAUSE_OPENERS = tuple(sorted((w for w in CLAUSE if len(w) >= 2), key=len, reverse=True))
