"""One reader per input format, in a plain registry keyed by file suffix."""

from __future__ import annotations

import logging

import gzip
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TypeVar

from ..errors import IngestError
from ..types import Document
from .html import html_to_report
from .text import (Report, date_from_dateline, date_from_dateline_and_url, date_from_url, parse_date, parse_plain_text,
                   without_wire_tags)

Reader = Callable[[Path, bytes], Iterator[Document | IngestError]]
READERS: dict[str, Reader] = {}
# Archives of many reports (JSONL, WARC) are read a record at a time from the open file, and the size
# limit holds for each report, not for the file that carries thousands of them.
Streamer = Callable[[Path, int], Iterator[Document | IngestError]]
STREAMERS: dict[str, Streamer] = {}

F = TypeVar("F", Reader, Streamer)

# Bytes that never occur in a text report; one of them in the first 8 kB marks a binary file.
BINARY_SNIFF_BYTES = 8192


def _registrar(registry: dict[str, F]) -> Callable[..., Callable[[F], F]]:
    """A decorator factory that files a function in ``registry`` under each suffix it names."""
    def for_suffixes(*suffixes: str) -> Callable[[F], F]:
        def register(function: F) -> F:
            for suffix in suffixes:
                registry[suffix] = function
            return function

        return register

    return for_suffixes


reader = _registrar(READERS)  # @reader(".txt"): a whole-file reader
streamer = _registrar(STREAMERS)  # @streamer(".jsonl"): an archive read a record at a time


def known_suffixes() -> list[str]:
    return sorted(set(READERS) | set(STREAMERS))


def read_file(path: Path, *, max_bytes: int) -> Iterator[Document | IngestError]:
    """Check size and content, then hand the bytes to the reader for the file's suffix."""
    source = str(path)
    suffix = "".join(path.suffixes[-2:]).lower() if path.name.lower().endswith(".gz") else path.suffix.lower()
    if suffix in STREAMERS:
        yield from STREAMERS[suffix](path, max_bytes)
        return
    if suffix not in READERS:
        yield IngestError(source, f"unsupported file type '{suffix or path.name}' (known: {', '.join(known_suffixes())})")
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield IngestError(source, f"file too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB)")
            return
        data = path.read_bytes()
    except OSError as err:
        yield IngestError(source, f"cannot read file ({err.strerror})")
        return
    if not data.strip():
        yield IngestError(source, "empty file")
        return
    yield from READERS[suffix](path, data)


log = logging.getLogger("unmist.ingest")


def decode_text(source: str, data: bytes) -> str:
    """UTF-8 first (a few stray bytes replaced, with a warning naming the file: one bad byte must not
    garble a whole report as 'CafÃ©'); Windows-1252/Latin-1 for files that are not UTF-8; binary
    content is refused."""
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise IngestError(source, "binary file, not text")
    for encoding in ("utf-8-sig", "utf-8-mostly", "cp1252", "latin-1"):
        try:
            text = _mostly_utf8(source, data) if encoding == "utf-8-mostly" else data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text[:BINARY_SNIFF_BYTES] if ord(ch) < 32 and ch not in "\n\r\t\f")
        if controls > 8:
            raise IngestError(source, "binary file, not text")
        return text
    raise IngestError(source, "cannot decode text")  # pragma: no cover - latin-1 decodes anything


# A file is read as UTF-8 with its bad bytes replaced when they are at most this many, and fewer
# than its good UTF-8 characters or this share of its bytes; more, and it is in another encoding.
STRAY_BYTES = 16
STRAY_SHARE = 0.001


def _mostly_utf8(source: str, data: bytes) -> str:
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8-sig", errors="ignore").count("\ufffd")
    others = sum(1 for ch in text if ord(ch) > 127) - text.count("\ufffd")  # valid multi-byte characters
    if bad > STRAY_BYTES or bad > max(others, STRAY_SHARE * len(data)):
        # many bad bytes, or more than the file's good UTF-8 characters: another encoding ('Caf\xe9')
        raise UnicodeDecodeError("utf-8", data, 0, 1, f"{bad} invalid sequences")
    log.warning("%s: %d byte sequence(s) are not UTF-8 and were replaced", source, bad)
    return text


