"""Extraction never hangs and never raises, whatever the text: all capitals, no capitals, another
script, tables, lists, one endless sentence, decoded noise; a report over its time budget is
skipped with one line naming it, and the run goes on."""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import pytest

from unmist.budget import BudgetExceeded, time_budget
from unmist.errors import IngestError
from unmist.ingest import ingest
from unmist.pipeline import analyse_many
from unmist.types import Document, Extraction

from conftest import SHARED

pytestmark = pytest.mark.ledger_free  # skipped in CI's PostgreSQL pass (conftest)

NEWS = ("Gunmen attacked a police checkpoint near the town on Sunday, killing three officers and wounding "
        "five civilians, the interior ministry said. No group has claimed responsibility for the attack. ")


def _noise(seed: int, size: int) -> str:
    rng = random.Random(seed)
    return bytes(rng.randrange(256) for _ in range(size)).decode("utf-8", errors="replace")


HOSTILE = {
    "all_capitals": NEWS.upper() * 3,
    "all_lower_case": NEWS.lower() * 3,
    "russian": "Боевики напали на блокпост полиции в воскресенье, убив трёх полицейских. " * 5,
    "table": "\n".join("| district | killed | wounded |" if i == 0 else f"| D{i} | {i} | {2 * i} |" for i in range(60)),
    "list": "\n".join(f"- {i} killed in attack number {i}" for i in range(80)),
    "one_endless_sentence": ("and the soldiers who were killed by the men who attacked them " * 1700)[:100_000],
    "decoded_noise": _noise(7, 6000),
    "punctuation_only": "!?.,;:--((()))[]" * 200,
}


def _reports(texts: dict[str, str]) -> list[Document]:
    """Documents as extraction receives them (ingest would refuse a table or noise as no report text)."""
    return [Document(id=f"hostile-{name}", source=f"hostile/{name}.txt", text=text, title=name)
            for name, text in texts.items()]


def test_hostile_text_is_extracted_without_error_within_the_budget():
    documents = _reports(HOSTILE)
    results = list(analyse_many(documents, seconds=120))
    failures = [str(r) for r in results if not isinstance(r, Extraction)]
    assert failures == []


def test_a_report_over_its_budget_is_skipped_with_its_name_and_the_run_goes_on():
    documents = _reports({"long": HOSTILE["one_endless_sentence"], "short": NEWS})
    slow, quick = analyse_many(documents, seconds=0.05)
    assert isinstance(slow, IngestError)
    assert str(slow) == "hostile/long.txt: skipped: extraction took longer than 0.05 s"
    assert isinstance(quick, Extraction | IngestError)  # the next report is still tried


def test_the_budget_interrupts_a_loop_that_never_ends():
    started = time.monotonic()
    with pytest.raises(BudgetExceeded):
        with time_budget(0.2):
            while True:
                pass
    assert time.monotonic() - started < 30


def test_the_budget_rings_again_when_its_first_alarm_is_swallowed():
    """Python drops an exception raised inside a garbage-collector callback or a __del__; the
    alarm repeats, so a block that would never end is still stopped."""
    swallowed, finished = 0, False
    with pytest.raises(BudgetExceeded):
        with time_budget(0.05):
            end = time.monotonic() + 20
            while time.monotonic() < end:
                try:
                    time.sleep(0.01)
                except BudgetExceeded:
                    if swallowed:
                        raise
                    swallowed += 1  # what Python does to an exception in a gc callback
            finished = True
    assert swallowed == 1 and not finished


def test_a_block_that_overran_its_budget_is_over_it_even_when_the_alarm_was_lost(monkeypatch):
    """An alarm due inside one long C call (the parser) is handled only after it returns and may be
    lost when the handler is put back; the block is still over its budget."""
    import signal

    monkeypatch.setattr(signal, "setitimer", lambda *args: (0.0, 0.0))  # an alarm that never rings
    with pytest.raises(BudgetExceeded):
        with time_budget(0.05):
            time.sleep(0.1)
    with time_budget(5):
        pass  # a block within its budget ends quietly


def test_an_error_from_a_worker_process_survives_the_trip_back():
    import pickle

    error = pickle.loads(pickle.dumps(IngestError("a.txt", "extraction failed")))
    assert (error.source, error.reason, str(error)) == ("a.txt", "extraction failed", "a.txt: extraction failed")


