"""Strict YAML loading that can name the line and column of every key and value.

libyaml composes the node tree (fast, with marks); we build Python values ourselves so
that nothing is ever constructed from a tag and YAML 1.1 guesses (`no` → False,
`1.10` → 1.1, `12:30` → 750, dates → date objects) never change what the reporter wrote:
only plain integers, `true`, `false` and `null` are typed, everything else stays text.

A well-formed tree is turned into values by plain_value() alone; anything unusual (and
every position, when a diagnostic first asks for one) goes through the careful _Builder,
so what is reported, and where, is the same either way.
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml._yaml import CParser

from .diagnostics import Diagnostic
from .yaml_errors import diagnose_yaml_error

Pos = tuple[int, int]
FieldPath = tuple[str | int, ...]
MAX_DEPTH = 40
INT = re.compile(r"[-+]?[0-9]+")
INT_START = frozenset("+-0123456789")
PLAIN_WORDS = {"true": True, "false": False, "": None, "~": None, "null": None}
# Problems after which the file's values cannot be trusted; duplicate keys still can be.
UNREADABLE = {"yaml-tag", "yaml-too-deep", "yaml-key"}


class StrictLoader(yaml.CSafeLoader):
    """libyaml composer with no implicit resolvers: every plain scalar is a string node."""

    yaml_implicit_resolvers: dict = {}


STR_TAG, SEQ_TAG, MAP_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
DEFAULT_TAGS = {yaml.ScalarNode: STR_TAG, yaml.SequenceNode: SEQ_TAG, yaml.MappingNode: MAP_TAG}
ALLOWED_TAGS = set(DEFAULT_TAGS.values())


class Composer(CParser):
    """libyaml's parser and composer alone. It calls back for every node to resolve a tag;
    with no resolvers at all that is just the default tag of the node kind, so the callbacks
    are trivial (same nodes as StrictLoader, at two thirds of the cost)."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return DEFAULT_TAGS[kind]

    def descend_resolver(self, parent: Any, index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


def compose(text: str) -> yaml.Node | None:
    """The single document's node tree (None when the file holds no document)."""
    composer = Composer(text)
    try:
        return composer.get_single_node()
    finally:
        composer.dispose()


@dataclass
class Record:
    """One content file: its data, and where every key and value sits in the file.

    Positions are found only when a diagnostic asks for one, by composing the kept text
    again: most records have no problem, and a map of every path costs more than the data.
    """

    kind: str
    path: str
    data: dict[str, Any]
    text: str | None = field(default=None, repr=False, compare=False)
    places: tuple[dict[FieldPath, Pos], dict[FieldPath, Pos]] | None = field(
        default=None, repr=False, compare=False)

    @property
    def id(self) -> str:
        value = self.data.get("id")
        return value if isinstance(value, str) else self.stem

    @property
    def stem(self) -> str:
        return file_stem(self.path)

    @property
    def draft(self) -> bool:
        """`draft: true`: validated leniently, left out of the public build."""
        return self.data.get("draft") is True

    @property
    def title(self) -> str:
        """The title; a draft may have none yet, and its preview shows the id instead."""
        value = self.data.get("title")
        return str(value) if value else self.id

    @property
    def values(self) -> dict[FieldPath, Pos]:
        """Field path → line and column of its value."""
        return self._places()[0]

    @property
    def keys(self) -> dict[FieldPath, Pos]:
        """Field path → line and column of its key."""
        return self._places()[1]

    def _places(self) -> tuple[dict[FieldPath, Pos], dict[FieldPath, Pos]]:
        if self.places is None:
            self.places = locate(self.text, self.path) if self.text is not None else ({}, {})
        return self.places

    def position(self, where: FieldPath = (), key: bool = False) -> Pos:
        """Line and column of a value (or its key), else of its nearest enclosing one."""
        values = self.values
        table = self.keys if key else values
        while where:
            if where in table:
                return table[where]
            if where in values:
                return values[where]
            where = where[:-1]
        return values.get((), (1, 1))

    def diagnostic(self, where: FieldPath, code: str, th: str, en: str,
                   suggestion: str | None = None, key: bool = False) -> Diagnostic:
        line, col = self.position(where, key)
        return Diagnostic(self.path, line, col, code, th, en, suggestion)


def file_stem(path: str) -> str:
    """`Path(path).stem` without building a Path (it is asked for every record)."""
    name = path.rpartition("/")[2]
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


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
    if node.style:  # quoted or block: None and "" both mean plain
        return text
    if text in PLAIN_WORDS:
        return PLAIN_WORDS[text]
    if text[:1] in INT_START and INT.fullmatch(text):
        return int(text)
    return text


class _Unusual(Exception):
    """Raised by plain_value() at anything the careful _Builder must look at."""


def plain_value(node: Any, depth: int = 0) -> Any:
    """The values of a well-formed tree, fast: no positions, no problems noted. Anything
    unusual (a tag, a duplicate or non-text key, nesting near MAX_DEPTH) raises _Unusual.
    (`node` is Any: exact type tests are quicker than isinstance, and mypy cannot follow them.)"""
    kind = type(node)
    if kind is yaml.ScalarNode:
        if node.tag != STR_TAG:
            raise _Unusual
        return scalar_value(node)
    if depth >= MAX_DEPTH:
        raise _Unusual
    depth += 1
    if kind is yaml.MappingNode and node.tag == MAP_TAG:
        result = {}
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode:
                raise _Unusual
            result[key_node.value] = plain_value(value_node, depth)
        if len(result) != len(node.value):
            raise _Unusual
        return result
    if kind is yaml.SequenceNode and node.tag == SEQ_TAG:
        return [plain_value(item, depth) for item in node.value]
    raise _Unusual


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
        node = compose(text)
    except yaml.YAMLError as exc:
        return None, [diagnose_yaml_error(exc, text, path)]
    if node is None:
        return None, [Diagnostic(path, 1, 1, "empty-file", "ไฟล์ว่าง", "the file is empty",
                                 "ใช้ `kb new` สร้างระเบียน / use `kb new` to start a record")]
    try:
        data = plain_value(node)
    except _Unusual:
        return careful_record(node, text, path, kind)
    if not isinstance(data, dict):
        return careful_record(node, text, path, kind)
    return Record(kind, path, data, text), []


def careful_record(node: yaml.Node, text: str, path: str, kind: str) -> tuple[Record | None, list[Diagnostic]]:
    """The record (if it can be trusted) and every problem, noted with positions."""
    builder = _Builder(path)
    data = builder.build(node)
    if any(p.code in UNREADABLE for p in builder.problems):
        return None, builder.problems
    if not isinstance(data, dict):
        if not builder.problems:
            builder.problem(node, "not-a-mapping", "ระเบียนต้องเป็นชุด ฟิลด์: ค่า ไม่ใช่รายการหรือข้อความ",
                            "a record must be a mapping of field: value, not a list or text")
        return None, builder.problems
    return Record(kind, path, data, text, (builder.values, builder.keys)), builder.problems


def locate(text: str, path: str) -> tuple[dict[FieldPath, Pos], dict[FieldPath, Pos]]:
    """Where every value and key of a record's text sits (the text was read before)."""
    builder = _Builder(path)
    node = compose(text)
    if node is not None:
        builder.build(node)
    return builder.values, builder.keys


def load_file(file: Path | str, display: str, kind: str = "") -> tuple[Record | None, list[Diagnostic]]:
    text, problem = decode(read_bytes(file), display)
    if problem or text is None:
        return None, [problem] if problem else []
    return parse_text(text, display, kind)


def read_bytes(file: Path | str) -> bytes:
    """The whole file, with fewer layers than open().read() (a third of the cost)."""
    handle = os.open(file, os.O_RDONLY)
    try:
        parts = [os.read(handle, os.fstat(handle).st_size + 1)]
        while parts[-1]:
            parts.append(os.read(handle, 1 << 16))
    finally:
        os.close(handle)
    return b"".join(parts)


RECORD_FILE = "*.y*ml"


def record_names(directory: Path | str) -> list[str]:
    """Sorted names in a folder matching RECORD_FILE, as `sorted(directory.glob(...))` finds them."""
    try:
        with os.scandir(directory) as entries:
            return sorted(e.name for e in entries if fnmatch.fnmatchcase(e.name, RECORD_FILE))
    except PermissionError:
        return []
