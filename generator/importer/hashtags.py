"""Hashtags as posts write them. A tag runs from '#' to whitespace or to the punctuation that
ends a tag; '#กขป.เขต 12' keeps its space and number; a tag is never cut inside a Thai word
and has at most 60 characters. A heading that starts with '#' ('#ลำปาง-อบจ.ลำปางลงพื้นที่ ...',
'#“...”', '# เวลา ...') is not a tag: a tag line holds tags only."""

from __future__ import annotations

import re

from .text import lines_of, words

MAX_TAG = 60  # characters, '#' included
TAG = re.compile(r"(?<![\w&#/])[#＃](?P<body>[^\s#＃,;!?()\[\]{}<>\"“”‘’'«»|…]+)")
REGION_NUMBER = re.compile(r"^\s(?P<number>[\d๐-๙]{1,2})(?![\d๐-๙.])")
NUMBERED_ENDINGS = ("เขต", "เขตที่", "เขตสุขภาพที่", "ครั้งที่")


def tags_in(line: str) -> list[tuple[int, int, str]]:
    """(start, end, tag) of every tag in a line; a trailing sentence dot is not part of it."""
    found = []
    for match in TAG.finditer(line):
        body = match["body"].rstrip(".:")
        end = match.start("body") + len(body)
        number = REGION_NUMBER.match(line[end:])
        if number and body.endswith(NUMBERED_ENDINGS):  # '#กขป.เขต 12'
            body += " " + number["number"]
            end += len(number.group(0))
        if body:
            found.append((match.start(), end, "#" + body))
    return found


def is_heading(line: str, tags: list[tuple[int, int, str]]) -> bool:
    """A line that starts with '#' but holds more than tags ('#ลำปาง-... จัดทำแผน ...2566#')."""
    if not line.startswith(("#", "＃")):
        return False
    rest, position = [], 0
    for start, end, _ in tags:
        rest.append(line[position:start])
        position = end
    rest.append(line[position:])
    return bool("".join(rest).strip(" #＃.,")) or not tags or tags[0][0] != 0


def shorten(tag: str) -> str:
    """A tag longer than MAX_TAG, cut after the last whole Thai word that fits."""
    if len(tag) <= MAX_TAG:
        return tag
    kept = "#"
    for token in words(tag[1:]):
        if len(kept) + len(token) > MAX_TAG:
            break
        kept += token
    return kept.rstrip() if len(kept) > 1 else tag[:MAX_TAG]


def find_hashtags(text: str) -> list[str]:
    found: list[str] = []
    for line in lines_of(text):
        tags = tags_in(line)
        if is_heading(line, tags):
            continue
        for _, _, tag in tags:
            tag = shorten(tag)
            if tag not in found:
                found.append(tag)
    return found
