"""Stage 1, ingest: files, folders and globs of reports -> :class:`~unmist.types.Document`.

Readers are chosen by file suffix from :data:`READERS`; each yields documents (a JSONL, feed or
WARC file yields several).  A file that cannot be read yields an :class:`~unmist.errors.IngestError`
instead, so that one bad file never stops a run.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import IngestError
from ..types import Document
from .readers import READERS, read_file

__all__ = ["ingest", "expand_paths", "READERS"]


def expand_paths(paths: Iterable[str | Path], *, skip: Iterable[str | Path] = ()) -> Iterator[Path | IngestError]:
    """Files named directly, the readable files inside folders (recursively), and glob matches;
    files in ``skip`` (the ledger itself, when it sits among the reports) are passed over in folders."""
    skipped = {Path(p).resolve() for p in skip}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                if child.resolve() not in skipped:
                    yield child
        elif path.is_file():
            yield path
        else:
            matches = sorted(glob.glob(str(raw), recursive=True))
            if not matches:
                yield IngestError(str(raw), "no such file or folder")
            yield from (Path(m) for m in matches if Path(m).is_file())


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
    seen: set[str] = set()
    for item in expand_paths(paths, skip=skip):
        if isinstance(item, IngestError):
            yield item
            continue
        for result in read_file(item, max_bytes=max_bytes):
            if isinstance(result, Document):
                if result.id in seen:  # the same text twice in one run is one document
                    continue
                seen.add(result.id)
            yield result
