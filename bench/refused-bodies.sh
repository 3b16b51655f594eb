#!/usr/bin/env bash
# bench/refused-bodies.sh (npm run bench:refused) - what clients whose request bodies are refused
# see, under bare workerd: BURST (300) concurrent PATCHes of a MIB (3) MiB JSON body (half with
# Content-Length, half chunked; bench/refused-burst.mjs) from each client in CLIENTS (socket: raw
# HTTP/1.1 sockets that read while they write; fetch: Node's fetch), against
#   - bench/refused-body-worker.js in each of MODES (answer-early, cancel, drain-after, drain-first):
#     the least a Worker can do, to show what workerd does with a body left unread;
#   - glance-edge (over MAX_JSON_BODY_BYTES: a 413 problem; its access log counts the requests
#     that reached it).
# Prints the answers the clients saw (a status, or the client's error: ECONNRESET, EPIPE) and the
# workerd process's CPU time for the burst (/proc, user + system).
#
#   bash bench/refused-bodies.sh      BURST=300 MIB=3 CLIENTS="socket fetch" MODES="answer-early cancel drain-after drain-first"
set -euo pipefail
cd "$(dirname "$0")/.."

BURST="${BURST:-300}"
MIB="${MIB:-3}"
CLIENTS="${CLIENTS:-socket fetch}"
MODES="${MODES-answer-early cancel drain-after drain-first}"
say() { echo "refused-bodies: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

source bench/lib.sh
bench_begin "bench/refused-bodies.sh"
bundle_worker
TICKS_PER_SECOND="$(getconf CLK_TCK)"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

burst() { # label client url [access log]
  local before after result reached="n/a"
  before="$(cpu_ticks "$EDGE_PID")"
  result="$(node bench/refused-burst.mjs "$3" "$TOKEN" "$BURST" "$MIB" "$2")"
  after="$(cpu_ticks "$EDGE_PID")"
  [ -z "${4:-}" ] || reached="$(grep -c '"method":"PATCH"' "$4" || true)"
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$2" \
    "$(jq -r '.answers | to_entries | map("\(.value) × \(.key)") | join(", ")' <<<"$result")" "$reached" \
    "$(jq -r .ms <<<"$result")" "$(awk -v t=$((after - before)) -v hz="$TICKS_PER_SECOND" 'BEGIN {printf "%.2f", t / hz}')"
  kill -TERM "$EDGE_PID" 2>/dev/null || true
  wait "$EDGE_PID" 2>/dev/null || true
}

read -r load_start _ </proc/loadavg
echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') with \`bash bench/refused-bodies.sh\` (bare workerd; $BURST concurrent ${MIB} MiB PATCHes, half with Content-Length, half chunked; $(nproc) CPUs, load average $load_start before)"
echo
echo "| Worker | client | answers the clients saw | requests that reached the Worker | ms | workerd CPU s |"
echo "|---|---|---|---|---|---|"
for client in $CLIENTS; do
  for mode in $MODES; do
    start_bare "minimal-$mode-$client" --script bench/refused-body-worker.js "MODE=$mode"
    burst "refused-body-worker.js, $mode" "$client" "$EDGE_URL/"
  done
  start_bare "glance-edge-$client"
  burst "glance-edge (413 problem)" "$client" "$EDGE_URL/api/glance/images/00000000-0000-4000-8000-000000000000/" \
    "$WORK/glance-edge-$client.log"
done
read -r load_end _ </proc/loadavg
echo
echo "load average $load_end after"
