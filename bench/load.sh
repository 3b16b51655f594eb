#!/usr/bin/env bash
# bench/load.sh (npm run bench:load) - glance-edge under bare workerd (no wrangler dev proxy) in front
# of the real Glance and Keystone of scripts/openstack-stack.sh, on loopback:
#   1. a cold-cache stampede: 100 concurrent GET /api/glance/metadefs/resourcetypes/ on a fresh
#      isolate; counts the Glance and Keystone calls it made, from their uwsgi request logs (lines
#      added during the stampede) and from the Worker's own access log (sum of upstream_calls);
#   2. LOAD_DURATION (60) seconds of mixed reads and writes (bench/load-mixed.lua: 80 % reads of the
#      image list, images, properties, version, resource types and namespaces; 20 % PATCHes of images
#      and their properties) at LOAD_CONNECTIONS (32) connections with wrk; reports every status, the
#      5xx split into Glance's own failures and glance-edge's, p50/p99, and the Worker's peak RSS.
#
#   bash bench/load.sh      LOAD_DURATION=60 LOAD_CONNECTIONS=32 STAMPEDE=100
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${LOAD_DURATION:-60}"
CONNECTIONS="${LOAD_CONNECTIONS:-32}"
STAMPEDE="${STAMPEDE:-100}"
say() { echo "load: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

source bench/lib.sh
bench_begin "bench/load.sh"
command -v wrk >/dev/null || die "wrk is missing (scripts/openstack-stack.sh install adds it)"
GLANCE_LOG="$GLANCE_EDGE_STACK_DIR/logs/glance.log"
KEYSTONE_LOG="$GLANCE_EDGE_STACK_DIR/logs/keystone.log"
[ -f "$GLANCE_LOG" ] && [ -f "$KEYSTONE_LOG" ] || die "no uwsgi request logs in $GLANCE_EDGE_STACK_DIR/logs"

bundle_worker

count_lines() { # file pattern
  grep -cF -- "$2" "$1" || true
}

read -r load_start _ </proc/loadavg

# ---- 1. cold-cache stampede ------------------------------------------------------------------
say "stampede: $STAMPEDE concurrent cold GET /api/glance/metadefs/resourcetypes/ on a fresh isolate"
start_bare stampede
STAMPEDE_URL="$EDGE_URL"
glance_before="$(count_lines "$GLANCE_LOG" "GET /v2/metadefs/resource_types ")"
keystone_before="$(count_lines "$KEYSTONE_LOG" "GET /v3/auth/tokens ")"
stampede_result="$(node - "$STAMPEDE_URL/api/glance/metadefs/resourcetypes/" "$TOKEN" "$STAMPEDE" <<'JS'
const [url, token, count] = process.argv.slice(2);
(async () => {
  const started = Date.now();
  const answers = await Promise.all(Array.from({ length: Number(count) }, async () => {
    const response = await fetch(url, { headers: { "x-auth-token": token } });
    await response.arrayBuffer();
    return `${response.status} ${response.headers.get("cache-status")}`;
  }));
  const tally = {};
  for (const answer of answers) tally[answer] = (tally[answer] ?? 0) + 1;
  console.log(JSON.stringify({ ms: Date.now() - started, answers: tally }));
})();
JS
)"
sleep 2 # uwsgi writes its request line after the answer
glance_calls=$(( $(count_lines "$GLANCE_LOG" "GET /v2/metadefs/resource_types ") - glance_before ))
keystone_calls=$(( $(count_lines "$KEYSTONE_LOG" "GET /v3/auth/tokens ") - keystone_before ))
worker_calls="$(grep -F '"path":"/api/glance/metadefs/resourcetypes/"' "$WORK/stampede.log" | grep -o '"upstream_calls":[0-9]*' | awk -F: '{s += $2} END {print s + 0}')"

