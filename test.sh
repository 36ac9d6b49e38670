#!/usr/bin/env bash
# Runs every test against a throwaway PostgreSQL that this script starts and, on every exit
# (success, failure, Ctrl-C, a crashed test host), stops and deletes. A server named by
# ConnectionStrings__Default is used as it is and never touched.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export UC_PG_STATE="$PWD/.pg/test"
started_data=""
cleanup() {
  local status=$?
  if [[ -n "$started_data" ]]; then
    scripts/pg stop
    if pgrep -f -- "-D $started_data( |\$)" >/dev/null || [[ -e "$started_data" ]]; then
      echo "test.sh: the PostgreSQL server it started ($started_data) is still there" >&2
      status=1
    fi
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

tests/scripts/pg-lifecycle.sh

if [[ -z "${ConnectionStrings__Default:-}" ]]; then
  ConnectionStrings__Default=$(scripts/pg start --fast)
  export ConnectionStrings__Default
  started_data=$(cat "$UC_PG_STATE/datadir")
fi

status=0
log=$(mktemp)
dotnet test UnifiedCustomers.sln --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$log" || status=$?

# The committed TypeScript types must be what openapi-typescript makes of the committed OpenAPI
# snapshot (which Api.Tests compares with the live document).
(cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error && npm run --silent check) || status=$?

# One closing line for the whole suite, summed over the test assemblies.
awk -F'[:,]' '/^(Passed|Failed)!/ { passed += $4; failed += $2 } END { printf "%d passed, %d failed\n", passed, failed }' "$log"
rm -f "$log"
exit $status
