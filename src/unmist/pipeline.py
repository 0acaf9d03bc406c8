"""Runs the stages in order: ingest -> extract -> attribute -> link -> reconcile -> store.

Extraction and attribution are a pure function of one document (:func:`analyse`), so they run
in worker processes (``jobs``) and are skipped for reports already extracted by the same
component versions.  Linking and reconciliation then touch only what the new reports can reach
(:mod:`unmist.incremental`), with the same result as re-linking the whole ledger, so a re-run on
the same input leaves the same incidents with the same ids.
"""

from __future__ import annotations

import multiprocessing
import os
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, islice

from . import incremental, knowledge, store
from .attribute import ATTRIBUTE_VERSION, attribute
from .batches import batches, in_order
from .budget import REPORT_SECONDS, BudgetExceeded, time_budget
from .errors import IngestError
from .export import document_record, ledger_dict
from .extract import EXTRACT_VERSION, extract, learned, parse, parse_many
from .extract.gazetteer import GAZETTEER_VERSION
from .ingest import ingest
from .link import LINK_VERSION
from .reconcile import RECONCILE_VERSION
from .types import Document, Extraction

# the knowledge files' fingerprint too: an edited alias table or lexicon means reading the reports again
# the learned model's name too: a new model reads the reports again like a new rule
EXTRACTION_VERSIONS = "|".join([EXTRACT_VERSION, learned.version(), ATTRIBUTE_VERSION, GAZETTEER_VERSION,
                                f"knowledge.{knowledge.digest()}"])
LEDGER_VERSIONS = "|".join([EXTRACTION_VERSIONS, LINK_VERSION, RECONCILE_VERSION])

Progress = Callable[[str, int, int | None], None]  # (stage, done, total; None while the input is still being read)


@dataclass
class RunSummary:
    read: int = 0
    extracted: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    incidents: int = 0
    documents: int = 0
    relinked: int = 0  # mentions this run linked again: the new reports' reach, or all of them
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return dict(vars(self))


# Reports parsed together by spaCy's ``nlp.pipe``: batching the neural layers is what makes spaCy
# fast, and small batches keep memory flat and a slow report's cost bounded.
BATCH_SIZE = 16


def analyse(document: Document) -> Extraction:
    """Extract and attribute one report: the per-document work, safe to run anywhere."""
    return _finish(document, parse(document))


def _finish(document: Document, doc) -> Extraction:
    mentions = extract(doc, document)
    mentions, citations = attribute(doc, document, mentions)
    return Extraction(document, mentions, citations=citations, versions=tuple(EXTRACTION_VERSIONS.split("|")))


def _analyse_safely(document: Document, seconds: float | None = REPORT_SECONDS, doc=None) -> Extraction | IngestError:
    """One report under its time budget (parsed already when ``doc`` is given); errors become one line."""
    try:
        with time_budget(seconds):
            return _finish(document, doc if doc is not None else parse(document))
    except BudgetExceeded as err:
        return IngestError(document.source, f"skipped: extraction {err}")
    except Exception as err:  # one odd report must not stop a run of thousands
        return IngestError(document.source, f"extraction failed ({type(err).__name__}: {err})")


def analyse_batch(documents: list[Document], seconds: float | None = REPORT_SECONDS) -> list[Extraction | IngestError]:
    """Reports parsed together, then extracted one by one, each under its budget.  A batch whose
    parse fails or runs over the batch's budget is done again report by report, so only the report
    at fault is lost.

    The batch is read in a spaCy memory zone: the words its reports bring to the vocabulary (every
    name, number and misspelling a model has not seen) are forgotten when it ends, or a run over an
    archive would keep all of them; the extractions hold only plain values.  A zone swaps the
    vocabulary's memory for the whole process, so a process with several threads (a Dask worker
    started with --nthreads 2) reads one batch at a time."""
    from .extract.nlp import load_pipeline

    with _ONE_ZONE_AT_A_TIME, load_pipeline().memory_zone():
        return _analyse_batch(documents, seconds)


_ONE_ZONE_AT_A_TIME = threading.Lock()


def _analyse_batch(documents: list[Document], seconds: float | None) -> list[Extraction | IngestError]:
    try:
        with time_budget(seconds * len(documents) if seconds else None):
            docs = parse_many(documents)
    except Exception:  # BudgetExceeded included: find the report at fault alone
        return [_analyse_safely(document, seconds) for document in documents]
    return [_analyse_safely(document, seconds, doc) for document, doc in zip(documents, docs)]


