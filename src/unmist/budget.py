"""A wall-clock budget for one report's analysis.

A report that takes longer than its budget is given up with one clear line and the run goes on:
a pathological text (a 100k-character sentence, a parse that defeats a rule) must never stall a
run of thousands.  The budget is a POSIX interval timer (``SIGALRM``), the one way to interrupt
pure-Python and spaCy code from inside the same process without a watchdog process per report;
it applies in a process's main thread (the CLI, and each ``--jobs`` worker).  Elsewhere (a web
server's worker thread) no timer can be set and the report runs unbounded.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

# Seconds one report may take to be parsed, extracted and attributed.  Measured on this project's
# 2-core machine (bench/robustness.py): the MUC-4 reports take 0.26 s at the median and 5.6 s at the
# worst (a busy machine), one 100,000-character sentence about 40 s; a minute is far beyond any
# real report.
REPORT_SECONDS = 60.0


# Seconds between repeats of an alarm that the block did not end on: long enough that a block
# unwinding from the first alarm (through spaCy's chain of generators) is out before the next rings,
# which would otherwise be raised inside a generator's clean-up, where Python can only drop it.
RETRY_SECONDS = 1.0


class BudgetExceeded(Exception):
    """Raised inside the timed block when its budget runs out."""


def can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`BudgetExceeded` in the block after ``seconds`` (no limit when None or 0)."""
    if not seconds or not can_time():
        yield
        return

    def _expired(signum, frame):
        raise BudgetExceeded(f"took longer than {seconds:g} s")

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, _expired)
    # The alarm repeats: Python drops an exception raised while it runs a garbage-collector callback
    # or a __del__ ('Exception ignored in ...'), and a hanging report must still be stopped.
    signal.setitimer(signal.ITIMER_REAL, seconds, RETRY_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    # The alarm of a block that ends inside one long C call (spaCy's parser) is handled only after
    # the call returns, and may be lost once the handler is put back: the clock still tells.
    if time.monotonic() - started > seconds:
        raise BudgetExceeded(f"took longer than {seconds:g} s")