def test_all_capitals_wire_reports_extract_without_error(tmp_path):
    """A slice of MUC-4 (1989-90 all-capitals wire text) that once hung or crashed the extractor;
    bench/robustness.py runs all 1,500 reports."""
    lines = (SHARED / "muc4" / "data" / "train.jsonl").read_text(encoding="utf-8").splitlines()[:30]
    path = tmp_path / "muc4.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    documents = [d for d in ingest([path]) if not isinstance(d, IngestError)]
    results = list(analyse_many(documents, seconds=120))
    assert [str(r) for r in results if not isinstance(r, Extraction)] == []


REPORT = "KHOROG - Three soldiers were killed in an attack on a checkpoint in Khorog on Monday, officials said.\n"


def test_one_stray_byte_keeps_a_utf8_file_utf8_and_a_cp1252_file_is_still_read(tmp_path, caplog):
    stray = tmp_path / "stray.txt"
    stray.write_bytes(("Café owners in Khorog said " + REPORT).encode() + b"\xff more.\n")
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(("Caf\xe9 owners in Khorog said " + REPORT).encode("cp1252"))
    with caplog.at_level("WARNING", logger="unmist.ingest"):
        documents = {d.source: d for d in ingest([stray, legacy])}
    assert documents[str(stray)].text.startswith("Café") and "\ufffd" in documents[str(stray)].text
    assert documents[str(legacy)].text.startswith("Café")
    assert any("stray.txt" in r.getMessage() and "not UTF-8" in r.getMessage() for r in caplog.records)


def test_an_impossible_publication_date_is_named_and_not_used(tmp_path, caplog):
    path = tmp_path / "far.jsonl"
    path.write_text(json.dumps({"text": REPORT, "published": "9999-12-31", "url": "https://x.example/2019/03/11/a"}) + "\n")
    with caplog.at_level("WARNING", logger="unmist.ingest"):
        (document,) = ingest([path])
    assert str(document.published) == "2019-03-11" and document.published_from == "url"
    assert any("far.jsonl#1" in r.getMessage() and "9999-12-31" in r.getMessage() for r in caplog.records)