def analyse_many(documents: Iterable[Document], *, jobs: int = 1, progress: Progress | None = None,
                 seconds: float | None = REPORT_SECONDS, dask: str | None = None) -> Iterator[Extraction | IngestError]:
    """Analyse reports in batches as they come, in ``jobs`` worker processes when more than one, or
    on a Dask cluster (``dask``: 'local' or a scheduler address, see :mod:`unmist.cluster`); a
    report that takes longer than ``seconds`` is skipped with an error naming it.

    Only a few batches per worker are read ahead of the results, so memory stays flat however many
    reports there are; results come back in input order."""
    total = len(documents) if isinstance(documents, list) else None
    work = batches(documents, BATCH_SIZE)
    if dask:
        from .cluster import run_on_cluster

        task = partial(analyse_batch, seconds=seconds)
        yield from _counted(run_on_cluster(task, work, address=dask, workers=jobs, failed=_failed_batch), total, progress)
        return
    first = list(islice(work, 2))
    work = chain(first, work)
    if jobs <= 1 or len(first) < 2:  # a pool would cost more than it saves
        results: Iterable[list[Extraction | IngestError]] = (analyse_batch(batch, seconds) for batch in work)
        yield from _counted(results, total, progress)
        return
    from .extract.nlp import load_pipeline

    load_pipeline()  # loaded once here, shared with forked workers
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method),
                             initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
        submit = partial(pool.submit, analyse_batch, seconds=seconds)
        results = (future.result() for _, future in in_order(submit, work, ahead=2 * jobs))
        yield from _counted(results, total, progress)


def _failed_batch(documents: list[Document], reason: str) -> list[IngestError]:
    return [IngestError(document.source, f"extraction failed ({reason})") for document in documents]


def _die_with_parent(parent: int) -> None:
    """A worker ends when the run that started it does, even one killed with SIGKILL: Linux's
    PR_SET_PDEATHSIG (no library wraps it; ctypes reaches libc directly).  Elsewhere a worker
    notices when its queue closes."""
    import ctypes
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the call took effect
        os._exit(1)


def _counted(batches: Iterable[list], total: int | None, progress: Progress | None) -> Iterator[Extraction | IngestError]:
    done = 0
    for batch in batches:
        for result in batch:
            done += 1
            yield result
            if progress:
                progress("extract", done, total)


def run(paths: Iterable[str], *, db: str, jobs: int = 1, progress: Progress | None = None,
        max_bytes: int = 5_000_000, dask: str | None = None) -> RunSummary:
    """Read reports into the ledger at ``db`` and rebuild its incidents.

    Reports stream from the inputs through extraction into the ledger: only a few batches are in
    memory at a time, and extractions are committed every few seconds.

    Args:
        paths: files, folders or globs.
        db: SQLite path or database URL.
        jobs: worker processes for extraction (with ``dask='local'``: the local cluster's workers).
        progress: called as (stage, done, total); total is None while the input is being read.
        max_bytes: larger files (and larger JSONL records) are refused.
        dask: extract on a Dask cluster: 'local' starts one here, else a scheduler address.

    Returns:
        What was read, extracted, skipped and refused.
    """
    started = time.perf_counter()
    paths = list(paths)
    sessions = store.open_ledger(db)
    holder = f"unmist run (pid {os.getpid()} on {socket.gethostname()})"
    store.acquire_lock(sessions, holder=holder)
    try:
        return _run_locked(paths, sessions, jobs=jobs, progress=progress, max_bytes=max_bytes, started=started,
                           dask=dask)
    finally:
        store.release_lock(sessions, holder=holder)


def _run_locked(paths: list[str], sessions, *, jobs: int, progress: Progress | None, max_bytes: int,
                started: float, dask: str | None) -> RunSummary:
    summary = RunSummary()
    with sessions.begin() as session:
        run_row = store.start_run(session, inputs=paths, versions=LEDGER_VERSIONS)
        done = store.extracted_ids(session, versions=EXTRACTION_VERSIONS)
    reports = ingest(paths, max_bytes=max_bytes, skip=store.ledger_files(sessions))
    batch: list[Extraction] = []
    unlinked: list[str] = []
    link_every = LINK_REPORTS
    committed_at = time.perf_counter()
    for result in analyse_many(_reports_to_extract(reports, done, summary), jobs=jobs, progress=progress, dask=dask):
        if isinstance(result, IngestError):
            summary.errors.append(str(result))
            continue
        batch.append(result)
        if len(batch) >= commit_reports() or time.perf_counter() - committed_at >= COMMIT_SECONDS:
            unlinked += _store_batch(sessions, batch, summary)
            batch, committed_at = [], time.perf_counter()
        if len(unlinked) >= link_every:
            region = rebuild(sessions, changed=unlinked)
            summary.relinked += region
            link_every, unlinked = next_link_reports(len(unlinked), region), []
    unlinked += _store_batch(sessions, batch, summary)
    summary.relinked += rebuild(sessions, changed=unlinked, progress=progress, summary=summary)  # the rest, new versions
    with sessions.begin() as session:
        run_row = session.merge(run_row)
        store.finish_run(session, run=run_row, added=summary.extracted, errors=summary.errors)
    summary.seconds = round(time.perf_counter() - started, 2)
    return summary


