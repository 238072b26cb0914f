"""Thai text → terms, for related-page similarity (PyThaiNLP newmm, per paragraph)."""

from __future__ import annotations

import functools
import multiprocessing
import os
import re
from functools import cache

from pythainlp.corpus import thai_stopwords
from pythainlp.tokenize import word_tokenize

from .cache import Store, key_of
from .thai import thai_to_arabic_digits

MAX_CHARS = 1500  # newmm is super-linear on long unbroken text; the opening carries the topic
WORD = re.compile(r"[\u0e01-\u0e2e\u0e30-\u0e4ea-z]{2,}")


@cache
def stopwords() -> frozenset[str]:
    return frozenset(thai_stopwords())


def terms(text: str) -> list[str]:
    """Content words of a text: no stopwords, digits, punctuation or one-letter tokens."""
    text = thai_to_arabic_digits(text[:MAX_CHARS]).casefold()
    found: list[str] = []
    stop = stopwords()
    for paragraph in text.split("\n"):
        for token in word_tokenize(paragraph, engine="newmm", keep_whitespace=False):
            if WORD.fullmatch(token) and token not in stop:
                found.append(token)
    return found


PARALLEL_FROM = 300  # below this, starting worker processes costs more than it saves


def terms_of_all(texts: dict[str, str]) -> dict[str, list[str]]:
    """terms() of many documents: from the cache when the text was seen before, the rest on
    every core when there are enough of them."""
    store = Store("terms")
    known = {k: store.items.get(key_of("terms", t)) for k, t in texts.items()}
    missing = {k: texts[k] for k, v in known.items() if v is None}
    fresh = _terms_of(missing)
    result: dict[str, list[str]] = {}
    for k, text in texts.items():
        result[k] = store.get_or_make(text, functools.partial(fresh.__getitem__, k))
    store.save()
    return result


def _terms_of(texts: dict[str, str]) -> dict[str, list[str]]:
    keys = list(texts)
    workers = min(os.cpu_count() or 1, 8)
    if len(keys) < PARALLEL_FROM or workers < 2:
        return {k: terms(texts[k]) for k in keys}
    terms("ไทย")  # load the dictionary once, before the workers fork, so each has it
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        results = pool.map(terms, [texts[k] for k in keys], chunksize=64)
    return dict(zip(keys, results, strict=True))
