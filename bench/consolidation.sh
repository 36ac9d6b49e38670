#!/usr/bin/env bash
# The consolidation at scale: for each scale, generates the legacy data, times a plain
# INSERT ... SELECT copy of it (the floor), then the fold, and prints each phase's time.
# usage: bench/consolidation.sh [--results <dir>] <scale>...      (e.g. bench/consolidation.sh 0.25 1)
# Writes <dir>/consolidation ("scale rows generated floor fold peak_MB balanced" per line) and
# <dir>/phases ("scale phase seconds" per line), which bench/run.sh turns into docs/benchmarks.md.
# Uses the cluster under UC_PG_STATE (bench/run.sh's), else starts one of its own (fsync on) and stops it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$PWD

results=""
[[ "${1:-}" == "--results" ]] && { results=$2; shift 2; }
scales=${*:-"0.25 1"}
[[ -n "$results" ]] || results=$(mktemp -d)
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }

started=0
if [[ -z "${UC_PG_STATE:-}" || ! -s "${UC_PG_STATE}/port" ]]; then
  export UC_PG_STATE="$repo/.pg/bench-consolidation"
  unset ConnectionStrings__Default
  scripts/pg start >/dev/null
  started=1
fi
cleanup() { [[ $started -eq 1 ]] && scripts/pg stop; true; }
trap cleanup EXIT
pg_port=$(cat "$UC_PG_STATE/port")
psql_db() { local db=$1; shift; psql -h 127.0.0.1 -p "$pg_port" -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
seconds_of() { local start; start=$(date +%s.%N); "$@" >/dev/null; awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }

dotnet build tools/UnifiedCustomers.Tool/UnifiedCustomers.Tool.csproj -c Release -v quiet -nologo >/dev/null
tool_dll="$repo/tools/UnifiedCustomers.Tool/bin/Release/net10.0/UnifiedCustomers.Tool.dll"

tables="organizations leads clients programs class_sessions bookings class_bookings membership_plans customer_memberships class_packages customer_class_packages class_waitlists customer_notes"
for scale in $scales; do
  db="legacy_bench"
  psql_db postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  psql_db $db -f docs/legacy/schema.sql -f bench/legacy/generate.sql >/dev/null
  generated=$(seconds_of psql_db $db -c "SELECT legacy_gen.generate($scale)")
  # Settled like a restored and vacuumed snapshot: autovacuum would otherwise scan the fresh tables during the timed runs.
  psql_db $db -c "VACUUM (ANALYZE) legacy.$(echo $tables | sed 's/ /, legacy./g')"
  rows=$(psql_db $db -c "SELECT $(for t in $tables; do printf "(SELECT count(*) FROM legacy.%s)+" "$t"; done)0")
  # The floor: the same rows copied once with plain INSERT ... SELECT, in one transaction.
  floor_sql="BEGIN; CREATE SCHEMA floor; $(for t in $tables; do printf "CREATE TABLE floor.%s (LIKE legacy.%s); INSERT INTO floor.%s SELECT * FROM legacy.%s; " "$t" "$t" "$t" "$t"; done) COMMIT;"
  floor=$(seconds_of psql_db $db -c "$floor_sql")
  psql_db $db -c "DROP SCHEMA floor CASCADE"
  psql_db $db -c "CHECKPOINT"
  cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$db"
  /usr/bin/time -f "%e %M" -o "$results/time" dotnet "$tool_dll" consolidate --connection "$cs" \
    --cutover 2026-06-01T00:00:00Z --report "$results/report-$scale.json" >"$results/consolidate-$scale.log" 2>&1 || true
  read -r wall rss <<<"$(tail -n 1 "$results/time")"
  balanced=$(grep -oP '"balanced":\s*\K(true|false)' "$results/report-$scale.json" 2>/dev/null || echo "failed")
  echo "$scale $rows $generated $floor $wall $((rss / 1024)) $balanced" >>"$results/consolidation"
  # "<phase>: done, N rows in X.Xs" for every phase the fold ran.
  sed -nE 's/^[0-9:]* ?([a-z -]+): done, .* in ([0-9.]+)s.*/\1\t\2/p' "$results/consolidate-$scale.log" \
    | awk -F'\t' -v s="$scale" '{ gsub(/ /, "_", $1); print s, $1, $2 }' >>"$results/phases"
  echo "  S=$scale: $rows legacy rows, fold ${wall} s (floor ${floor} s, $(awk -v a="$wall" -v b="$floor" 'BEGIN { printf "%.1f×", a / b }')), peak $((rss / 1024)) MB, balanced $balanced"
  awk -v s="$scale" '$1 == s { printf "      %-14s %7.1f s\n", $2, $3 }' "$results/phases"
  psql_db postgres -c "DROP DATABASE $db"
done
echo "bench: consolidation results in $results"