def _reports_to_extract(reports: Iterable[Document | IngestError], done: set[str], summary: RunSummary) -> Iterator[Document]:
    """The reports not yet extracted by these versions, as they are read; counts what was read and
    left unchanged, and keeps each refused file's error, in ``summary``."""
    for item in reports:
        if isinstance(item, IngestError):
            summary.errors.append(str(item))
            continue
        summary.read += 1
        if item.id in done:
            summary.unchanged += 1
        else:
            yield item


# Extractions are committed every this many reports or seconds, whichever comes first: a run that
# is killed keeps what it did, and the next run takes up from there.
COMMIT_REPORTS = 100
COMMIT_SECONDS = 10.0
# Stored reports are linked into the ledger every this many, not all at the end: an update holds
# only what its reports can reach, so memory stays flat on a long input, and the incidents appear
# while the run goes on.  Each update also re-judges what its reports can reach (copies, misdating),
# so updates much smaller than this would redo that work many times over.
LINK_REPORTS = 1000
# The mentions an update should re-link at most, its region: its reports' mentions and those of the
# incidents they can reach.  An update's memory grows with its region, and the region of LINK_REPORTS
# reports grows with the ledger's density (more reports at a place in a date window): on
# bench/memory.py's reports, 1,038 mentions at the 2nd update and 1,343 at the 10th, while the
# update's peak allocation (tracemalloc's) rose from 29 MB to 35 (45 at the 20th); a spaCy batch
# takes about 35 MB of resident memory and gives it back.
# See next_link_reports.
LINK_MENTIONS = 1200


def next_link_reports(reports: int, region: int) -> int:
    """How many stored reports the next link update takes, after one of ``reports`` reports that
    re-linked ``region`` mentions: as many as keep the next region near LINK_MENTIONS at this
    update's mentions a report, LINK_REPORTS at most and a tenth of it at least (each update also
    reads the ledger's decisions and copies).  The result is the same however the reports are split
    (an update equals a full rebuild); only memory and the number of updates change."""
    if region <= 0:
        return LINK_REPORTS
    return max(LINK_REPORTS // 10, 1, min(LINK_REPORTS, reports * LINK_MENTIONS // region))


def commit_reports() -> int:
    """COMMIT_REPORTS, or UNMIST_COMMIT_REPORTS (tests that kill a run use small batches)."""
    value = os.environ.get("UNMIST_COMMIT_REPORTS", "")
    return int(value) if value.isdigit() and int(value) > 0 else COMMIT_REPORTS


def _store_batch(sessions, batch: list[Extraction], summary: RunSummary) -> list[str]:
    """Store extractions in one transaction, marked pending for linking in the same one (a run that
    dies before linking them leaves them for the next); answer their report ids."""
    if not batch:
        return []
    ids = [result.document.id for result in batch]
    with sessions.begin() as session:
        for result in batch:
            store.save_extraction(session, extraction=result, versions=EXTRACTION_VERSIONS)
        incremental.mark_pending(session, documents=ids)
    summary.extracted += len(ids)
    return ids


def rebuild(sessions, *, changed: Iterable[str] | None = None, keys: Iterable[str] = (),
            progress: Progress | None = None, summary: RunSummary | None = None) -> int:
    """Bring the incidents up to date with the stored extractions and decisions.

    Args:
        changed: reports extracted (or rejected) since the last rebuild; None re-links the whole
            ledger.  With a list, only what those reports can reach is re-linked (see
            :mod:`unmist.incremental`), unless the ledger's index was built by other versions.
        keys: mentions ('<document>:<n>') a new analyst decision is about.
        summary: given, it takes the ledger's incident and report counts afterwards.

    Returns:
        How many mentions were linked again.
    """
    with sessions.begin() as session:
        if progress:
            progress("link", 0, 1)
        pending_documents, pending_keys = incremental.take_pending(session)
        if changed is not None and incremental.can_update(session, versions=LEDGER_VERSIONS):
            relinked = incremental.update(session, changed=set(changed) | pending_documents, keys=set(keys) | pending_keys)
        else:
            relinked = incremental.rebuild_all(session, versions=LEDGER_VERSIONS)
        if progress:
            progress("link", 1, 1)
        if summary is not None:
            counts = store.count_rows(session)
            summary.incidents, summary.documents = counts["incidents"], counts["documents"]
    return relinked


def export_ledger(sessions, **filters) -> dict:
    """The ledger as the contract's JSON object: the whole of it, or with ``filters`` (those of
    ``store.list_incidents``) the incidents that match and the reports they rest on."""
    with sessions() as session:
        records = [row.record for row in store.list_incidents(session, **filters)]
        # an incident's values and edges all point into its mentions' reports
        ids = {m["document"] for r in records for m in r["mentions"]} if any(v is not None for v in filters.values()) else None
        documents = store.load_documents(session, ids=ids)
        flags = store.document_flags(session)
        notes = store.document_notes(session, ids=ids)
    return ledger_dict([document_record(d, flags.get(d.id, ()), notes.get(d.id)) for d in documents.values()], records)
