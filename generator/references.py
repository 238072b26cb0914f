"""Cross-record rules: ids match file names and are unique; every reference resolves."""

from __future__ import annotations

from pathlib import Path

from .diagnostics import Diagnostic, nearest
from .kinds import kinds
from .kinds.systemmap import node_ids
from .loader import Record
from .schemas import field_plan, values_at


def index_records(records: list[Record]) -> tuple[dict[str, Record], list[Diagnostic]]:
    """id → record, reporting ids that do not match their file or are used twice."""
    index: dict[str, Record] = {}
    found: list[Diagnostic] = []
    # Files whose id matches their name claim it first, so the copy is the one reported.
    for record in sorted(records, key=lambda r: r.data.get("id") != Path(r.path).stem):
        stem = Path(record.path).stem
        if isinstance(record.data.get("id"), str) and record.data["id"] != stem:
            found.append(record.diagnostic(("id",), "id-mismatch",
                                           f"id '{record.data['id']}' ต้องตรงกับชื่อไฟล์ '{stem}'",
                                           f"id '{record.data['id']}' must equal the file name '{stem}'",
                                           stem))
        if record.id in index:
            first = index[record.id].path
            found.append(record.diagnostic(("id",), "duplicate-id",
                                           f"id '{record.id}' ซ้ำกับ {first}",
                                           f"id '{record.id}' is already used by {first}"))
            continue
        index[record.id] = record
    return index, found


def label(kind: str) -> tuple[str, str]:
    """Thai and English names of a kind, for messages."""
    if kind == "any":
        return "ระเบียน", "record"
    if kind == "systemmap-node":
        return "โหนดแผนที่ระบบ", "system-map node"
    info = kinds()[kind]
    return info.label_th, kind


def article(word: str) -> str:
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"


def reference_diagnostics(record: Record, index: dict[str, Record],
                          unreadable: frozenset[str] = frozenset()) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for field in field_plan(record.kind):
        if not field.ref:
            continue
        for where, value in values_at(record.data, field.pattern):
            if isinstance(value, str) and value.partition("#")[0] not in unreadable:
                problem = check_reference(record, where, value, field.ref, index)
                if problem:
                    found.append(problem)
    return found


def check_reference(record: Record, where: tuple, value: str, kind: str,
                    index: dict[str, Record]) -> Diagnostic | None:
    if kind == "systemmap-node":
        return check_node(record, where, value, index)
    target = index.get(value)
    if target is None:
        pool = [i for i, r in index.items() if kind == "any" or r.kind == kind]
        th, en = label(kind)
        return record.diagnostic(where, "unknown-ref", f"ไม่พบ{th} '{value}'",
                                 f"no {en} with id '{value}'", nearest(value, pool))
    if kind != "any" and target.kind != kind:
        (want_th, want_en), (got_th, got_en) = label(kind), label(target.kind)
        return record.diagnostic(where, "wrong-kind-ref",
                                 f"'{value}' เป็น{got_th} ไม่ใช่{want_th}",
                                 f"'{value}' is {article(got_en)}, not {article(want_en)}")
    return None


def check_node(record: Record, where: tuple, value: str, index: dict[str, Record]) -> Diagnostic | None:
    map_id, _, node = value.partition("#")
    target = index.get(map_id)
    if target is None or target.kind != "systemmap":
        maps = [i for i, r in index.items() if r.kind == "systemmap"]
        return record.diagnostic(where, "unknown-ref", f"ไม่พบแผนที่ระบบ '{map_id}'",
                                 f"no systemmap with id '{map_id}'", nearest(map_id, maps))
    nodes = node_ids(target.data)
    if node in nodes:
        return None
    hint = nearest(node, nodes)
    return record.diagnostic(where, "unknown-node", f"ไม่มีโหนด '{node}' ในแผนที่ '{map_id}'",
                             f"no node '{node}' in map '{map_id}'",
                             f"{map_id}#{hint}" if hint else None)


def cycle_diagnostics(index: dict[str, Record]) -> list[Diagnostic]:
    """A `parent` chain that comes back to where it started, reported once per cycle."""
    found: list[Diagnostic] = []
    reported: set[str] = set()
    for start in sorted(index):
        chain: list[str] = []
        current: str | None = start
        while current in index and current not in chain:
            chain.append(current)
            parent = index[current].data.get("parent")
            current = parent if isinstance(parent, str) else None
        if current is None or current not in chain:
            continue
        cycle = chain[chain.index(current):]
        if reported & set(cycle):
            continue
        reported |= set(cycle)
        first = index[min(cycle)]
        loop = " → ".join([*sorted_cycle(cycle), min(cycle)])
        found.append(first.diagnostic(("parent",), "parent-cycle", f"parent วนกลับมาที่เดิม: {loop}",
                                      f"parent chain loops: {loop}"))
    return found


def sorted_cycle(cycle: list[str]) -> list[str]:
    """The cycle rotated to start at its smallest id, so the message is stable."""
    i = cycle.index(min(cycle))
    return cycle[i:] + cycle[:i]
