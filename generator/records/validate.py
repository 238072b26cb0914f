"""Validation in layers: YAML → schema → references → domain, all problems in one run."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import gc_paused
from ..parallel import WORKERS, fork_pool
from ..progress import Progress, silent
from .diagnostics import Diagnostic, sort_diagnostics
from .domain import domain_diagnostics
from .drafts import lenient
from .kinds import folders, kinds
from .load import RECORD_FILE, Record, file_stem, load_file, record_names
from .media import media_diagnostics
from .references import Ref, cycle_diagnostics, index_records, open_refs, reference_diagnostics
from .schema_errors import schema_diagnostics

if TYPE_CHECKING:
    from .kept import KeptLoads


@dataclass
class Content:
    """Every record under a content folder, and every problem found in it."""

    root: Path
    records: list[Record]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    drafts: list[Record] = field(default_factory=list)  # left out of `records` by published()

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)

    def by_id(self) -> dict[str, Record]:
        return {r.id: r for r in self.records}

    def of_kind(self, kind: str) -> list[Record]:
        return [r for r in self.records if r.kind == kind]

    def published(self) -> Content:
        """The content the public site and exports are made from: drafts left out before any
        graph, index or page sees them, so no listing, link or export can reach one. They are
        kept aside only for their titles, which links to them show as plain text. Their problems
        go with them: a draft stops `kb validate` and its own preview, never the public site."""
        drafts = [r for r in self.records if r.draft]
        if not drafts:
            return self
        files = {r.path for r in drafts}
        return Content(self.root, [r for r in self.records if not r.draft],
                       [d for d in self.diagnostics if d.path not in files], drafts)


def display_path(file: Path, root: Path) -> str:
    try:
        return str(file.relative_to(Path.cwd()))
    except ValueError:
        return str(file)


PARALLEL_FROM = 2000  # files; below this, forking workers costs more than it saves
Job = tuple[str, str, str]  # kind, file to read, path shown in diagnostics
Loaded = tuple[Record | None, list[Diagnostic], list[Ref]]  # record, its problems, open references


def content_jobs(root: Path) -> list[Job]:
    """Every record file in the kind folders, in a stable order (folder, then name)."""
    jobs: list[Job] = []
    for folder, kind in sorted(folders().items()):
        directory = root / folder
        if directory.is_dir():
            shown = display_path(directory, root)
            prefix = "" if shown == "." else f"{shown}/"
            jobs.extend((kind, f"{directory}/{name}", prefix + name) for name in record_names(directory))
    return jobs


@dataclass
class LoadMemo:
    """kb serve keeps each file's load between rebuilds: a file is read again only when its
    size, inode or modification time changed (or the set of file names did: see promised)."""

    promised: dict[str, str] = field(default_factory=dict)
    loads: dict[Job, tuple[tuple[int, int, int], Loaded]] = field(default_factory=dict)

    def load_all(self, jobs: list[Job], promised: dict[str, str], say: Progress) -> list[Loaded]:
        if promised != self.promised:
            self.promised, self.loads = promised, {}
        stamps = [stamp_of(file) for _, file, _ in jobs]
        kept = {job: self.loads[job][1] for job, stamp in zip(jobs, stamps, strict=True)
                if job in self.loads and self.loads[job][0] == stamp}
        fresh = iter(load_all([job for job in jobs if job not in kept], promised, say))
        loaded = [kept[job] if job in kept else next(fresh) for job in jobs]
        self.loads = {job: (stamp, result) for job, stamp, result in zip(jobs, stamps, loaded, strict=True)}
        return loaded


def stamp_of(file: str) -> tuple[int, int, int]:
    try:
        info = os.stat(file)
    except OSError:
        return (0, 0, 0)
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def load_all(jobs: list[Job], promised: dict[str, str], say: Progress = silent) -> list[Loaded]:
    """Every record file read and checked on its own, on every core for big corpora (files are
    independent): only the data, the few problems and the open references travel back."""
    if len(jobs) >= PARALLEL_FROM and WORKERS > 1:
        with fork_pool(initializer=_receive, initargs=(promised,)) as pool:  # forked: not pickled
            return counted(pool.imap(_load_in_worker, jobs, chunksize=256), len(jobs), say)
    return counted((load_and_check(job, promised) for job in jobs), len(jobs), say)


PROGRESS_EVERY = 2500  # files


def counted(results: Iterable[Loaded], total: int, say: Progress) -> list[Loaded]:
    """The results, with a progress line every few thousand files on big corpora."""
    loaded = []
    for done, result in enumerate(results, 1):
        loaded.append(result)
        if done % PROGRESS_EVERY == 0 and done < total:
            say(f"อ่านแล้ว / read {done:,} of {total:,} files")
    return loaded


def load_and_check(job: Job, promised: dict[str, str]) -> Loaded:
    """One file read and checked by itself (YAML, schema, domain, kind rules), with the
    references it makes that the file names do not already show to resolve."""
    kind, file, display = job
    record, found = load_file(file, display, kind)
    if record is None:
        return None, found, []
    found.extend(record_diagnostics(record))
    return record, found, open_refs(record, promised)


_promised: dict[str, str] = {}  # in a worker: what its parent promised


def _receive(promised: dict[str, str]) -> None:
    global _promised
    _promised = promised


def _load_in_worker(job: Job) -> Loaded:
    return load_and_check(job, _promised)


def promised_kinds(jobs: list[Job]) -> dict[str, str]:
    """id → kind, as the file names promise them (a name used twice promises nothing)."""
    promised: dict[str, str] = {}
    twice = set()
    for kind, _, display in jobs:
        stem = file_stem(display)
        if stem in promised:
            twice.add(stem)
        promised[stem] = kind
    for stem in twice:
        del promised[stem]
    return promised


def promise_kept(promised: dict[str, str], index: dict[str, Record]) -> bool:
    """Whether every file name is the id of a record of its folder's kind: then a reference
    the names resolve does resolve, and only the open ones need checking."""
    return all((record := index.get(key)) is not None and record.kind == kind for key, kind in promised.items())


def stray_files(root: Path) -> list[Diagnostic]:
    """YAML files outside the kind folders would silently be ignored: say so."""
    known = set(folders())
    found = []
    for file in sorted(stray_paths(root, known)):
        found.append(Diagnostic(display_path(file, root), 1, 1, "unknown-folder",
                                f"ไฟล์ต้องอยู่ในโฟลเดอร์ชนิดระเบียน ({', '.join(sorted(known))})",
                                f"record files must sit in a kind folder ({', '.join(sorted(known))})"))
    return found


def stray_paths(root: Path, known: set[str]) -> Iterator[Path]:
    """What `root.rglob(RECORD_FILE)` finds, except a kind folder's own entries."""
    for directory, subdirs, files in os.walk(root):
        where = Path(directory)
        if where.parent == root and where.name in known:
            continue  # its entries are records; what sits deeper is still looked at
        for name in (*subdirs, *files):
            if fnmatch.fnmatchcase(name, RECORD_FILE):
                yield where / name


