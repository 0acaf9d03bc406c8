"""Uploads run the pipeline in a background thread; the page polls the job's progress."""

from __future__ import annotations

import shutil
import tempfile
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Job:
    id: str
    stage: str = "queued"
    done: int = 0
    total: int = 0
    finished: bool = False
    summary: dict | None = None
    errors: list[str] = field(default_factory=list)


class Jobs:
    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def start(self, files: list[tuple[str, bytes]], *, db: str, max_bytes: int) -> Job:
        """Write the uploaded files to a scratch folder and run the pipeline on it."""
        job = Job(uuid.uuid4().hex[:12])
        with self._lock:
            self._jobs[job.id] = job
        folder = Path(tempfile.mkdtemp(prefix="unmist-upload-"))
        for name, content in files:
            (folder / Path(name).name).write_bytes(content)
        threading.Thread(target=self._run, args=(job, folder, db, max_bytes), daemon=True).start()
        return job

    def _run(self, job: Job, folder: Path, db: str, max_bytes: int) -> None:
        from ..errors import UnmistError
        from ..pipeline import run

        def progress(stage: str, done: int, total: int) -> None:
            job.stage, job.done, job.total = stage, done, total

        try:
            summary = run([str(folder)], db=db, progress=progress, max_bytes=max_bytes)
            job.summary, job.errors = summary.as_dict(), [e.replace(str(folder) + "/", "") for e in summary.errors]
        except UnmistError as err:
            job.errors = [str(err)]
        finally:
            job.stage, job.finished = "done", True
            shutil.rmtree(folder, ignore_errors=True)


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
