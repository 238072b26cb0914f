"""The search index kept between builds: after any edit, the updated index equals one built
from nothing, byte for byte, and an edit rewrites only the shards of the grams it changed."""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator.bench.synthetic import write_corpus
from generator.cache import write_checked
from generator.graph.index import SiteIndex, build_index
from generator.graph.knowledge import build_graph
from generator.records.validate import validate_content
from generator.search import index as search_index
from generator.search.index import build_search_index, page_numbers, search_docs
from generator.search.kept import kept_search_index
from generator.search.kept_store import FILE_PACKS, TEXT_PACKS, Store, pack_of
from tests.conftest import CONTENT, demo_copy

MEETING = "meetings/2020-01-06-region12-informal-workers.yaml"
CODE = "code"


def edit(root: Path, name: str, old: str, new: str) -> None:
    text = (root / name).read_text("utf-8")
    assert old in text
    (root / name).write_text(text.replace(old, new, 1), "utf-8")


def body(root: Path) -> None:
    edit(root, MEETING, "summary: คณะทำงานพี่เลี้ยงระดับเขต", "summary: คณะทำงานพี่เลี้ยงระดับเขตทั้งหมด")


def title(root: Path) -> None:
    """A title other pages show (and are found by): their pages' grams move too."""
    edit(root, "stakeholders/banchet-nasae.yaml", "title: ", "title: ดร.ยุทธศาสตร์ ")


def meeting_title(root: Path) -> None:
    """A dated page's title: it keeps its place (a name's title moves it in Thai order)."""
    edit(root, MEETING, "title: ", "title: ทบทวน ")


def renamed(root: Path) -> None:
    """A stakeholder's name, its place in Thai order kept: the meeting it attended shows (and
    is found by) its names, so that page's doc changes though its record does not."""
    edit(root, "stakeholders/banchet-nasae.yaml", "title: นายบรรเจต นะแส", "title: นายบรรเจต นะแส ผู้ประสานงาน")


def added(root: Path) -> None:
    text = (root / MEETING).read_text("utf-8").replace("id: 2020-01-06-region12-informal-workers",
                                                       "id: 2020-02-03-region12-informal-workers")
    (root / "meetings/2020-02-03-region12-informal-workers.yaml").write_text(
        text.replace('date: "2020-01-06"', 'date: "2020-02-03"'), "utf-8")
    media = root / "media" / "2020-01-06-region12-informal-workers"
    if media.exists():
        shutil.copytree(media, media.with_name("2020-02-03-region12-informal-workers"))


def removed(root: Path) -> None:
    """The meeting added() adds, which nothing refers to, removed again."""
    (root / "meetings/2020-02-03-region12-informal-workers.yaml").unlink()


EDITS: dict[str, Callable[[Path], None]] = {"body": body, "title": title, "meeting title": meeting_title,
                                            "renamed": renamed, "added": added, "removed": removed}
IN_PLACE = ("body", "meeting title", "renamed")  # edits that move no page: the index is patched


def index_of(root: Path) -> SiteIndex:
    content = validate_content(root)
    assert content.ok, content.diagnostics[:3]
    return build_index(content.records, build_graph(content.records))


