"""Thai helpers: digits, Buddhist-era dates, dictionary order, hashtags, reference data."""

from __future__ import annotations

import pytest

from generator import thai


def test_buddhist_era_dates() -> None:
    assert thai.format_thai_date("2025-04-10") == "10 เมษายน 2568"
    assert thai.format_thai_date("2020-07-07", short=True) == "7 ก.ค. 2563"
    assert thai.format_thai_month(2021, 8) == "สิงหาคม 2564"


def test_thai_digits() -> None:
    assert thai.thai_to_arabic_digits("๗ กรกฎาคม ๒๕๖๓") == "7 กรกฎาคม 2563"
    assert thai.has_thai_digits("เขต ๑๒") and not thai.has_thai_digits("เขต 12")


def test_dictionary_order_sorts_leading_vowels_by_consonant() -> None:
    words = ["ไก่", "เกิด", "กาล", "เป็ด", "หมู", "วัว", "วันที่"]
    assert thai.thai_sorted(words) == ["กาล", "เกิด", "ไก่", "เป็ด", "วันที่", "วัว", "หมู"]


@pytest.mark.parametrize("tag", ["#กขป.เขต 12", "#กขป.เขต ๑๒", "กขป. เขต 12", "#กขป.เขต12"])
def test_hashtag_forms_are_one_tag(tag: str) -> None:
    assert thai.normalize_hashtag(tag) == "กขป.เขต12"
    assert thai.hashtag_slug(tag) == "กขป-เขต12"


def test_hashtag_slugs_keep_tone_marks() -> None:
    assert thai.hashtag_slug("#ไก่") != thai.hashtag_slug("#ไก")


def test_seventy_seven_provinces_in_thirteen_regions() -> None:
    provinces = thai.load_provinces()
    assert len(provinces) == 77
    assert {p["health_region"] for p in provinces.values()} == set(range(1, 14))
    assert thai.health_region_of("ตรัง") == 12
    assert thai.health_region_of("ชุมพร") == 11
    assert thai.health_region_of("อุบลราชธานี") == 10
    assert thai.province_by_name("กทม.")["name"] == "กรุงเทพมหานคร"


def test_glossary_has_the_committee_abbreviations() -> None:
    glossary = thai.load_glossary()
    assert len(glossary) >= 60
    shorts = {g["short"] for g in glossary}
    assert {"สสจ.", "พมจ.", "อบจ.", "อบต.", "อปท.", "สปสช.", "สสส.", "พชอ.", "กปท.", "รพ.สต.",
            "อสม.", "กขป.", "ศปจ."} <= shorts
    assert thai.expand_abbreviation("พมจ") == "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด"
