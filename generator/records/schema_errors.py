"""Schema validation errors as bilingual diagnostics at the offending key or value."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..thai import has_thai_digits, thai_to_arabic_digits
from .diagnostics import Diagnostic, nearest
from .load import Record
from .schemas import is_valid, load_schemas, resolve, validator

if TYPE_CHECKING:  # jsonschema itself is imported only for a record the fast check fails
    from jsonschema import ValidationError

TYPE_TH = {"string": "ข้อความ", "integer": "จำนวนเต็ม", "number": "ตัวเลข", "array": "รายการ",
           "object": "ชุดฟิลด์", "boolean": "true หรือ false", "null": "ค่าว่าง"}
TYPE_EN = {"string": "text", "integer": "a whole number", "number": "a number", "array": "a list",
           "object": "a mapping of fields", "boolean": "true or false", "null": "empty"}


def field_name(path: tuple) -> str:
    """('attendees', 2, 'who') → 'attendees[2].who' (1-based item numbers)."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(ระเบียน / record)"


def schema_diagnostics(record: Record) -> list[Diagnostic]:
    if is_valid(record.kind, record.data):
        return []
    found: list[Diagnostic] = []
    for error in validator(record.kind).iter_errors(record.data):
        found.extend(_convert(record, error))
    return found


def _convert(record: Record, error: ValidationError) -> list[Diagnostic]:
    path = tuple(error.absolute_path)
    name = field_name(path)
    handler = HANDLERS.get(str(error.validator), _generic)
    return handler(record, error, path, name)


def _required(record: Record, error: ValidationError, path: tuple, name: str) -> list[Diagnostic]:
    missing = str(error.message).split("'")[1]
    where = field_name((*path, missing))
    return [record.diagnostic(path, "missing-field", f"ขาดฟิลด์ที่ต้องมี '{where}'",
                              f"required field '{where}' is missing")]


def _additional(record: Record, error: ValidationError, path: tuple, name: str) -> list[Diagnostic]:
    schema, _ = resolve(_schema(error), load_schemas()[record.kind]["$id"])
    known = list(schema.get("properties", {}))
    extra = [k for k in _instance(error) if k not in known]
    return [record.diagnostic((*path, key), "unknown-field", f"ไม่รู้จักฟิลด์ '{field_name((*path, key))}'",
                              f"unknown field '{field_name((*path, key))}'", nearest(key, known),
                              key=True) for key in extra]


def _type(record: Record, error: ValidationError, path: tuple, name: str) -> list[Diagnostic]:
    expected = _rule(error)
    expected = expected if isinstance(expected, str) else expected[0]
    hint = None
    if isinstance(_instance(error), str) and has_thai_digits(_instance(error)):
        hint = thai_to_arabic_digits(_instance(error))
    elif expected == "string" and _instance(error) is not None:
        hint = f'"{_show(_instance(error))}"'
    return [record.diagnostic(path, "wrong-type",
                              f"'{name}' ต้องเป็น{TYPE_TH[expected]} (ได้ {_show(_instance(error))})",
                              f"'{name}' must be {TYPE_EN[expected]} (got {_show(_instance(error))})",
                              hint)]


def _enum(record: Record, error: ValidationError, path: tuple, name: str) -> list[Diagnostic]:
    options = [str(o) for o in _rule(error)]
    value = _show(_instance(error))
    return [record.diagnostic(path, "invalid-value",
                              f"'{name}' ไม่รับค่า '{value}' (เลือกได้: {', '.join(options)})",
                              f"'{name}' does not accept '{value}' (choose: {', '.join(options)})",
                              nearest(value, options, cutoff=0.5))]


def _range(record: Record, error: ValidationError, path: tuple, name: str) -> list[Diagnostic]:
    bound, value = _rule(error), _show(_instance(error))
    if error.validator == "minimum":
        th, en = f"ต้องไม่น้อยกว่า {bound}", f"must be at least {bound}"
    else:
        th, en = f"ต้องไม่เกิน {bound}", f"must be at most {bound}"
    return [record.diagnostic(path, "out-of-range", f"'{name}' {th} (ได้ {value})",
                              f"'{name}' {en} (got {value})")]


