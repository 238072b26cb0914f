"""Which groups, teams and networks are one body: a กลุ่ม…, ภาคีเครือข่าย… or ทีม… only when named
(a division of an office, a name in quotes, its place or level), people of a kind only with their
place glued on; a kind of body named for its place (a school for elders) is one body; a ประชาคม…
named for its cause or place, not a hearing held."""

from __future__ import annotations

import re

from ..text import dictionary
from .name_ends import placed, province_names
from .places import place_at
from .text import THAI_LETTER

PLACE_IN_NAME = re.compile(rf"(?:ตำบล|อำเภอ|จังหวัด|บ้าน|[ตอจ]\.|หมู่(?:ที่)?[ \t]?\d)[{THAI_LETTER}\d]")
MIN_NAMED_PLACE = 4  # shorter place names are also parts of words
NAMED_ONLY = ("กลุ่ม", "ภาคีเครือข่าย", "ทีม")  # one body only when named: a division, in quotes, with its place
# or level ('ทีมพี่เลี้ยงระดับจังหวัด', 'ทีมสุขภาพชุมชนจังหวัดหนองบัวลำภู'; 'ทีมสาธารณสุข' is any such team)
LEVEL_ENDING = re.compile(r"ระดับ(?:ชาติ|ภาค|เขต|จังหวัด|อำเภอ|ตำบล)$")
# a division of a department ('กลุ่มงานควบคุมโรค', 'กลุ่มพัฒนาการส่งเสริมสุขภาพวัยสูงอายุ')
DIVISION = ("งาน", "พัฒนา", "ส่งเสริม", "บริหาร", "ยุทธศาสตร์", "อำนวยการ", "ควบคุม", "คุ้มครอง", "นิติการ", "ตรวจสอบ",
            "แผนงาน", "ระบาดวิทยา")
PEOPLE_GROUP = ("ใน", "ผู้", "เป้าหมาย", "เสี่ยง", "เปราะบาง", "ประชาชน", "คน", "เด็ก", "บุคคล", "ต่าง")


def named_group(name: str, head: str) -> bool:
    """A กลุ่ม… or ภาคีเครือข่าย… that is one body: a division, a name in quotes, or a name that
    ends with its place ('กลุ่มอนาคตเชียงราย'); not people of a kind ('กลุ่มผู้แทน…ในจังหวัด…')."""
    rest = name[len(head):].lstrip(" ")
    if rest[:1] in ("\"", "“"):
        return True
    if head == "กลุ่ม" and rest.startswith(DIVISION):
        return True
    if rest.startswith(PEOPLE_GROUP):
        return people_of_a_place(rest)
    return bool(PLACE_IN_NAME.search(name)) or placed(name) or bool(LEVEL_ENDING.search(name))


PLACE_GLUED = re.compile(rf"^ผู้[{THAI_LETTER}]+?(?:ตำบล|เทศบาล(?:ตำบล|เมือง|นคร)?|อำเภอ|บ้าน)[{THAI_LETTER}]{{2,}}$")


def people_of_a_place(rest: str) -> bool:
    """People of a kind are one body when their place is glued right on ('กลุ่มผู้สูงอายุตำบลเขาแดง',
    'กลุ่มผู้สูงอายุเทศบาลตำบลทอนหงส์': the elders' group of that place); written with ใน ('กลุ่มผู้แทน…
    ในจังหวัด…') they are the people of a kind who live there."""
    glued = rest.split()[0]  # its district may follow over a space ('… อ.สะบ้าย้อย')
    return "ใน" not in glued and bool(PLACE_GLUED.match(glued))


def ends_with_place(name: str) -> bool:
    """The name ends with a place's name from the gazetteer that is no plain word
    ('โรงเรียนผู้สูงอายุทุ่งตะไคร'): a kind of body named for its place is one body."""
    return any(len(place) >= MIN_NAMED_PLACE and place not in dictionary() and place_at(name, at) == place
               for at in range(1, len(name) - MIN_NAMED_PLACE + 1) if (place := name[at:]))


# a community forum held, not a standing body: after a verb of holding it ('จัดทำประชาคม…',
# 'ประชุมประชาคม…', 'เวทีประชาคม…') or of a level or a village in general ('ประชาคมระดับตำบล', 'ประชาคมหมู่บ้าน')
HEARING_BEFORE = ("ทำ", "ประชุม", "เวที", "จัด", "ผ่าน", "ร่วม")
HEARING_AFTER = ("ระดับ", "หมู่บ้าน")


def named_community(text: str, start: int, end: int) -> bool:
    """A ประชาคม… that is one body: named for its cause or its place ('ประชาคมงดเหล้าจังหวัดชัยภูมิ',
    'ประชาคมงดเหล้า จ.ลำปาง'), not a hearing held or a level's forum in general."""
    rest = text[start + len("ประชาคม"): end]
    held = text[:start].rstrip(" ").endswith(HEARING_BEFORE)
    return len(rest) >= 2 and not held and not rest.startswith(HEARING_AFTER)


# the people a club, a network or a council is of, when nothing more names it: 'สมาคมคนพิการ',
# 'เครือข่ายผู้สูงอายุ', 'สภาเด็ก' are a kind of body (there is one in every province), not one body
PEOPLE_CLUBS = re.compile(r"^(?:สมาคม|เครือข่าย|ชมรม|สภา|กลุ่ม)(?:คนพิการ|ผู้พิการ|ผู้สูงอายุ|ผู้สูงวัย|เด็ก|เยาวชน|สตรี)$")


def kind_of_people(name: str) -> bool:
    """A club, network or council of a kind of people and nothing else: a kind of body."""
    return bool(PEOPLE_CLUBS.match(name))


def named_school(name: str) -> bool:
    """One school: named for its temple or village ('โรงเรียนวัดบางหลวง', 'โรงเรียนบ้านหนองบัว') or
    with its place; 'โรงเรียนผู้สูงอายุ' (schools for elders) is a kind."""
    rest = name[len("โรงเรียน"):]
    return rest.startswith(("วัด", "บ้าน")) or bool(PLACE_IN_NAME.search(name)) or placed(name) or ends_with_place(name)


def quoted_assembly(text: str, start: int, end: int) -> bool:
    """'“สมัชชาพังงาแห่งความสุข”': a province's assembly named as a body, in quotes; a สมัชชา…
    written plainly is the assembly held, an event (a สมัชชาสุขภาพ… is the body of its place)."""
    return text[start - 1: start] in ("\"", "“") and text[end: end + 1] in ("\"", "”") \
        and text.startswith(province_names(), start + len("สมัชชา"))


# กรม before a royal title is a prince's or princess's rank ('กรมสมเด็จพระเทพรัตนราชสุดาฯ', 'กรมหลวง…'), no department
ROYAL_RANK = re.compile(r"^กรม(?:สมเด็จ|พระ|หลวง|หมื่น|ขุน)")


def royal_rank(name: str) -> bool:
    return bool(ROYAL_RANK.match(name))


# a council's or society's president, a title ('สภานายิกาสภากาชาดไทย': the Queen as the Red Cross's president)
PRESIDING = ("สภานายิกา", "สภานายก")
# 'โรงพยาบาลส่งเสริมสุขภาพตำบลทุกแห่งในอำเภอ…': every one of a kind in a place, no one body
EVERY = re.compile(r"ทุก(?:แห่ง|หมู่บ้าน|ชุมชน|ตำบล|อำเภอ|จังหวัด|หน่วย)")


def every_one(name: str) -> bool:
    return bool(EVERY.search(name))
