"""Shared fixtures: the demo corpus shipped in the package, the sample reports beside the repo."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


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
