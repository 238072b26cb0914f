"""Thai text → terms, for related-page similarity.

Words are cut by nlpO3, the Rust port of PyThaiNLP's newmm, with PyThaiNLP's own word list
(offline): several times faster than newmm. nlpO3 glues punctuation to Thai where newmm splits
it, so text is first cut into runs the way newmm's non-Thai rule does; on the seeds' text and
the synthetic corpora the terms come out identical to newmm's.
"""

from __future__ import annotations

import functools
import itertools
import re
from functools import cache

from pythainlp.corpus import thai_stopwords, thai_words
from pythainlp.tokenize.nlpo3 import segment

from .cache import Store
from .parallel import parallel_map

MAX_CHARS = 1500  # the opening carries the topic; cutting is super-linear on long unbroken text
THAI_DIGIT = re.compile("[\u0e50-\u0e59]")
WORD = re.compile(r"[\u0e01-\u0e2e\u0e30-\u0e4ea-z]{2,}")
# Thai (with dots: "สปสช." is a dictionary word), then newmm's non-Thai tokens: Latin words,
# numbers, any other run up to a space
RUN = re.compile(r"[\u0e00-\u0e7f][\u0e00-\u0e7f.]*|[-a-z]+|\d+(?:[,.]\d+)*|[^\u0e00-\u0e7f\s]+")
NAMESPACE = "terms"
TOKENISER = "nlpo3\0"  # starts every cache key: terms cut by another tokeniser are never reused


@cache
def stopwords() -> frozenset[str]:
    return frozenset(thai_stopwords())


@cache
def dictionary() -> frozenset[str]:
    return frozenset(thai_words())


def terms(text: str) -> list[str]:
    """Content words of a text: no stopwords, digits, punctuation or one-letter tokens."""
    return terms_of_texts([text])[0]


def terms_of_texts(texts: list[str]) -> list[list[str]]:
    """terms() of each text. Text is cut into runs (non-Thai runs are one token each, as in
    newmm); each distinct Thai run is cut into words once, however many texts repeat it
    (names, boilerplate), then every text is its runs' words."""
    runs = list(map(runs_of, texts))
    unique = dict.fromkeys(itertools.chain.from_iterable(runs))
    thai = [r for r in unique if is_thai(r)]
    cut = dict(zip(thai, cut_runs(thai), strict=True))
    stop = stopwords()
    words = {r: [t for t in cut.get(r, (r,)) if WORD.fullmatch(t) and t not in stop] for r in unique}
    return [list(itertools.chain.from_iterable(map(words.__getitem__, found))) for found in runs]


def runs_of(text: str) -> list[str]:
    # Thai digits to Arabic as thai_to_arabic_digits() does, quicker on long text
    text = THAI_DIGIT.sub(lambda m: chr(ord(m[0]) - 0x0E50 + 0x30), text[:MAX_CHARS].casefold())
    return RUN.findall(text)


def is_thai(run: str) -> bool:
    return "\u0e00" <= run[0] <= "\u0e7f"


BATCH = 256  # runs per nlpO3 call: each call has a fixed cost
PARALLEL_FROM = 200_000  # characters; below this, starting worker processes costs more than it saves


def cut_runs(runs: list[str]) -> list[list[str]]:
    """The words of each Thai run, on every core when there are many."""
    batches = [runs[i:i + BATCH] for i in range(0, len(runs), BATCH)]
    serial = sum(map(len, runs)) < PARALLEL_FROM
    if not serial:
        dictionary(), thai_words_of(["ไทย"])  # load the dictionaries once, before any worker forks
    cut = parallel_map(thai_words_of, batches, serial=serial)
    return list(itertools.chain.from_iterable(cut))


def thai_words_of(runs: list[str]) -> list[list[str]]:
    """The words of each run, cut in one call (a space always ends a word), or run by run
    should nlpO3 ever join words across the space."""
    cut: list[list[str]] = [[]]
    for token in segment(" ".join(runs)) if runs else []:
        if token == " ":
            cut.append([])
        else:  # newmm splits off a dot that ends no dictionary word (the word list read only then)
            cut[-1].append(token.rstrip(".") if token[-1] == "." and token not in dictionary() else token)
    if len(cut) == len(runs) or not runs:
        return cut
    return [thai_words_of([r])[0] for r in runs]


def terms_of_all(texts: dict[str, str]) -> dict[str, list[str]]:
    """terms() of many documents, from the cache when the text was seen before."""
    store = Store(NAMESPACE)
    known = {k: store.get(TOKENISER + t) for k, t in texts.items()}
    missing = [k for k, v in known.items() if v is None]
    fresh = dict(zip(missing, terms_of_texts([texts[k] for k in missing]), strict=True))
    result: dict[str, list[str]] = {}
    for k, text in texts.items():
        result[k] = store.get_or_make(TOKENISER + text, functools.partial(fresh.__getitem__, k))
    store.save()
    return result
