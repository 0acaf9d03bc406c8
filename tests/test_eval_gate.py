"""The eval gate: extraction on the development set must not drop below the floors kept in the repo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unmist.evaluate import evaluate, report_key, summary

FLOORS = json.loads((Path(__file__).with_name("eval_floors.json")).read_text())


@pytest.fixture(scope="module")
def scores(devset_dir):
    return summary(evaluate(devset_dir))


@pytest.mark.parametrize("measure", [k for k in FLOORS if not k.startswith("_")])
def test_devset_score_stays_above_its_floor(scores, measure):
    assert scores[measure] >= FLOORS[measure], f"{measure} fell to {scores[measure]} (floor {FLOORS[measure]})"


def test_report_keys_follow_the_gold_format():
    assert report_key("/x/reports/023_newsfeed_digest.jsonl#2") == "023_newsfeed_digest#2"
    assert report_key("reports/007_tajik_border_security_policy.txt") == "007_tajik_border_security_policy"
