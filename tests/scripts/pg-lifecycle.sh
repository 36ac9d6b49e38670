#!/usr/bin/env bash
# scripts/pg stops exactly what it started: its own cluster whatever ConnectionStrings__Default says,
# and never a server the user pointed it at. Fails (exit 1) on the first leak it sees.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

work=$(mktemp -d)
trap 'UC_PG_STATE=$work/own scripts/pg stop 2>/dev/null; UC_PG_STATE=$work/external scripts/pg stop 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "pg-lifecycle: $*" >&2; exit 1; }
serving() { pgrep -f -- "-D $1( |\$)" >/dev/null; }

# Its own cluster, stopped while its connection string is exported (what test.sh does).
export UC_PG_STATE=$work/own
ConnectionStrings__Default=$(scripts/pg start --fast 2>/dev/null)
export ConnectionStrings__Default
data=$(cat "$UC_PG_STATE/datadir")
serving "$data" || fail "the started cluster is not running"
scripts/pg stop
serving "$data" && fail "stop left the server of $data running"
[[ -e "$data" ]] && fail "stop left the data directory $data"
unset ConnectionStrings__Default

# A server the user points at is used, never started or stopped.
UC_PG_STATE=$work/external
external=$(scripts/pg start --fast 2>/dev/null)
external_data=$(cat "$UC_PG_STATE/datadir")
UC_PG_STATE=$work/user
[[ $(ConnectionStrings__Default=$external scripts/pg start) == "$external" ]] || fail "start did not hand back the user's server"
[[ -e "$UC_PG_STATE/datadir" ]] && fail "start recorded a cluster of its own beside the user's server"
ConnectionStrings__Default=$external scripts/pg stop
serving "$external_data" || fail "stop touched the server the user pointed at"
UC_PG_STATE=$work/external scripts/pg stop
serving "$external_data" && fail "the external cluster did not stop"

echo "pg-lifecycle: own cluster stopped and removed; the user's server left alone"
