"""A save is validated before anything is written, and then written whole or not at all.

Validation is kb's own: the would-be files are read by the same loader and checked by the same
layers as `kb validate`, against every other record on disk. A save is refused when it leaves
content with an error it did not have: in its own files, or in others (a deleted stakeholder
that meetings still name, a second record with the same id).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..records.diagnostics import Diagnostic, format_text, sort_diagnostics
from ..records.load import Record, parse_text
from ..records.media import MEDIA, check_file, kind_of_extension, listed_files, media_diagnostics, media_folder
from ..records.validate import LoadMemo, cross_diagnostics, record_diagnostics, validate_content
from .paths import Refused

UMASK = os.umask(0o022)  # read once, while one thread runs: os.umask only reads by setting
os.umask(UMASK)


@dataclass
class Change:
    """What one save does: record files to write (path → text), media files to write, files
    to delete. Paths are checked ones (editor.paths); `shown` maps them to the names diagnostics
    use (the path the request gave, relative to the project)."""

    records: dict[Path, tuple[str, str]] = field(default_factory=dict)  # path → (kind, text)
    media: dict[Path, bytes] = field(default_factory=dict)
    deleted: set[Path] = field(default_factory=set)
    shown: dict[Path, str] = field(default_factory=dict)


class Invalid(Refused):
    """A save refused by the validator: the diagnostics, as `kb validate` prints them."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("invalid", "ไม่ได้บันทึก เนื้อหาไม่ผ่านการตรวจ", "not saved: the content is invalid", status=422)
        self.diagnostics = diagnostics

    @property
    def message(self) -> str:
        return f"{self.th} / {self.en}\n{format_text(self.diagnostics)}"


def errors(found: Iterable[Diagnostic]) -> set[Diagnostic]:
    return {d for d in found if d.severity == "error"}


def key(d: Diagnostic) -> tuple[str, str, str]:
    """What makes a problem the same one after a save moved lines about: file, code, message."""
    return (d.path, d.code, d.message_en)


def check(content: Path, change: Change, memo: LoadMemo | None = None) -> list[Diagnostic]:
    """The errors the change would bring (empty: it may be written), and its warnings."""
    before = validate_content(content, memo=memo)
    touched = {os.path.realpath(p) for p in (*change.records, *change.deleted)}
    kept = [r for r in before.records if os.path.realpath(r.path) not in touched]
    found: list[Diagnostic] = []
    fresh: list[Record] = []
    for path, (kind, text) in change.records.items():
        record, problems = parse_text(text, change.shown[path], kind)
        found.extend(problems)
        if record is not None:
            found.extend(record_diagnostics(record))
            fresh.append(record)
    after = cross_diagnostics(kept + fresh)
    saved = set(change.shown.values())
    old = {key(d) for d in before.diagnostics}
    found.extend(d for d in after if d.path in saved or (d.severity == "error" and key(d) not in old))
    found.extend(pending_media(content, fresh, change))
    return sort_diagnostics(found)


def pending_media(content: Path, records: list[Record], change: Change) -> list[Diagnostic]:
    """Errors in the files the saved records list; a file this same save uploads counts as
    there (its content is checked on its own, see media_problem)."""
    coming = {os.path.realpath(p) for p in change.media}
    waived = set()
    for record in records:
        for i, item in listed_files(record):
            if os.path.realpath(media_folder(content, record.id) / str(item["file"])) in coming:
                waived.add((record.path, *record.position((MEDIA, i, "file"))))
    return [d for d in media_diagnostics(content, records, {r.id for r in records})
            if d.severity == "error" and not (d.code == "media-missing" and (d.path, d.line, d.col) in waived)]


def media_problem(path: Path, data: bytes) -> Refused | None:
    """Whether an uploaded file is what its name says (a JPEG that is a JPEG, a whole PDF),
    checked on a temporary copy before it goes anywhere near the content folder."""
    kind = kind_of_extension(path.name)
    with tempfile.TemporaryDirectory(prefix="kb-upload-") as folder:
        copy = Path(folder) / path.name
        copy.write_bytes(data)
        problem = check_file(str(copy), kind or "photo")
    if problem is None:
        return None
    code, th, en, _ = problem
    return Refused(code, th, en, status=422)


def save(content: Path, change: Change, memo: LoadMemo | None = None) -> list[Diagnostic]:
    """Validate, then write every file of the change or none; returns the warnings left."""
    found = check(content, change, memo)
    if errors(found):
        raise Invalid(found)
    # photos first: a build (kb serve's, on the change it sees) never finds a record naming a
    # photo not yet in place
    files = dict(change.media)
    files.update((path, text.encode("utf-8")) for path, (_, text) in change.records.items())
    write_all(files, change.deleted, content.resolve().parent / ".cache" / "kb" / "saving")
    return found


def write_all(files: dict[Path, bytes], deleted: Iterable[Path] = (), staging: Path | None = None) -> None:
    """Every file written to a temporary name first; then each put in place, the old one kept
    until all are in place. Should any step fail, the files already replaced get their old
    content back and new ones are removed. The temporary and kept files sit in `staging` (out
    of the watched content folder: kb serve would rebuild for each of them) when it is on the
    same file system, else beside the file."""
    staged = [(stage(path, data, staging), path) for path, data in files.items()]
    moves: list[tuple[Path, Path | None]] = []  # path → its kept old file (None: it was new)
    try:
        for temporary, path in staged:
            moves.append((path, keep_old(path, staging)))
            os.replace(temporary, path)
        for path in deleted:
            moves.append((path, keep_old(path, staging)))
            path.unlink()
    except BaseException:
        undo(moves, [t for t, _ in staged])
        raise
    for _, old in moves:
        if old is not None:
            with contextlib.suppress(OSError):
                old.unlink()


def beside(path: Path, staging: Path | None) -> Path:
    """Where a file's temporary copies go: staging, if a rename from there is atomic."""
    if staging is not None:
        staging.mkdir(parents=True, exist_ok=True)
        if os.stat(staging).st_dev == os.stat(path.parent).st_dev:
            return staging
    return path.parent


def stage(path: Path, data: bytes, staging: Path | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=beside(path, staging), prefix=".kb-save-", suffix=".part")
    try:
        os.fchmod(handle, mode_for(path))
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        os.unlink(name)
        raise
    return Path(name)


def mode_for(path: Path) -> int:
    """The file's own mode when it is replaced, else what a plain write makes (mkstemp's 0600
    would hide a reporter's record and photos from the web server and the other editors)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~UMASK


def keep_old(path: Path, staging: Path | None = None) -> Path | None:
    """A hard link to the file's current content, so it can be put back."""
    if not path.exists():
        return None
    old = beside(path, staging) / f".kb-old-{uuid.uuid4().hex}"
    os.link(path, old)
    return old


def undo(moves: list[tuple[Path, Path | None]], temporaries: list[Path]) -> None:
    for path, old in reversed(moves):
        with contextlib.suppress(OSError):
            if old is None:
                path.unlink()
            else:
                os.replace(old, path)
    for temporary in temporaries:
        with contextlib.suppress(OSError):
            temporary.unlink()
