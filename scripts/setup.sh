#!/usr/bin/env bash
# Create .venv (if missing) and install unmist with its pinned dependencies and test tools.
# Needs only Python >= 3.11, pip and gcc; nothing is downloaded at run time afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
