"""The neural layers multiply on numpy's BLAS (unmist.extract.nlp.multiply_with_numpy), one thread,
and the models read real reports as they do on thinc's default, blis."""

from __future__ import annotations

import pytest
import spacy
from thinc.api import Model
from threadpoolctl import threadpool_info

from unmist.extract import learned, parse_text
from unmist.extract.nlp import load_model, multiply_with_numpy
from unmist.ingest import ingest

pytestmark = pytest.mark.ledger_free  # skipped in CI's PostgreSQL pass (conftest)


def _report_texts(*folders) -> list[str]:
    return [parse_text(document.text) for document in ingest([str(f) for f in folders if f.exists()])
            if hasattr(document, "text")]


def _analysis(doc) -> list[tuple]:
    return [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def _uses_numpy(nlp) -> bool:
    layers = [layer for _, component in nlp.pipeline if isinstance(getattr(component, "model", None), Model)
              for layer in component.model.walk()]
    return bool(layers) and all(not layer.ops.use_blis for layer in layers)


def test_the_english_model_on_numpy_tags_parses_and_names_as_on_blis(nlp, demo_dir, seeds_dir):
    texts = _report_texts(demo_dir, seeds_dir)
    assert len(texts) >= 5
    bare = load_model()
    on_numpy = spacy.load(bare.path)
    multiply_with_numpy(on_numpy)
    assert _uses_numpy(on_numpy) and not _uses_numpy(bare) and _uses_numpy(nlp)
    tokens = 0
    for blis_doc, numpy_doc in zip(bare.pipe(texts), on_numpy.pipe(texts)):
        assert _analysis(numpy_doc) == _analysis(blis_doc)
        tokens += len(blis_doc)
    assert tokens > 2000
    blas_threads = [api["num_threads"] for api in threadpool_info() if api["user_api"] == "blas"]
    assert blas_threads and set(blas_threads) == {1}


@pytest.mark.skipif(not learned.available(), reason="package built without the learned model")
def test_the_learned_model_on_numpy_finds_the_fillers_it_finds_on_blis(demo_dir, seeds_dir):
    texts = [learned.model_text(text) for text in _report_texts(demo_dir, seeds_dir)]
    on_numpy, on_blis = learned.load_roles_model(), spacy.load(learned.MODEL_DIR)
    assert _uses_numpy(on_numpy) and not _uses_numpy(on_blis)
    fillers = 0
    for blis_doc, numpy_doc in zip(on_blis.pipe(texts), on_numpy.pipe(texts)):
        assert [(e.start, e.end, e.label_) for e in numpy_doc.ents] == [(e.start, e.end, e.label_) for e in blis_doc.ents]
        assert numpy_doc.cats == pytest.approx(blis_doc.cats, abs=1e-4)
        fillers += len(blis_doc.ents)
    assert fillers > 10
