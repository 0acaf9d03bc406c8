#!/usr/bin/env bash
# Start the local PostgreSQL cluster (installed by system-deps.sh), make sure the 'unmist' role
# exists, and print the server URL the test suite takes as UNMIST_TEST_POSTGRES.
set -euo pipefail
version=$(pg_lsclusters -h | awk 'NR==1 {print $1}')
cluster=$(pg_lsclusters -h | awk 'NR==1 {print $2}')
if [ -z "$version" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1); cluster=main
  pg_createcluster "$version" "$cluster" >/dev/null
fi
pg_ctlcluster "$version" "$cluster" start >/dev/null 2>&1 || true
# a cluster that was not shut down cleanly syncs and recovers first, which can take minutes
for _ in $(seq 1 300); do pg_isready -q -h 127.0.0.1 && pg_isready -q && break; sleep 1; done
su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='unmist'\"" | grep -q 1 || \
  su postgres -c "psql -qc \"CREATE ROLE unmist LOGIN SUPERUSER PASSWORD 'unmist'\""
echo "postgresql://unmist:unmist@127.0.0.1:5432/postgres"
