"""Extraction throughput against bare spaCy on the same text, in the same process.

    python bench/extract_throughput.py [N] [FOLDER ...]

Runs unmist's analysis as ``unmist run`` does (``analyse_many``: batched parse with the rule
components and the learned model, then extract + attribute per report) on N reports and bare
``nlp.pipe`` of the same English model on the same texts, and prints both throughputs and their
ratio.  Reports come from the folders given (default: the built-in demo corpus),
repeated until there are N.  Both run three times, alternating, and the best time of each counts.  The ratio, not the seconds, is what to compare across machines.
"""

from __future__ import annotations

import json
import sys
import time
from importlib import resources
from itertools import cycle, islice

from unmist.errors import IngestError
from unmist.extract.nlp import load_model, load_pipeline
from unmist.ingest import ingest
from unmist.pipeline import analyse, analyse_many


ROUNDS = 3


def reports(folders: list[str], count: int):
    documents = [d for d in ingest(folders) if not isinstance(d, IngestError)]
    return list(islice(cycle(documents), count))


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    folders = sys.argv[2:] or [str(resources.files("unmist") / "demo")]
    documents = reports(folders, count)
    characters = sum(len(d.text) for d in documents)
    bare, full = load_model(), load_pipeline()
    analyse(documents[0])  # warm caches (gazetteer, lexicons) outside the timing
    bare_seconds, unmist_seconds = [], []
    for _ in range(ROUNDS):  # alternated, best of each: a busy machine slows one round, not the ratio
        started = time.perf_counter()
        for _ in bare.pipe((d.text for d in documents), batch_size=32):
            pass
        bare_seconds.append(time.perf_counter() - started)
        started = time.perf_counter()
        for _ in analyse_many(documents):
            pass
        unmist_seconds.append(time.perf_counter() - started)
    bare_seconds, unmist_seconds = min(bare_seconds), min(unmist_seconds)
    result = {
        "reports": count, "characters": characters,
        "bare_spacy_reports_per_s": round(count / bare_seconds, 1),
        "unmist_reports_per_s": round(count / unmist_seconds, 1),
        "unmist_time_over_bare_spacy": round(unmist_seconds / bare_seconds, 2),
        "unmist_throughput_over_bare_spacy": round(bare_seconds / unmist_seconds, 2),
        "pipeline": full.pipe_names,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
