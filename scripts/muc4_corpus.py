"""Build the training corpus of the learned role model from MUC-4 (``../shared/muc4``).

Each report is the raw text unmist ingests (all capitals, dateline included), case-folded exactly
as at run time (:func:`unmist.extract.learned.model_text`).  Gold role fillers are strings of the
report (GTT's role-filler keys): every occurrence of a filler's mention becomes an entity of its role,
longest first, so the model learns MUC's span conventions ('members of the FMLN', 'six Jesuit
priests'); a report without a template leaves its tokens unannotated for the tagger.  Each report
also gets document labels: INCIDENT when it has a template, and one label per
incident type among its templates.

Usage: python scripts/muc4_corpus.py ../shared/muc4 OUT_DIR [--valid 100] [--limit N]
  writes OUT_DIR/train.spacy and OUT_DIR/valid.spacy (the last --valid train reports: the model is
  chosen on them, so MUC-4 dev stays unseen until it is scored).
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.util import filter_spans

from unmist.extract.learned import model_text

ROLES = {"PerpInd": "PERP_IND", "PerpOrg": "PERP_ORG", "Target": "TARGET", "Victim": "VICTIM", "Weapon": "WEAPON"}
TYPES = {"attack": "ATTACK", "bombing": "BOMBING", "kidnapping": "KIDNAPPING", "arson": "ARSON", "robbery": "ROBBERY",
         "forced work stoppage": None}
DOC_LABELS = ("INCIDENT", "ATTACK", "BOMBING", "KIDNAPPING", "ARSON", "ROBBERY")


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def mention_pattern(mention: str) -> re.Pattern[str]:
    """A filler's words with any white space between them, as whole words."""
    words = [re.escape(w) for w in mention.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")


def role_spans(doc, templates: list[dict]) -> list:
    spans = []
    for template in templates:
        for role, label in ROLES.items():
            for entity in template.get(role) or []:
                for mention, _offset in entity:
                    if not mention.strip():
                        continue
                    for match in mention_pattern(mention.lower()).finditer(doc.text):
                        span = doc.char_span(match.start(), match.end(), label=label, alignment_mode="contract")
                        if span is not None and len(span):
                            spans.append(span)
    return filter_spans(spans)  # longest first; overlaps are dropped


def doc_cats(templates: list[dict]) -> dict[str, float]:
    cats = {label: 0.0 for label in DOC_LABELS}
    for template in templates:
        cats["INCIDENT"] = 1.0
        for itype in template["incident_type"].split("/"):
            label = TYPES.get(itype.strip())
            if label:
                cats[label] = 1.0
    return cats


def build(muc4: Path, split: str, nlp, limit: int | None = None) -> list:
    texts = {r["id"]: r["text"] for r in read_jsonl(muc4 / "data" / f"{split}.jsonl")}
    gold = read_jsonl(muc4 / "gold" / f"{split}.gtt.jsonl")[:limit]
    docs = []
    for record in gold:
        doc = nlp.make_doc(model_text(texts[record["docid"]]))
        # A report with no template teaches the document labels only: its 'guerrillas' are not
        # fillers because MUC found the report irrelevant, not because of the words around them,
        # and marking them outside would teach the tagger to contradict itself.
        doc.set_ents(role_spans(doc, record["templates"]), default="outside" if record["templates"] else "missing")
        doc.cats = doc_cats(record["templates"])
        docs.append(doc)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("muc4", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--valid", type=int, default=100, help="train reports held out to choose the model")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N train reports (tests)")
    args = parser.parse_args()
    nlp = spacy.blank("en")
    docs = build(args.muc4, "train", nlp, args.limit)
    cut = max(1, len(docs) - args.valid) if len(docs) > 1 else len(docs)
    args.out.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs[:cut]).to_disk(args.out / "train.spacy")
    DocBin(docs=docs[cut:] or docs[-1:]).to_disk(args.out / "valid.spacy")
    entities = sum(len(d.ents) for d in docs)
    print(f"{len(docs[:cut])} train and {len(docs[cut:] or docs[-1:])} validation reports, {entities} role entities")


if __name__ == "__main__":
    main()
