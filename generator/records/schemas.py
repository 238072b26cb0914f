"""The JSON Schemas in schemas/ are the single source of truth for record fields.

Besides standard keywords they carry a few of ours, read here into a field plan:
`x-ref` (the kind a value refers to: a kind name, `any` or `systemmap-node`),
`x-ref-soft` (may name a record or be plain text), `x-province`, and `format`.
"""

from __future__ import annotations

import json
import marshal
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastjsonschema

from .. import bundled_dir
from ..cache import Store

if TYPE_CHECKING:  # jsonschema reports why a record fails; most builds have none that fails
    from jsonschema import Draft202012Validator
    from referencing import Registry

SCHEMA_DIR = bundled_dir("schemas")
BASE = "https://kb.local/schemas/"
Pattern = tuple[str, ...]  # field path; "*" stands for any list item


@dataclass(frozen=True)
class Field:
    pattern: Pattern
    ref: str | None = None
    soft_ref: str | None = None
    province: bool = False
    format: str | None = None


@cache
def load_schemas() -> dict[str, dict[str, Any]]:
    """Schema file stem → schema, for every file in schemas/."""
    return {p.name.removesuffix(".schema.json"): json.loads(p.read_text("utf-8"))
            for p in sorted(SCHEMA_DIR.glob("*.schema.json"))}


@cache
def registry() -> Registry:
    from referencing import Registry, Resource

    resources = [(s["$id"], Resource.from_contents(s)) for s in load_schemas().values()]
    return Registry().with_resources(resources)


@cache
def validator(kind: str) -> Draft202012Validator:
    """A validator over the kind's schema with every `$ref` inlined (3× faster than lookups)."""
    from jsonschema import Draft202012Validator

    schema = load_schemas()[kind]
    return Draft202012Validator(inline_refs(schema, schema["$id"]), registry=registry())


ANY_FORMAT = {"date": r"^", "time-range": r"^", "uri": r"^"}  # formats are checked by the domain layer


@cache
def fast_check(kind: str) -> tuple[Callable[[Any], Any], tuple[Pattern, ...]]:
    """A compiled check (fastjsonschema) of the same inlined schema: valid records, the common
    case, pass in microseconds; only a record that fails it gets jsonschema's full report.
    Its `uniqueItems` along plain field paths are left out and their paths returned instead:
    is_valid() checks them with unique_items(), for less than the generated code spends.
    The compiled code is kept in the cache, keyed by the schemas and this code: inlining and
    compiling cost 80 ms a kind, which every edit's build paid for the kind of the record edited."""
    store = Store(f"schemas/{kind}")  # a file per kind: workers checking other kinds write their own
    code, unique = store.get_or_make(schemas_made(), lambda: compiled_code(kind))
    store.save()  # (only the check of these schemas is kept: the cache does not grow)
    namespace: dict[str, Any] = {}
    exec(marshal.loads(code), namespace)  # noqa: S102 - fastjsonschema's code for our schemas, from our cache
    return namespace["validate"], unique


def schemas_made() -> str:
    """What the kept checks and field plans are made from: the schemas and this code."""
    return "\0".join([fastjsonschema.VERSION, sys.version, Path(__file__).read_text("utf-8"),
                      json.dumps(load_schemas(), sort_keys=True)])


def compiled_code(kind: str) -> tuple[bytes, tuple[Pattern, ...]]:
    """The check's code, compiled and marshalled, and the paths whose `uniqueItems` it leaves out."""
    source = load_schemas()[kind]
    schema = {k: v for k, v in inline_refs(source, source["$id"]).items() if k not in ("$schema", "$id")}
    unique: list[Pattern] = []
    code = fastjsonschema.compile_to_code(_without_unique(schema, (), unique), formats=ANY_FORMAT)
    return marshal.dumps(compile(code, f"<fastjsonschema {kind}>", "exec")), tuple(unique)


def _without_unique(schema: Any, pattern: Pattern, unique: list[Pattern]) -> Any:
    """The schema minus `uniqueItems: true` wherever `properties`/`items` lead from the top."""
    if not isinstance(schema, dict):
        return schema
    result = dict(schema)
    if result.get("uniqueItems") is True:
        del result["uniqueItems"]
        unique.append(pattern)
    if isinstance(result.get("properties"), dict):
        result["properties"] = {name: _without_unique(sub, (*pattern, name), unique)
                                for name, sub in result["properties"].items()}
    if isinstance(result.get("items"), dict):
        result["items"] = _without_unique(result["items"], (*pattern, "*"), unique)
    return result


