"""Updates re-link only what new reports reach, and give what re-linking the whole ledger gives.

The corpus is every report unmist can read beside the repository (its demo, the seeds, the
development set: copies, re-posts, misdated reports, cross-border incidents).  It is fed to a
ledger in batches, in several orders (oldest first, newest first, shuffled: a new report can be
the original of an old one, or re-date it), with analysts' decisions in between; after every batch
the updated ledger must equal a full rebuild of the same ledger.
"""

from __future__ import annotations

import random

import pytest

from unmist import incremental, store
from unmist.errors import IngestError
from unmist.ingest import ingest
from unmist.pipeline import EXTRACTION_VERSIONS, analyse, export_ledger, rebuild
from unmist.review.actions import decide

from conftest import new_ledger


@pytest.fixture(scope="module")
def corpus(demo_dir, seeds_dir, devset_dir):
    documents = [d for d in ingest([str(demo_dir), str(seeds_dir), str(devset_dir / "reports")])
                 if not isinstance(d, IngestError)]
    return sorted((analyse(d) for d in documents), key=lambda e: e.document.id)


def _ordered(corpus, order: str):
    if order == "oldest_first":
        return sorted(corpus, key=lambda e: (e.document.published is None, e.document.published, e.document.id))
    if order == "newest_first":
        return sorted(corpus, key=lambda e: (e.document.published is not None, e.document.published, e.document.id),
                      reverse=True)
    shuffled = list(corpus)
    random.Random(11).shuffle(shuffled)
    return shuffled


def _add(sessions, extractions) -> int:
    with sessions.begin() as session:
        for extraction in extractions:
            store.save_extraction(session, extraction=extraction, versions=EXTRACTION_VERSIONS)
    return rebuild(sessions, changed=[e.document.id for e in extractions])


def _assert_update_equals_full_rebuild(sessions) -> None:
    updated = export_ledger(sessions)
    rebuild(sessions)  # no list of changes: the whole ledger is linked again
    rebuilt = export_ledger(sessions)
    assert [d["id"] for d in updated["documents"]] == [d["id"] for d in rebuilt["documents"]]
    for before, after in zip(updated["documents"], rebuilt["documents"]):
        assert before == after, before["id"]
    assert {i["id"] for i in updated["incidents"]} == {i["id"] for i in rebuilt["incidents"]}
    after_by_id = {i["id"]: i for i in rebuilt["incidents"]}
    for incident in updated["incidents"]:
        assert incident == after_by_id[incident["id"]], incident["id"]


@pytest.mark.parametrize("order", ["oldest_first", "newest_first", "shuffled"])
def test_updates_in_batches_equal_a_full_rebuild(corpus, tmp_path, order):
    sessions = store.open_ledger(new_ledger(tmp_path))
    reports = _ordered(corpus, order)
    total = sum(len(e.mentions) for e in corpus)
    relinked = []
    for start in range(0, len(reports), 6):
        relinked.append(_add(sessions, reports[start: start + 6]))
        _assert_update_equals_full_rebuild(sessions)
    # after the first batch (a full build of an empty index), each update links only part of the ledger
    assert all(count < total for count in relinked[1:])
    assert sum(relinked[1:]) < total * (len(relinked) - 1) / 2


