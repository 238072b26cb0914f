"""The fast validation path says exactly what the careful one says: values built without
positions equal the careful builder's, positions found later are the same, checks done in
the workers report as in one process, and a broken file-name promise checks every reference."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import fastjsonschema
import pytest

from generator.bench.synthetic import write_corpus
from generator.records import validate
from generator.records.diagnostics import Diagnostic
from generator.records.load import _Builder, compose, parse_text
from generator.records.references import index_records
from generator.records.schemas import unique_items
from generator.records.validate import validate_content
from tests.conftest import CONTENT, FIXTURES

TRICKY = """\
id: x-1
plain: 12
signed: -0
plus: +7
quoted: '12'
double: "true"
words: [true, false, null, ~, '', yes, no, 1.10, 12:30, 2025-04-10, 0x1f, 1_000, ๑๒]
empty:
block: |
  line one
  line two
folded: >
  one
  two
nested:
  - a: 1
    b: [x, {c: d}]
  - []
  - {}
"""


def test_plain_values_equal_the_careful_builder() -> None:
    record, problems = parse_text(TRICKY, "t.yaml")
    node = compose(TRICKY)
    assert record is not None and node is not None and not problems
    builder = _Builder("t.yaml")
    assert record.data == builder.build(node)
    assert record.places is None  # nothing asked for a position yet
    assert (record.values, record.keys) == (builder.values, builder.keys)


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\n", "a: !!int 3\n", "? [a]\n: b\n", "a: " + "[" * 45 + "]" * 45 + "\n",
    "- a\n", "a: !!str 5\n", "a: ! 5\n", "!!map {a: 1}\n",
])
def test_unusual_trees_take_the_careful_path(text: str) -> None:
    record, problems = parse_text(text, "t.yaml")
    node = compose(text)
    assert node is not None
    builder = _Builder("t.yaml")
    data = builder.build(node)
    if record is not None:
        assert record.data == data
        assert (record.values, record.keys) == (builder.values, builder.keys)
    assert all(p.path == "t.yaml" for p in problems)


def test_unique_items_as_fastjsonschema_decides() -> None:
    check = fastjsonschema.compile({"type": "array", "uniqueItems": True})
    cases: list[list[Any]] = [["a", "b"], ["a", "a"], [1, True], [1, 1], [True, True], [0, False, None],
             [{"a": 1}, {"a": True}], [{"a": 1}, {"a": 1}], [[1], [True]], [[1], [1]], ["1", 1]]
    for items in cases:
        try:
            check(items)
            expected = True
        except fastjsonschema.JsonSchemaException:
            expected = False
        assert unique_items(items) is expected, items


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus") / "content"
    write_corpus(CONTENT, root, 40)
    for folder in ("systemmaps",):
        (root / folder).mkdir(exist_ok=True)
        for file in (FIXTURES / "valid" / folder).glob("*.yaml"):
            (root / folder / file.name).write_text(file.read_text("utf-8"), "utf-8")
    return root


DATA_EDITS = [("participants: ", "participants: -"), ("- s-", "- s-9999"), ("date: '20", "date: '25"),
              ("mode: ", "mode: x"), ("organizers:\n- s-", "organizers:\n- t-0\n- s-")]
YAML_EDITS = [("\n", "\nbad line\n"), ("id: ", "id: x: ")]


def break_files(root: Path, how: str) -> None:
    """Data errors only (the file names' promise holds), plus unreadable files, or plus an id
    that is not its file's name (the promise is broken: every reference is checked)."""
    edits = DATA_EDITS + (YAML_EDITS if how == "unreadable" else [])
    for file, (old, new) in zip(sorted((root / "meetings").glob("*.yaml")), edits, strict=False):
        file.write_text(file.read_text("utf-8").replace(old, new, 1), "utf-8")
    if how == "renamed":
        topic = root / "topics" / "t-1.yaml"
        topic.write_text(topic.read_text("utf-8").replace("id: t-1", "id: t-one", 1), "utf-8")


def run(root: Path, parallel: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[list[Diagnostic], list]:
    monkeypatch.setattr(validate, "PARALLEL_FROM", 0 if parallel else 10**9)
    content = validate_content(root)
    return content.diagnostics, [(r.kind, r.path, r.data) for r in content.records]


@pytest.mark.parametrize("how", ["data", "unreadable", "renamed"])
def test_parallel_reports_exactly_like_serial(corpus: Path, tmp_path: Path, how: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "content"
    for file in corpus.rglob("*.yaml"):
        target = root / file.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.read_bytes())
    break_files(root, how)
    serial = run(root, False, monkeypatch)
    assert serial == run(root, True, monkeypatch)
    codes = {d.code for d in serial[0]}
    assert {"out-of-range", "unknown-ref", "wrong-kind-ref", "buddhist-year", "invalid-value"} <= codes
    assert ("yaml-colon" in codes) is (how == "unreadable")
    assert ("id-mismatch" in codes) is (how == "renamed")
    records = validate_content(root).records
    index, _ = index_records(records)
    promised = validate.promised_kinds(validate.content_jobs(root))
    assert validate.promise_kept(promised, index) is (how == "data")


def test_positions_found_later_point_into_the_file(corpus: Path) -> None:
    content = validate_content(corpus)
    assert content.ok
    for record in content.records:
        assert record.places is None  # a valid record never needed its positions
    for record in content.records[::7]:
        line, col = record.position(("id",))
        text = Path(record.path).read_text("utf-8")
        assert text.splitlines()[line - 1][col - 1:] == record.id
