"""Validation kept between builds (`kb build`): a record file whose bytes, kind and shown path
are what they were at the last build is not parsed and checked again; its record and its own
problems come from the cache folder. Only the checks between records (ids, references, cycles,
media) run over everything each time.

Kept by a digest of the file's bytes, not its stamp (a checkout or a copy keeps neither time
nor inode), and by a digest of the code and data the checks read (schemas, provinces...): any
change there reads every file again. Stored in shards by file, so an edit writes one small
shard, not every record.
"""

from __future__ import annotations

import hashlib
import zlib
from pathlib import Path

from .. import PACKAGE_DIR, __version__, build_data_files, bundled_dir
from ..cache import read_checked, write_checked
from ..progress import Progress
from .diagnostics import Diagnostic
from .load import Record, read_bytes
from .references import Ref, open_refs
from .validate import load_all

SHARDS = 64
# digest of the file as read, the record, its own problems, its open references, and the
# digest of the promised kinds those were found with
Entry = tuple[bytes, Record | None, list[Diagnostic], list[Ref], bytes]
Job = tuple[str, str, str]  # kind, file to read, path shown in diagnostics
Loaded = tuple[Record | None, list[Diagnostic], list[Ref]]


def checks_digest() -> str:
    """The code and data a file's own checks read: this package, the Thai helpers and their
    data (provinces, glossary), the schemas."""
    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    files = [*(PACKAGE_DIR / "records").glob("*.py"), PACKAGE_DIR / "thai.py", *build_data_files(),
             *bundled_dir("schemas").glob("*.json")]
    for file in sorted(files):
        h.update(file.name.encode() + b"\0" + file.read_bytes())
    return h.hexdigest()


def bytes_digest(file: str) -> bytes:
    """A digest of the file's bytes; b"" when it cannot be read (it is read, and reported, again)."""
    try:
        return hashlib.blake2b(read_bytes(file), digest_size=16).digest()
    except OSError:
        return b""


def file_digest(job: Job, known: dict[str, bytes]) -> bytes:
    """The file's bytes (their digest: `known`'s when the up-to-date check read them), kind and
    shown path."""
    kind, file, display = job
    data = known[file] if file in known else bytes_digest(file)
    return hashlib.blake2b(f"{kind}\0{display}\0".encode() + data, digest_size=16).digest() if data else b""


def shard_of(file: str) -> int:
    return zlib.crc32(file.encode()) % SHARDS


class KeptLoads:
    """What the last build loaded, in the cache folder; used like validate.LoadMemo."""

    def __init__(self, folder: Path, known: dict[str, bytes] | None = None) -> None:
        """`known`: digests of files' bytes already read in this run (by path), not read again."""
        self.folder = folder
        self.known = known or {}
        self.code = checks_digest()
        self.shards: dict[int, dict[str, Entry]] = {}
        self.changed: set[int] = set()

    def shard(self, number: int) -> dict[str, Entry]:
        if number not in self.shards:
            stored = read_checked(self.folder / f"{number}.pickle")
            fits = isinstance(stored, tuple) and len(stored) == 2 and stored[0] == self.code
            self.shards[number] = stored[1] if fits else {}
        return self.shards[number]

    def load_all(self, jobs: list[Job], promised: dict[str, str], say: Progress) -> list[Loaded]:
        promise = hashlib.blake2b(repr(sorted(promised.items())).encode(), digest_size=16).digest()
        digests = [file_digest(job, self.known) for job in jobs]
        entries = [self.kept(job, digest) for job, digest in zip(jobs, digests, strict=True)]
        fresh = iter(load_all([job for job, entry in zip(jobs, entries, strict=True) if entry is None],
                              promised, say))
        loaded = []
        for job, digest, entry in zip(jobs, digests, entries, strict=True):
            if entry is None:
                record, problems, refs = next(fresh)
                self.put(job[1], (digest, record, problems, refs, promise))
            elif entry[4] != promise:  # other files came or went: the open references again
                record, problems = entry[1], entry[2]
                refs = open_refs(record, promised) if record is not None else []
                self.put(job[1], (digest, record, problems, refs, promise))
            else:
                record, problems, refs = entry[1], entry[2], entry[3]
            loaded.append((record, list(problems), refs))
        self.forget_others({file for _, file, _ in jobs})
        self.save()
        return loaded

    def kept(self, job: Job, digest: bytes) -> Entry | None:
        entry = self.shard(shard_of(job[1])).get(job[1])
        return entry if entry is not None and digest and entry[0] == digest else None

    def put(self, file: str, entry: Entry) -> None:
        number = shard_of(file)
        self.shard(number)[file] = entry
        self.changed.add(number)

    def forget_others(self, files: set[str]) -> None:
        """Files gone since the last build leave the cache too (it does not grow without end)."""
        for number in range(SHARDS):
            shard = self.shard(number)
            gone = shard.keys() - files
            for file in gone:
                del shard[file]
            if gone:
                self.changed.add(number)

    def save(self) -> None:
        for number in sorted(self.changed):
            write_checked(self.folder / f"{number}.pickle", (self.code, self.shards[number]))
        self.changed.clear()