# Control characters no report needs (NUL breaks PostgreSQL text columns); newlines and tabs stay.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def make_document(source: str, report: Report, *, fmt: str, url: str | None = None) -> Document | IngestError:
    text = CONTROL_CHARACTERS.sub("", report.text).strip()
    if len(text) < 40:
        return IngestError(source, "no report text found")
    published, published_from = _publication_date(report, text, url)
    if report.published and published != report.published:
        log.warning("%s: publication date %s is before %s or after today: not used", source, report.published,
                    EARLIEST_PUBLISHED.year)
    return Document(
        id=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
        source=source,
        text=text,
        title=_clean(without_wire_tags(report.title)),
        outlet=_clean(report.outlet),
        byline=_clean(report.byline),
        dateline=_clean(report.dateline),
        published=published,
        url=_clean(url),
        format=fmt,
        published_from=published_from,
    )


def _clean(value: str | None) -> str | None:
    """A metadata field without control characters (a NUL in a title breaks PostgreSQL too)."""
    if value is None:
        return None
    cleaned = CONTROL_CHARACTERS.sub("", value).strip()
    return cleaned or None


def _publication_date(report: Report, text: str, url: str | None) -> tuple[date | None, str | None]:
    """The date the report states, else the one in its address, else the one in its dateline (in the
    address's year when the dateline gives none: 'KHARTOUM, June 12 (Reuters) -' under '/2024/06/'); a
    date outside the years news can carry ('9999-12-31', '0001-01-01') is no date."""
    if report.published and _plausible_date(report.published):
        return report.published, report.published_from or "stated"
    for read, origin in ((lambda: date_from_url(url), "url"), (lambda: date_from_dateline(text), "dateline"),
                         (lambda: date_from_dateline_and_url(text, url), "dateline")):
        found = read()  # each read only when the ones before it found no date
        if found is not None and _plausible_date(found):
            return found, origin
    return None, None


# The earliest publication date a report may carry, and how far past today (clocks, time zones).
EARLIEST_PUBLISHED = date(1900, 1, 1)
FUTURE_SLACK_DAYS = 2


def _plausible_date(value: date) -> bool:
    from datetime import timedelta

    return EARLIEST_PUBLISHED <= value <= date.today() + timedelta(days=FUTURE_SLACK_DAYS)


@reader(".txt", ".text")
def read_text(path: Path, data: bytes) -> Iterator[Document | IngestError]:
    try:
        text = decode_text(str(path), data)
    except IngestError as err:
        yield err
        return
    yield make_document(str(path), parse_plain_text(text), fmt="txt")


@reader(".html", ".htm", ".xhtml")
def read_html(path: Path, data: bytes) -> Iterator[Document | IngestError]:
    try:
        html = decode_text(str(path), data)
    except IngestError as err:
        yield err
        return
    report = html_to_report(html)
    if report is None:
        yield IngestError(str(path), "no article text found in the HTML")
        return
    yield make_document(str(path), report, fmt="html")


@streamer(".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
def stream_jsonl(path: Path, max_bytes: int) -> Iterator[Document | IngestError]:
    """One report a line: ``text`` or ``html``, optional ``url``, ``title``, ``published``, ``outlet``,
    ``byline``.  Read line by line (gzip'd or not): memory holds one report at a time."""
    empty = True
    for item in _records(path, lambda handle: enumerate(handle, 1)):
        if isinstance(item, IngestError):
            yield item
            return
        source, raw = item
        if len(raw) > max_bytes:
            yield _too_large(source, len(raw), max_bytes)
            continue
        empty = empty and not raw.strip()
        yield from _jsonl_line(source, raw)
    if empty:
        yield IngestError(str(path), "empty file")


def _records(path: Path, numbered: Callable) -> Iterator[tuple[str, object] | IngestError]:
    """('<file>#<n>', record) for each record ``numbered(handle)`` finds in the archive file, opened as
    it is (gzip'd or not); a file that cannot be read, or breaks off, ends with an error naming it."""
    try:
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "rb") as handle:
            for number, record in numbered(handle):
                yield record_source(path, number), record
    except (OSError, EOFError) as err:
        yield IngestError(str(path), f"cannot read file ({getattr(err, 'strerror', None) or err})")


def record_source(path: Path | str, number: int) -> str:
    """The source of an archive's ``number``-th record, '<file>#<number>'; the file itself for 0."""
    return f"{path}#{number}" if number else str(path)


