"""Copy detection at ledger scale: time for N synthetic reports, to show near-linear growth.

    python bench/copy_detection.py 10000 50000 100000

Each report is ~250 words drawn from a 20,000-word vocabulary (Zipf-like), so independent reports
share stock words but few 5-word shingles; 5% are copies of an earlier report, half of them
lightly edited.  Prints seconds, microseconds per report and the recall of the planted copies.
"""

from __future__ import annotations

import json
import random
import sys
import time

from unmist.ingest.readers import make_document
from unmist.ingest.text import Report
from unmist.reconcile.provenance import find_copies

VOCABULARY = [f"w{i}" for i in range(20_000)]
WEIGHTS = [1 / (rank + 1) for rank in range(len(VOCABULARY))]


def corpus(size: int, rng: random.Random):
    documents, planted = [], set()
    for index in range(size):
        if index > 10 and rng.random() < 0.05:
            original = documents[rng.randrange(len(documents))]
            words = original.text.split()
            if rng.random() < 0.5:
                start = rng.randrange(len(words) - 20)
                del words[start: start + 15]
            text = " ".join(words) + f" republished {index}"
            document = make_document(f"copy{index}", Report(text=text), fmt="txt")
            planted.add((document.id, original.id))
        else:
            text = " ".join(rng.choices(VOCABULARY, weights=WEIGHTS, k=250))
            document = make_document(f"doc{index}", Report(text=text), fmt="txt")
        documents.append(document)
    return documents, planted


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [10_000]
    results = []
    for size in sizes:
        documents, planted = corpus(size, random.Random(size))
        started = time.perf_counter()
        edges = find_copies(documents)
        seconds = time.perf_counter() - started
        found = {(e.copy, e.original) for e in edges}
        results.append({"reports": size, "seconds": round(seconds, 1),
                        "microseconds_per_report": round(seconds / size * 1e6),
                        "planted_copies": len(planted), "recall": round(len(found & planted) / max(1, len(planted)), 3),
                        "edges": len(found)})
        print(json.dumps(results[-1]), flush=True)


if __name__ == "__main__":
    main()
