#!/usr/bin/env bash
# Runs every test against a throwaway PostgreSQL that this script starts and stops.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export UC_PG_STATE="$PWD/.pg/test"
if [[ -z "${ConnectionStrings__Default:-}" ]]; then
  ConnectionStrings__Default=$(scripts/pg start --fast)
  export ConnectionStrings__Default
  trap 'scripts/pg stop' EXIT
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