@pytest.mark.parametrize("name", list(EDITS))
def test_an_updated_index_equals_one_built_from_nothing(name: str, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    root = demo_copy(tmp_path, monkeypatch, "cache")
    if name == "removed":
        added(root)
    before = kept_search_index(index_of(root), "before", CODE)
    EDITS[name](root)
    index = index_of(root)
    warm = kept_search_index(index, "after", CODE)
    cold = build_search_index(index)
    assert sorted(warm) == sorted(cold)
    assert [path for path in cold if warm[path] != cold[path]] == []
    old, new = postings(before), postings(cold)
    moved = {gram for gram in old.keys() | new.keys() if old.get(gram) != new.get(gram)}
    assert moved, "the edit should show in the index"
    if name in IN_PLACE:  # (a page that comes, goes or moves brings or takes its grams)
        assert len(moved) < len(new) // 20, "other pages keep their numbers: their postings stay put"


def postings(files: dict[str, bytes]) -> dict[str, list[int]]:
    """Every gram's postings (the grams of each shard are written only when they change)."""
    found: dict[str, list[int]] = {}
    for path, data in files.items():
        if path.startswith(("search/g/", "search/b/")):
            found |= {f"{path[7]}{gram}": value for gram, value in json.loads(data).items()}
    return found


@pytest.mark.parametrize("name", IN_PLACE)
def test_an_edit_reads_only_the_pages_it_changes(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The edited record's page, and the pages showing its title when that changed: no other
    page's doc is made again, and only the packs holding what changed are written again."""
    root = demo_copy(tmp_path, monkeypatch, "cache")
    kept_search_index(index_of(root), "before", CODE)
    tokens = dict(Store().table().tokens)  # type: ignore[union-attr]
    EDITS[name](root)
    index = index_of(root)
    read: list[str] = []
    real = search_index.record_fields

    def noted(index: SiteIndex, record_id: str) -> dict[str, str]:
        read.append(record_id)
        return real(index, record_id)

    monkeypatch.setattr(search_index, "record_fields", noted)
    warm = kept_search_index(index, "after", CODE)
    edited = {"renamed": "banchet-nasae"}.get(name, MEETING.split("/")[1].removesuffix(".yaml"))
    retitled = name in ("meeting title", "renamed")
    showing = {u for u in index.graph.predecessors(edited) if u in index.records} if retitled else set()
    assert sorted(read) == sorted({edited} | showing)
    assert warm == build_search_index(index)
    rewritten = {pack for pack, token in Store().table().tokens.items() if tokens[pack] != token}  # type: ignore[union-attr]
    changed = {edited} | showing  # (a page showing the title holds it in its text)
    assert {p for p in rewritten if p.startswith("texts-")} == {f"texts-{pack_of(i, TEXT_PACKS)}" for i in changed}
    assert 0 < len({p for p in rewritten if p.startswith("files-")}) < FILE_PACKS // 2


@pytest.mark.parametrize("damage", ["a texts pack another build wrote", "a damaged texts pack", "a files pack gone"])
def test_a_pack_the_table_does_not_name_builds_the_index_anew(damage: str, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A build killed between writing the packs and the table, or a damaged cache folder: the
    index is built again from nothing, not patched from files it does not describe."""
    root = demo_copy(tmp_path, monkeypatch, "cache")
    kept_search_index(index_of(root), "before", CODE)
    body(root)
    index = index_of(root)
    folder = tmp_path / "cache" / "search-index"
    pack = folder / f"texts-{pack_of(MEETING.split('/')[1][:-5], TEXT_PACKS)}.pickle"
    if damage == "a texts pack another build wrote":
        write_checked(pack, ("another build", b""))
    elif damage == "a damaged texts pack":
        pack.write_bytes(pack.read_bytes()[:-10] + bytes(10))
    else:
        (folder / f"files-{pack_of('search/meta.json', FILE_PACKS)}.pickle").unlink()
    cold = build_search_index(index)
    assert kept_search_index(index, "after", CODE) == cold
    assert kept_search_index(index, "after", CODE) == cold  # (what it kept: the table's own files)


def test_the_same_content_is_the_last_build_s_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    index = index_of(CONTENT)
    assert kept_search_index(index, "key", CODE) == kept_search_index(index, "key", CODE) == build_search_index(index)


def test_other_code_builds_the_index_anew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = demo_copy(tmp_path, monkeypatch, "cache")
    kept_search_index(index_of(root), "before", CODE)
    body(root)
    index = index_of(root)
    assert kept_search_index(index, "after", "other code") == build_search_index(index)


@pytest.mark.parametrize("name", IN_PLACE)
def test_page_numbers_stay_put_when_a_page_s_text_is_edited(name: str, tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    docs = search_docs(index_of(root))
    numbers = dict(zip((d.url for d in docs), page_numbers(docs).of, strict=True))
    EDITS[name](root)
    docs = search_docs(index_of(root))
    assert dict(zip((d.url for d in docs), page_numbers(docs).of, strict=True)) == numbers


def test_page_numbers_are_the_site_s_order(tmp_path: Path) -> None:
    """Dense numbers (short postings), kind by kind, newest first: the browser breaks ties by them."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    added(root)
    index = index_of(root)
    docs = search_docs(index)
    numbers = page_numbers(docs)
    in_order = [doc for _, doc in sorted(zip(numbers.of, docs, strict=True), key=lambda pair: pair[0])]
    meetings = [doc.url for doc in in_order if doc.kind == "meeting"]
    assert "meetings/2020-02-03-region12-informal-workers/" in meetings
    assert meetings == [index.url_of(i) for i in index.of_kind("meeting")]  # newest first
    assert sorted(numbers.of) == list(range(len(docs)))
    assert [r[0] for r in numbers.ranges][:1] == ["meeting"]
    assert sum(r[2] for r in numbers.ranges) == len(docs)


def random_edit(root: Path, rng: random.Random, step: int) -> str:
    """One meeting of a synthetic corpus edited: its body or title, an attendee added or
    dropped, or the meeting copied or deleted. What was done, for the failure message."""
    path = rng.choice(sorted((root / "meetings").glob("*.yaml")))
    data = yaml.safe_load(path.read_text("utf-8"))
    change = rng.choice(["body", "title", "attendee", "dropped", "copied", "deleted"])
    if change in ("body", "title"):
        data[change] = f"{rng.choice(['สสจ.', 'โควิด', 'กองทุน', 'ผู้สูงอายุ'])} {step} " + data[change][rng.randrange(40):]
    elif change == "attendee":
        data["attendees"].append({"who": f"s-{rng.randrange(30)}", "role": "ผู้เข้าร่วม"})
    elif change == "dropped" and data["attendees"]:
        data["attendees"].pop(rng.randrange(len(data["attendees"])))
    elif change == "copied":
        data["id"] = f"{data['id']}-copy-{step}"
        path = path.with_name(f"{data['id']}.yaml")
    if change == "deleted":
        path.unlink()
    else:
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return f"{change} {path.name}"


def test_an_index_updated_through_many_random_edits_equals_one_built_from_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "content"
    write_corpus(CONTENT, root, 120, seed=3)
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    rng = random.Random(7)
    kept_search_index(index_of(root), "0", CODE)
    for step in range(1, 11):
        change = random_edit(root, rng, step)
        index = index_of(root)
        assert kept_search_index(index, str(step), CODE) == build_search_index(index), (step, change)
