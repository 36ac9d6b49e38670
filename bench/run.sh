#!/usr/bin/env bash
# The benchmarks, side by side in one run on this machine, written to docs/benchmarks.md:
#   1. the raw limit: pgbench running the booking transaction as plain SQL;
#   2. the API: the load generator posting real bookings over loopback, with the same mixes;
#   3. the consolidation at scale, against a plain INSERT ... SELECT copy of the same rows;
#   4. events: commit-to-delivery at a webhook receiver on loopback under a sustained booking rate,
#      and the booking throughput with one subscription against none.
# usage: bench/run.sh [--quick]     (--quick: short runs and small scales, under 3 minutes)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$PWD

quick=0; [[ "${1:-}" == "--quick" ]] && quick=1
if [[ $quick -eq 1 ]]; then seconds=4; scales="0.01 0.05"; clients_list="1 8 32"; customers=2000; else seconds=20; scales="0.25 1"; clients_list="1 8 32"; customers=20000; fi
spread_sessions=2000
capacity=1000
port=${UC_BENCH_PORT:-5090}


# A cluster of its own, with fsync on: these are the numbers a studio would see.
export UC_PG_STATE="$repo/.pg/bench"
unset ConnectionStrings__Default
owner=$(scripts/pg start)
pg_port=$(cat "$UC_PG_STATE/port")
api_pid=""
cleanup() { [[ -n "$api_pid" ]] && kill "$api_pid" 2>/dev/null; scripts/pg stop; }
trap cleanup EXIT
# CPU time (ms) a process has used, from /proc/<pid>/stat: utime + stime (fields 14, 15), in clock ticks.
ticks_per_ms=$(awk -v t="$(getconf CLK_TCK)" 'BEGIN { print t / 1000 }')
cpu_ms_of() { awk -v r="$ticks_per_ms" '{ sub(/^.*\) /, ""); print ($12 + $13) / r }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# PostgreSQL's CPU: the postmaster with what its reaped children used (cutime, cstime), plus every live backend.
pg_cpu_ms() {
  local postmaster total
  postmaster=$(head -n 1 "$(cat "$UC_PG_STATE/datadir")/postmaster.pid")
  total=$(awk -v r="$ticks_per_ms" '{ sub(/^.*\) /, ""); print ($12 + $13 + $14 + $15) / r }' "/proc/$postmaster/stat")
  for child in $(pgrep -P "$postmaster"); do total=$(awk -v a="$total" -v b="$(cpu_ms_of "$child")" 'BEGIN { print a + b }'); done
  echo "$total"
}
psql_db() { local db=$1; shift; psql -h 127.0.0.1 -p "$pg_port" -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }

echo "bench: building (Release)"
dotnet build src/Api/UnifiedCustomers.Api.csproj -c Release -v quiet -nologo >/dev/null
dotnet build bench/LoadGenerator/LoadGenerator.csproj -c Release -v quiet -nologo >/dev/null
dotnet build tools/UnifiedCustomers.Tool/UnifiedCustomers.Tool.csproj -c Release -v quiet -nologo >/dev/null
tool_dll="$repo/tools/UnifiedCustomers.Tool/bin/Release/net10.0/UnifiedCustomers.Tool.dll"
dotnet "$tool_dll" up --connection "$owner" >/dev/null
psql_db unified_customers -v customers=$customers -v spread_sessions=$spread_sessions -v capacity=$capacity -f bench/sql/setup.sql
key=$(dotnet "$tool_dll" create-api-key --connection "$owner" --organization bench-studio --name bench 2>/dev/null | tail -n 1)

results=$(mktemp -d)
sessions_for() { [[ $1 == hot ]] && echo 5 || echo $spread_sessions; }
checks() { psql_db unified_customers -F ' ' -f bench/sql/checks.sql; }
reset() { psql_db unified_customers -f bench/sql/reset.sql; }

echo "bench: pgbench, the booking transaction as plain SQL"
for mix in spread hot; do
  for clients in $clients_list; do
    reset
    out=$(pgbench -h 127.0.0.1 -p "$pg_port" -U postgres -n -f "bench/sql/booking-$mix.pgbench" \
      -D customers=$customers -D sessions="$(sessions_for $mix)" -c "$clients" -j "$clients" -T "$seconds" unified_customers 2>&1)
    tps=$(grep -oP 'tps = \K[0-9.]+' <<<"$out" | head -n 1)
    lat=$(grep -oP 'latency average = \K[0-9.]+' <<<"$out")
    read -r overbooked negative bookings <<<"$(checks)"
    echo "$mix $clients $tps $lat $overbooked $negative $bookings" >>"$results/pgbench"
    echo "  $mix x$clients: $tps tps, avg ${lat} ms, overbooked $overbooked, negative credits $negative"
  done
done

echo "bench: the API over loopback"
export CustomerAccess__SigningKey=${CustomerAccess__SigningKey:-$(head -c 48 /dev/urandom | base64 -w0)}
ConnectionStrings__Default="$owner" Logging__LogLevel__Default=Warning Logging__Console__FormatterName=simple \
  Webhooks__AllowPrivateAddresses=true Webhooks__RequireHttps=false \
  dotnet src/Api/bin/Release/net10.0/UnifiedCustomers.Api.dll --urls "http://127.0.0.1:$port" >"$results/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
# Warm-up (JIT, EF's compiled queries, connection pools) before anything is measured.
dotnet bench/LoadGenerator/bin/Release/net10.0/LoadGenerator.dll --url "http://127.0.0.1:$port/" --key "$key" \
  --connection "$owner" --clients 8 --seconds "$seconds" --mix spread >/dev/null
for mix in spread hot; do
  for clients in $clients_list; do
    reset
    api_cpu_before=$(cpu_ms_of "$api_pid"); pg_cpu_before=$(pg_cpu_ms)
    line=$(dotnet bench/LoadGenerator/bin/Release/net10.0/LoadGenerator.dll --url "http://127.0.0.1:$port/" --key "$key" \
      --connection "$owner" --clients "$clients" --seconds "$seconds" --mix "$mix")
    api_cpu=$(awk -v a="$(cpu_ms_of "$api_pid")" -v b="$api_cpu_before" 'BEGIN { print a - b }')
    pg_cpu=$(awk -v a="$(pg_cpu_ms)" -v b="$pg_cpu_before" 'BEGIN { print a - b }')
    read -r overbooked negative bookings <<<"$(checks)"
    field() { grep -oP "\"$1\":\K[0-9.]+" <<<"$line"; }
    per_request() { awk -v c="$1" -v n="$(field requests)" 'BEGIN { if (n > 0) printf "%.2f", c / n; else print "n/a" }'; }
    echo "$mix $clients $(field throughput) $(field p50) $(field p95) $(field p99) $(field errors) $overbooked $negative $bookings $(per_request "$api_cpu") $(per_request "$pg_cpu")" >>"$results/api"
    echo "  $mix x$clients: $(field throughput) req/s, p50 $(field p50) p95 $(field p95) p99 $(field p99) ms, errors $(field errors), overbooked $overbooked, negative $negative, CPU per request: API $(per_request "$api_cpu") ms, PostgreSQL $(per_request "$pg_cpu") ms"
  done
done

echo "bench: events (outbox, feed, webhooks)"
loadgen=bench/LoadGenerator/bin/Release/net10.0/LoadGenerator.dll
receiver_port=$((port + 1)); rate=200
book() { dotnet "$loadgen" --url "http://127.0.0.1:$port/" --key "$key" --connection "$owner" --seconds "$seconds" --mix spread "$@"; }
receive() { dotnet "$loadgen" receive --port "$receiver_port" --seconds "$1"; }
field_of() { grep -oP "\"$2\":\K[0-9.]+" <<<"$1"; }
reset; without=$(book --clients 32)
curl -fs -X POST "http://127.0.0.1:$port/api/v1/webhook-subscriptions" -H "Authorization: Bearer $key" -H "Content-Type: application/json" \
  -d "{\"url\":\"http://127.0.0.1:$receiver_port/hook\"}" >/dev/null
reset; receive $((${seconds%.*} + 6)) >"$results/receiver" & receiver_pid=$!
sleep 1; paced=$(book --clients 16 --rate $rate); wait "$receiver_pid"
reset; receive $((${seconds%.*} + 3)) >/dev/null & receiver_pid=$!
sleep 1; with=$(book --clients 32); wait "$receiver_pid"
delivered=$(cat "$results/receiver")
echo "$(field_of "$without" throughput) $(field_of "$with" throughput) $(field_of "$paced" throughput) $(field_of "$paced" p99) $(field_of "$delivered" delivered) $(field_of "$delivered" duplicates) $(field_of "$delivered" perSecond) $(field_of "$delivered" p50) $(field_of "$delivered" p99) $(field_of "$delivered" max)" >"$results/events"
echo "  bookings/s without a subscription $(field_of "$without" throughput), with one $(field_of "$with" throughput); at $rate/s: $(field_of "$delivered" delivered) delivered, commit-to-delivery p50 $(field_of "$delivered" p50) p99 $(field_of "$delivered" p99) ms"
kill "$api_pid"; wait "$api_pid" 2>/dev/null || true; api_pid=""

echo "bench: the consolidation at scale"
bench/consolidation.sh --results "$results" $scales

# ---------------------------------------------------------------------------------- the report
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "n/a" }'; }
raw_tps() { awk -v m="$1" -v c="$2" '$1 == m && $2 == c { print $3 }' "$results/pgbench"; }
{
  echo "# Benchmarks"
  echo
  echo "Produced by \`bench/run.sh$([[ $quick -eq 1 ]] && echo " --quick")\` on $(date -u '+%Y-%m-%d %H:%M UTC'), all figures from this one run."
  echo
  echo "## Machine"
  echo "- $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ { print $2 }') GiB memory"
  echo "- PostgreSQL $(psql_db postgres -c 'SHOW server_version'), fsync on, started by scripts/pg; .NET $(dotnet --version), Release builds"
  echo "- Data: one studio, $customers customers each with a 1000-credit pack; 'spread' = $spread_sessions sessions, 'hot' = 5 sessions, capacity $capacity each; every run starts from no bookings; ${seconds} s per run"
  echo
  echo "## 1. The raw limit: the booking transaction as plain SQL (pgbench)"
  echo "Lock the customer and the session, check the seat and the double booking, insert the booking, spend a credit, write the ledger row (\`bench/sql/booking-*.pgbench\`)."
  echo
  echo "| mix | clients | transactions/s | avg latency (ms) | overbooked sessions | negative credits |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  while read -r mix clients tps lat over neg _; do echo "| $mix | $clients | $tps | $lat | $over | $neg |"; done <"$results/pgbench"
  echo
  echo "## 2. The API: POST /api/v1/bookings over loopback (bench/LoadGenerator)"
  echo "Each request books a random bench customer into a random session of the mix; 409 (already booked) and 422 (class full) are answers, not errors."
  echo
  echo "| mix | clients | requests/s | % of raw | p50 (ms) | p95 (ms) | p99 (ms) | errors | overbooked sessions | negative credits | API CPU per request (ms) | PostgreSQL CPU per request (ms) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  while read -r mix clients rps p50 p95 p99 errors over neg _ api_cpu pg_cpu; do
    echo "| $mix | $clients | $rps | $(ratio "$rps" "$(raw_tps "$mix" "$clients")") | $p50 | $p95 | $p99 | $errors | $over | $neg | $api_cpu | $pg_cpu |"
  done <"$results/api"
  echo
  echo "CPU per request: the API process's user + system time (\`/proc/<pid>/stat\`) and PostgreSQL's (the postmaster, its reaped children and every live backend), each measured before and after the run and divided by the requests answered. The machine's two cores are shared by both and by the load generator: where the API's share is larger than PostgreSQL's, the gap to the raw limit is the API's own work (HTTP, JSON, EF Core materialisation), not the database's."
  echo
  echo "Goals: at least 60% of the raw limit at 32 clients spread; p99 at most 50 ms at 8 clients, spread and hot; hot sessions exact (0 overbooked, 0 negative) and at least 25% of their raw limit."
  echo
  echo "## 3. The consolidation at scale"
  echo "Legacy data from \`bench/legacy/generate.sql\` (scale 1: 10 organizations, 500k leads, 505k clients, 3M bookings, 1M class bookings, ...). The floor is a plain \`INSERT ... SELECT\` copy of the same legacy tables in one transaction."
  echo
  echo "| scale | legacy rows | fold (s) | floor (s) | fold / floor | peak memory (MB) | balanced |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  while read -r scale rows _ floor wall rss balanced; do
    echo "| $scale | $rows | $wall | $floor | $(awk -v a="$wall" -v b="$floor" 'BEGIN { printf "%.1f×", a / b }') | $rss | $balanced |"
  done <"$results/consolidation"
  echo
  echo "Where the time goes: each phase of the fold (\`bench/consolidation.sh\` reads the tool's progress lines; docs/adr/0028 lists the phases), in seconds."
  echo
  phase_scales=$(awk '{ print $1 }' "$results/phases" | awk '!seen[$0]++' | tr '\n' ' ')
  echo "| phase |$(for s in $phase_scales; do printf " scale %s (s) |" "$s"; done)"
  echo "| --- |$(for s in $phase_scales; do printf " ---: |"; done)"
  for phase in $(awk '{ print $2 }' "$results/phases" | awk '!seen[$0]++'); do
    echo "| ${phase//_/ } |$(for s in $phase_scales; do printf " %s |" "$(awk -v s="$s" -v p="$phase" '$1 == s && $2 == p { print $3 }' "$results/phases")"; done)"
  done
  echo
  echo "Goals: scale 1 in at most 120 s and within 10× the floor of the same run, peak memory under 300 MB and about flat from scale 0.25 to 1."
  echo
  echo "## 4. Events: the outbox's cost and commit-to-delivery"
  echo "Every booking writes its event in its own transaction (the outbox); the publisher numbers it and creates a delivery per subscription; the worker posts it to a receiver on loopback (\`LoadGenerator receive\`), which answers 204 at once and measures from the event's \`occurredAt\` (taken just before the commit) to its arrival. Spread mix; 32 unpaced clients for throughput, 16 clients paced at $rate bookings/s for the delay."
  echo
  echo "| bookings/s, no subscription | bookings/s, one subscription | with / without | bookings/s at $rate/s | booking p99 at $rate/s (ms) | delivered | duplicates | deliveries/s | commit→delivery p50 (ms) | p99 (ms) | max (ms) |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  while read -r without with paced paced_p99 delivered duplicates per_second d50 d99 dmax; do
    echo "| $without | $with | $(ratio "$with" "$without") | $paced | $paced_p99 | $delivered | $duplicates | $per_second | $d50 | $d99 | $dmax |"
  done <"$results/events"
  echo
  echo "Goals: p99 commit-to-delivery under 1 s at $rate bookings/s; booking throughput with one subscription at least 90% of without."
  echo
  echo "## Reproduce"
  echo '```bash'
  echo "bench/run.sh            # the full run (scales 0.25 and 1, 20 s per load run)"
  echo "bench/run.sh --quick    # under 3 minutes (scales 0.01 and 0.05, 4 s per load run)"
  echo '```'
} >docs/benchmarks.md
bench/goals.sh docs/benchmarks.md
echo "bench: wrote docs/benchmarks.md"
