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
from .readers import READERS, STREAMERS, read_file

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
    seen: dict[str, str] = {}
    for item in expand_paths(paths, skip=skip):
        if isinstance(item, IngestError):
            yield item
            continue
        for result in read_file(item, max_bytes=max_bytes):
            if isinstance(result, Document):
                if result.id in seen:  # the same text twice in one run is one document: say so
                    if seen[result.id] != result.source:
                        yield IngestError(result.source, f"same text as {seen[result.id]}: stored once")
                    continue
                seen[result.id] = result.source
            yield result
