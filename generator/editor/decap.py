"""Decap CMS's configuration, made from schemas/ at every start: one collection per record kind,
a field per schema property with its Thai title as the label and its Thai description as the
hint. Never kept by hand, so a new schema field is in the editor the moment it is in the schema
(tests/editor/test_decap.py fails otherwise)."""

from __future__ import annotations

from typing import Any

from ..records.kinds import kinds
from ..records.media import MEDIA
from ..records.schemas import load_schemas, resolve
from ..site.labels import LABELS
from ..thai import load_provinces, thai_sorted

# a reference field's kind → the fields its picker searches
SEARCHED = {"stakeholder": ["title", "name", "short", "aliases.*", "id"], "meeting": ["title", "date", "id"]}
# the git backends that have Decap's editorial workflow (draft → in review → ready); Gitea's
# saves straight to the branch
WORKFLOW = {"github", "gitlab", "forgejo", "bitbucket", "azure", "git-gateway"}
TOP = "kb_field"  # marks a top-level field: kb-admin.js shows the validator's messages for it there


def thai(text: str) -> str:
    """The Thai half of a schema's 'ไทย / English' title or description."""
    return text.split(" / ", 1)[0].strip()


def decap_config(backend: dict[str, Any], site_url: str = "", media_root: str = "content") -> dict[str, Any]:
    """The whole config.yml: Thai interface, the backend given, a collection per kind."""
    config: dict[str, Any] = {
        "locale": "th",
        "backend": backend,
        "media_folder": f"{media_root}/{MEDIA}",
        "public_folder": "",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [collection(kind, media_root) for kind in kinds()],
    }
    if backend.get("name") in WORKFLOW:
        config["publish_mode"] = "editorial_workflow"
    if site_url:
        config["site_url"] = config["display_url"] = site_url
    return config


def collection(kind: str, root: str) -> dict[str, Any]:
    spec = kinds()[kind]
    schema = load_schemas()[kind]
    required = set(schema.get("required", []))
    return {
        "name": spec.folder,
        "label": spec.label_th,
        "label_singular": spec.label_th,
        "description": thai(schema.get("description", "")),
        "folder": f"{root}/{spec.folder}",
        "extension": "yaml",
        "format": "yaml",
        "create": True,
        "slug": "{{id}}",
        "identifier_field": "title",
        "summary": "{{title}}" + (f" · {{{{{spec.date_field}}}}}" if spec.date_field else ""),
        # a record's files sit in content/media/<its id>/; a field stores the bare file name
        "media_folder": f"/{root}/{MEDIA}/{{{{filename}}}}",
        "public_folder": "",
        "fields": [top_field(name, sub, schema["$id"], name in required)
                   for name, sub in schema["properties"].items()],
    }


def top_field(name: str, schema: dict[str, Any], base: str, required: bool) -> dict[str, Any]:
    made = field(name, schema, base, required)
    made[TOP] = True
    if name == MEDIA:  # uploads go to content/media/<id>/: the id names the folder
        made["hint"] = made.get("hint", "") + " กรอกรหัสของระเบียนก่อนอัปโหลดไฟล์"
    if name == "draft":
        made["default"] = True  # a new record starts as a draft: the switch publishes it
    return made


def field(name: str, schema: dict[str, Any], base: str, required: bool = False) -> dict[str, Any]:
    """One Decap field from one schema property (its `$ref` followed)."""
    ref = schema.get("$ref", "")
    resolved, inner = resolve(schema, base)
    made: dict[str, Any] = {"name": name, "label": thai(resolved.get("title", name)), "required": required}
    if resolved.get("description"):
        made["hint"] = thai(resolved["description"])
    made.update(widget_of(name, resolved, inner, ref))
    if not required and made.get("default") != []:
        made.pop("default", None)  # an optional choice the reporter did not make stays unset
    return made


def widget_of(name: str, schema: dict[str, Any], base: str, ref: str) -> dict[str, Any]:
    kind = schema.get("type")
    if kind == "array":
        return list_widget(name, schema, base)
    if kind == "object":
        props, needed = schema.get("properties", {}), set(schema.get("required", []))
        return {"widget": "object", "collapsed": False,
                "fields": [field(k, v, base, k in needed) for k, v in props.items()]}
    if kind == "boolean":
        return {"widget": "boolean"}
    if kind == "integer":
        return number_widget(schema)
    return text_widget(name, schema, ref)


def text_widget(name: str, schema: dict[str, Any], ref: str) -> dict[str, Any]:
    if schema.get("x-ref") in kinds():
        return relation(schema["x-ref"], multiple=False)
    if "enum" in schema:
        return {"widget": "select", "options": options(schema["enum"]), "default": schema["enum"][0]}
    if schema.get("x-province"):
        return {"widget": "select", "options": thai_sorted(load_provinces())}
    if name == "file":  # a media item's file: uploaded into the record's media folder
        return {"widget": "file", "choose_url": False}
    if schema.get("format") == "date":
        # typed, not picked: Decap 3.16's datetime widget re-reads the year at each keystroke
        # (typing 2025 leaves 1905), and a reporter copying a date from a post types it
        return {"widget": "string", "pattern": [r"^\d{4}-\d{2}-\d{2}$", "ปี ค.ศ.-เดือน-วัน เช่น 2025-04-10"]}
    if ref.endswith("/markdown"):
        return {"widget": "markdown", "buttons": ["bold", "italic", "link", "heading-three", "quote",
                                                  "bulleted-list", "numbered-list"],
                "editor_components": [], "modes": ["rich_text", "raw"]}
    made: dict[str, Any] = {"widget": "string"}
    if "pattern" in schema:
        made["pattern"] = [schema["pattern"], thai(schema.get("description", "")) or schema["pattern"]]
    return made


def number_widget(schema: dict[str, Any]) -> dict[str, Any]:
    made: dict[str, Any] = {"widget": "number", "value_type": "int"}
    for ours, theirs in (("minimum", "min"), ("maximum", "max")):
        if ours in schema:
            made[theirs] = schema[ours]
    return made


def list_widget(name: str, schema: dict[str, Any], base: str) -> dict[str, Any]:
    items, inner = resolve(schema.get("items", {}), base)
    if items.get("x-ref") in kinds():
        return relation(items["x-ref"], multiple=True)
    if items.get("type") == "object":
        props, needed = items.get("properties", {}), set(items.get("required", []))
        first = next(iter(props), "")
        return {"widget": "list", "collapsed": True, "summary": f"{{{{fields.{first}}}}}", "default": [],
                "label_singular": thai(items.get("title", name)),
                "fields": [field(k, v, inner, k in needed) for k, v in props.items()]}
    if "enum" in items or items.get("x-province"):
        return {**text_widget(name, items, ""), "multiple": True, "default": []}
    return {"widget": "list", "field": field("item", schema["items"], base, True)}


def relation(kind: str, multiple: bool) -> dict[str, Any]:
    """A picker that searches another kind's records by title (and name or abbreviation)."""
    return {"widget": "relation", "collection": kinds()[kind].folder, "value_field": "id",
            "search_fields": SEARCHED.get(kind, ["title", "id"]), "display_fields": ["title"],
            "multiple": multiple, "options_length": 50}


def options(values: list[Any]) -> list[Any]:
    """An enum's values, with the Thai words readers see where the site has them."""
    for labels in LABELS.values():
        if set(map(str, values)) <= set(labels):
            return [{"label": f"{labels[str(v)]} ({v})", "value": v} for v in values]
    return list(values)
