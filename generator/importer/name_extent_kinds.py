"""Extent by kind (issue 27, 27av): a unit of a body written before its parent, a space between.

Posts name a body's unit with its parent after a space ('ศูนย์วิจัยโรคเอดส์ สภากาชาดไทย',
'กองทุนหลักประกันสุขภาพ เทศบาลตำบลบางเสาธง', 'สมาคมศิษย์เก่า ม.อ.'), and the read sets' annotators name
the unit with its parent, the parent a body of its own too (or optional). The rules find the two
apart: the unit's name alone is then no body the post names. Read over the read sets' posts through
held-out 21 (site_folds_history.md, 'Extent misses by kind'), the parent left off a unit found was
the kind seen on the most sites.

A rule's name that opens with a unit's head word and is followed, over one or two spaces on its line,
by another rule's name that opens with a parent's kind (a hospital, a university, the Red Cross, a local
body) runs on to the parent's end; the parent's name stays a name of its own. Not a unit's name that is
closed already: by a province or a place after its level word ('กองทุน…จังหวัดนครราชสีมา องค์การบริหาร…'),
a number, or its bracketed abbreviation ('ศูนย์…คนพิการ (ศพพ.) อบจ.…', h9-10): annotated alone."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..thai import load_provinces
from .organizations import Mention
from .places import place_at

# a unit of a body: a centre, clinic, school or faculty of a university, a section, a fund, an
# institute, an alumni association; not a committee or working group (คณะกรรมการ…, คณะทำงาน…)
UNIT_HEADS = ("ศูนย์", "คลินิก", "สำนักวิชา", "ภาควิชา", "กลุ่มงาน", "กองทุน", "สถาบัน", "สมาคมศิษย์เก่า", "คณะ")
NOT_UNITS = ("คณะกรรม", "คณะอนุกรรม", "คณะทำงาน", "คณะรัฐมนตรี", "คณะผู้", "คณะบุคคล")
# a parent: a hospital, a university (or its dotted abbreviation, 'ม.อ.'), the Red Cross, a local body;
# a unit's name holding one of the first three names its parent already
NAMED_PARENTS = ("โรงพยาบาล", "รพ.", "มหาวิทยาลัย")
PARENT_HEADS = (*NAMED_PARENTS, "ม.", "สภากาชาดไทย", "เทศบาล", "สำนักงานเทศบาล",
                "องค์การบริหารส่วน", "อบต.", "อบจ.", "ทต.", "ทม.", "ทน.")
LEVELS = ("จังหวัด", "อำเภอ", "ตำบล", "จ.", "อ.", "ต.", "เขต")  # a place after one of them is a name's place
BETWEEN = re.compile(r"[ \t]{1,2}")


def with_parents(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Each unit's name run on over the space to its parent's name right after it."""
    starts = {m.start: m for m in mentions if m.end > m.start}
    out = []
    for m in mentions:
        gap = BETWEEN.match(text, m.end) if m.end > m.start else None
        parent = starts.get(gap.end()) if gap else None
        if parent is not None and unit(m.text) and parent.text.startswith(PARENT_HEADS) and parent.end > m.end:
            m = Mention(m.start, parent.end, text[m.start:parent.end], m.specific)
        out.append(m)
    return out


def unit(name: str) -> bool:
    """A unit's name not yet closed: no parent in it ('ศูนย์…โรงพยาบาลX'), no place, number or bracket
    at its end ('กองทุน…จังหวัดนครราชสีมา', 'ศูนย์…คนพิการ (ศพพ.)': a body of its own, as annotated)."""
    return name.startswith(UNIT_HEADS) and not name.startswith(NOT_UNITS) and not any(
        head in name for head in NAMED_PARENTS) and not name.endswith(")") and not name[-1:].isdigit() \
        and not any((place := place_at(name, at)) and at + len(place) == len(name)
                    and (place in load_provinces() or name[:at].endswith(LEVELS)) for at in range(1, len(name) - 1))