def unreadable_ids(records: list[Record], found: list[Diagnostic]) -> frozenset[str]:
    """Ids of files that could not be read: references to them are not reported again."""
    loaded = {r.path for r in records}
    return frozenset(file_stem(d.path) for d in found if d.path not in loaded)


def record_diagnostics(record: Record) -> list[Diagnostic]:
    """The rules a record can be checked against alone: schema, domain, its kind's own."""
    found = schema_diagnostics(record)
    found.extend(domain_diagnostics(record))
    check = kinds()[record.kind].check
    if check:
        found.extend(check(record))
    return lenient(record, found)


Promise = tuple[dict[str, str], list[list[Ref]]]  # promised kinds, each record's open references


def cross_diagnostics(records: list[Record], unreadable: frozenset[str] = frozenset(),
                      promise: Promise | None = None) -> list[Diagnostic]:
    """The rules between records: unique ids, references that resolve, no parent cycles.
    With a kept promise only the open references are checked; else every reference is."""
    index, found = index_records(records)
    refs = promise[1] if promise and promise_kept(promise[0], index) else None
    for i, record in enumerate(records):
        found.extend(reference_diagnostics(record, index, unreadable, refs[i] if refs else None))
    found.extend(cycle_diagnostics(index))
    return found


def validate(records: list[Record], unreadable: frozenset[str] = frozenset()) -> list[Diagnostic]:
    found = [d for record in records for d in record_diagnostics(record)]
    return found + cross_diagnostics(records, unreadable)


def validate_content(root: Path, say: Progress = silent, memo: LoadMemo | KeptLoads | None = None) -> Content:
    """Every record under root, and every problem; `memo` keeps loads from an earlier build
    (LoadMemo: kb serve's, in memory; KeptLoads: kb build's, in the cache folder)."""
    with gc_paused():
        jobs = content_jobs(root)
        promised = promised_kinds(jobs)
        loaded = memo.load_all(jobs, promised, say) if memo else load_all(jobs, promised, say)
        records = [record for record, _, _ in loaded if record is not None]
        found = [problem for _, problems, _ in loaded for problem in problems]
        found.extend(stray_files(root))
        found.extend(media_diagnostics(root, records, promised))  # files the records list, and files none lists
        refs = [refs_of for record, _, refs_of in loaded if record is not None]
        found.extend(cross_diagnostics(records, unreadable_ids(records, found), (promised, refs)))
        return Content(root, records, sort_diagnostics(found))
