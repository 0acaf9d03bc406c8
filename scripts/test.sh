#!/usr/bin/env bash
# Set up (.venv, system packages), then run the whole test suite (SQLite ledger; set
# UNMIST_TEST_POSTGRES=postgresql://... to run it against a PostgreSQL server instead).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/system-deps.sh
.venv/bin/python -m pytest "$@"
