"""Organisation words and provinces typed with one mistake ('องค์การบริหารส่งวนตำบลหัวทุ่ง',
'องค์กรบริหารส่วนตำบล…', 'จังหวัดสมุทรสคงราม'): a long word (MIN_LENGTH letters or more) written
one edit away (a letter added, dropped or changed, or two neighbours swapped) is still that
word. Short ones are left exact: one edit away from them lie plain words."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

MIN_LENGTH = 11  # 'มหาวิทยาลัย', 'องค์การบริหารส่วน'; not 'สำนักงาน', whose neighbours are words


def one_edit_apart(written: str, word: str) -> bool:
    """written and word differ by exactly one inserted, deleted or changed character, or by two
    neighbouring characters swapped."""
    if written == word or abs(len(written) - len(word)) > 1:
        return False
    if len(written) == len(word):
        differ = [i for i, (a, b) in enumerate(zip(written, word, strict=True)) if a != b]
        return len(differ) == 1 or (len(differ) == 2 and differ[1] == differ[0] + 1
                                    and written[differ[0]] == word[differ[1]] and written[differ[1]] == word[differ[0]])
    shorter, longer = sorted((written, word), key=len)
    cut = next((i for i, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), len(shorter))
    return shorter[cut:] == longer[cut + 1:]


def head_spans(text: str, head: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every place the head is written: exactly, and for a long head also with
    one mistake inside it (its first and last letters right), found from either half written
    right (the mistake is in the other), never overlapping a place written exactly."""
    starts: dict[int, int] = {}
    at = text.find(head)
    while at >= 0:
        starts[at] = at + len(head)
        at = text.find(head, at + 1)
    if len(head) >= MIN_LENGTH:
        half = len(head) // 2
        for anchor, offset in ((head[:half], 0), (head[half:], half)):
            at = text.find(anchor)
            while at >= 0:
                for start in {at - offset - 1, at - offset, at - offset + 1}:
                    for end in (start + len(head) - 1, start + len(head), start + len(head) + 1):
                        written = text[start:end]
                        if start >= 0 and written[:1] == head[0] and written[-1:] == head[-1] \
                                and one_edit_apart(written, head) \
                                and all(end <= s or start >= e for s, e in starts.items()):
                            starts[start] = end
                at = text.find(anchor, at + 1)
    yield from sorted(starts.items())


def misspelt(written: str, words: Iterable[str]) -> str | None:
    """The long word written here with one mistake ('สมุทรสคงราม' → 'สมุทรสงคราม'), if any."""
    if len(written) < MIN_LENGTH - 2:
        return None
    return next((word for word in words if len(word) >= MIN_LENGTH - 2 and one_edit_apart(written, word)), None)
