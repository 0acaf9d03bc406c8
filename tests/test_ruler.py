"""The attribute ruler's patterns found by index (unmist.extract.ruler) give what spaCy's matcher gives."""

from __future__ import annotations

import spacy
from spacy.matcher import Matcher

from unmist.extract import parse_text
from unmist.extract.nlp import load_model
from unmist.extract.ruler import IndexedMatcher, index_rules
from unmist.ingest import ingest


def _report_texts(*folders) -> list[str]:
    return [parse_text(document.text) for document in ingest([str(f) for f in folders if f.exists()])
            if hasattr(document, "text")]


def test_the_index_finds_every_match_spacys_matcher_finds_on_real_reports(nlp, demo_dir, devset_dir):
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler.matcher, IndexedMatcher)
    texts = _report_texts(demo_dir, devset_dir / "reports")
    assert len(texts) >= 5
    read = [name for name in nlp.pipe_names if name in ("tok2vec", "tagger", "unmist_paragraphs", "parser")]
    tokens = 0
    with nlp.select_pipes(enable=read):
        for doc in nlp.pipe(texts):
            found = ruler.matcher(doc, allow_missing=True)
            spacys = ruler.matcher.matcher(doc, allow_missing=True)
            assert len(found) == len(set(found)) and set(found) == set(spacys)
            tokens += len(doc)
    assert tokens > 2000


def test_the_pipeline_tags_words_as_the_english_model_does(nlp):
    sentence = "Y'all ain't gonna believe it: there were nothin' but gunmen, and they was n't police."
    bare, ours = load_model()(sentence), nlp(sentence)
    assert [(t.pos_, t.tag_, str(t.morph), t.lemma_) for t in ours] == [(t.pos_, t.tag_, str(t.morph), t.lemma_) for t in bare]
    assert [t.lemma_ for t in ours if t.lower_ in ("ai", "gon")] == ["be", "go"]  # two of the ruler's word patterns


def _blank_ruler(patterns):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def test_a_ruler_with_a_pattern_the_index_does_not_read_keeps_spacys_matcher():
    nlp, ruler = _blank_ruler([{"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"LEMMA": "much"}}])
    assert index_rules(ruler) is False and isinstance(ruler.matcher, Matcher)
    assert [t.lemma_ for t in nlp("very very")] == ["much", "much"]


def test_patterns_added_after_indexing_are_found_and_later_ones_win():
    nlp, ruler = _blank_ruler([{"patterns": [[{"LOWER": "gunmen"}]], "attrs": {"LEMMA": "gunman"}}])
    assert index_rules(ruler) is True
    ruler.add([[{"LOWER": {"IN": ["gunmen", "militants"]}}, {"LOWER": {"REGEX": "^attack(ed|s)?$"}}]],
              {"LEMMA": "assailant"})
    assert [t.lemma_ for t in nlp("Gunmen attacked. Gunmen fled. militants attack")] == \
        ["assailant", "", "", "gunman", "", "", "assailant", ""]
    assert len(ruler.patterns) == 2  # what spaCy serialises still comes from its own matcher
