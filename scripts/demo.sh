#!/usr/bin/env bash
# Set up, then build the ledger of the built-in demo corpus (./unmist-demo.db) and show it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/unmist demo --db unmist-demo.db "$@"
