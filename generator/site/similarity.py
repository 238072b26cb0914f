"""Text similarity for related pages: TF-IDF over the Thai terms of a record's text, with one
shared term for each word that has equivalents (the search's synonym table and glossary)."""

from __future__ import annotations

import functools
import hashlib
import itertools
import math
import operator
from collections import Counter
from collections.abc import Callable
from functools import cache
from typing import TypeVar

from ..cache import Store
from ..graph.index import SiteIndex
from ..search.equivalents import equivalents
from ..text import TOKENISER, terms_of_all, terms_of_texts

T = TypeVar("T")


def document_text(index: SiteIndex, record_id: str) -> str:
    data = index.records[record_id].data
    parts = [data.get(k) for k in ("title", "summary", "statement", "body")]
    return "\n".join(str(p) for p in parts if isinstance(p, str))


@cache
def form_terms() -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """The terms of every form of a word with equivalents, by its first term: (terms, group).
    Not the names of provinces: a record's own province is a feature of its own already."""
    written = equivalents().written(places=False)
    found: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for words, (_, group) in zip(terms_of_texts([raw for raw, _ in written]), written, strict=True):
        if words:
            found.setdefault(words[0], []).append((tuple(words), group))
    return found


def equivalents_in(words: list[str]) -> list[str]:
    """One more term for each word with equivalents the terms hold (พชอ. and คณะกรรมการ
    พัฒนาคุณภาพชีวิตระดับอำเภอ, COVID and โควิด then share a term)."""
    table = form_terms()
    groups = {group for at, word in enumerate(words) if word in table
              for form, group in table[word] if tuple(words[at:at + len(form)]) == form}
    return [equivalent_term(g) for g in sorted(groups)]


def with_equivalents_all(texts: dict[str, str]) -> list[list[str]]:
    """Every text's terms, and the equivalents_in() them. Those are kept by the text, the
    tokeniser and the table (finding them is a pass over every word of the site), so a build
    after an edit looks again only in the texts it has not seen."""
    store = Store("equivalents")
    table = TOKENISER + hashlib.blake2b(repr(form_terms()).encode(), digest_size=16).hexdigest()
    documents = terms_of_all(texts)
    found = [words + store.get_or_make(table + texts[key], functools.partial(equivalents_in, words))
             for key, words in documents.items()]
    store.save()
    return found


def equivalent_term(group: int) -> str:
    """A word no text has, that the term cutter keeps whole: eqv + the group in letters."""
    letters = ""
    while True:
        group, digit = divmod(group, 26)
        letters = chr(ord("a") + digit) + letters
        if not group:
            return "eqv" + letters


EXACT = 16  # counts up to this are weighed as they are: a change of one reaches its few holders
BANDS = 2  # bands to an octave above that (on the judged pairs, 4 and 8 did no better)


def banded(count: int) -> float:
    """A count as it is up to EXACT, then rounded down to its band, half an octave wide (16,
    22.6, 32, 45.3, 64 ...). Weights made of banded counts stay put while an edit moves a count
    within its band, so an edit changes the weights of only the few terms and features whose
    band it crosses (and of none while the number of pages stays in its band): the related
    lists of pages that read none of them need not be ranked again."""
    return count if count <= EXACT else 2 ** (math.floor(BANDS * math.log2(count)) / BANDS)


class Weigher:
    """TF-IDF weights over a set of documents, normalised to unit length. Each weight is
    (1 + log count) · log(1 + documents / documents with the term), both counts banded, one
    table look-up each."""

    def __init__(self, documents: list[list[str]]) -> None:
        df = Counter(itertools.chain.from_iterable(map(set, documents)))
        self.idf: dict[str, float] = self.of(df, len(documents)).idf

    @classmethod
    def of(cls, df: dict[str, int], documents: int) -> Weigher:
        """From the number of documents holding each term, and of documents."""
        weigher = cls.__new__(cls)
        n = banded(documents or 1)
        weigher.idf = {t: idf(n, d) for t, d in df.items()}
        return weigher

    def __call__(self, words: list[str]) -> dict[str, float]:
        return self.counted(Counter(words))

    def counted(self, counts: dict[str, int]) -> dict[str, float]:
        return weighed(counts, self.idf.__getitem__)


TF = [0.0]  # count → 1 + log count


def idf(documents: float, holding: int) -> float:
    """The rarity of a term held by `holding` of (banded) `documents`."""
    return math.log(1 + documents / banded(holding))


def weighed(counts: dict[T, int], idf_of: Callable[[T], float]) -> dict[T, float]:
    """Term → its count's TF-IDF weight, normalised, in the counts' order (the related model
    weighs a page again from its kept counts: the same floats as from its words)."""
    most = max(counts.values(), default=0)
    if most >= len(TF):  # (a table: a look-up costs less than a log, or a cached call)
        TF.extend(1 + math.log(c) for c in range(len(TF), most + 1))
    values = list(map(operator.mul, map(TF.__getitem__, counts.values()), map(idf_of, counts)))
    norm = math.sqrt(sum(map(operator.mul, values, values))) or 1.0
    return dict(zip(counts, map(norm.__rtruediv__, values), strict=True))


def cosine(a: dict[int, float], b: dict[int, float]) -> float:
    """Summed over the shorter vector's shared terms in its order: the same float every time."""
    if len(a) > len(b):
        a, b = b, a
    shared = list(filter(b.__contains__, a))
    return sum(map(operator.mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))


def with_equivalents(texts: list[str]) -> list[list[str]]:
    """with_equivalents_all() of a few texts (the related model's changed pages), past the
    stores: a store keeps only what its last call used."""
    return [words + equivalents_in(words) for words in terms_of_texts(texts)]
