"""A save rewrites only the fields that changed: every other top-level field keeps its bytes
(comments, key order, quoting), because Decap's own serialiser drops comments and reorders
keys (decap-cms issues 5099 and 5253). The file is cut into one span per top-level field by
the positions libyaml gives; a changed field's span is replaced by ruamel.yaml's rendering of
the new value, in the file's own indentation."""

from __future__ import annotations

import difflib
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
YAML_PUNCTUATION = tuple("#&*!|>%@`\"'-?:[]{},+")  # and "+": a link's polarity is written quoted


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


def line_starts(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


def last_line(lines: list[str], first: int, node: yaml.Node) -> int:
    """The last line of a node's value, not counting blank and comment lines after it."""
    last = node.end_mark.line if node.end_mark.column else node.end_mark.line - 1
    while last > first and (not lines[last].strip() or lines[last].lstrip().startswith("#")):
        last -= 1
    return last


def spans(text: str) -> list[Span]:
    """Each top-level field's span in whole lines, in file order (the text is a valid mapping):
    from its key's line to the last line of its value, leaving out the blank and comment lines
    that follow it (they stay where they are)."""
    node = compose(text)
    if not isinstance(node, yaml.MappingNode):
        return []
    lines = text.splitlines(keepends=True)
    starts = line_starts(lines)
    return [Span(str(key.value), starts[key.start_mark.line], starts[last_line(lines, key.start_mark.line, value) + 1])
            for key, value in node.value]


def item_texts(text: str) -> list[str]:
    """The lines of each item of the one block list a single-field text holds."""
    node = compose(text)
    if not isinstance(node, yaml.MappingNode) or not node.value:
        return []
    value = node.value[0][1]
    if not isinstance(value, yaml.SequenceNode) or value.flow_style:
        return []
    lines = text.splitlines(keepends=True)
    firsts = [item.start_mark.line for item in value.value]
    items = []
    for item, first, following in zip(value.value, firsts, [*firsts[1:], len(lines)], strict=True):
        last = min(last_line(lines, first, item), following - 1)  # a mapping item ends where the next begins
        items.append("".join(lines[first:last + 1]))
    return items


def changed_list(old_block: str, old: list[Any], new: list[Any], indent: tuple[int, int]) -> str:
    """A list field rendered anew, except that items the form left as they were keep their
    lines (quoting, comments): only added, removed and changed items differ."""
    fresh = rendered({"x": new}, indent)
    old_items, new_items = item_texts(old_block), item_texts(fresh)
    if len(old_items) != len(old) or len(new_items) != len(new):
        return fresh
    matcher = difflib.SequenceMatcher(None, [repr(v) for v in old], [repr(v) for v in new], autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            new_items[block.b + k] = old_items[block.a + k]
    return old_block.split("\n", 1)[0] + "\n" + "".join(new_items)


def field_text(key: str, old_block: str, old: Any, new: Any, indent: tuple[int, int]) -> str:
    """The lines of one top-level field: as they were when unchanged, else rendered anew."""
    if old == new:
        return old_block
    if isinstance(old, list) and isinstance(new, list) and old and new:
        return changed_list(old_block, old, new, indent)
    return rendered({key: new}, indent)


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
            pieces.append(field_text(span.key, old_text[span.start:span.end], old.get(span.key), new[span.key], indent))
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
