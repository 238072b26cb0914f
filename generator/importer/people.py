"""People named in a post: an honorific (or a chain of them: ผศ.ดร., ดร.นพ., พระมหา, พลเอก,
พ.ต.ท., คุณ), a given name and a family name, with or without a space after the honorific; the
role written after the name (ผู้อำนวยการ…, นายก อบต.…) becomes the person's role. A room or
building named after someone (ห้องประชุมพลเอกเปรม …) is no person at the meeting. A job title
alone (นายกอบจ., นายแพทย์สาธารณสุขจังหวัด, นายอำเภอ) is not a person. PyThaiNLP's lists of
Thai given names tell นาย+กิตติศักดิ์ from นายก+จีรทิปต์. Credits (ภาพ/ข่าว ..., ข่าวโดย ...,
รายงานโดย ...) name people without honorifics."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..text import dictionary
from ..thai import load_provinces
from .text import THAI_LETTER, boundaries, family_names, given_names, is_thai, thai_run_around

_RANKS = ("พลเอก", "พลโท", "พลตรี", "พลเรือเอก", "พลเรือโท", "พลเรือตรี", "พลอากาศเอก", "พลอากาศโท",
          "พลอากาศตรี", "พลตำรวจเอก", "พลตำรวจโท", "พลตำรวจตรี", "พันเอก", "พันโท", "พันตรี", "พันตำรวจเอก",
          "พันตำรวจโท", "พันตำรวจตรี", "ร้อยเอก", "ร้อยโท", "ร้อยตรี", "ร้อยตำรวจเอก", "ร้อยตำรวจโท",
          "ร้อยตำรวจตรี", "ว่าที่ร้อยตรี", "ว่าที่ ร.ต.", "จ่าสิบเอก", "พล.อ.", "พล.ท.", "พล.ต.", "พล.ร.อ.",
          "พล.อ.อ.", "พล.ต.อ.", "พล.ต.ท.", "พล.ต.ต.", "พ.อ.", "พ.ท.", "พ.ต.", "พ.ต.อ.", "พ.ต.ท.", "พ.ต.ต.",
          "ร.อ.", "ร.ท.", "ร.ต.", "ร.ต.อ.", "ร.ต.ท.", "ร.ต.ต.", "ด.ต.", "จ.ส.อ.", "ส.อ.", "สิบเอก", "สิบโท",
          "สิบตรี", "จ่าสิบโท", "จ่าสิบตรี", "ดาบตำรวจ", "จ่าเอก", "พันจ่าเอก", "จ.ส.ท.", "จ.ส.ต.", "ส.ท.", "ส.ต.",
          "พล.เอก", "พล.โท", "พล.ตรี", "พล.ต.อ.", "พล.ต.ท.", "พล.ต.ต.")  # 'พล.เอกเปรม': a rank half abbreviated
_TITLES = ("ผู้ช่วยศาสตราจารย์", "รองศาสตราจารย์", "ศาสตราจารย์", "นายแพทย์", "แพทย์หญิง", "ทันตแพทย์หญิง",
           "ทันตแพทย์", "เภสัชกรหญิง", "เภสัชกร", "พระมหา", "พระครู", "พระอธิการ", "พระ", "หม่อมราชวงศ์",
           "หม่อมหลวง", "ม.ร.ว.", "ม.ล.", "คุณหญิง", "ท่านผู้หญิง", "ดร.", "นพ.", "น.พ.", "พญ.", "พ.ญ.", "ทพ.",
           "ทพญ.", "ภก.", "ภญ.", "ผศ.", "รศ.", "ศ.", "อาจารย์", "นางสาว", "น.ส.", "นาง", "นาย", "คุณ", "ครู")
HONORIFICS = sorted(_RANKS + _TITLES, key=len, reverse=True)
ONE = "|".join(re.escape(h) for h in HONORIFICS)
HONORIFIC = rf"(?:(?:{ONE})\s?(?:\(พิเศษ\)\s?)?)+"
NAME = rf"[{THAI_LETTER}]+"
# not after an abbreviation's dot ('ว่าที่ ร.ต.'), but after a list's number ('๒.นายวินัย คงนะภา') or a
# clock time's น. ('เวลา 09.00 น.นายสำราญ จินดาพล')
PERSON = re.compile(rf"(?:(?<![^\d๐-๙]\.)|(?<=\d\dน\.)|(?<=\d\d น\.))"
                    rf"(?P<title>{HONORIFIC})\s*(?P<first>{NAME})\s+(?P<last>{NAME})")
WEAK = ("คุณ", "พระ", "อาจารย์", "ครู")  # also begin words: คุณภาพ, พระราชดำริ, อาจารย์ที่ปรึกษา, ครูผู้สอน
# what follows นาย/นาง/นายแพทย์/พระ in a job title, not a given name
JOB_STARTS = ("อำเภอ", "แพทย์สาธารณสุข", "แพทย์ใหญ่", "ทะเบียน", "ช่าง", "ด่าน", "สถานี", "หน้า", "จ้าง", "ร้อย",
              "พัน", "พล", "สิบ", "ท่า", "ประกัน", "ทหาร", "ตำรวจ", "ทุน", "สาธารณสุข", "ราชวงศ์", "สงฆ์", "ภิกษุ", "คณะ",
              "สำนัก", "กรม", "กระทรวง", "โรงพยาบาล", "มหาวิทยาลัย", "ศูนย์", "สถาบัน", "สมาคม", "มูลนิธิ", "ชมรม",
              "เครือข่าย", "กองทุน", "ชำนาญการ", "ปฏิบัติการ", "เชี่ยวชาญ", "วิชาชีพ")  # civil-service levels
MAYOR_STARTS = ("กเทศมนตรี", "กองค์การ", "กรัฐมนตรี", "กสมาคม", "กสภา", "กอบ", "กเทศ", "กเมือง")  # นายก…
NOT_FAMILY = {"ผู้อำนวยการ", "รองผู้อำนวยการ", "ประธาน", "รองประธาน", "นายก", "รองนายก", "นายอำเภอ", "ปลัด",
              "เป็นประธาน", "กล่าว", "ผู้ว่าราชการจังหวัด", "สาธารณสุขอำเภอ", "ผู้แทน", "ตัวแทน"}
CREDIT = re.compile(rf"(?<![{THAI_LETTER}])"  # 'สุขภาพโดยรวม' holds no credit
                    rf"(?:ภาพ\s*[/-]\s*ข่าว|ข่าว\s*[/-]\s*ภาพ|ข่าวโดย|ภาพโดย|เรื่อง\s*/\s*ภาพ|รายงาน(?:จากพื้นที่)?\s*โดย)"
                    rf"[ \t]*:?[ \t]*(?P<names>[{THAI_LETTER} \t,\-–]+)")
CREDIT_NAME = re.compile(rf"(?P<first>{NAME})\s+(?P<last>{NAME})")
ROLE_HEADS = ("ผู้อำนวยการ", "รองผู้อำนวยการ", "ผู้ว่าราชการ", "รองผู้ว่าราชการ", "รองผู้ว่าฯ", "นายอำเภอ",
              "นายกเทศมนตรี", "รองนายกเทศมนตรี", "นายกองค์การ", "รองนายกองค์การ", "นายก", "รองนายก", "ปลัด",
              "รองปลัด", "ประธาน", "รองประธาน", "เลขาธิการ", "รองเลขาธิการ", "ผู้จัดการ", "รองผู้จัดการ",
              "สาธารณสุขอำเภอ", "นายแพทย์สาธารณสุข", "รองนายแพทย์สาธารณสุข", "นพ.สสจ.", "ผอ.", "หัวหน้า",
              "ผู้ใหญ่บ้าน", "กำนัน", "อาจารย์", "นักวิชาการ", "ผู้ตรวจราชการ", "ผู้ประสานงาน", "คณบดี",
              "อธิการบดี", "เจ้าคณะ", "รองปลัด", "สมาชิกสภา", "ส.อบจ.", "ส.อบต.", "ผู้แทน", "ตัวแทน", "ผู้ช่วย",
              "ผู้สื่อข่าว", "กรรมการ", "เลขานุการ", "พยาบาล", "ที่ปรึกษา", "ผู้เชี่ยวชาญ", "ประธานกรรมการ",
              "รมว.", "รัฐมนตรี", "นายกรัฐมนตรี", "รองนายกรัฐมนตรี", "อธิบดี", "รองอธิบดี")
ROLE_END = re.compile(r"\s(?:เป็น|กล่าว|ได้|และ|พร้อม|ร่วม|โดย|ให้|ซึ่ง|เข้าร่วม|นำ|มอบ|ต้อนรับ|บรรยาย|เพื่อ|ที่|"
                      rf"พบปะ|ชี้แจง|ลงพื้นที่|เปิด|{ONE})|และคณะ|[,;()“”\"\n]|\s{{2,}}")
MAX_ROLE = 90


@dataclass(frozen=True)
class Person:
    name: str  # honorific + given + family, as the post writes them with one space before the family name
    bare: str  # given and family name
    role: str | None = None


@cache
def name_starts() -> frozenset[str]:
    """The first two letters of every Thai given name PyThaiNLP knows ('กิ', 'กฤ', not 'กจ')."""
    return frozenset(name[:2] for name in given_names())


def split_job_title(title: str, first: str) -> tuple[str, str] | None:
    """(honorific, given name), or None when the 'name' is a job title: นายอำเภอ, นายกอบจ.
    นาย+กฤษดา is a name; นายก+จีรทิปต์ (a mayor) when no Thai given name starts like 'กจ'."""
    if first in given_names():
        return title, first
    if first.startswith(JOB_STARTS) or (title.endswith("นาย") and first.startswith(MAYOR_STARTS)):
        return None
    if title.endswith("นาย") and first.startswith("ก") and len(first) > 3 \
            and (first[1:] in given_names() or first[:2] not in name_starts()):
        return title + "ก", first[1:]
    return title, first


def whole_honorific(text: str, match: re.Match[str]) -> bool:
    """An honorific glued to a word before it must start a word there ('และนาย...' does, the
    'คุณ' of 'คุณภาพ' does not); คุณ, พระ, อาจารย์ must also end one."""
    start, title = match.start(), match["title"].rstrip()
    weak = title in WEAK
    if not weak and (start == 0 or not is_thai(text[start - 1])):
        return True
    run_start, run_end = thai_run_around(text, start, start + len(title))
    cuts = boundaries(text[run_start:run_end])
    return start - run_start in cuts and (not weak or start + len(title) - run_start in cuts)


def role_after(text: str, end: int) -> str | None:
    """'ผู้อำนวยการสำนักงานสาธารณสุขจังหวัดขอนแก่น' written right after a name."""
    rest = text[end: end + 200].lstrip(" ")
    if not rest.startswith(ROLE_HEADS):
        return None
    cut = ROLE_END.search(rest)
    role = rest[: cut.start() if cut else MAX_ROLE].strip()
    if len(role) > MAX_ROLE:
        role = role[:MAX_ROLE].rsplit(" ", 1)[0]
    return role or None


def unglued_family(last: str) -> str:
    """'วรินทร์รักษ์ประธานคณะกรรมาธิการ' → 'วรินทร์รักษ์': a role glued on after the family name."""
    for head in ROLE_HEADS:
        cut = last.find(head, 3)
        if cut > 0:
            return last[:cut]
    return last


def plausible_family(last: str) -> bool:
    return last not in NOT_FAMILY and not last.startswith(NOT_FAMILY_STARTS) and len(last) <= 25


# a verb, or ผู้ ('one who'): 'นายแพทย์ณรงค์ ผู้ตรวจราชการ…' names the post, no family name starts so
NOT_FAMILY_STARTS = ("เป็น", "กล่าว", "ได้", "ร่วม", "เปิดเผย", "เผย", "ระบุ", "แถลง", "ชี้แจง", "บอก", "ให้สัมภาษณ์",
                     "ผู้")
# a room, hall, building or road named after a person: 'ห้องประชุมพลเอกเปรม ติณสูลานนท์'
NAMED_AFTER = re.compile(r"(?:ห้องประชุม|ห้อง|หอประชุม|อาคาร|ศาลา|สนาม(?:กีฬา)?|ถนน|ถ\.|โรงเรียน|ค่าย)\s?$")


def find_people(text: str) -> list[Person]:
    """Every person in the order first named; a later mention adds a role the first lacked."""
    found: dict[str, Person] = {}
    position = 0
    while match := PERSON.search(text, position):
        position = match.start() + len(match["title"])  # a rejected match may hide a real one
        if not whole_honorific(text, match) or NAMED_AFTER.search(text[max(0, match.start() - 12): match.start()]):
            continue
        split = split_job_title(re.sub(r"\s+", "", match["title"]), match["first"])
        if split is None or not plausible_family(unglued_family(match["last"])) or not 2 <= len(split[1]) <= 20 \
                or text[match.end(): match.end() + 1] == ".":
            continue  # a job title, or 'นายก อบจ.': a family name is no abbreviation
        title, first = split
        title += " " if re.search(r"\s$", match["title"]) and len(title) > 4 else ""  # 'พลเอก ประวิตร'
        if first in dictionary() and first not in given_names() \
                and (match["title"].strip() in WEAK or len(first) <= 3):
            continue  # 'นางรอง', 'พระเถรานุเถระ': a word, not a name
        last, end = unglued_family(match["last"]), match.end()
        end -= len(match["last"]) - len(last)
        position = end
        add(found, Person(f"{title}{first} {last}", f"{first} {last}", role_after(text, end)))
    for person in people_without_honorific(text):
        if not any(known.bare.endswith(person.bare) for known in found.values()):
            add(found, person)  # 'ศิริ บัณฑิตภิรมย์' is the tail of 'พญ.สืบศิริ บัณฑิตภิรมย์', no one else
    for match in CREDIT.finditer(text):
        for name in re.split(r"[,\-–]|\sและ", match["names"]):
            if credit := CREDIT_NAME.fullmatch(without_province(name.strip())):
                add(found, Person(credit.group(0), credit.group(0)))
    return list(found.values())


def without_province(credit: str) -> str:
    """'จันทร์เพ็ญ พิมมะศร สระบุรี': a byline's reporter, then the province reported from."""
    head, _, place = credit.rpartition(" ")
    return head.strip() if head and place in load_provinces() else credit


