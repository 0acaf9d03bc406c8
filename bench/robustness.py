"""Every report of the given inputs through extraction, under the per-report time budget.

    python bench/robustness.py INPUT [INPUT ...]      (e.g. ../shared/muc4/data/*.jsonl)

Prints how many reports were analysed, which failed or ran over the budget (one line each) and the
slowest reports, as multiples of the median report's time: the figure the budget is set against.
"""

from __future__ import annotations

import json
import statistics
import sys
import time

from unmist.budget import REPORT_SECONDS
from unmist.errors import IngestError
from unmist.ingest import ingest
from unmist.pipeline import _analyse_safely


def main() -> None:
    documents = [d for d in ingest(sys.argv[1:], max_bytes=50_000_000) if not isinstance(d, IngestError)]
    timings, failures = [], []
    for document in documents:
        started = time.perf_counter()
        result = _analyse_safely(document, REPORT_SECONDS)
        timings.append((time.perf_counter() - started, document.source, len(document.text)))
        if isinstance(result, IngestError):
            failures.append(str(result))
    median = statistics.median(t for t, _, _ in timings)
    slowest = sorted(timings, reverse=True)[:5]
    print(json.dumps({
        "reports": len(documents), "failed_or_over_budget": failures,
        "median_seconds": round(median, 3), "budget_seconds": REPORT_SECONDS,
        "slowest": [{"source": s, "characters": n, "seconds": round(t, 2), "times_median": round(t / median, 1)}
                    for t, s, n in slowest],
    }, indent=2))


if __name__ == "__main__":
    main()
