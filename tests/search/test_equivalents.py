"""Words that mean the same, as one search term: the groups (synonym table, glossary,
provinces), where a form counts in a text, and the tokens the index gives a page."""

from __future__ import annotations

import json

import pytest

from generator.graph.index import build_index
from generator.graph.knowledge import build_graph
from generator.records.load import Record
from generator.search.equivalents import Finder, equivalents, token_of
from generator.search.index import build_search_index, shard_of
from generator.search.text import normalize, trigrams


def group_of(form: str) -> int:
    return equivalents().form_group[normalize(form)]


@pytest.mark.parametrize("forms", [
    ["COVID", "โควิด-19", "โควิด 19", "โควิท-19", "covid-19"],
    ["NHSO", "สปสช.", "สำนักงานหลักประกันสุขภาพแห่งชาติ"],
    ["node flagship", "โหนดแฟลกชิป", "Node Flagship"],
    ["LTC", "การดูแลระยะยาว", "long term care"],
    ["สสจ.", "สำนักงานสาธารณสุขจังหวัด"],  # from the glossary
    ["Songkhla", "สงขลา"],  # from the provinces
])
def test_forms_of_one_meaning_are_one_group(forms: list[str]) -> None:
    assert len({group_of(f) for f in forms}) == 1


def test_different_meanings_stay_apart() -> None:
    assert group_of("COVID") != group_of("สปสช.")
    assert group_of("สปสช.") != group_of("สช.")
    assert normalize("แพร่") not in equivalents().form_group  # Phrae: also the word in เผยแพร่


def found(text: str) -> set[str]:
    eq = equivalents()
    norm = normalize(text)
    grams = trigrams(norm)
    return {eq.groups[g][-1] for g in Finder(eq).groups_in(text, norm, grams, {g[:2] for g in grams})}


@pytest.mark.parametrize(("text", "meaning"), [
    ("จับมืออบต.ปาล์มพัฒนา", "อบต"),  # written as an abbreviation, with its dot
    ("ร่วมกับ อบต ปาล์มพัฒนา", "อบต"),  # standing alone
    ("ศูนย์อาสาสมัคร ม.อ. node", "มอ"),  # dots inside
    ("สถานการณ์โควิท-19", "โควิท"),  # a misspelling in a real post
    ("กองทุน ltc - กองทุนฟื้นฟู", "ltc"),
])
def test_a_form_counts_where_it_is_written(text: str, meaning: str) -> None:
    assert found(text) & set(equivalents().groups[group_of(meaning)])


@pytest.mark.parametrize(("text", "meaning"), [
    ("สิ่งรอบตัว", "อบต"),  # อบต inside an ordinary word
    ("ที่นี่มีหมอ", "มอ"),
    ("ระบบ CMCG ของกรมอนามัย", "cm"),  # a Latin abbreviation inside a longer one
    ("สสจ.ตรัง", "สจ"),  # the end of a longer abbreviation
])
def test_a_short_form_inside_other_words_does_not_count(text: str, meaning: str) -> None:
    assert not found(text) & set(equivalents().groups[group_of(meaning)])


def test_the_index_gives_a_page_the_token_of_each_meaning_it_holds() -> None:
    records = [Record("meeting", "covid-meeting", {"id": "covid-meeting", "title": "ประชุม", "date": "2021-08-03",
                                                   "body": "การรับมือสถานการณ์โควิด 19 ในเขต 10"}, None)]
    files = build_search_index(build_index(records, build_graph(records)))
    meta = json.loads(files["search/meta.json"])
    token = token_of(group_of("COVID"))
    shard = json.loads(files[f"search/g/{shard_of(token, meta['tri'])}.json"])
    number = int(next(p for p in files if p.startswith("search/t/")).removeprefix("search/t/").removesuffix(".json"))
    assert shard[token] == [number, 8]  # the one page, in its body
    forms = {form: group for form, group, _ in meta["equivalents"]["forms"]}
    assert forms["covid"] == forms["โควิด"] == group_of("COVID")