def record_number(source: str, file: str) -> int | None:
    """The record number that ``record_source`` wrote into ``source`` for ``file`` (0: the file
    itself), or None for a source of another shape."""
    if source == file:
        return 0
    number = source[len(file) + 1:] if source.startswith(f"{file}#") else ""
    # record_source writes a positive number without leading zeros: '#0' or '#07' is another shape
    return int(number) if number.isascii() and number.isdigit() and number[0] != "0" else None


def _too_large(source: str, size: int, max_bytes: int) -> IngestError:
    return IngestError(source, f"report too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB)")


def _jsonl_line(source: str, raw: bytes) -> Iterator[Document | IngestError]:
    if not raw.strip():
        return
    try:
        record = json.loads(decode_text(source, raw))
    except IngestError as err:
        yield err
        return
    except json.JSONDecodeError as err:
        yield IngestError(source, f"not valid JSON ({err.msg})")
        return
    if not isinstance(record, dict) or not (record.get("text") or record.get("html")):
        yield IngestError(source, "a JSONL line needs a 'text' or 'html' field")
        return
    wrong = [name for name in RECORD_FIELDS if record.get(name) is not None and not isinstance(record[name], str)]
    if wrong:
        yield IngestError(source, f"field '{wrong[0]}' must be a string, not {type(record[wrong[0]]).__name__}")
        return
    yield _record_to_document(source, record)


# The fields a JSONL report may carry; each is text (or absent / null).
RECORD_FIELDS = ("text", "html", "title", "url", "published", "outlet", "byline")


def _record_to_document(source: str, record: dict) -> Document | IngestError:
    if record.get("html"):
        report = html_to_report(str(record["html"]))
        if report is None:
            return IngestError(source, "no article text found in the HTML")
    else:
        report = parse_plain_text(str(record["text"]), has_header=False)
    published = parse_date(str(record["published"])) if record.get("published") else None
    report = report.with_metadata(
        title=record.get("title"), outlet=record.get("outlet"), published=published, byline=record.get("byline")
    )
    return make_document(source, report, fmt="jsonl", url=record.get("url"))


@reader(".rss", ".atom", ".xml")
def read_feed(path: Path, data: bytes) -> Iterator[Document | IngestError]:
    """RSS and Atom feeds: one report per entry, its content (or summary) as HTML."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        yield IngestError(str(path), "no feed entries found (not an RSS/Atom feed?)")
        return
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, 1):
        html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        published = _struct_time_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        record = {"html": f"<html><body><article><p>{html}</p></article></body></html>", "title": entry.get("title"),
                  "url": entry.get("link"), "outlet": outlet, "byline": entry.get("author")}
        document = _record_to_document(record_source(path, number), record)
        if isinstance(document, Document) and published and not document.published:
            document = _replace(document, published=published, published_from="stated", format="feed")
        yield document


@streamer(".warc", ".warc.gz")
def stream_warc(path: Path, max_bytes: int) -> Iterator[Document | IngestError]:
    """WARC archives (gzip'd or not), a record at a time: each HTML response is one report."""
    found = False
    for item in _records(path, _html_responses):
        if isinstance(item, IngestError):
            yield item
            return
        source, (url, length, read) = item
        found = True
        if length > max_bytes:
            yield _too_large(source, length, max_bytes)
            continue
        yield _record_to_document(source, {"html": read().decode("utf-8", errors="replace"), "url": url})
    if not found:
        yield IngestError(str(path), "no HTML response records in the WARC file")


def _html_responses(handle) -> Iterator[tuple[int, tuple[str | None, int, Callable[[], bytes]]]]:
    """(number, (target URL, length, read payload)) of the HTML responses in a WARC stream."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    for number, record in enumerate(ArchiveIterator(handle, record_types=WarcRecordType.response), 1):
        content_type = record.http_headers.get("Content-Type", "") if record.http_headers else ""
        if "html" in content_type.lower():
            yield number, (record.headers.get("WARC-Target-URI"), record.content_length, record.reader.read)


def _struct_time_date(value) -> date | None:
    return date(value.tm_year, value.tm_mon, value.tm_mday) if value else None


def _replace(document: Document, **changes) -> Document:
    from dataclasses import replace

    return replace(document, **changes)
