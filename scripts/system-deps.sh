#!/usr/bin/env bash
# System packages the test suite uses: Debian's chromium (browser tests, driven by Playwright) and
# PostgreSQL (the second backend). Installed with apt when missing and running as root.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "unmist tests need: ${need[*]} (sudo apt-get install ${need[*]})" >&2
    exit 1
  fi
fi
