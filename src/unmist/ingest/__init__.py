"""Stage 1, ingest: files, folders and globs of reports -> :class:`~unmist.types.Document`.

Readers are chosen by file suffix from :data:`READERS`; each yields documents (a JSONL, feed or
WARC file yields several).  A file that cannot be read yields an :class:`~unmist.errors.IngestError`
instead, so that one bad file never stops a run.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import IngestError
from ..types import Document
from .readers import READERS, STREAMERS, read_file, record_number, record_source

__all__ = ["ingest", "expand_paths", "READERS", "STREAMERS"]


def expand_paths(paths: Iterable[str | Path], *, skip: Iterable[str | Path] = ()) -> Iterator[Path | IngestError]:
    """Files named directly, the readable files inside folders (recursively), and glob matches;
    files in ``skip`` (the ledger itself, when it sits among the reports) are passed over in folders.
    What cannot be read (a dangling or looping link, a folder without permission) is an error that
    names it, never a silent skip."""
    skipped = {Path(p).resolve() for p in skip}
    for raw in paths:
        path = Path(raw)
        kind = _kind(path)
        if kind == "folder":
            yield from _folder_files(path, skipped)
        elif kind == "file":
            yield path
        elif isinstance(kind, IngestError):
            yield kind
        else:
            matches = sorted(glob.glob(str(raw), recursive=True))
            if not matches:
                yield IngestError(str(raw), "no such file or folder")
            for match in map(Path, matches):
                found = _kind(match)
                if isinstance(found, IngestError):
                    yield found
                elif found == "file":
                    yield match


def _kind(path: Path) -> str | IngestError | None:
    """'folder', 'file', None when nothing is there, or the error that keeps it from being read."""
    try:
        if path.is_dir():
            return "folder"
        if path.is_file():
            return "file"
    except OSError as err:
        return IngestError(str(path), f"cannot read ({err.strerror})")
    if path.is_symlink():
        return IngestError(str(path), "a link that leads nowhere (dangling or looping)")
    if os.path.lexists(path):
        return IngestError(str(path), "not a regular file")
    return None


def _folder_files(folder: Path, skipped: set[Path]) -> Iterator[Path | IngestError]:
    """Visible files under ``folder``, in name order; unreadable folders and dead links reported."""
    problems: list[IngestError] = []
    found: list[Path] = []

    def unreadable(err: OSError) -> None:
        problems.append(IngestError(err.filename or str(folder), f"cannot read folder ({err.strerror})"))

    for root, folders, files in os.walk(folder, onerror=unreadable):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in files:
            if name.startswith("."):
                continue
            child = Path(root) / name
            kind = _kind(child)
            if isinstance(kind, IngestError):
                problems.append(kind)
            elif kind == "file" and child.resolve() not in skipped:
                found.append(child)
    yield from problems
    yield from sorted(found)


def ingest(paths: Iterable[str | Path], *, max_bytes: int = 5_000_000,
           skip: Iterable[str | Path] = ()) -> Iterator[Document | IngestError]:
    """Read every report under ``paths``.

    Args:
        paths: files, folders or glob patterns.
        max_bytes: files larger than this are refused (a news report is rarely over 200 kB).
        skip: files inside those folders that are not reports (the ledger's own files).

    Yields:
        One Document per report, or an IngestError naming the file and the reason.
    """
    seen = _SeenTexts()
    for item in expand_paths(paths, skip=skip):
        if isinstance(item, IngestError):
            yield item
            continue
        for result in read_file(item, max_bytes=max_bytes):
            if isinstance(result, Document):
                first = seen.remember(result, item)
                if first is not None:  # the same text twice in one run is one document: say so
                    if first != result.source:
                        yield IngestError(result.source, f"same text as {first}: stored once")
                    continue
            yield result


class _SeenTexts:
    """Where each text of this run was first read, to name it when the text comes again.

    It holds an entry for every report a run reads, so it is kept small and out of Python's object
    heap: the text's id (a 64-bit digest) and its source ('<file>' or '<file>#<record>', see
    readers) as a number, the file's place in the run's list of files and the record's, in two
    sorted numpy arrays, 16 bytes a report.  The last few thousand wait in a dict until they are
    merged in.  (Two strings a report took 175 bytes; and small objects that live as long as the
    run, made among each batch's passing ones, can keep Python's memory arenas from being given
    back.)  A source of another shape, or an id that is no digest, is kept as it is.
    """

    def __init__(self) -> None:
        import numpy as np

        self.files: list[str] = []
        self.keys, self.places = np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.uint64)
        self.recent: dict[int, int] = {}
        self.other: dict[int | str, str] = {}

    def remember(self, document: Document, path: Path) -> str | None:
        """Where the document's text was first read, or None after remembering that it is read here."""
        key = _key(document)
        first = self._where(key)
        if first is None:
            self._add(key, document.source, str(path))
        return first

    def _where(self, key: int | str) -> str | None:
        import numpy as np

        if key in self.other:
            return self.other[key]
        place = self.recent.get(key) if isinstance(key, int) else None
        if place is None and isinstance(key, int) and len(self.keys):
            at = int(self.keys.searchsorted(np.uint64(key)))
            place = int(self.places[at]) if at < len(self.keys) and int(self.keys[at]) == key else None
        if place is None:
            return None
        return record_source(self.files[place >> 32], place & 0xFFFFFFFF)

    def _add(self, key: int | str, source: str, file: str) -> None:
        if not self.files or self.files[-1] != file:
            self.files.append(file)
        record = record_number(source, file)
        if isinstance(key, int) and record is not None and record <= 0xFFFFFFFF:
            self.recent[key] = (len(self.files) - 1) << 32 | record
        else:
            self.other[key] = source
        if len(self.recent) >= SEEN_MERGE:
            self._merge()

    def _merge(self) -> None:
        import numpy as np

        keys = np.fromiter(self.recent.keys(), dtype=np.uint64, count=len(self.recent))
        places = np.fromiter(self.recent.values(), dtype=np.uint64, count=len(self.recent))
        order = keys.argsort()
        at = self.keys.searchsorted(keys[order])
        self.keys, self.places = np.insert(self.keys, at, keys[order]), np.insert(self.places, at, places[order])
        self.recent = {}


# Texts a run remembers in a dict before they join the sorted arrays: each merge copies the arrays.
SEEN_MERGE = 4096


def _key(document: Document) -> int | str:
    """A report's id, 16 hex digits of its text's digest (see readers.make_document), as the 64-bit
    number it spells; any other id as it is."""
    if len(document.id) == 16 and all(ch in HEX_DIGITS for ch in document.id):
        return int(document.id, 16)
    return document.id


HEX_DIGITS = frozenset("0123456789abcdef")
