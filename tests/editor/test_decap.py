"""Decap's configuration is made from schemas/: every schema field is in the form, with the
schema's Thai words, and references are pickers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from generator.editor.decap import decap_config
from generator.editor.server import local_config
from generator.records.kinds import kinds
from generator.records.schemas import load_schemas, resolve

from ..conftest import CONTENT

CONFIG = decap_config({"name": "proxy", "proxy_url": "/api/v1", "branch": "main"})
COLLECTIONS = {c["name"]: c for c in CONFIG["collections"]}


def schema_paths(schema: dict[str, Any], base: str, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every property path of a schema, into objects and lists of objects."""
    schema, base = resolve(schema, base)
    for name, sub in schema.get("properties", {}).items():
        yield (*prefix, name)
        resolved, inner = resolve(sub, base)
        if resolved.get("type") == "object":
            yield from schema_paths(resolved, inner, (*prefix, name))
        elif resolved.get("type") == "array":
            items, items_base = resolve(resolved.get("items", {}), inner)
            if items.get("type") == "object":
                yield from schema_paths(items, items_base, (*prefix, name))


def form_paths(fields: list[dict[str, Any]], prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for made in fields:
        yield (*prefix, made["name"])
        yield from form_paths(made.get("fields", []), (*prefix, made["name"]))


@pytest.mark.parametrize("kind", sorted(kinds()))
def test_every_schema_field_is_in_the_form(kind: str) -> None:
    schema = load_schemas()[kind]
    collection = COLLECTIONS[kinds()[kind].folder]
    assert set(schema_paths(schema, schema["$id"])) == set(form_paths(collection["fields"]))
    required = {f["name"] for f in collection["fields"] if f["required"]}
    assert required == set(schema["required"])
    assert collection["folder"] == f"content/{kinds()[kind].folder}"
    assert collection["label"] == kinds()[kind].label_th


def field(kind: str, name: str) -> dict[str, Any]:
    return next(f for f in COLLECTIONS[kind]["fields"] if f["name"] == name)


def test_the_form_speaks_thai_and_uses_the_right_widgets() -> None:
    assert CONFIG["locale"] == "th"
    title = field("meetings", "title")
    assert (title["label"], title["hint"], title["widget"]) == ("ชื่อเรื่อง", "ชื่อที่แสดงบนหน้าเว็บ", "string")
    assert field("meetings", "mode")["options"][0] == {"label": "ประชุม ณ สถานที่ (onsite)", "value": "onsite"}
    assert field("meetings", "body")["widget"] == "markdown"
    assert field("meetings", "date")["pattern"][0] == r"^\d{4}-\d{2}-\d{2}$"
    assert len(field("meetings", "province")["options"]) == 77
    draft = field("meetings", "draft")
    assert (draft["widget"], draft["default"], draft["label"]) == ("boolean", True, "ฉบับร่าง")
    assert all(f.get("kb_field") for c in COLLECTIONS.values() for f in c["fields"])


@pytest.mark.parametrize(("kind", "name", "target", "multiple"), [
    ("meetings", "organizers", "stakeholders", True), ("meetings", "topics", "topics", True),
    ("meetings", "areas", "areas", True), ("meetings", "proposals", "proposals", True),
    ("proposals", "origin", "meetings", True), ("stakeholders", "parent", "stakeholders", False),
])
def test_references_are_pickers_that_search_by_title(kind: str, name: str, target: str, multiple: bool) -> None:
    picker = field(kind, name)
    assert picker["widget"] == "relation" and picker["collection"] == target
    assert picker["value_field"] == "id" and "title" in picker["search_fields"]
    assert picker["multiple"] is multiple


def test_attendees_pick_a_stakeholder_by_name_or_abbreviation() -> None:
    who = next(f for f in field("meetings", "attendees")["fields"] if f["name"] == "who")
    assert who["widget"] == "relation" and {"name", "short"} <= set(who["search_fields"])


def test_photos_upload_into_the_records_media_folder() -> None:
    meetings = COLLECTIONS["meetings"]
    assert meetings["media_folder"] == "/content/media/{{filename}}" and meetings["public_folder"] == ""
    media = field("meetings", "media")
    assert media["widget"] == "list" and media["default"] == []
    assert next(f for f in media["fields"] if f["name"] == "file")["widget"] == "file"


def test_the_local_config_is_the_proxy_backend_without_workflow() -> None:
    config = yaml.safe_load(local_config(CONTENT))
    assert config["backend"] == {"name": "proxy", "proxy_url": "/api/v1", "branch": "main"}
    assert "publish_mode" not in config


@pytest.mark.parametrize("host", ["github", "gitlab", "forgejo"])
def test_a_git_backend_gets_the_editorial_workflow(host: str) -> None:
    config = decap_config({"name": host, "repo": "kkp12/kb-site", "branch": "main"})
    assert config["publish_mode"] == "editorial_workflow"


def test_gitea_saves_to_the_branch_as_decap_has_no_workflow_for_it() -> None:
    assert "publish_mode" not in decap_config({"name": "gitea", "repo": "kkp12/kb-site", "branch": "main"})
