#!/usr/bin/env bash
# Prove that a plain install (`pip install .`, no test extras) ingests every input format: the
# product must declare every dependency it imports (issue #11). Builds a throw-away venv.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VENV=$(mktemp -d)/plain
trap 'rm -rf "$(dirname "$VENV")"' EXIT
"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check .
"$VENV/bin/python" -m pip check
"$VENV/bin/python" scripts/every_format.py --unmist "$VENV/bin/unmist"
