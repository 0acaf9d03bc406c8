"""Extraction throughput against bare spaCy on the same text, in the same process.

    python bench/extract_throughput.py [N] [FOLDER ...]

Runs unmist's analysis as ``unmist run`` does (``analyse_many``: batched parse with the rule
components and the learned model, then extract + attribute per report) on N reports and bare
``nlp.pipe`` of the same English model on the same texts, and prints both throughputs and their
ratio.  Reports come from the folders given (default: the built-in demo corpus), repeated until
there are N.  The ratio, not the seconds, is what to compare across machines.

Both are timed in processor seconds of this process (``time.process_time``), in ROUNDS rounds that
alternate them, and the median of the rounds' ratios counts: on a shared virtual machine the wall
clock of one round runs from 0.4 to 0.8 of the next for the same work, and a best-of-three picks the
luckiest round of each side, not a pair.

unmist's pipelines multiply matrices with numpy's BLAS, not thinc's default blis
(``extract.nlp.multiply_with_numpy``); bare spaCy is timed as installed, the issue's baseline, and
once more on numpy's BLAS too (``..._same_blas``): the first ratio is what a user sees against
spaCy alone, the second what unmist's own work adds to the same neural layers.

It also prints where unmist's time goes, stage by stage over the same reports (``stages``): the
English model's own components, unmist's rule components, the learned model, and extraction with
attribution, each as a share of bare spaCy's time.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from importlib import resources
from itertools import cycle, islice

import spacy

from unmist.attribute import attribute
from unmist.errors import IngestError
from unmist.extract import extract, parse_text
from unmist.extract.nlp import load_model, load_pipeline, multiply_with_numpy
from unmist.ingest import ingest
from unmist.pipeline import BATCH_SIZE, analyse, analyse_many

ROUNDS = 5


def reports(folders: list[str], count: int):
    documents = [d for d in ingest(folders) if not isinstance(d, IngestError)]
    return list(islice(cycle(documents), count))


def seconds_of(work) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def stages(documents) -> dict[str, float]:
    """Processor seconds of each stage of unmist's analysis over the documents, batch by batch as
    ``analyse_many`` reads them (headlines printed apart are left out: a stage of their own is
    a few per cent)."""
    nlp = load_pipeline()
    spent: dict[str, float] = {}
    for first in range(0, len(documents), BATCH_SIZE):
        batch = documents[first: first + BATCH_SIZE]
        docs = [nlp.make_doc(parse_text(d.text)) for d in batch]
        for name, component in nlp.pipeline:
            started = time.process_time()
            docs = list(component.pipe(docs, batch_size=BATCH_SIZE)) if hasattr(component, "pipe") \
                else [component(doc) for doc in docs]  # a rule component is a plain function
            key = "learned model" if name == "unmist_roles" else "rule components" if name.startswith("unmist_") \
                else "English model"
            spent[key] = spent.get(key, 0.0) + time.process_time() - started
        started = time.process_time()
        for document, doc in zip(batch, docs):
            attribute(doc, document, extract(doc, document))
        spent["extract + attribute"] = spent.get("extract + attribute", 0.0) + time.process_time() - started
    return spent


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    folders = sys.argv[2:] or [str(resources.files("unmist") / "demo")]
    documents = reports(folders, count)
    characters = sum(len(d.text) for d in documents)
    bare, full = load_model(), load_pipeline()
    bare_numpy = spacy.load(bare.path)
    multiply_with_numpy(bare_numpy)
    analyse(documents[0])  # warm caches (gazetteer, lexicons) outside the timing
    bare_seconds, bare_numpy_seconds, unmist_seconds = [], [], []
    for _ in range(ROUNDS):  # alternated: a busy machine slows all sides of a round alike
        bare_seconds.append(seconds_of(lambda: list(bare.pipe((d.text for d in documents), batch_size=32))))
        bare_numpy_seconds.append(seconds_of(lambda: list(bare_numpy.pipe((d.text for d in documents), batch_size=32))))
        unmist_seconds.append(seconds_of(lambda: list(analyse_many(documents))))
    ratios = [b / u for b, u in zip(bare_seconds, unmist_seconds)]
    same_blas_ratios = [b / u for b, u in zip(bare_numpy_seconds, unmist_seconds)]
    bare_median, unmist_median = statistics.median(bare_seconds), statistics.median(unmist_seconds)
    stage_seconds = stages(documents)
    result = {
        "reports": count, "characters": characters, "rounds": ROUNDS,
        "bare_spacy_reports_per_s": round(count / bare_median, 1),
        "unmist_reports_per_s": round(count / unmist_median, 1),
        "unmist_throughput_over_bare_spacy": round(statistics.median(ratios), 2),
        "unmist_throughput_over_bare_spacy_range": [round(min(ratios), 2), round(max(ratios), 2)],
        "bare_spacy_same_blas_reports_per_s": round(count / statistics.median(bare_numpy_seconds), 1),
        "unmist_throughput_over_bare_spacy_same_blas": round(statistics.median(same_blas_ratios), 2),
        "stages_over_bare_spacy": {name: round(seconds / bare_median, 2) for name, seconds in stage_seconds.items()},
        "pipeline": full.pipe_names,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