def is_valid(kind: str, data: Any) -> bool:
    check, unique = fast_check(kind)
    try:
        check(data)
    except fastjsonschema.JsonSchemaException:
        return False
    for pattern in unique:
        if len(pattern) == 1 and isinstance(data, dict):  # most: a list field of the record
            items = data.get(pattern[0])
            if type(items) is list and not unique_items(items):
                return False
            continue
        for _, items in values_at(data, pattern):
            if type(items) is list and not unique_items(items):
                return False
    return True


def unique_items(items: list[Any]) -> bool:
    """`uniqueItems` exactly as fastjsonschema decides it. Values Python's set tells apart,
    it tells apart too; only when the set finds a repeat (or cannot hash) is it asked."""
    try:
        if len(set(items)) == len(items):
            return True
    except TypeError:  # lists or mappings among the items
        pass
    return len({_same(item) for item in items}) == len(items)


def _same(value: Any) -> Any:
    """A hashable stand-in equal for equal JSON values (fastjsonschema's rule: true ≠ 1)."""
    if isinstance(value, dict):
        return frozenset((k, _same(v)) for k, v in value.items())
    if isinstance(value, list):
        return tuple(_same(v) for v in value)
    if isinstance(value, bool):
        return (bool, value)
    return value


def inline_refs(schema: Any, base: str) -> Any:
    """The schema with `$ref`s replaced by what they name (our schemas are not recursive)."""
    if isinstance(schema, list):
        return [inline_refs(item, base) for item in schema]
    if not isinstance(schema, dict):
        return schema
    resolved, inner_base = resolve(schema, base)
    return {k: v if k in ("enum", "const", "required") else inline_refs(v, inner_base)
            for k, v in resolved.items() if k != "$defs"}


def resolve(schema: dict[str, Any], base: str) -> tuple[dict[str, Any], str]:
    """Follow `$ref` (keeping sibling keywords, which override) to the schema it names."""
    if "$ref" not in schema:
        return schema, base
    resolved = registry().resolver(base).lookup(schema["$ref"])
    target = dict(resolved.contents)
    target_base = str(resolved.resolver._base_uri)  # noqa: SLF001 - the base of what we found
    inner, inner_base = resolve(target, target_base)
    merged = {**inner, **{k: v for k, v in schema.items() if k != "$ref"}}
    return merged, inner_base


@cache
def field_plan(kind: str) -> tuple[Field, ...]:
    """Every field of a kind that carries one of our keywords, with its path pattern. Kept in
    the cache like the check: the walk resolves `$ref`s with `referencing`, whose import alone
    cost an edit's build 50–80 ms."""
    store = Store(f"schemas/{kind}-fields")
    plan: tuple[Field, ...] = store.get_or_make(schemas_made(), lambda: walked_plan(kind))
    store.save()
    return plan


def walked_plan(kind: str) -> tuple[Field, ...]:
    schema = load_schemas()[kind]
    return tuple(_walk(schema, schema["$id"], ()))


def _walk(schema: dict[str, Any], base: str, pattern: Pattern) -> Iterator[Field]:
    schema, base = resolve(schema, base)
    keys = ("x-ref", "x-ref-soft", "x-province", "format")
    if pattern and any(k in schema for k in keys):
        yield Field(pattern, schema.get("x-ref"), schema.get("x-ref-soft"),
                    bool(schema.get("x-province")), schema.get("format"))
    for name, sub in schema.get("properties", {}).items():
        yield from _walk(sub, base, (*pattern, name))
    if isinstance(schema.get("items"), dict):
        yield from _walk(schema["items"], base, (*pattern, "*"))


def values_at(data: Any, pattern: Pattern) -> list[tuple[tuple, Any]]:
    """(path, value) for every value in data matching a field pattern, in document order."""
    if pattern and pattern[0] != "*" and not (isinstance(data, dict) and pattern[0] in data):
        return []  # the common case: an optional field the record does not have
    found: list[tuple[tuple, Any]] = [((), data)]
    for head in pattern:
        deeper: list[tuple[tuple, Any]] = []
        for where, value in found:
            if head == "*":
                if isinstance(value, list):
                    deeper.extend(((*where, i), item) for i, item in enumerate(value))
            elif isinstance(value, dict) and head in value:
                deeper.append(((*where, head), value[head]))
        if not deeper:
            return deeper
        found = deeper
    return found
