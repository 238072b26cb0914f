"""Where a long organisation name goes on across a word that usually ends a name (เพื่อ, ตาม,
ใน, ทุก, คน, ทาง): when the rest of the unbroken Thai run ends the way names end (…แห่งชาติ,
…ตำบลเปือย) and holds no clause, when the post gives the whole name an abbreviation of its own
in parentheses ('สถาบัน…เพื่อชุมชนเป็นสุข (สรส.)'), or when เพื่อ is followed by the one or two
nouns the body is for ('…เพื่อผู้บริโภค'). No list of names: the shape of the text decides."""

from __future__ import annotations

import itertools
import re
from functools import cache
from typing import TYPE_CHECKING

from pythainlp.tag import pos_tag

from ..text import dictionary
from ..thai import load_provinces
from .places import place_at, place_names
from .text import THAI_LETTER, is_thai

if TYPE_CHECKING:  # (organizations imports this module)
    from .organizations import Mention

VERB_PREFIXES = ("ร่วม", "กล่าว", "เข้าร่วม", "เป็น", "เร่ง")
# words inside long names: 'สถาบัน…เพื่อการฟื้นฟู…แห่งชาติ', 'ศูนย์อำนวยการความปลอดภัยทางถนนจังหวัด…'
BRIDGES = {"เพื่อ", "ตาม", "ใน", "ทุก", "คน", "ทาง"}
CLAUSE = {"ได้", "จัด", "ให้", "มี", "กล่าว", "โดย", "ซึ่ง", "ว่า", "จะ", "และ", "หรือ", "กับ", "ร่วมกับ", "ณ", "เมื่อ",
          "ที่", "เป็น", "ไป", "มา", "นำ", "ต่อ", "จาก"}  # a clause begins: the name has ended
NAME_ENDING = re.compile(rf"(?:แห่งชาติ|แห่งประเทศไทย|ระดับ(?:ชาติ|ภาค|เขต|จังหวัด|อำเภอ|ตำบล)|"
                         rf"(?:ตำบล|อำเภอ|จังหวัด|บ้าน)[{THAI_LETTER}]{{2,}})$")
# a committee or working group to organise something: 'คณะทำงานอำนวยการ|จัด|สมัชชาผู้สูงอายุระดับชาติ'
ORGANISERS = ("คณะกรรมการ", "คณะอนุกรรมการ", "คณะทำงาน")
ABBREVIATION_AFTER = re.compile(r"^[ \t]?\((?P<abbr>[\u0e01-\u0e2e][\u0e01-\u0e2e.]{1,9})\)")  # consonants and dots
LONGEST_BRIDGE = 16  # words
SEASON = ["ช่วง", "เทศกาล"]  # 'during the festival': a seasonal centre's name ends before it
CLAUSE_OPENERS = tuple(sorted((w for w in CLAUSE if len(w) >= 2), key=len, reverse=True))
# what starts a second body or a party of people after 'และ' ('สสจ.และอบต.', '…และประชาชน')
SECOND_BODY = ("สำนัก", "โรงพยาบาล", "มหาวิทยาลัย", "องค์", "เทศบาล", "สมาคม", "มูลนิธิ", "ชมรม", "เครือข่าย", "กองทุน",
               "ศูนย์", "สถาบัน", "คณะ", "กรม", "กระทรวง", "วิทยาลัย", "สภา", "กลุ่ม", "ภาคี", "หน่วย", "โรงเรียน",
               "อบต", "อบจ", "สสจ", "สสอ", "รพ", "อสม", "ผู้", "ประชาชน", "ชาว", "แกนนำ", "เจ้าหน้าที่", "บุคลากร",
               "นักเรียน", "นักศึกษา", "ครู", "ทีม", "พี่น้อง", "ภาค", "ท้องถิ่น", "ส่วนราชการ", "ราชวิทยาลัย")


# a local body's council: the body named with its place and สภา glued before it (to a member's or the
# chair's title, or a meeting room: 'สมาชิกสภาองค์การบริหารส่วนจังหวัดสงขลา', 'ห้องประชุมสภาเทศบาลนคร…')
COUNCIL = "สภา"
COUNCIL_OF = ("องค์การบริหารส่วนจังหวัด", "องค์การบริหารส่วนตำบล", "เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล", "อบต.", "อบจ.")
SEAT = re.compile(r"[ \t]?เขต[ \t]?\d{1,2}$")


