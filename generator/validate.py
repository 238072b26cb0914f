"""Validation in layers: YAML → schema → references → domain, all problems in one run."""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, sort_diagnostics
from .domain import domain_diagnostics
from .kinds import folders, kinds
from .loader import Record, iter_content_files, load_file
from .references import cycle_diagnostics, index_records, reference_diagnostics
from .schema_errors import schema_diagnostics


@dataclass
class Content:
    """Every record under a content folder, and every problem found in it."""

    root: Path
    records: list[Record]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)

    def by_id(self) -> dict[str, Record]:
        return {r.id: r for r in self.records}

    def of_kind(self, kind: str) -> list[Record]:
        return [r for r in self.records if r.kind == kind]


def display_path(file: Path, root: Path) -> str:
    try:
        return str(file.relative_to(Path.cwd()))
    except ValueError:
        return str(file)


PARALLEL_FROM = 2000  # files; below this, forking workers costs more than it saves


def load_records(root: Path) -> tuple[list[Record], list[Diagnostic]]:
    """Every record file, read on every core for big corpora (files are independent)."""
    jobs = [(kind, file, display_path(file, root)) for kind, file in iter_content_files(root, folders())]
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) >= PARALLEL_FROM and workers > 1:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            loaded = pool.map(_load, jobs, chunksize=256)
    else:
        loaded = [_load(job) for job in jobs]
    records = [record for record, _ in loaded if record is not None]
    found = [problem for _, problems in loaded for problem in problems]
    found.extend(stray_files(root))
    return records, found


def _load(job: tuple[str, Path, str]) -> tuple[Record | None, list[Diagnostic]]:
    kind, file, display = job
    return load_file(file, display, kind)


def stray_files(root: Path) -> list[Diagnostic]:
    """YAML files outside the kind folders would silently be ignored: say so."""
    known = set(folders())
    found = []
    for file in sorted(root.rglob("*.y*ml")):
        parts = file.relative_to(root).parts
        if len(parts) != 2 or parts[0] not in known:
            found.append(Diagnostic(display_path(file, root), 1, 1, "unknown-folder",
                                    f"ไฟล์ต้องอยู่ในโฟลเดอร์ชนิดระเบียน ({', '.join(sorted(known))})",
                                    f"record files must sit in a kind folder ({', '.join(sorted(known))})"))
    return found


def unreadable_ids(records: list[Record], found: list[Diagnostic]) -> frozenset[str]:
    """Ids of files that could not be read: references to them are not reported again."""
    loaded = {r.path for r in records}
    return frozenset(Path(d.path).stem for d in found if d.path not in loaded)


def validate(records: list[Record], unreadable: frozenset[str] = frozenset()) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for record in records:
        found.extend(schema_diagnostics(record))
    index, problems = index_records(records)
    found.extend(problems)
    registry = kinds()
    for record in records:
        found.extend(reference_diagnostics(record, index, unreadable))
        found.extend(domain_diagnostics(record))
        check = registry[record.kind].check
        if check:
            found.extend(check(record))
    found.extend(cycle_diagnostics(index))
    return found


def validate_content(root: Path) -> Content:
    records, found = load_records(root)
    found.extend(validate(records, unreadable_ids(records, found)))
    return Content(root, records, sort_diagnostics(found))