# ---- 1b. JSON body cap on the bare runtime (wrangler dev's proxy holds a chunked 413 back) ----
body_cap="$(node - "$STAMPEDE_URL" "$TOKEN" <<'JS'
const [base, token] = process.argv.slice(2);
const headers = { "x-auth-token": token, "content-type": "application/json" };
const url = `${base}/api/glance/images/00000000-0000-4000-8000-000000000000/`;
(async () => {
  const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
  let sent = 0;
  const body = new ReadableStream({ pull(c) { if (sent === 0) c.enqueue(new TextEncoder().encode("{")); if (sent >= 4 * 1024 * 1024) return c.close(); sent += chunk.byteLength; c.enqueue(chunk); } });
  let started = Date.now();
  const chunked = await fetch(url, { method: "PATCH", headers, body, duplex: "half", signal: AbortSignal.timeout(30000) });
  await chunked.arrayBuffer();
  const chunkedMs = Date.now() - started;
  started = Date.now();
  const sized = await fetch(url, { method: "PATCH", headers, body: JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) }), signal: AbortSignal.timeout(30000) });
  await sized.arrayBuffer();
  const next = await fetch(`${base}/api/glance/version/`, { signal: AbortSignal.timeout(30000) });
  console.log(`chunked 4 MiB: ${chunked.status} in ${chunkedMs} ms; Content-Length 2 MiB: ${sized.status} in ${Date.now() - started} ms; next request: ${next.status}`);
})().catch((error) => console.log(`failed: ${error}`));
JS
)"

# ---- 2. mixed load ---------------------------------------------------------------------------
start_bare mixed
MIXED_URL="$EDGE_URL"
MIXED_PID="$EDGE_PID"
create_fixture_images bench-load
IMAGES="$(IFS=,; echo "${fixtures[*]}")"
say "warming up"
for path in "images/?paginate=true&limit=10" "images/${fixtures[0]}/" "version/" "metadefs/resourcetypes/"; do
  curl -s -o /dev/null --max-time 60 -H "X-Auth-Token: $TOKEN" "$MIXED_URL/api/glance/$path"
done
peak_rss=0
( while kill -0 "$MIXED_PID" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$MIXED_PID/status" 2>/dev/null; sleep 1; done ) >"$WORK/rss.txt" &
rss_sampler=$!
say "mixed reads and writes: ${DURATION}s at $CONNECTIONS connections"
BENCH_TOKEN="$TOKEN" BENCH_IMAGES="$IMAGES" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s \
  -s bench/load-mixed.lua "$MIXED_URL" >"$WORK/wrk.txt" 2>&1 || true
kill "$rss_sampler" 2>/dev/null || true
peak_rss="$(sort -n "$WORK/rss.txt" | tail -1)"
read -r load_end _ </proc/loadavg
load_line="$(grep '^LOAD ' "$WORK/wrk.txt" || true)"
[ -n "$load_line" ] || { cat "$WORK/wrk.txt" >&2; die "wrk printed no LOAD line"; }
worker_5xx="$(grep -o '"msg":"request"[^}]*"status":5[0-9][0-9]' "$WORK/mixed.log" | grep -o '"status":5[0-9][0-9]' | sort | uniq -c | awk '{printf "%s%s×%s", sep, $1, substr($2, 10); sep=", "}' || true)"
mkdir -p bench/results
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
cp "$WORK/stampede.log" "bench/results/$STAMP-load-stampede-worker.log"
cp "$WORK/mixed.log" "bench/results/$STAMP-load-mixed-worker.log"
cp "$WORK/wrk.txt" "bench/results/$STAMP-load-mixed-wrk.raw"

echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') with \`bash bench/load.sh\` (bare workerd; load average $load_start before, $load_end after; $(nproc) CPUs)"
echo "stampede: $STAMPEDE concurrent cold requests in $(jq -r .ms <<<"$stampede_result") ms; answers $(jq -c .answers <<<"$stampede_result"); Glance calls (uwsgi log): $glance_calls; Keystone token checks (uwsgi log; Glance's own keystonemiddleware check counts there too): $keystone_calls; upstream calls in the Worker's access log: $worker_calls"
echo "JSON body cap (MAX_JSON_BODY_BYTES): $body_cap"
echo "mixed: ${DURATION}s, $CONNECTIONS connections, wrk -t2: ${load_line#LOAD }; 5xx in the Worker's access log: ${worker_5xx:-none}; Worker peak RSS ${peak_rss} kB"