def council(text: str, body: Mention, mention: type[Mention]) -> list[Mention]:
    """The council of a local body named with its place, when สภา is written right before the body:
    a body of its own beside it (a mention at the body's end, as the names a list of places shares)."""
    kind = next((k for k in COUNCIL_OF if body.text.startswith(k)), None)
    if kind is None or len(body.text) < len(kind) + 2 or not is_thai(body.text[len(kind)]):
        return []
    name = COUNCIL + SEAT.sub("", body.text)  # not a member's seat: 'สมาชิกสภาเทศบาลเมืองปากพนัง เขต 3'
    return [mention(body.end, body.end, name)] if text.endswith(COUNCIL, 0, body.start) else []


# a world body, named for what it does in the world ('องค์การอนามัยโลก', 'สมาพันธ์เบาหวานโลก'): องค์การ and
# สมาพันธ์ are no head words of the rules ('องค์การมหาชน', 'องค์การเครือข่าย…' name no one body)
WORLD_BODY = re.compile(r"(?:องค์การ|สมาพันธ์)[\u0e01-\u0e4e]{2,20}?โลก")


def worldwide(text: str, mention: type[Mention]) -> list[Mention]:
    return [mention(m.start(), m.end(), m.group()) for m in WORLD_BODY.finditer(text)]


def named_apart(text: str, known: frozenset[str]) -> list[Mention]:
    """Names no organisation word opens: world bodies, and the units and temples named inside a
    person's title (headed_units.py)."""
    from .headed_units import units_in_titles  # (it reads names with name_ends, which imports this module)
    from .organizations import Mention

    return worldwide(text, Mention) + units_in_titles(text, Mention, known)


CLAUSE_TAGS = {"VERB", "ADV", "AUX"}
COMMON_WORD_PROVINCES = {"เลย", "แพร่", "ตาก", "กระบี่"}  # also plain words: provinces only after จ./จังหวัด


@cache
def provinces() -> tuple[str, ...]:
    return tuple(load_provinces())


def clause_after_province(taken: list[str], token: str, openers: tuple[str, ...] = (), any_place: bool = False) -> bool:
    """A name that has reached its province ends there when the word glued after it opens the
    sentence: it starts with a word that ends names ('เทศบาลนครตรัง|จัดกิจกรรม…', '…จังหวัดชลบุรี|ต่อไป')
    or the tagger reads it as a verb or an adverb ('โรงพยาบาลชลบุรี|ดำเนินการ'). A proper name that
    goes on after its province is a noun ('โรงพยาบาลเชียงราย|ประชานุเคราะห์')."""
    name = "".join(taken)
    province = name if any_place else next((p for p in provinces() if name.endswith(p)), None)
    if not taken or not is_thai(token[:1]) or province is None \
            or (province in COMMON_WORD_PROVINCES and not name.endswith(("จังหวัด" + province, "จ." + province))):
        return False  # 'แพร่', 'เลย' are words too: a province only after จังหวัด
    if token.startswith(openers or CLAUSE_OPENERS):
        return True
    return pos_tag([taken[-1], token], engine="perceptron", corpus="orchid_ud")[1][1] in CLAUSE_TAGS


