"""Shared fixtures: the demo corpus shipped in the package, the sample reports beside the repo."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def pytest_collection_modifyitems(config, items):
    """With UNMIST_TEST_POSTGRES set (the second pass of .ci/run) only tests that store into a ledger
    run: those of modules marked ``ledger_free`` (scores, extraction, ingest) read and write no
    ledger of the backend under test, so running them twice would measure nothing new."""
    import os

    if not os.environ.get("UNMIST_TEST_POSTGRES"):
        return
    once = pytest.mark.skip(reason="ledger-free: runs in the SQLite pass only")
    for item in items:
        if item.get_closest_marker("ledger_free") and "ledger" not in item.fixturenames:
            item.add_marker(once)


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return Path(str(resources.files("unmist") / "demo"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SHARED / "seeds"


@pytest.fixture(scope="session")
def devset_dir() -> Path:
    return SHARED / "devset"


@pytest.fixture(scope="session")
def nlp():
    from unmist.extract.nlp import load_pipeline

    return load_pipeline()


def new_ledger(folder: Path) -> str:
    """A fresh, empty ledger: a SQLite file, or a new PostgreSQL database when
    UNMIST_TEST_POSTGRES names a server (``.ci/run`` runs the suite both ways)."""
    import os
    import uuid

    server = os.environ.get("UNMIST_TEST_POSTGRES")
    if not server:
        return str(folder / f"ledger-{uuid.uuid4().hex[:8]}.db")
    import sqlalchemy

    name = f"unmist_test_{uuid.uuid4().hex[:12]}"
    engine = sqlalchemy.create_engine(server.replace("postgresql://", "postgresql+psycopg://", 1),
                                      isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return server.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def ledger(tmp_path) -> str:
    return new_ledger(tmp_path)


@pytest.fixture(scope="session")
def gva_slice(tmp_path_factory) -> dict:
    """Every 25th GVA incident's articles (about 110 articles of 68 shootings) run into a ledger:
    {"reports": the slice as JSONL, "gold": its incidents, "db": the ledger, "export": its JSON file}."""
    import json

    from unmist.pipeline import export_ledger, run
    from unmist.store import open_ledger

    folder = tmp_path_factory.mktemp("gva")
    gold = (SHARED / "gva" / "gold.jsonl").read_text(encoding="utf-8").splitlines()[::25]
    wanted = {a for line in gold for a in json.loads(line)["articles"]}
    lines = [line for line in (SHARED / "gva" / "reports.jsonl").read_text(encoding="utf-8").splitlines()
             if json.loads(line)["id"] in wanted]
    paths = {"reports": folder / "slice.jsonl", "gold": folder / "gold.jsonl", "export": folder / "ledger.json"}
    paths["reports"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths["gold"].write_text("\n".join(gold) + "\n", encoding="utf-8")
    db = str(folder / "gva.db")
    run([str(paths["reports"])], db=db)
    paths["export"].write_text(json.dumps(export_ledger(open_ledger(db))), encoding="utf-8")
    return {**{k: str(v) for k, v in paths.items()}, "db": db}
