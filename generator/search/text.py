"""The text form search matches in, shared by the index, the equivalents and kb-search.js."""

from __future__ import annotations

import re
import unicodedata

KEEP = re.compile(r"[^0-9a-z\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]")
THAI_DIGIT = re.compile("[\u0e50-\u0e59]")
SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")  # นํ้า typed as nikhahit + aa → น้ำ
END = "$"  # closes every field so a two-letter query at a field's end still has a gram


def raw_lower(text: str) -> str:
    """The text as written, with the normalisations that keep every character in place:
    NFC, นํ้า → น้ำ, Thai digits → Arabic, lower case (dots and spaces stay)."""
    text = SARA_AM.sub(lambda m: m.group(1) + "\u0e33", unicodedata.normalize("NFC", text))
    return THAI_DIGIT.sub(arabic_digit, text).lower()  # as thai_to_arabic_digits(), quicker


def normalize(text: str) -> str:
    """The form both index and query are matched in (kb-search.js has the same rules)."""
    return KEEP.sub("", raw_lower(text))


def arabic_digit(match: re.Match[str]) -> str:
    return chr(ord(match[0]) - 0x0E50 + 0x30)


def trigrams(norm: str) -> set[str]:
    padded = norm + END
    return {padded[i:i + 3] for i in range(len(padded) - 2)}
