"""The eval gate: scores on the development sets must not drop below the floors kept in the repo.

Floors (eval_floors.json): plain keys are ``unmist eval ../shared/devset`` scores; ``muc4_dev_*``
are MUC-4 dev template-filling F1 per slot (in percent, as the benchmark prints them); ``gva_*``
are the GVA scorer's figures on the slice of conftest.gva_slice.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED
from unmist.evaluate import evaluate, report_key, summary
from unmist.evaluate_muc4 import evaluate_muc4
from unmist.evaluate_muc4 import summary as muc4_summary

pytestmark = pytest.mark.ledger_free  # skipped in CI's PostgreSQL pass (conftest)

FLOORS = json.loads((Path(__file__).with_name("eval_floors.json")).read_text())
DEVSET = [k for k in FLOORS if not k.startswith(("_", "muc4_", "gva_"))]
MUC4 = [k for k in FLOORS if k.startswith("muc4_dev_")]
GVA = [k for k in FLOORS if k.startswith("gva_")]


@pytest.fixture(scope="module")
def scores(devset_dir):
    return summary(evaluate(devset_dir))


@pytest.mark.parametrize("measure", DEVSET)
def test_devset_score_stays_above_its_floor(scores, measure):
    assert scores[measure] >= FLOORS[measure], f"{measure} fell to {scores[measure]} (floor {FLOORS[measure]})"


@pytest.fixture(scope="module")
def muc4_scores():
    return muc4_summary(evaluate_muc4(SHARED / "muc4", "dev"))


@pytest.mark.parametrize("measure", MUC4)
def test_muc4_dev_score_stays_above_its_floor(muc4_scores, measure):
    slot = measure.removeprefix("muc4_dev_")
    assert muc4_scores[slot] >= FLOORS[measure], f"MUC-4 dev {slot} fell to {muc4_scores[slot]} (floor {FLOORS[measure]})"


@pytest.fixture(scope="module")
def gva_scores(gva_slice):
    """The benchmark's own scorer on the slice's ledger."""
    done = subprocess.run([sys.executable, str(SHARED / "gva" / "score.py"), gva_slice["export"], gva_slice["gold"],
                           "--input", gva_slice["reports"], "--json"], capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    linking, fields = result["linking"], result["fields"]
    return {"gva_coverage": linking["coverage"], "gva_pairwise_f1": linking["pairwise"]["f1"],
            "gva_bcubed_f1": linking["bcubed"]["f1"], "gva_killed": fields["killed"]["acc"],
            "gva_injured": fields["injured"]["acc"], "gva_date": fields["date"]["acc"], "gva_city": fields["city"]["acc"]}


@pytest.mark.parametrize("measure", GVA)
def test_gva_slice_score_stays_above_its_floor(gva_scores, measure):
    assert gva_scores[measure] >= FLOORS[measure], f"{measure} fell to {gva_scores[measure]:.3f} (floor {FLOORS[measure]})"


def test_report_keys_follow_the_gold_format():
    assert report_key("/x/reports/023_newsfeed_digest.jsonl#2") == "023_newsfeed_digest#2"
    assert report_key("reports/007_tajik_border_security_policy.txt") == "007_tajik_border_security_policy"


def test_unmist_scores_incident_grouped_news_as_the_datas_own_scorer_does(gva_slice):
    """`unmist eval` on the GVA format prints the shared scorer's figures (its own implementation)."""
    from unmist.evaluate_gva import numbered_records, score

    done = subprocess.run([sys.executable, str(SHARED / "gva" / "score.py"), gva_slice["export"], gva_slice["gold"],
                           "--input", gva_slice["reports"], "--json"], capture_output=True, text=True, check=True)
    theirs = json.loads(done.stdout)
    ledger = json.loads(Path(gva_slice["export"]).read_text(encoding="utf-8"))
    ours = score(ledger, list(numbered_records(Path(gva_slice["gold"])).values()),
                 numbered_records(Path(gva_slice["reports"])))
    assert _rounded(ours) == _rounded(theirs)


def _rounded(value):
    """Scores to 9 places: sums over sets may add in another order."""
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return round(value, 9) if isinstance(value, float) else value


def test_a_reports_mention_goes_to_the_gold_incident_nearest_its_date():
    """One report tells of a killing on the 21st and clashes on the 24th; a mention dated the 21st
    is the killing's, though the clashes' window (with its slack) covers the 21st as well and its id
    sorts first."""
    from datetime import date

    from unmist.evaluate import PredictedMention, _assign_mentions

    gold = [{"id": "a_clashes", "reports": {"r1": {}}, "window": [date(2012, 7, 24), date(2012, 7, 25)], "countries": ["TJ"]},
            {"id": "b_killing", "reports": {"r1": {}}, "window": [date(2012, 7, 21), date(2012, 7, 21)], "countries": ["TJ"]}]
    killing = PredictedMention("inc-1", "r1", (date(2012, 7, 21), date(2012, 7, 21)), "TJ", {})
    clashes = PredictedMention("inc-2", "r1", (date(2012, 7, 24), date(2012, 7, 24)), "TJ", {})
    assert _assign_mentions([killing, clashes], gold) == {0: "b_killing", 1: "a_clashes"}
