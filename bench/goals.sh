#!/usr/bin/env bash
# Appends the goal verdicts to docs/benchmarks.md, read from its own tables (called by bench/run.sh).
set -euo pipefail
doc=${1:-docs/benchmarks.md}

# The rows of the table under a heading, as space-separated cells.
rows() { awk -v h="$1" '/^## / { on = index($0, h) > 0 } on && /^\| [^-]/ && !/^\| (mix|scale) / { gsub(/^\| | \|$/, ""); gsub(/ \| /, "\t"); print }' "$doc"; }
api() { rows "2. The API" | awk -F'\t' -v m="$1" -v c="$2" '$1 == m && $2 == c'; }
verdict() { awk -v ok="$1" -v by="$2" 'BEGIN { print (ok == 1 ? "met" : "**missed** " by) }'; }

spread32=$(api spread 32); hot32=$(api hot 32); spread8=$(api spread 8); hot8=$(api hot 8)
pct() { cut -f4 <<<"$1" | tr -d '%'; }
p99() { cut -f7 <<<"$1"; }
hot_exact=$(rows "2. The API" | awk -F'\t' '$1 == "hot" { bad += $9 + $10 } END { print bad + 0 }')
# The table's header row starts with a number column's name, so the data row is the last one.
events=$(rows "4. Events" | tail -n 1)
s1=$(rows "3. The consolidation" | awk -F'\t' '$1 == "1" || $1 == "1.0"')
s025=$(rows "3. The consolidation" | awk -F'\t' '$1 == "0.25"')

{
  echo
  echo "## Goals"
  echo
  echo "| goal | measured | verdict |"
  echo "| --- | --- | --- |"
  p=$(pct "$spread32"); echo "| API ≥ 60% of the raw limit at 32 clients, spread | $p% | $(verdict "$(awk -v p="$p" 'BEGIN { print (p >= 60) }')" "by $((60 - ${p:-0})) points") |"
  for row in "$spread8" "$hot8"; do
    q=$(p99 "$row"); mix=$(cut -f1 <<<"$row")
    echo "| API p99 ≤ 50 ms at 8 clients, $mix | $q ms | $(verdict "$(awk -v q="$q" 'BEGIN { print (q <= 50) }')" "by $(awk -v q="$q" 'BEGIN { printf "%.0f ms", q - 50 }')") |"
  done
  echo "| hot sessions exact (overbooked + negative credits, every API run) | $hot_exact | $(verdict "$([[ $hot_exact -eq 0 ]] && echo 1 || echo 0)" "") |"
  p=$(pct "$hot32"); echo "| API ≥ 25% of the raw limit on hot sessions, 32 clients | $p% | $(verdict "$(awk -v p="$p" 'BEGIN { print (p >= 25) }')" "by $((25 - ${p:-0})) points") |"
  if [[ -n "$s1" ]]; then
    fold=$(cut -f3 <<<"$s1"); ratio=$(cut -f5 <<<"$s1" | tr -d '×'); rss=$(cut -f6 <<<"$s1")
    echo "| consolidation at scale 1 in at most 120 s | ${fold} s | $(verdict "$(awk -v f="$fold" 'BEGIN { print (f <= 120) }')" "by $(awk -v f="$fold" 'BEGIN { printf "%.0f s", f - 120 }')") |"
    echo "| within 10× the INSERT ... SELECT floor of the same run | ${ratio}× | $(verdict "$(awk -v r="$ratio" 'BEGIN { print (r <= 10) }')" "by $(awk -v r="$ratio" 'BEGIN { printf "%.1f×", r - 10 }')") |"
    echo "| peak memory under 300 MB | ${rss} MB | $(verdict "$(awk -v m="$rss" 'BEGIN { print (m < 300) }')" "by $((rss - 300)) MB") |"
    if [[ -n "$s025" ]]; then
      small=$(cut -f6 <<<"$s025")
      echo "| memory about flat from scale 0.25 to 1 | ${small} → ${rss} MB | $(verdict "$(awk -v a="$small" -v b="$rss" 'BEGIN { print (b <= 1.25 * a) }')" "(grows $(awk -v a="$small" -v b="$rss" 'BEGIN { printf "%.1f×", b / a }'))") |"
    fi
  else
    echo "| consolidation goals (scale 1) | not measured by a --quick run | run bench/run.sh |"
  fi
  if [[ -n "$events" ]]; then
    share=$(cut -f3 <<<"$events" | tr -d '%'); d99=$(cut -f10 <<<"$events")
    echo "| events: p99 commit-to-delivery under 1 s at 200 bookings/s | ${d99} ms | $(verdict "$(awk -v q="$d99" 'BEGIN { print (q < 1000) }')" "by $(awk -v q="$d99" 'BEGIN { printf "%.0f ms", q - 1000 }')") |"
    echo "| events: booking throughput with one subscription ≥ 90% of without | ${share}% | $(verdict "$(awk -v p="$share" 'BEGIN { print (p >= 90) }')" "by $((90 - ${share:-0})) points") |"
  fi
  echo
  echo "## What limits it"
  echo "- **One machine of 2 cores** runs PostgreSQL, the API and the load generator at once; at 32 clients they compete for the same cores, so the API's share of CPU is what bounds its throughput, not locks."
  echo "- **Round trips per booking.** The raw transaction is five statements in five round trips; the API's booking is three round trips and ten statements on the wire (BookingRoundTripTests: the locks and the one load query travel together, then the insert batch with the outbox row, then COMMIT; the API key is cached for 30 s). What remains is CPU: the columns above put the API's own work per request (HTTP, JSON, EF Core materialisation and change tracking) beside PostgreSQL's, and on two shared cores every millisecond of it is a millisecond PostgreSQL does not get."
  echo "- **Events.** The outbox adds one INSERT to the booking's save batch (no round trip); the publisher's numbering UPDATE and the delivery rows are written off the request path, but on 2 shared cores the worker's POSTs and attempt records compete with the bookings for CPU, which is what the with/without ratio measures. Commit-to-delivery is bounded by the publisher's wake-up (immediate for local commits) plus one claim, one POST and one small transaction."
  echo "- **Hot sessions** serialise on the session's row lock by design (that is what keeps them exact); both the raw script and the API queue there, so their ratio is the fairer comparison."
  echo "- **The consolidation against its floor.** The floor copies each legacy table into a table with no key, no index and no join. The fold joins every row to its person and session, resolves the same-person groups, deduplicates bookings, normalises phones (in C#, streamed), writes the id map and the quarantine (about two writes per legacy row) and builds the target's keys, indexes and foreign keys inside its one transaction (docs/adr/0004); the table of phases shows where that goes, the key rebuild first: about thirty index builds, several over millions of rows, and those of the id map and the quarantine start with a text column compared under the database's locale (strcoll on every comparison, no abbreviated keys), which no setting of the run avoids. Keys and indexes are built once after the load (one sort each, with PostgreSQL's parallel workers, then one validating join per foreign key) instead of being maintained row by row; inserts are not sorted; work tables are analysed before they are joined and dropped after their last reader; the bookings' survivors are an anti-join the planner estimates (an OR over outer-join NULLs made it hash 3.6M rows and spill); hashes get 1 GB so the groupings of millions of bookings stay in memory; JIT is off. The report is streamed: its JSON goes to the file and into consolidation_runs as the findings are read, and the tool holds only each list's count and first 1000 findings, so memory does not grow with the data."
} >>"$doc"
