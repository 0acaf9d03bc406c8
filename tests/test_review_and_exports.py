"""A ledger for teams: analyst decisions survive re-runs, one writer at a time, standard exports."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from unmist import store
from unmist.pipeline import export_ledger, run


def unmist(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unmist", *args], cwd=cwd, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=600)


def _incidents(db: str) -> list[dict]:
    return export_ledger(store.open_ledger(db))["incidents"]


def _by(incidents: list[dict], **where) -> dict:
    return next(i for i in incidents if all(i.get(k) == v for k, v in where.items()))


def test_decisions_survive_a_rerun_with_new_reports(tmp_path, demo_dir, ledger):
    first = tmp_path / "first"
    first.mkdir()
    for path in demo_dir.iterdir():
        if not path.name.startswith(("006", "010")):
            shutil.copy(path, first / path.name)
    assert unmist("run", str(first), "--db", ledger, cwd=tmp_path).returncode == 0
    incidents = _incidents(ledger)
    ambush, termez = _by(incidents, type="ambush"), _by(incidents, type="border_clash")
    background = next(i for i in incidents if i["place"]["name"] == "Rasht Valley")

    steps = [
        ("review", "set-best", ambush["id"], "killed", "11", "--why", "hospital list"),
        ("review", "correct", termez["id"], "--field", "type", "--value", "armed_clash"),
        ("review", "merge", ambush["id"], background["id"], "--why", "same valley campaign, per editor"),
        ("review", "confirm", ambush["id"], "--field", "figures.wounded"),
    ]
    for step in steps:
        result = unmist(*step, "--db", ledger, "--by", "analyst-1", cwd=tmp_path)
        assert result.returncode == 0, result.stderr

    assert unmist("run", str(demo_dir), "--db", ledger, cwd=tmp_path).returncode == 0  # the same plus new reports
    incidents = _incidents(ledger)
    ambush = next(i for i in incidents if i["type"] == "ambush")
    assert ambush["figures"]["killed"]["best"] == 11
    assert ambush["review"]["corrected"]["figures.killed.best"]["machine"] == 9
    assert any(m["sentence"].startswith("The Rasht valley was the scene") for m in ambush["mentions"])
    assert all(v.get("confirmed") for v in ambush["figures"]["wounded"]["values"])
    assert next(i for i in incidents if i["place"]["name"] in ("Tirmiz", "Termez"))["type"] == "armed_clash"
    osh = next(i for i in incidents if i["place"]["name"] == "Osh")
    assert osh["sources"]["reports"] == 3  # the new reports joined their incident

    history = json.loads(unmist("history", ambush["id"], "--db", ledger, "--json", cwd=tmp_path).stdout)
    assert [d["action"] for d in history] == ["set_best", "merge", "confirm"]
    assert {d["analyst"] for d in history} == {"analyst-1"}
    assert history[1]["reason"] == "same valley campaign, per editor"


def test_a_correction_contradicted_by_new_evidence_is_shown(tmp_path, demo_dir, ledger):
    run([str(demo_dir)], db=ledger)
    ambush = _by(_incidents(ledger), type="ambush")
    result = unmist("review", "set-best", ambush["id"], "killed", "40", "--db", ledger, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    ambush = _by(_incidents(ledger), type="ambush")
    assert ambush["figures"]["killed"]["best"] == 40
    assert [c["field"] for c in ambush["review"]["conflicts"]] == ["figures.killed.best"]


def test_split_and_reject_report(tmp_path, demo_dir, ledger):
    run([str(demo_dir)], db=ledger)
    ambush = _by(_incidents(ledger), type="ambush")
    daily = next(m for m in ambush["mentions"] if m["outlet"] == "Dushanbe Daily")
    assert unmist("review", "split", ambush["id"], "--mention", daily["document"], "--db", ledger, cwd=tmp_path).returncode == 0
    incidents = _incidents(ledger)
    assert any(i["sources"]["reports"] == 1 and i["mentions"][0]["document"] == daily["document"] for i in incidents)
    blog = next(m for m in ambush["mentions"] if m["outlet"] == "Valley Watch")
    assert unmist("review", "reject-report", blog["document"], "--db", ledger, cwd=tmp_path).returncode == 0
    ambush = max((i for i in _incidents(ledger) if i["type"] == "ambush"), key=lambda i: i["sources"]["reports"])
    assert blog["document"] not in {m["document"] for m in ambush["mentions"]}
    assert ambush["figures"]["killed"]["high"] == 9  # the blog's 'as many as 14' left with it


def test_a_second_writer_is_told_the_ledger_is_busy(tmp_path, demo_dir, ledger):
    run([str(demo_dir / "005_steppewire_osh_bombing.txt")], db=ledger)
    sessions = store.open_ledger(ledger)
    store.acquire_lock(sessions, holder="another unmist run")
    try:
        result = unmist("run", str(demo_dir), "--db", ledger, cwd=tmp_path)
        assert result.returncode == 2
        assert "ledger busy: another unmist run" in result.stderr
    finally:
        store.release_lock(sessions, holder="another unmist run")
    assert unmist("run", str(demo_dir), "--db", ledger, cwd=tmp_path).returncode == 0


def test_a_lock_left_by_a_killed_run_on_this_host_is_taken_over(tmp_path, demo_dir, ledger):
    import socket
    import subprocess
    import sys

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a process id that no longer exists
    sessions = store.open_ledger(ledger)
    store.acquire_lock(sessions, holder=f"unmist run (pid {gone.pid} on {socket.gethostname()})")
    result = unmist("run", str(demo_dir / "005_steppewire_osh_bombing.txt"), "--db", ledger, cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_exports_open_in_pandas_with_documented_columns(tmp_path, seeds_dir, ledger):
    run([str(seeds_dir)], db=ledger)
    gtd = pd.read_csv(io.StringIO(unmist("export", "-f", "gtd", "--db", ledger, cwd=tmp_path).stdout))
    incidents = _incidents(ledger)
    assert len(gtd) == len(incidents) and gtd["eventid"].is_unique
    perpetrators = [p for incident in incidents for p in incident["perpetrators"]]
    assert perpetrators and {p["kind"] for p in perpetrators} <= {"organization", "individual"}  # docs/ledger.md
    assert all(isinstance(p["state"], bool) for p in perpetrators)
    for column in ("iyear", "imonth", "iday", "approxdate", "country_txt", "provstate", "city", "latitude", "longitude",
                   "specificity", "attacktype1_txt", "targtype1_txt", "gname", "guncertain1", "claimed",
                   "claimmode_txt", "nkill", "nwound", "nperpcap", "scite1", "scite2", "scite3"):
        assert column in gtd.columns
    documents = {d["outlet"] for d in export_ledger(store.open_ledger(ledger))["documents"] if d["outlet"]}
    assert gtd["scite1"].notna().all()
    assert any(any(outlet in cite for outlet in documents) for cite in gtd["scite1"])
    ambush = gtd[gtd["nkill"] == 28]
    assert ambush.empty  # the reconciled best of 25, 28 and up to 35 is the median report, 28 is one report's
    ucdp = pd.read_csv(io.StringIO(unmist("export", "-f", "ucdp", "--db", ledger, cwd=tmp_path).stdout))
    assert {"best", "low", "high", "where_prec", "date_prec", "source_article", "source_original",
            "number_of_sources"} <= set(ucdp.columns)
    acled = pd.read_csv(io.StringIO(unmist("export", "-f", "acled", "--db", ledger, cwd=tmp_path).stdout))
    assert {"event_type", "sub_event_type", "actor1", "actor2", "geo_precision", "time_precision", "source",
            "notes", "fatalities"} <= set(acled.columns)
    out = tmp_path / "ledger.parquet"
    assert unmist("export", "-f", "parquet", "--out", str(out), "--db", ledger, cwd=tmp_path).returncode == 0
    assert len(pd.read_parquet(out)) == len(incidents)
    geo = json.loads(unmist("export", "-f", "geojson", "--db", ledger, cwd=tmp_path).stdout)
    assert geo["type"] == "FeatureCollection" and geo["features"]


@pytest.mark.parametrize("name", ["gtd", "ucdp", "acled"])
def test_every_export_is_documented(name):
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[1] / "docs" / "exports.md").read_text()
    assert f"`--format {name}`" in docs


def test_gtd_target_and_weapon_types_come_from_the_knowledge_tables():
    from unmist.export.coding import target_type, weapon_type

    assert target_type("a police convoy") == "Police"
    assert target_type("the barracks") == "Military"
    assert target_type("Kabul's Imam Bargah mosque") == "Religious Figures/Institutions"
    assert target_type("a wedding party") == "Unknown"
    assert (weapon_type("a car bomb"), weapon_type("Kalashnikov rifles")) == ("Explosives", "Firearms")


def test_acled_names_the_side_an_attack_hit_from_its_target():
    from unmist.export.coding import _acled_target_actor

    assert _acled_target_actor({"targets": ["a police convoy"], "victims": []}, "Tajikistan") == "Police Forces of Tajikistan"
    assert _acled_target_actor({"targets": ["the bazaar"], "victims": []}, "Kyrgyzstan") == "Civilians (Kyrgyzstan)"
    assert _acled_target_actor({"targets": [], "victims": ["two shepherds"]}, "Tajikistan") == "two shepherds"


def test_ucdp_s_high_is_a_number_when_the_reports_leave_it_open():
    from unmist.export.coding import _ucdp_high

    def record(high, values):
        return {"figures": {"killed": {"high": high, "values": [{"low": low, "high": up} for low, up in values]}}}

    assert _ucdp_high(record(None, [(25, None), (19, 19)])) == 25  # 'at least 25' and '19'
    assert _ucdp_high(record(35, [(25, None), (None, 35)])) == 35
    assert _ucdp_high({"figures": {}}) is None


def test_unlock_clears_a_lock_left_by_a_run_on_another_machine(tmp_path, demo_dir, ledger):
    run([str(demo_dir / "005_steppewire_osh_bombing.txt")], db=ledger)
    store.acquire_lock(store.open_ledger(ledger), holder="unmist run (pid 4242 on another-host)")
    busy = unmist("run", str(demo_dir), "--db", ledger, cwd=tmp_path)
    assert busy.returncode == 2 and "unmist unlock" in busy.stderr
    cleared = unmist("unlock", "--db", ledger, cwd=tmp_path)
    assert cleared.returncode == 0 and "another-host" in cleared.stdout
    assert unmist("run", str(demo_dir), "--db", ledger, cwd=tmp_path).returncode == 0
    assert "not locked" in unmist("unlock", "--db", ledger, cwd=tmp_path).stdout


def test_a_ledger_at_the_newest_schema_opens_without_alembic_and_the_newest_is_alembics_head(ledger):
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from importlib import resources

    config = Config()
    config.set_main_option("script_location", str(resources.files("unmist.store") / "migrations"))
    assert ScriptDirectory.from_config(config).get_current_head() == store.SCHEMA_HEAD
    sessions = store.open_ledger(ledger)  # a new ledger: created by the migrations
    assert store._schema_revision(sessions.kw["bind"]) == store.SCHEMA_HEAD
    with sessions() as session:
        assert store.count_incidents(session) == 0
