"""Uploads run the pipeline in a background thread; the page polls the job's progress."""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path, PurePath


@dataclass
class Job:
    id: str
    stage: str = "queued"
    done: int = 0
    total: int | None = 0  # None while the upload is still being read
    finished: bool = False
    summary: dict | None = None
    errors: list[str] = field(default_factory=list)


class Jobs:
    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._running = threading.Lock()  # one upload runs at a time; the others queue behind it

    def start(self, files: list[tuple[str, bytes]], *, db: str, max_bytes: int) -> Job:
        """Write the uploaded files to a scratch folder and run the pipeline on it.  A file whose
        name cannot be a report's ('..', '.hidden', a second 'a.txt') is refused and listed."""
        job = Job(uuid.uuid4().hex[:12])
        with self._lock:
            self._jobs[job.id] = job
        folder = Path(tempfile.mkdtemp(prefix="unmist-upload-"))
        try:
            for name, content, refusal in _named(files):
                if refusal:
                    job.errors.append(f"{name}: {refusal}")
                else:
                    (folder / name).write_bytes(content)
        except OSError as err:
            shutil.rmtree(folder, ignore_errors=True)
            job.errors.append(f"the upload could not be stored: {err.strerror}")
            job.stage, job.finished = "done", True
            return job
        threading.Thread(target=self._run, args=(job, folder, db, max_bytes), daemon=True).start()
        return job

    def _run(self, job: Job, folder: Path, db: str, max_bytes: int) -> None:
        from ..errors import LedgerBusy, UnmistError
        from ..pipeline import run

        def progress(stage: str, done: int, total: int | None) -> None:
            job.stage, job.done, job.total = stage, done, total

        try:
            with self._running:
                for attempt in range(BUSY_RETRIES + 1):
                    try:
                        summary = run([str(folder)], db=db, progress=progress, max_bytes=max_bytes)
                        break
                    except LedgerBusy:  # a command-line run holds the ledger: wait for it
                        if attempt == BUSY_RETRIES:
                            raise
                        job.stage = "waiting for the ledger"
                        time.sleep(BUSY_WAIT_SECONDS)
            job.summary = summary.as_dict()
            job.errors += [e.replace(str(folder) + "/", "") for e in summary.errors]
        except UnmistError as err:
            job.errors.append(str(err).replace(str(folder) + "/", ""))
        finally:
            job.stage, job.finished = "done", True
            shutil.rmtree(folder, ignore_errors=True)


# An upload that finds the ledger held by another run waits this long between tries, this many times.
BUSY_WAIT_SECONDS = 5
BUSY_RETRIES = 120


def _named(files: list[tuple[str, bytes]]):
    """(file name, bytes, reason it is refused or None) for each upload: the browser's name reduced
    to its last part; hidden, empty, '.' and '..' names refused; a repeated name numbered."""
    seen: set[str] = set()
    for raw, content in files:
        name = PurePath((raw or "").replace("\\", "/")).name
        if not name or name in (".", "..") or name.startswith("."):
            yield (raw or "(no name)"), content, "refused: not a report's file name (hidden or empty)"
            continue
        stem, dot, suffix = name.rpartition(".")
        candidate, number = name, 2
        while candidate in seen:
            candidate = f"{stem}-{number}.{suffix}" if dot else f"{name}-{number}"
            number += 1
        seen.add(candidate)
        yield candidate, content, None


async def read_uploads(files, limit: int) -> list[tuple[str, bytes]]:
    """The uploaded files' bytes; one over ``limit`` is refused with a clear 413."""
    from fastapi import HTTPException

    contents = []
    for item in files:
        data = await item.read(limit + 1)
        if len(data) > limit:
            raise HTTPException(413, f"{item.filename}: file too large (the limit is {limit / 1e6:.1f} MB)")
        contents.append((item.filename or "upload.txt", data))
    return contents