def _min_length(record: Record, error: ValidationError, path: tuple, name: str) -> list[Diagnostic]:
    return [empty_value(record, path)]


def empty_value(record: Record, path: tuple) -> Diagnostic:
    name = field_name(path)
    return record.diagnostic(path, "empty-value", f"'{name}' ต้องไม่ว่าง", f"'{name}' must not be empty")


def _max_length(record: Record, error: ValidationError, path: tuple, name: str) -> list[Diagnostic]:
    """Ids become file and folder names: a limit keeps them within what file systems take."""
    limit, value = _rule(error), str(_instance(error))
    return [record.diagnostic(path, "too-long", f"'{name}' ยาวเกิน {limit} ตัวอักษร (มี {len(value)})",
                              f"'{name}' is longer than {limit} characters (has {len(value)})",
                              value[:limit].rstrip("-"))]


def _reserved(record: Record, path: tuple, name: str, value: str) -> list[Diagnostic]:
    """An id that names a folder's listing page (index) would replace that page. (The id
    pattern refuses it with a lookahead: a `not` costs the fast validator an exception per id.)"""
    return [record.diagnostic(path, "reserved-id", f"'{name}' ใช้ '{value}' ไม่ได้ ชื่อนี้เป็นของหน้ารายการ",
                              f"'{name}' cannot be '{value}': the name belongs to listing pages",
                              "เลือกรหัสอื่น / choose another id")]


def _min_items(record: Record, error: ValidationError, path: tuple, name: str) -> list[Diagnostic]:
    n = _rule(error)
    return [record.diagnostic(path, "too-few-items", f"'{name}' ต้องมีอย่างน้อย {n} รายการ",
                              f"'{name}' needs at least {n} item(s)")]


def _unique(record: Record, error: ValidationError, path: tuple, name: str) -> list[Diagnostic]:
    seen: set[str] = set()
    found = []
    for i, item in enumerate(_instance(error)):
        key = repr(item)
        if key in seen:
            found.append(record.diagnostic((*path, i), "duplicate-item",
                                           f"'{name}' มี '{_show(item)}' ซ้ำ",
                                           f"'{name}' lists '{_show(item)}' twice"))
        seen.add(key)
    return found


def _pattern(record: Record, error: ValidationError, path: tuple, name: str) -> list[Diagnostic]:
    value = _show(_instance(error))
    if value == "index" and "(?!index$)" in str(_rule(error)):
        return _reserved(record, path, name, value)
    if path and path[-1] == "id" or "id" in str(_schema(error).get("title", "")).casefold():
        hint = "-".join(value.casefold().split()) if value.isascii() else None
        return [record.diagnostic(path, "bad-id",
                                  f"'{name}' ใช้ได้เฉพาะ a-z 0-9 และ - (ได้ '{value}')",
                                  f"'{name}' may use only a-z, 0-9 and '-' (got '{value}')", hint)]
    return [record.diagnostic(path, "bad-format", f"'{name}' รูปแบบไม่ถูกต้อง: '{value}'",
                              f"'{name}' is not in the expected form: '{value}'",
                              str(_schema(error).get("description", "")) or None)]


def _generic(record: Record, error: ValidationError, path: tuple, name: str) -> list[Diagnostic]:
    return [record.diagnostic(path, "schema", f"'{name}' ไม่ผ่านสคีมา: {error.message}",
                              f"'{name}' fails the schema: {error.message}")]


def _rule(error: ValidationError) -> Any:
    return error.validator_value


def _instance(error: ValidationError) -> Any:
    return error.instance


def _schema(error: ValidationError) -> dict[str, Any]:
    return dict(error.schema) if isinstance(error.schema, dict) else {}


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


HANDLERS = {"required": _required, "additionalProperties": _additional, "type": _type,
            "enum": _enum, "minimum": _range, "maximum": _range, "minLength": _min_length,
            "minItems": _min_items, "uniqueItems": _unique, "pattern": _pattern,
            "maxLength": _max_length}