def test_links_that_lead_nowhere_and_repeated_texts_are_named_not_skipped_silently(tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_text(REPORT)
    (tmp_path / "reports" / "dead.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "copy.jsonl").write_text('{"text": %s, "url": "https://other.example/x"}\n' % json.dumps(REPORT))
    results = list(ingest([tmp_path / "reports", tmp_path / "loop", tmp_path / "copy.jsonl"]))
    documents = [r for r in results if isinstance(r, Document)]
    errors = {Path(e.source).name: e.reason for e in results if isinstance(e, IngestError)}
    assert len(documents) == 1
    assert "leads nowhere" in errors["dead.txt"] and "leads nowhere" in errors["loop"]
    assert any(reason.startswith("same text as") for name, reason in errors.items() if name.startswith("copy.jsonl"))


@pytest.mark.parametrize("merged_every", [4096, 1, 2])
def test_a_repeated_text_names_the_file_and_the_record_it_was_first_read_from(tmp_path, monkeypatch, merged_every):
    """A run remembers every text it read by number (see ingest._SeenTexts), and still names where
    the first copy came from, a file or a file's record, before and after those numbers are merged
    into its sorted arrays."""
    import unmist.ingest

    monkeypatch.setattr(unmist.ingest, "SEEN_MERGE", merged_every)
    other = "Gunmen killed four people at a market in Kunduz on Monday, police said."
    (tmp_path / "a.txt").write_text(REPORT)
    lines = [{"text": other, "url": "https://one.example/x"},
             {"text": "A roadside bomb wounded two policemen in Herat on Friday, a provincial spokesman said."},
             {"text": other, "url": "https://two.example/y"}, {"text": REPORT}]
    (tmp_path / "b.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    results = list(ingest([tmp_path / "a.txt", tmp_path / "b.jsonl"]))
    errors = {e.source: e.reason for e in results if isinstance(e, IngestError)}
    assert errors == {f"{tmp_path / 'b.jsonl'}#3": f"same text as {tmp_path / 'b.jsonl'}#1: stored once",
                      f"{tmp_path / 'b.jsonl'}#4": f"same text as {tmp_path / 'a.txt'}: stored once"}
    assert len([r for r in results if isinstance(r, Document)]) == 3


def test_the_texts_a_run_has_read_are_found_again_whatever_order_they_came_in(monkeypatch):
    """Hundreds of reports in two archives and a file, merged into the sorted arrays seven at a
    time: each text is found again with where it was first read, and a new text is not found."""
    import hashlib
    from types import SimpleNamespace

    import unmist.ingest

    monkeypatch.setattr(unmist.ingest, "SEEN_MERGE", 7)
    seen = unmist.ingest._SeenTexts()
    reports = [(Path(file), f"{file}#{n}" if file.endswith(".jsonl") else file,
                hashlib.sha256(f"{file}{n}".encode()).hexdigest()[:16])
               for file, count in (("a.jsonl", 300), ("b.txt", 1), ("c.jsonl", 200)) for n in range(1, count + 1)]
    assert all(seen.remember(SimpleNamespace(id=digest, source=source), path) is None for path, source, digest in reports)
    again = Path("again.jsonl")
    assert all(seen.remember(SimpleNamespace(id=digest, source="again.jsonl#1"), again) == source
               for _, source, digest in reports)
    assert seen.remember(SimpleNamespace(id="an id of another shape", source="feed.xml#entry-7"), Path("feed.xml")) is None
    assert seen.remember(SimpleNamespace(id="an id of another shape", source="x"), Path("x")) == "feed.xml#entry-7"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders without permission")
def test_a_folder_without_permission_is_named(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(REPORT)
    locked.chmod(0)
    try:
        errors = [r for r in ingest([tmp_path]) if isinstance(r, IngestError)]
    finally:
        locked.chmod(0o755)
    assert errors and "cannot read folder" in errors[0].reason


def test_nul_and_control_characters_never_reach_a_stored_field(tmp_path, ledger):
    path = tmp_path / "nul.jsonl"
    path.write_text(json.dumps({"text": "KHOROG\u0000 - " + REPORT, "title": "Attack\u0000 in\u0007 Khorog",
                                "url": "https://example.org/a\u0000", "outlet": "Wire\u0000"}) + "\n")
    document = next(r for r in ingest([path]) if isinstance(r, Document))
    for value in (document.text, document.title, document.url, document.outlet):
        assert "\x00" not in value and "\x07" not in value
    from unmist.pipeline import run

    summary = run([str(path)], db=ledger)  # PostgreSQL in CI: a NUL would fail the whole batch
    assert summary.extracted == 1 and not summary.errors


def test_a_batch_leaves_none_of_its_words_in_the_vocabularies():
    """A run over an archive meets millions of words no model has seen (names, numbers, typos); the
    vocabularies forget each batch's when it ends, and the extraction still holds them."""
    from unmist.extract.learned import load_roles_model
    from unmist.extract.nlp import load_pipeline

    place, victim = "Vrelkosti", "Ondrazel Quimbray"
    text = (f"Gunmen shot dead {victim} at a checkpoint outside {place} on Sunday, police said. "
            "No group has claimed responsibility for the attack.")
    vocabularies = [load_pipeline().vocab.strings] + ([load_roles_model().vocab.strings] if load_roles_model() else [])
    known_before = [len(strings) for strings in vocabularies]
    extraction, = analyse_many(_reports({"unseen_words": text}))
    assert isinstance(extraction, Extraction) and extraction.mentions
    assert victim.lower() in extraction.mentions[0].names  # the extraction keeps the words as text
    for strings, before in zip(vocabularies, known_before):
        assert not {place, "Ondrazel", "Quimbray", place.lower()} & set(strings)
        assert len(strings) <= before


def test_batches_read_by_two_threads_of_one_process_give_what_one_thread_gives():
    """A Dask worker with two threads runs two batches at once in one process; each batch's memory
    zone must not free the words of the other's."""
    from concurrent.futures import ThreadPoolExecutor

    from unmist.pipeline import analyse_batch

    batches = [_reports({f"{name}{n}": text for n in range(3)}) for name, text in
               (("news", NEWS), ("caps", HOSTILE["all_capitals"]), ("lower", HOSTILE["all_lower_case"]))]
    alone = [[r.mentions for r in analyse_batch(batch, None)] for batch in batches]
    with ThreadPoolExecutor(max_workers=3) as pool:
        together = [[r.mentions for r in results] for results in pool.map(lambda b: analyse_batch(b, None), batches * 2)]
    assert together == alone * 2
