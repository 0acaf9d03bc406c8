"""The learned role and incident model (``roles.muc4.v1``): a small spaCy pipeline trained on MUC-4.

It reads a case-folded copy of the report (see :func:`model_text`), so all-capitals wire archives,
lower-case bulletins and ordinary news look alike to it, and writes on the report's parsed doc:

    doc.spans["unmist_roles"]   role fillers, label PERP_IND / PERP_ORG / TARGET / VICTIM / WEAPON
    doc._.unmist_cats           {"INCIDENT": p, "ATTACK": p, "BOMBING": p, ...}: the report as a whole

The copy has the same length as the report, so every span's offsets are the report's own and the
evidence stays exact.  Training: ``scripts/train.sh`` (config ``configs/roles.cfg``); the model card
is ``src/unmist/models/roles_muc4_v1/MODEL_CARD.md``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = "roles.muc4.v1"
MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "roles_muc4_v1"
ROLE_LABELS = ("PERP_IND", "PERP_ORG", "TARGET", "VICTIM", "WEAPON")

Doc.set_extension("unmist_cats", default=None, force=True)


def model_text(text: str) -> str:
    """The report as the model reads it: lower case, every white-space character a plain space.

    Case-folding character by character keeps the length (the rare character whose lower case is
    longer, such as 'İ', keeps its case), so offsets in the copy are offsets in the report."""
    return "".join(_fold(ch) for ch in text)


def _fold(ch: str) -> str:
    if ch.isspace():
        return " "
    low = ch.lower()
    return low if len(low) == 1 else ch


def available() -> bool:
    return (MODEL_DIR / "meta.json").exists()


@lru_cache(maxsize=1)
def load_roles_model() -> Language | None:
    """The packaged model, or None when the package was built without one."""
    if not available():
        return None
    import spacy

    return spacy.load(MODEL_DIR)


def annotate(doc: Doc) -> Doc:
    """Run the learned model on the case-folded report and copy its spans and scores onto ``doc``."""
    model = load_roles_model()
    if model is None:
        doc.spans["unmist_roles"] = []
        doc._.unmist_cats = {}
        return doc
    folded = model(model_text(doc.text))
    roles = []
    for ent in folded.ents:
        span = doc.char_span(ent.start_char, ent.end_char, label=ent.label_, alignment_mode="expand")
        if span is not None:
            roles.append(span)
    doc.spans["unmist_roles"] = roles
    doc._.unmist_cats = dict(folded.cats)
    return doc
