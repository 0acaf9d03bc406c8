"""Layers of unmist's learned role model that spaCy does not register itself.

The role tagger reads its tokens through the shared token-to-vector layer it was started from
(``en_core_web_sm``'s: a window of about four words on each side).  A victim or perpetrator is often
named further from the verb that tells its role ('... SIX JESUIT PRIESTS, THEIR COOK AND HER DAUGHTER,
WHO WERE MURDERED ...'), so the tagger adds its own convolution layers on top, widening what each
token sees without retraining the shared layer from scratch.
"""

from __future__ import annotations

from spacy.ml.models.tok2vec import MaxoutWindowEncoder
from spacy.util import registry
from thinc.api import Model, chain


@registry.architectures("unmist.WiderContext.v1")
def wider_context(tok2vec: Model, width: int, window_size: int, depth: int) -> Model:
    """``tok2vec`` (a listener of the shared layer) followed by ``depth`` residual convolutions of
    ``window_size`` words each side: every token then sees ``window_size * depth`` more words."""
    model = chain(tok2vec, MaxoutWindowEncoder(width=width, window_size=window_size, maxout_pieces=3, depth=depth))
    model.set_dim("nO", width)
    return model