ROLE_NEXT = "|".join(re.escape(h) for h in sorted(ROLE_HEADS, key=len, reverse=True))
# a name without an honorific: given and family name, then a role ('สารี อ๋องสมหวัง เลขาธิการ…') or
# nothing more on the line (a signature: 'โดย ศิริชัย พรหมทอง')
BARE_NAME = re.compile(rf"(?P<first>{NAME})[ \t]+(?P<last>{NAME})(?=[ \t]+(?:{ROLE_NEXT})|[ \t]*$)", re.M)


def people_without_honorific(text: str) -> list[Person]:
    """Names written without an honorific, kept only when PyThaiNLP knows the given name and the
    family name is one it knows or no Thai word; the role written after the name comes along."""
    people, ends = [], []
    for match in BARE_NAME.finditer(text):
        first = given_name_at_end(match["first"])
        last = match["last"]
        if first and (last in family_names() or (last not in dictionary() and len(last) >= 3)) \
                and plausible_family(last):
            people.append(Person(f"{first} {last}", f"{first} {last}"))
            ends.append((match.end() - len(first) - len(last) - 1, match.end()))
    # a role runs to the next name at most: 'สารี อ๋องสมหวัง เลขาธิการ… สุภาพร ถิ่นวัฒนากูล เลขาธิการ…'
    limits = [start for start, _ in ends[1:]] + [len(text)] * bool(ends)
    return [Person(p.name, p.bare, role_after(text[:limit], end))
            for p, (_, end), limit in zip(people, ends, limits, strict=True)]


def given_name_at_end(run: str) -> str | None:
    """'ประกอบด้วยบุญยืน' → 'บุญยืน': the given name a run of Thai ends with, after a word."""
    for cut in range(len(run) - 2):
        name, before = run[cut:], run[:cut]
        if name in given_names() and (not before or before in dictionary()) and name not in dictionary():
            return name
    return None


def add(found: dict[str, Person], person: Person) -> None:
    key = person.bare.replace(" ", "")
    if key not in found:
        found[key] = person
    elif person.role and not found[key].role:
        found[key] = Person(found[key].name, found[key].bare, person.role)


def family_at(text: str, start: int) -> bool:
    """A family name begins at start, after its person's given name ('ธรณินทร์ กองสุข', h14-05): no
    body ('กองสุข', a division's head word) however it begins."""
    names = (person.bare.split(" ") for person in people_of(text))
    return any(text.startswith(parts[-1], start) and text[:start].rstrip().endswith(parts[0]) for parts in names)


@lru_cache(maxsize=64)
def people_of(text: str) -> tuple[Person, ...]:
    """find_people(), once a text: the organisation rules ask at every head word, extract once."""
    return tuple(find_people(text))