def test_an_update_comparing_its_copy_candidates_in_chunks_equals_a_full_rebuild(corpus, tmp_path, monkeypatch):
    # a big update compares its reports' copy candidates a few reports at a time (so that its
    # memory does not grow with the ledger); chunks of two put pairs of new reports within a chunk,
    # across chunks, and pairs of a new and a stored report, on either side of a copy edge
    monkeypatch.setattr(incremental, "COPY_CHUNK", 2)
    sessions = store.open_ledger(new_ledger(tmp_path))
    reports = _ordered(corpus, "shuffled")
    _add(sessions, reports[: len(reports) // 3])
    _add(sessions, reports[len(reports) // 3:])
    copies = [d for d in export_ledger(sessions)["documents"] if any(f.startswith("copy_of:") for f in d["flags"])]
    _assert_update_equals_full_rebuild(sessions)
    assert len(copies) >= 2


def test_an_update_reading_what_it_compares_with_a_few_reports_at_a_time_equals_a_full_rebuild(corpus, tmp_path,
                                                                                               monkeypatch):
    # an update reads the stored reports its mentions may link with, and those its suspects of
    # misdating are compared with, a group at a time and drops them after (so that its memory does
    # not grow with the ledger's density); groups of two reports split every comparison
    monkeypatch.setattr(incremental, "CANDIDATE_REPORTS", 2)
    sessions = store.open_ledger(new_ledger(tmp_path))
    reports = _ordered(corpus, "newest_first")  # stored re-posts, then the originals that re-date them
    _add(sessions, reports[: len(reports) // 2])
    _add(sessions, reports[len(reports) // 2:])
    ledger = export_ledger(sessions)
    _assert_update_equals_full_rebuild(sessions)
    first_half = {e.document.id for e in reports[: len(reports) // 2]}
    assert any("misdated" in d["flags"] for d in ledger["documents"] if d["id"] in first_half)
    assert any({m["document"] in first_half for m in i["mentions"]} == {True, False} for i in ledger["incidents"])


def test_groups_of_comparisons_hold_a_bounded_number_of_reports(monkeypatch):
    monkeypatch.setattr(incremental, "CANDIDATE_REPORTS", 3)
    reached = {"a": {"r1", "r2"}, "b": {"r2", "r3"}, "c": {"r4"}, "d": {"r5", "r6", "r7", "r8"}, "e": set()}
    groups = list(incremental._in_groups(list(reached), reached.__getitem__))
    assert groups == [{"a": reached["a"], "b": reached["b"]}, {"c": reached["c"]}, {"d": reached["d"]}, {"e": set()}]


def test_decisions_between_updates_hold_as_in_a_full_rebuild(corpus, tmp_path):
    sessions = store.open_ledger(new_ledger(tmp_path))
    reports = _ordered(corpus, "shuffled")
    half = len(reports) // 2
    _add(sessions, reports[:half])
    with sessions() as session:
        rows = store.list_incidents(session)
    multi = [r for r in rows if r.reports > 1]
    single = [r for r in rows if r.reports == 1]
    assert multi and len(single) >= 2
    decide(sessions, action="merge", incident_id=single[0].id, analyst="ana", other=single[1].id, reason="same raid")
    decide(sessions, action="split", incident_id=multi[0].id, analyst="ana",
           mention=sorted(f"{m['document']}:{m['index']}" for m in multi[0].record["mentions"])[-1])
    decide(sessions, action="set_best", incident_id=multi[-1].id, analyst="ben", kind="killed", value=7)
    decide(sessions, action="reject_report", incident_id=None, analyst="ben",
           document=multi[-1].record["mentions"][0]["document"])
    _assert_update_equals_full_rebuild(sessions)
    for start in range(half, len(reports), 5):
        _add(sessions, reports[start: start + 5])
        _assert_update_equals_full_rebuild(sessions)
    with sessions() as session:
        decided = [r for r in store.list_incidents(session) if r.record.get("review")]
    assert decided, "the decisions still hold after the updates"


def test_rerunning_the_same_reports_relinks_nothing(corpus, tmp_path):
    sessions = store.open_ledger(new_ledger(tmp_path))
    _add(sessions, corpus)
    before = export_ledger(sessions)
    assert rebuild(sessions, changed=[]) == 0
    assert export_ledger(sessions) == before


def test_reports_stored_by_a_run_that_died_before_linking_are_linked_by_the_next(corpus, tmp_path):
    from unmist import incremental

    sessions = store.open_ledger(new_ledger(tmp_path))
    _add(sessions, corpus[:20])
    with sessions.begin() as session:  # what a run commits before it links: extractions, marked pending
        for extraction in corpus[20:]:
            store.save_extraction(session, extraction=extraction, versions=EXTRACTION_VERSIONS)
        incremental.mark_pending(session, documents=[e.document.id for e in corpus[20:]])
    assert rebuild(sessions, changed=[]) > 0  # the next run, with nothing new of its own
    linked = {m["document"] for i in export_ledger(sessions)["incidents"] for m in i["mentions"]}
    assert {e.document.id for e in corpus[20:] if e.mentions} <= linked
    _assert_update_equals_full_rebuild(sessions)


def test_a_long_run_links_as_it_goes_and_ends_with_the_ledger_of_one_final_link(tmp_path, demo_dir, seeds_dir,
                                                                               monkeypatch):
    from unmist import pipeline

    inputs = [str(demo_dir), str(seeds_dir)]
    at_the_end_db = new_ledger(tmp_path)
    at_the_end = pipeline.run(inputs, db=at_the_end_db)
    monkeypatch.setattr(pipeline, "LINK_REPORTS", 3)  # a link update every 3 stored reports
    monkeypatch.setenv("UNMIST_COMMIT_REPORTS", "2")
    as_it_goes_db = new_ledger(tmp_path)
    as_it_goes = pipeline.run(inputs, db=as_it_goes_db)
    assert as_it_goes.extracted == at_the_end.extracted > 10
    assert as_it_goes.relinked > at_the_end.relinked  # it did link several times
    assert export_ledger(store.open_ledger(as_it_goes_db)) == export_ledger(store.open_ledger(at_the_end_db))


def test_a_run_links_fewer_reports_at_a_time_after_an_update_that_reached_many_mentions(tmp_path, demo_dir, seeds_dir,
                                                                                       monkeypatch):
    """An update's memory grows with the mentions it re-links (its region), which grows with the
    ledger's density: past LINK_MENTIONS, the next update takes fewer reports.  The ledger is the
    one a single final link gives."""
    from unmist import pipeline

    inputs = [str(demo_dir), str(seeds_dir)]
    at_the_end_db = new_ledger(tmp_path)
    pipeline.run(inputs, db=at_the_end_db)
    monkeypatch.setattr(pipeline, "LINK_REPORTS", 10)
    monkeypatch.setattr(pipeline, "LINK_MENTIONS", 4)
    monkeypatch.setenv("UNMIST_COMMIT_REPORTS", "1")
    updates, rebuild = [], pipeline.rebuild

    def counted(sessions, *, changed=None, **options):
        region = rebuild(sessions, changed=changed, **options)
        updates.append((len(changed), region))
        return region

    monkeypatch.setattr(pipeline, "rebuild", counted)
    bounded_db = new_ledger(tmp_path)
    pipeline.run(inputs, db=bounded_db)
    assert len(updates) > 3 and updates[0][0] == 10 and updates[0][1] > 4  # the first reached more than 4 mentions
    for (reports, region), (next_reports, _) in zip(updates, updates[1:-1]):  # the last takes what is left
        assert next_reports == max(1, min(10, reports * 4 // region)) < 10
    assert export_ledger(store.open_ledger(bounded_db)) == export_ledger(store.open_ledger(at_the_end_db))


def test_the_reports_a_link_update_takes_fall_as_its_region_grows():
    from unmist.pipeline import LINK_MENTIONS, LINK_REPORTS, next_link_reports

    assert next_link_reports(LINK_REPORTS, 0) == next_link_reports(LINK_REPORTS, LINK_MENTIONS) == LINK_REPORTS
    taken = [next_link_reports(LINK_REPORTS, region) for region in range(LINK_MENTIONS, 20 * LINK_MENTIONS, 100)]
    assert taken == sorted(taken, reverse=True) and taken[-1] == LINK_REPORTS // 10
    assert next_link_reports(LINK_REPORTS // 2, LINK_MENTIONS // 4) == LINK_REPORTS  # a small region lets them grow again


@pytest.fixture(scope="module")
def weekday_repost(devset_dir, tmp_path_factory):
    """A 2025 re-post of a 2022 border clash whose only tell is its 'on Wednesday' (the reference
    to the Samarkand summit taken out), and the two reports of 2022 that date the clash."""
    folder = tmp_path_factory.mktemp("weekday_repost")
    for name in ("024_kyrgyz_tajik_border_wire.txt", "026_kyrgyz_tajik_border_kyrgyzsite.html"):
        (folder / name).write_bytes((devset_dir / "reports" / name).read_bytes())
    lines = (devset_dir / "reports" / "025_kyrgyz_tajik_border_repost.txt").read_text().splitlines()
    (folder / "repost.txt").write_text("\n".join(lines[:1] + [line for line in lines[1:] if "Samarkand" not in line]))
    extractions = [analyse(d) for d in ingest([str(folder)]) if not isinstance(d, IngestError)]
    repost = next(e for e in extractions if e.document.source.endswith("repost.txt"))
    return repost, [e for e in extractions if e is not repost]


@pytest.mark.parametrize("repost_first", [True, False])
def test_an_update_re_dates_a_weekday_repost_whichever_comes_first(weekday_repost, tmp_path, repost_first):
    """Re-dating by another report's date (the update finds the pair through its day-keyed index
    terms, not by loading every report at the place) works both ways: a new original re-dates the
    stored re-post, and a new re-post is re-dated by the stored originals."""
    repost, originals = weekday_repost
    sessions = store.open_ledger(new_ledger(tmp_path))
    for batch in ([repost], originals) if repost_first else (originals, [repost]):
        _add(sessions, batch)
        _assert_update_equals_full_rebuild(sessions)
    flagged = next(d for d in export_ledger(sessions)["documents"] if d["id"] == repost.document.id)
    assert "misdated" in flagged["flags"] and flagged["misdated"]["content_date"] == "2022-09-14"
