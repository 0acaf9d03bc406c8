"""End to end, as a user runs it: the CLI on real reports into a real SQLite ledger."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import new_ledger

LEDGER_DOCUMENT_KEYS = {"id", "source", "url", "title", "outlet", "byline", "dateline", "published", "flags"}
LEDGER_INCIDENT_KEYS = {"id", "type", "date", "place", "perpetrators", "victims", "targets", "weapons", "figures",
                        "mentions", "sources", "conflicts"}


def unmist(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unmist", *args], cwd=cwd, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=600)


@pytest.fixture(scope="module")
def seeds_ledger(tmp_path_factory, seeds_dir):
    folder = tmp_path_factory.mktemp("seeds")
    db = new_ledger(folder)
    result = unmist("run", str(seeds_dir), "--db", db, cwd=folder)
    assert result.returncode == 0, result.stderr
    exported = unmist("export", "--format", "json", "--db", db, cwd=folder)
    return folder, json.loads(exported.stdout), db


def test_export_follows_the_ledger_contract(seeds_ledger):
    _, ledger, _ = seeds_ledger
    assert ledger["unmist_version"].startswith("0.")
    assert all(LEDGER_DOCUMENT_KEYS <= set(d) for d in ledger["documents"])
    for incident in ledger["incidents"]:
        assert LEDGER_INCIDENT_KEYS <= set(incident)
        assert set(incident["date"]) >= {"start", "end", "precision"}
        assert set(incident["place"]) >= {"name", "country", "admin1", "lat", "lon", "precision"}
        assert set(incident["sources"]) == {"reports", "independent"}
        for figure in incident["figures"].values():
            assert {"low", "best", "high", "values"} <= set(figure)
            for value in figure["values"]:
                assert {"low", "high", "text", "document", "span"} <= set(value)


def test_rasht_ambush_is_one_incident_with_three_tolls(seeds_ledger):
    _, ledger, _ = seeds_ledger
    documents = {d["id"]: d for d in ledger["documents"]}
    ambushes = [i for i in ledger["incidents"] if i["type"] in ("ambush", "armed_assault")
                and {28, 25} <= {v["high"] or v["low"] for v in i["figures"].get("killed", {}).get("values", [])}]
    assert len(ambushes) == 1
    killed = ambushes[0]["figures"]["killed"]
    assert sorted(((v["low"], v["high"]) for v in killed["values"]), key=str) == [(25, 25), (28, 28), (None, 35)]
    assert (killed["low"], killed["high"]) == (25, 35) and killed["conflict"]
    for value in killed["values"]:
        assert value["sentence"] and value["text"] in value["sentence"]
    outlets = {documents[v["document"]]["outlet"] for v in killed["values"]}
    assert "Reuters" in outlets


def test_every_span_points_into_the_stored_text(seeds_ledger):
    from unmist import store

    _, ledger, db = seeds_ledger
    with store.open_ledger(db)() as session:
        texts = {d.id: d.text for d in store.load_documents(session).values()}
    for incident in ledger["incidents"]:
        for figure in incident["figures"].values():
            for value in figure["values"]:
                start, end = value["span"]
                assert texts[value["document"]][start:end] == value["text"]


def test_khujand_bombing_and_lakkon_raid_are_found(seeds_ledger):
    _, ledger, _ = seeds_ledger
    places = {(i["place"]["name"], i["type"]) for i in ledger["incidents"]}
    assert ("Khujand", "suicide_bombing") in places
    assert any(name == "Lakkon" for name, _ in places)


def test_second_run_changes_nothing(seeds_ledger, seeds_dir):
    folder, ledger, db = seeds_ledger
    again = unmist("run", str(seeds_dir), "--db", db, "--json", cwd=folder)
    summary = json.loads(again.stdout)
    assert summary["extracted"] == 0 and summary["unchanged"] == 5
    second = json.loads(unmist("export", "--db", db, cwd=folder).stdout)
    assert second == ledger


def test_bad_inputs_are_reported_and_the_rest_is_stored(tmp_path, demo_dir, ledger):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "empty.txt").write_text("")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (inputs / "big.txt").write_bytes(b"x" * 20_000_000)
    (inputs / "latin1.txt").write_bytes("Bomb in Osh\nOsh Times | 2 June 2021\n\nOSH - A bomb "
                                        "exploded outside a caf\xe9 on Wednesday, killing two people, police said."
                                        .encode("latin-1"))
    (inputs / "good.txt").write_bytes((demo_dir / "008_amuwire_termez_clash.txt").read_bytes())
    result = unmist("run", str(inputs), "--db", ledger, cwd=tmp_path)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(lines) == 3
    assert any("empty.txt: empty file" in line for line in lines)
    assert any("binary.txt: binary file" in line for line in lines)
    assert any("big.txt: file too large" in line for line in lines)
    exported = json.loads(unmist("export", "--db", ledger, cwd=tmp_path).stdout)
    assert len(exported["documents"]) == 2
    before = exported
    unmist("run", str(tmp_path / "missing-folder"), "--db", ledger, cwd=tmp_path)
    assert json.loads(unmist("export", "--db", ledger, cwd=tmp_path).stdout) == before


def test_demo_lists_incidents_and_show_gives_sources_side_by_side(tmp_path, ledger):
    result = unmist("demo", "--db", ledger, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    listed = json.loads(unmist("incidents", "--db", ledger, "--json", cwd=tmp_path).stdout)
    ambush = next(i for i in listed if i["type"] == "ambush")
    assert ambush["sources"]["reports"] == 4
    assert "killed" in ambush["conflicts"]
    shown = unmist("show", ambush["id"][:8], "--db", ledger, cwd=tmp_path)
    assert "Pamir Wire" in shown.stdout and "Dushanbe Daily" in shown.stdout
    csv_text = unmist("export", "--format", "csv", "--db", ledger, cwd=tmp_path).stdout
    assert csv_text.splitlines()[0].startswith("id,type,date_start")
    # the list pages: one row at a time, the same order as the whole list, and it says so
    second = unmist("incidents", "--db", ledger, "--json", "--limit", "1", "--offset", "1", cwd=tmp_path)
    assert [i["id"] for i in json.loads(second.stdout)] == [listed[1]["id"]]
    table = unmist("incidents", "--db", ledger, "--limit", "1", cwd=tmp_path)
    assert listed[0]["id"][:8] in table.stdout and listed[1]["id"][:8] not in table.stdout
    assert f"Rows 1-1 of {len(listed)} incident(s)" in table.stderr


def test_parallel_extraction_gives_the_same_ledger(tmp_path, demo_dir):
    one, two = new_ledger(tmp_path), new_ledger(tmp_path)
    assert unmist("run", str(demo_dir), "--db", one, cwd=tmp_path).returncode == 0
    assert unmist("run", str(demo_dir), "--db", two, "--jobs", "2", cwd=tmp_path).returncode == 0
    first = json.loads(unmist("export", "--db", one, cwd=tmp_path).stdout)
    second = json.loads(unmist("export", "--db", two, cwd=tmp_path).stdout)
    assert first["incidents"] == second["incidents"]


def test_a_ledger_kept_in_the_reports_folder_is_not_read_as_a_report(tmp_path, demo_dir):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "wire.txt").write_bytes((demo_dir / "008_amuwire_termez_clash.txt").read_bytes())
    for _ in range(2):  # the second run finds the ledger and its write-ahead log beside the report
        result = unmist("run", str(reports), "--db", str(reports / "ledger.db"), "--json", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["errors"] == []


def test_extending_the_knowledge_reads_the_reports_again(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "raid.txt").write_text(
        "Gunmen raid police post in Sughd\nValley Wire | 4 May 2023\n\n"
        "KHUJAND - Gunmen attacked a police post near Isfara on Wednesday, killing two officers, the Interior "
        "Ministry said.\n\nJamoati Zarafshon claimed responsibility for the attack in a statement on Thursday.\n")
    db = str(tmp_path / "ledger.db")

    def perpetrators(env=None):
        result = subprocess.run([sys.executable, "-m", "unmist", "run", str(reports), "--db", db, "--json"],
                                cwd=tmp_path, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600,
                                env=env)
        assert result.returncode == 0, result.stderr
        exported = json.loads(unmist("export", "--db", db, cwd=tmp_path).stdout)
        # groups only: the learned model may add who did it as the report describes them ('Gunmen')
        return json.loads(result.stdout)["extracted"], [p["name"] for i in exported["incidents"] for p in i["perpetrators"]
                                                        if p["kind"] != "individual"]

    assert perpetrators() == (1, ["Jamoati Zarafshon"])  # an unknown claimant, under the report's name
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    (knowledge / "groups.jsonl").write_text(json.dumps(
        {"name": "Zarafshan Legion", "aliases": ["Zarafshan Legion", "Jamoati Zarafshon"]}) + "\n")
    import os

    assert perpetrators({**os.environ, "UNMIST_KNOWLEDGE": str(knowledge)}) == (1, ["Zarafshan Legion"])