def bridged(tokens: list[str], i: int, name: str, rest: str, head_only: bool = False) -> int:
    """Where a name runs to across tokens[i], a word that usually ends one, when the unbroken
    run of Thai from there shows it goes on: the run ends the way names end ('…แห่งชาติ',
    '…ตำบลเปือย') and holds no clause ('คณะกรรมการกองทุน…ตามรัฐธรรมนูญสุขภาพตำบลเปือย'), or the
    post gives the whole name an abbreviation of its own ('สถาบัน…เพื่อชุมชนเป็นสุข (สรส.)').
    i when it does not."""
    end = i
    while end < len(tokens) and is_thai(tokens[end][:1]) and end - i < LONGEST_BRIDGE:
        end += 1
    run = tokens[i:end]
    if not run or (end < len(tokens) and is_thai(tokens[end][:1])):
        return i  # longer than a name
    # 'during the festival …' is when, not the name's: '…ทางถนน|ช่วงเทศกาลสงกรานต์' (h16-04, h12-27)
    run = run[:next((n for n in range(1, len(run)) if run[n:n + 2] == SEASON), len(run))]
    after = rest[sum(map(len, run)):]
    if (abbreviation := ABBREVIATION_AFTER.match(after)) and names_itself(name + "".join(run), abbreviation["abbr"]) \
            and not CLAUSE.intersection(run[1:]) - {"และ", "เป็น"}:
        return end
    ends = next((n for n, t in enumerate(run) if n and (t in CLAUSE or t.startswith(VERB_PREFIXES)
                                                       or clause_after_province([name, *run[:n]], t))), len(run))
    placed_end = ends < len(run) and clause_after_province([name, *run[:ends]], run[ends])
    if run[0] == "และ" and not head_only and (ends == len(run) or placed_end) and len(run) >= 2 \
            and not "".join(run[1:]).startswith(SECOND_BODY) and not placed(name):  # 'ราช|วิทยาลัย…' too
        # 'ศูนย์ฝึกอบรม|และ|พัฒนาสุขภาพภาคประชาชน': one unbroken run, no clause, to its end; up to a
        # phrase of place after it ('สภาเด็กและเยาวชน|ในพื้นที่')
        inside = 1 + run[1:].index("ใน") if "ใน" in run[1:ends] and not NAME_ENDING.search("".join(run)) else ends
        return i + inside if inside >= 2 else i
    if (run[0] in BRIDGES or (run[0] == "จัด" and name.startswith(ORGANISERS))) \
            and NAME_ENDING.search("".join(run[:ends])):
        return i + ends  # up to the clause glued on after it: '…ในจังหวัดพัทลุง|ได้จัด…'
    return i + 1 + for_whom(run) if run[0] == "เพื่อ" else i


def placed(name: str) -> bool:
    """A name that ends in its place's name (one that is no plain word: 'หนองพลับ', not 'สังคม'):
    a name's place comes last, so 'และ' after it joins a second party
    ('กรมพัฒนาที่ดินหนองพลับ|และ|เกษตรอำเภอ')."""
    places, plain = place_names(), dictionary()
    return any(name[-size:] in places and name[-size:] not in plain for size in range(4, min(len(name), 24)))


def for_whom(run: list[str]) -> int:
    """'คณะกรรมการเขต|เพื่อ|ประชาชน|และ…': a name that ends 'for' one or two nouns right before
    a conjunction or the end of the run; how many (0 when the words go on as a sentence)."""
    nouns = list(itertools.takewhile(lambda t: t not in CLAUSE and t != "ใน", run[1:]))  # to a phrase of place
    if not 1 <= len(nouns) <= 2:
        return 0
    tags = [tag for _, tag in pos_tag(nouns, engine="perceptron", corpus="orchid_ud")]
    return len(nouns) if all(tag == "NOUN" for tag in tags) else 0


def names_itself(name: str, abbreviation: str) -> bool:
    """'(สรส.)' after 'สถาบันเสริมสร้างการเรียนรู้เพื่อชุมชนเป็นสุข': an abbreviation whose letters
    the name holds in order, the first among the name's first words."""
    letters = [c for c in abbreviation if "\u0e01" <= c <= "\u0e2e"]
    if not letters or letters[0] not in name[:16]:
        return False
    position = 0
    for letter in letters:
        position = name.find(letter, position) + 1
        if position == 0:
            return False
    return True


MIN_PLACE = 3  # shorter place names (นา, ดง) are also plain words
VILLAGE_AFTER = re.compile(rf"บ้าน[{THAI_LETTER}]{{2,20}}(?![{THAI_LETTER}\d.])")


def kind_place(after: str) -> str:
    """The place a kind's abbreviation is written before over a space, as many type it ('รพ.สต.
    บ้านหัววัง', 'รพ.สต. ทุ่งคอก'): a village, or a district or sub-district the gazetteer knows,
    written whole up to the next word's break; '' otherwise."""
    village = VILLAGE_AFTER.match(after)
    if village and village[0][4:] not in dictionary():
        return village[0]
    place = place_at(after, 0)
    return place if place and len(place) >= MIN_PLACE and not is_thai(after[len(place): len(place) + 1]) else ""
