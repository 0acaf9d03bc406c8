"""Property-based tests (Hypothesis) over ingest and extraction with random and hostile input:
never an unhandled exception, always a report or one error that names its source, and every
date that enters a record inside a sane range."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from unmist.errors import IngestError
from unmist.ingest import ingest
from unmist.pipeline import analyse_batch
from unmist.types import Document, Extraction

SANE = (date(1900, 1, 1), date(2100, 1, 1))
STORY = "KHOROG - Three soldiers were killed in an attack on a checkpoint in Khorog on Monday, officials said."
# Text as it comes: any characters, control characters and surrogate-free unicode included.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)
JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
                          max_leaves=6)
DATE_LIKE = st.one_of(TEXT, st.sampled_from(["9999-12-31", "0001-01-01", "2021-02-30", "yesterday", "31/12/1899",
                                             "Mon, 32 Jan 2020", "1e9", ""]), st.dates().map(str))
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check(results: list, source_prefix: str) -> None:
    for result in results:
        assert isinstance(result, (Document, IngestError))
        if isinstance(result, IngestError):
            assert result.source.startswith(source_prefix) and result.reason and "\n" not in result.reason
        else:
            assert result.published is None or SANE[0] <= result.published <= SANE[1]


@FAST
@given(records=st.lists(st.dictionaries(st.sampled_from(["text", "html", "title", "url", "published", "outlet",
                                                         "byline"]), JSON_VALUE, max_size=6), max_size=5),
       junk=st.lists(TEXT, max_size=2))
def test_any_jsonl_gives_reports_or_errors_naming_the_line(tmp_path_factory, records, junk):
    path = tmp_path_factory.mktemp("jsonl") / "reports.jsonl"
    lines = [json.dumps(r) for r in records] + [j.replace("\n", " ") for j in junk]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _check(list(ingest([path])), str(path))


@FAST
@given(title=TEXT, header_date=DATE_LIKE, body=TEXT)
def test_any_text_file_with_any_header_date_gives_a_report_or_an_error(tmp_path_factory, title, header_date, body):
    path = tmp_path_factory.mktemp("txt") / "report.txt"
    path.write_text(f"{title}\nWire | {header_date}\n\n{STORY} {body}\n", encoding="utf-8", errors="replace")
    _check(list(ingest([path])), str(path))


@FAST
@given(raw=st.binary(max_size=600))
def test_any_bytes_give_a_report_or_an_error(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("bytes") / "report.txt"
    path.write_bytes(raw)
    _check(list(ingest([path])), str(path))


@settings(max_examples=25, deadline=None)
@given(noise=TEXT, published=st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1))))
def test_extraction_of_any_text_gives_an_extraction_or_an_error(noise, published):
    text = f"{STORY} {noise} {noise.upper()}"
    document = Document(id=f"doc{abs(hash((noise, published))) % 10**8}", source="random.txt", text=text,
                        title=None, url=None, outlet=None, byline=None, dateline=None, published=published,
                        format="txt")
    for result in analyse_batch([document]):
        assert isinstance(result, (Extraction, IngestError))
        if isinstance(result, Extraction):
            for mention in result.mentions:
                if mention.date and mention.date.start:
                    assert SANE[0] <= mention.date.start <= SANE[1]


@settings(max_examples=15, deadline=None)
@given(url=st.one_of(TEXT, st.builds("http://{}/{}".format, TEXT, TEXT)))
@example(url="http://[abc/news/1")  # a malformed address: no outlet to tell, and no failure
@example(url="https://www.wral.com./news/1")
def test_a_report_with_any_address_gives_an_extraction(url):
    """The address only tells which outlet published the report (its home state and city): any
    string there, well-formed or not, leaves the report extracted."""
    document = Document(id=f"url{abs(hash(url)) % 10**8}", source="feed.jsonl#1", text=STORY, title=None, url=url,
                        outlet=None, byline=None, dateline=None, published=date(2016, 5, 9), format="jsonl")
    assert all(isinstance(result, Extraction) for result in analyse_batch([document]))


@given(file=TEXT.filter(bool), number=st.integers(min_value=0, max_value=2**40), other=TEXT)
def test_a_records_source_reads_back_as_its_number(file, number, other):
    """ingest remembers a record's source as a number (see ingest._SeenTexts): what record_source
    writes, record_number reads back; a source it did not write reads as None or a number it would
    write the same way."""
    from unmist.ingest.readers import record_number, record_source

    assert record_number(record_source(file, number), file) == number
    found = record_number(other, file)
    assert found is None or record_source(file, found) == other
