"""The learned model's training script runs end to end (a few updates on a slice of MUC-4 train),
and the packaged model is the one the extraction pipeline uses."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, SHARED
from unmist.extract import learned
from unmist.extract.nlp import load_pipeline

pytestmark = pytest.mark.ledger_free  # skipped in CI's PostgreSQL pass (conftest)


def test_the_training_script_trains_a_model_that_tags_roles_and_labels_reports(tmp_path):
    env = dict(os.environ, PYTHON=sys.executable, TRAIN_LIMIT="6", TRAIN_STEPS="3")
    done = subprocess.run(["bash", str(REPO / "scripts" / "train.sh"), str(SHARED / "muc4"), str(tmp_path)],
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    model = spacy.load(tmp_path / "model-last")
    assert set(model.get_pipe("ner").labels) == set(learned.ROLE_LABELS)
    assert {"INCIDENT", "BOMBING", "KIDNAPPING"} <= set(model.get_pipe("textcat_multilabel").labels)
    doc = model(learned.model_text("GUERRILLAS KILLED A PEASANT IN THE CITY OF FLORES."))
    assert set(doc.cats) >= {"INCIDENT"} and all(0.0 <= p <= 1.0 for p in doc.cats.values())


def test_the_case_folded_copy_keeps_every_offset():
    text = "İSTANBUL, 4 FEB 90 (EFE) --\n\n   GUERRILLAS ATTACKED\tTHE FARM."
    folded = learned.model_text(text)
    assert len(folded) == len(text)
    assert folded[folded.index("guerrillas"):][:10] == "guerrillas"
    assert text[folded.index("guerrillas"):][:10] == "GUERRILLAS"
    assert "\n" not in folded and "\t" not in folded


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ 9.\t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2028İΣσéÉ"), max_size=40))
def test_ascii_and_other_text_fold_alike(text):
    """ASCII text takes a one-pass fold: it must read as the character-by-character one does."""
    folded = learned.model_text(text)
    assert folded == "".join(learned._fold(ch) for ch in text) and len(folded) == len(text)
    assert learned.model_text(text.encode("ascii", "ignore").decode()) == \
        "".join(learned._fold(ch) for ch in text.encode("ascii", "ignore").decode())


def test_the_extraction_pipeline_runs_the_packaged_model():
    assert learned.available(), "src/unmist/models/roles_muc4_v1 is missing: run scripts/train.sh with INSTALL=1"
    nlp = load_pipeline()
    assert "unmist_roles" in nlp.pipe_names
    doc = nlp("A car bomb exploded outside the police station in Kandahar, killing six officers.")
    labels = {span.label_ for span in doc.spans["unmist_roles"]}
    assert "WEAPON" in labels and labels <= set(learned.ROLE_LABELS)
    assert doc._.unmist_cats["INCIDENT"] > 0.5 and doc._.unmist_cats["BOMBING"] > doc._.unmist_cats["KIDNAPPING"]
