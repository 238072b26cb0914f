"""Strict YAML loading that keeps the line and column of every key and value.

libyaml composes the node tree (fast, with marks); we build Python values ourselves so
that nothing is ever constructed from a tag and YAML 1.1 guesses (`no` → False,
`1.10` → 1.1, `12:30` → 750, dates → date objects) never change what the reporter wrote:
only plain integers, `true`, `false` and `null` are typed, everything else stays text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic
from .yaml_errors import diagnose_yaml_error

Pos = tuple[int, int]
FieldPath = tuple[str | int, ...]
MAX_DEPTH = 40
ALLOWED_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
INT = re.compile(r"[-+]?[0-9]+")
NULLS = {"", "~", "null"}
# Problems after which the file's values cannot be trusted; duplicate keys still can be.
UNREADABLE = {"yaml-tag", "yaml-too-deep", "yaml-key"}


class StrictLoader(yaml.CSafeLoader):
    """libyaml composer with no implicit resolvers: every plain scalar is a string node."""

    yaml_implicit_resolvers: dict = {}


@dataclass
class Record:
    """One content file: its data plus where every key and value sits in the file."""

    kind: str
    path: str
    data: dict[str, Any]
    values: dict[FieldPath, Pos] = field(default_factory=dict)
    keys: dict[FieldPath, Pos] = field(default_factory=dict)

    @property
    def id(self) -> str:
        value = self.data.get("id")
        return value if isinstance(value, str) else Path(self.path).stem

    def position(self, where: FieldPath = (), key: bool = False) -> Pos:
        """Line and column of a value (or its key), else of its nearest enclosing one."""
        table = self.keys if key else self.values
        while where:
            if where in table:
                return table[where]
            if where in self.values:
                return self.values[where]
            where = where[:-1]
        return self.values.get((), (1, 1))

    def diagnostic(self, where: FieldPath, code: str, th: str, en: str,
                   suggestion: str | None = None, key: bool = False) -> Diagnostic:
        line, col = self.position(where, key)
        return Diagnostic(self.path, line, col, code, th, en, suggestion)


def _pos(node: yaml.Node) -> Pos:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Turns a composed node tree into plain values, noting positions and problems."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.values: dict[FieldPath, Pos] = {}
        self.keys: dict[FieldPath, Pos] = {}
        self.problems: list[Diagnostic] = []

    def problem(self, node: yaml.Node, code: str, th: str, en: str, hint: str | None = None) -> None:
        line, col = _pos(node)
        self.problems.append(Diagnostic(self.path, line, col, code, th, en, hint))

    def build(self, node: yaml.Node, where: FieldPath = ()) -> Any:
        self.values[where] = _pos(node)
        if len(where) > MAX_DEPTH:
            self.problem(node, "yaml-too-deep", f"ซ้อนลึกเกิน {MAX_DEPTH} ชั้น",
                         f"nested deeper than {MAX_DEPTH} levels")
            return None
        if node.tag not in ALLOWED_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.problem(node, "yaml-tag", f"ไม่รับแท็ก YAML {tag}",
                         f"YAML tag {tag} is not allowed", "ลบแท็กออก / remove the tag")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, where)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*where, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return scalar_value(node)

    def mapping(self, node: yaml.MappingNode, where: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, "yaml-key", "ชื่อฟิลด์ต้องเป็นข้อความ",
                             "a field name must be plain text")
                continue
            key = str(key_node.value)
            if key in result:
                first = self.keys[(*where, key)][0]
                self.problem(key_node, "duplicate-key", f"ฟิลด์ '{key}' ซ้ำ (มีแล้วที่บรรทัด {first})",
                             f"duplicate key '{key}' (first at line {first})")
                continue
            self.keys[(*where, key)] = _pos(key_node)
            result[key] = self.build(value_node, (*where, key))
        return result


def scalar_value(node: yaml.ScalarNode) -> Any:
    """Only unquoted integers, true/false and null are typed; all else is the text as written."""
    text = node.value
    if node.style not in (None, ""):
        return text
    if INT.fullmatch(text):
        return int(text)
    if text in ("true", "false"):
        return text == "true"
    if text in NULLS:
        return None
    return text


def decode(raw: bytes, path: str) -> tuple[str | None, Diagnostic | None]:
    """UTF-8 (with or without BOM); anything else is a diagnostic at the first bad byte."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        bad = raw[exc.start: exc.start + 1].hex()
        return None, Diagnostic(path, line, col, "not-utf8",
                                f"ไฟล์ไม่ได้เข้ารหัส UTF-8 (ไบต์ 0x{bad})",
                                f"file is not UTF-8 (byte 0x{bad})",
                                "บันทึกไฟล์เป็น UTF-8 / save the file as UTF-8")


def find_alias(text: str, path: str) -> Diagnostic | None:
    """Aliases are refused before composing so an alias bomb costs nothing."""
    if "*" not in text:
        return None
    for event in yaml.parse(text, Loader=StrictLoader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            line, col = event.start_mark.line + 1, event.start_mark.column + 1
            return Diagnostic(path, line, col, "yaml-alias",
                              "ไม่รับการอ้างอิง YAML (anchor/alias)",
                              "YAML aliases (*name) are not allowed",
                              "เขียนค่าซ้ำแทน / write the value out")
    return None


def parse_text(text: str, path: str, kind: str = "") -> tuple[Record | None, list[Diagnostic]]:
    """Parse one YAML document into a Record, or return why it cannot be read."""
    try:
        alias = find_alias(text, path)
        if alias:
            return None, [alias]
        node = yaml.compose(text, Loader=StrictLoader)
    except yaml.YAMLError as exc:
        return None, [diagnose_yaml_error(exc, text, path)]
    if node is None:
        return None, [Diagnostic(path, 1, 1, "empty-file", "ไฟล์ว่าง", "the file is empty",
                                 "ใช้ `kb new` สร้างระเบียน / use `kb new` to start a record")]
    builder = _Builder(path)
    data = builder.build(node)
    if any(p.code in UNREADABLE for p in builder.problems):
        return None, builder.problems
    if not isinstance(data, dict):
        if not builder.problems:
            builder.problem(node, "not-a-mapping", "ระเบียนต้องเป็นชุด ฟิลด์: ค่า ไม่ใช่รายการหรือข้อความ",
                            "a record must be a mapping of field: value, not a list or text")
        return None, builder.problems
    return Record(kind, path, data, builder.values, builder.keys), builder.problems


def load_file(file: Path, display: str, kind: str = "") -> tuple[Record | None, list[Diagnostic]]:
    text, problem = decode(file.read_bytes(), display)
    if problem or text is None:
        return None, [problem] if problem else []
    return parse_text(text, display, kind)


def iter_content_files(root: Path, folders: dict[str, str]) -> Iterator[tuple[str, Path]]:
    """(kind, file) for every record file, in a stable order."""
    for folder, kind in sorted(folders.items()):
        directory = root / folder
        if directory.is_dir():
            for file in sorted(directory.glob("*.y*ml")):
                yield kind, file
