"""The schemas are valid draft 2020-12, bilingual on every property, closed to unknown fields."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from generator.records.kinds import kinds
from generator.records.schemas import load_schemas

SCHEMAS = load_schemas()


def test_one_schema_per_kind() -> None:
    assert set(SCHEMAS) == {*kinds(), "common"}


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_passes_the_metaschema(name: str) -> None:
    schema = SCHEMAS[name]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def properties(schema: Any, path: str = "") -> Iterator[tuple[str, dict]]:
    if isinstance(schema, dict):
        for name, sub in schema.get("properties", {}).items():
            yield f"{path}.{name}", sub
            yield from properties(sub, f"{path}.{name}")
        for key in ("items", "$defs"):
            if isinstance(schema.get(key), dict):
                subs = schema[key].values() if key == "$defs" else [schema[key]]
                for sub in subs:
                    yield from properties(sub, f"{path}.{key}")


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_property_has_thai_and_english_title_and_description(name: str) -> None:
    for where, prop in properties(SCHEMAS[name]):
        for key in ("title", "description"):
            th, sep, en = prop.get(key, "").partition(" / ")
            assert sep and th and en, f"{name}{where} lacks a bilingual {key}"
            assert any("\u0e00" <= ch <= "\u0e7f" for ch in th), f"{name}{where} {key} not Thai"


@pytest.mark.parametrize("name", sorted(set(SCHEMAS) - {"common"}))
def test_objects_are_closed(name: str) -> None:
    def objects(schema: Any) -> Iterator[dict]:
        if isinstance(schema, dict):
            if schema.get("type") == "object":
                yield schema
            for value in schema.values():
                yield from objects(value)
        elif isinstance(schema, list):
            for value in schema:
                yield from objects(value)

    for obj in objects(SCHEMAS[name]):
        assert obj.get("additionalProperties") is False


def test_the_kept_compiled_check_answers_as_a_fresh_one_and_follows_a_schema_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.records import schemas

    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path))
    good = {"id": "2025-05-01-x", "title": "ประชุม", "date": "2025-05-01"}
    bad = {**good, "title": 12}
    answers = []
    for _ in range(2):  # made and kept, then read from the cache
        schemas.fast_check.cache_clear()
        answers.append([schemas.is_valid("meeting", good), schemas.is_valid("meeting", bad)])
    assert answers == [[True, False], [True, False]] and len(list((tmp_path / "schemas").iterdir())) == 1
    changed = copy.deepcopy(schemas.load_schemas())
    changed["meeting"]["properties"]["title"]["maxLength"] = 3
    monkeypatch.setattr(schemas, "load_schemas", lambda: changed)
    schemas.fast_check.cache_clear()
    assert schemas.is_valid("meeting", good) is False  # not the kept check of the schema before
    schemas.fast_check.cache_clear()


def test_the_kept_field_plan_is_the_walked_one_and_follows_a_schema_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.records import schemas

    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path))
    plans = []
    for _ in range(2):  # walked and kept, then read from the cache
        schemas.field_plan.cache_clear()
        plans.append(schemas.field_plan("meeting"))
    assert plans[0] == plans[1] == schemas.walked_plan("meeting")
    assert any(field.ref == "stakeholder" for field in plans[0])
    changed = copy.deepcopy(schemas.load_schemas())
    changed["meeting"]["properties"]["title"]["x-province"] = True
    monkeypatch.setattr(schemas, "load_schemas", lambda: changed)
    schemas.field_plan.cache_clear()
    assert schemas.Field(("title",), province=True) in schemas.field_plan("meeting")
    schemas.field_plan.cache_clear()
