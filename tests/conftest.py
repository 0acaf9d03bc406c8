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
