"""A save rewrites only the fields that changed: every other top-level field keeps its bytes
(comments, key order, quoting), because Decap's own serialiser drops comments and reorders
keys (decap-cms issues 5099 and 5253). The file is cut into one span per top-level field by
the positions libyaml gives; a changed field's span is replaced by ruamel.yaml's rendering of
the new value, in the file's own indentation."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from ..records.load import compose

EMPTY: tuple[Any, ...] = ("", None, [], {})
# strings another YAML reader (YAML 1.1: PyYAML, editors) would take for a number, a boolean, a
# date or a time, and strings that start with YAML punctuation: written in double quotes
AMBIGUOUS = re.compile(r"^(?:[-+]?[\d._:]+|[-\d]+(?:[ tT][\d:.]+)?|yes|Yes|YES|no|No|NO|true|True|TRUE|"
                       r"false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|\.(?:nan|inf|NaN|Inf))$")
YAML_PUNCTUATION = tuple("#&*!|>%@`\"'-?:[]{},")


@dataclass(frozen=True)
class Span:
    """Where one top-level field sits in the file, in whole lines."""

    key: str
    start: int  # offset of its key's line
    end: int  # offset just past its value's last line


def pruned(value: Any) -> Any:
    """The value without empty strings, nulls and empty lists or mappings (what a form sends for
    a field left blank), so a blank field never becomes `summary: ""` in the file."""
    if isinstance(value, dict):
        kept = {k: pruned(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in EMPTY}
    if isinstance(value, list):
        return [v for v in (pruned(item) for item in value) if v not in EMPTY]
    return value


def styled(value: Any) -> Any:
    """Strings in the style this project writes: block text as `|`, anything ambiguous quoted."""
    if isinstance(value, dict):
        return {k: styled(v) for k, v in value.items()}
    if isinstance(value, list):
        return [styled(v) for v in value]
    if not isinstance(value, str):
        return value
    if "\n" in value.strip("\n") and not re.search(r"[ \t]\n|[^\S\n]$", value):
        return LiteralScalarString(value)
    if (AMBIGUOUS.match(value) or value.startswith(YAML_PUNCTUATION) or value != value.strip()
            or ": " in value or " #" in value or "\n" in value):
        return DoubleQuotedScalarString(value)
    return value


def guess_indent(text: str) -> tuple[int, int]:
    """(mapping indent, offset of a list's dash): `key:\\n  - item` is (2, 2)."""
    for match in re.finditer(r"^( *)\S[^\n]*:\n( *)(-?)", text, re.M):
        outer, inner, dash = len(match.group(1)), len(match.group(2)), match.group(3)
        if dash and inner >= outer:
            return 2, inner - outer
    return 2, 2


def rendered(fields: dict[str, Any], indent: tuple[int, int]) -> str:
    """ruamel.yaml's block rendering of some top-level fields, never wrapped."""
    writer = YAML()
    writer.Representer = RoundTripRepresenter
    mapping, offset = indent
    writer.indent(mapping=mapping, sequence=mapping + offset, offset=offset)
    writer.width = 1 << 16
    writer.allow_unicode = True
    out = io.StringIO()
    writer.dump(styled(fields), out)
    return out.getvalue()


def spans(text: str) -> list[Span]:
    """Each top-level field's span in whole lines, in file order (the text is a valid mapping):
    from its key's line to the last line of its value, leaving out the blank and comment lines
    that follow it (they stay where they are)."""
    node = compose(text)
    if not isinstance(node, yaml.MappingNode):
        return []
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    found = []
    for key, value in node.value:
        first = key.start_mark.line
        last = value.end_mark.line if value.end_mark.column else value.end_mark.line - 1
        while last > first and (not lines[last].strip() or lines[last].startswith("#")):
            last -= 1
        found.append(Span(str(key.value), starts[first], starts[last + 1]))
    return found


def merged_text(old_text: str, old: dict[str, Any], new: dict[str, Any], known: Iterable[str]) -> str:
    """The old file with the fields that differ from `new` rewritten, new fields added after the
    field that precedes them in `new`, and cleared fields removed (only `known` ones: a field
    the form does not show is never dropped because the form did not send it)."""
    if old_text and not old_text.endswith("\n"):
        old_text += "\n"
    new, indent, known = pruned(new), guess_indent(old_text), set(known)
    pieces: list[str] = []
    cursor = 0
    placed = set(old)  # fields the file has, or that are written already
    for span in spans(old_text):
        pieces.append(old_text[cursor:span.start])
        cursor = span.end
        if span.key in new:
            same = old.get(span.key) == new[span.key]
            pieces.append(old_text[span.start:span.end] if same else rendered({span.key: new[span.key]}, indent))
            pieces.append(added_after(span.key, new, placed, indent))
        elif span.key not in known:
            pieces.append(old_text[span.start:span.end])
    pieces.append(old_text[cursor:])
    missing = {k: v for k, v in new.items() if k not in placed}  # the file was empty of fields
    return "".join(pieces) + (rendered(missing, indent) if missing else "")


def added_after(key: str, new: dict[str, Any], placed: set[str], indent: tuple[int, int]) -> str:
    """Fields new to the file that `new` lists right after `key` (up to a field the file has)."""
    keys = list(new)
    fresh = {}
    for following in keys[keys.index(key) + 1:]:
        if following in placed:
            break
        fresh[following] = new[following]
    placed.update(fresh)
    return rendered(fresh, indent) if fresh else ""


def new_text(data: dict[str, Any], header: str = "") -> str:
    """A new record file: the fields in the order given (the schema's, as the form sends them)."""
    return header + rendered(pruned(data), (2, 2))
