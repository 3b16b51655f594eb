#!/usr/bin/env bash
# legacy-upload.sh - Horizon's legacy multipart upload (POST /api/glance/images/, multipart/form-data)
# through glance-edge under bare workerd, side by side with the same bytes PUT straight to Glance,
# in one run: wall time and throughput of each, and workerd's peak RSS growth while the form passes.
#
#   bash bench/legacy-upload.sh [MiB]      (default 512; honours GLANCE_EDGE_STACK_DIR / *_PORT)
#
# Needs the stack of scripts/openstack-stack.sh up. Creates two images as demo and deletes them.
set -euo pipefail
cd "$(dirname "$0")/.."

MIB="${1:-512}"
STACK=scripts/openstack-stack.sh
bash "$STACK" status >/dev/null || { echo "the stack is not up: bash $STACK up" >&2; exit 1; }
eval "$(bash "$STACK" env)"
TOKEN="$(bash "$STACK" token "$STACK_DEMO_USER" "$STACK_DEMO_PASS" "$STACK_DEMO_PROJECT")"
WORKERD=node_modules/@cloudflare/workerd-linux-64/bin/workerd

WORK="$(mktemp -d)"
pids=()
images=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for id in "${images[@]}"; do curl -s -o /dev/null -X DELETE -H "x-auth-token: $TOKEN" "$GLANCE_URL/v2/images/$id" || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
say() { printf '[legacy-upload] %s\n' "$*" >&2; }

say "writing $MIB MiB of random bytes"
head -c "$((MIB * 1024 * 1024))" /dev/urandom >"$WORK/payload.bin"
SHA512="$(sha512sum "$WORK/payload.bin" | cut -d' ' -f1)"

say "bundling the Worker and starting it under bare workerd"
WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false \
  node_modules/.bin/wrangler deploy --dry-run --outdir "$WORK/bundle" >"$WORK/bundle.log" 2>&1
PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
node bench/workerd-config.mjs "$WORK/bundle/config.capnp" "$PORT" "GLANCE_URL=$GLANCE_URL" "KEYSTONE_URL=$KEYSTONE_URL" >/dev/null
"$WORKERD" serve "$WORK/bundle/config.capnp" >"$WORK/workerd.log" 2>&1 &
WORKERD_PID=$!
pids+=("$WORKERD_PID")
EDGE="http://127.0.0.1:$PORT"
for _ in $(seq 1 80); do curl -s -o /dev/null "$EDGE/api/glance/version/" && break; sleep 0.25; done
# Warm the isolate (and keystonemiddleware's token cache) with a small form before measuring.
printf 'warm' >"$WORK/warm.bin"
warm="$(curl -sS -H "x-auth-token: $TOKEN" -F "name=bench-legacy-warm" -F "data=@$WORK/warm.bin;type=application/octet-stream" "$EDGE/api/glance/images/")"
images+=("$(node -e 'console.log(JSON.parse(process.argv[1]).id)' "$warm")")

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

say "direct: PUT $MIB MiB to Glance"
created="$(curl -sS -H "x-auth-token: $TOKEN" -H 'content-type: application/json' -d '{"name":"bench-legacy-direct","disk_format":"raw","container_format":"bare"}' "$GLANCE_URL/v2/images")"
DIRECT_ID="$(node -e 'console.log(JSON.parse(process.argv[1]).id)' "$created")"
images+=("$DIRECT_ID")
direct_s="$(curl -sS -o /dev/null -w '%{time_total}' -X PUT -H "x-auth-token: $TOKEN" -H 'content-type: application/octet-stream' \
  -H 'transfer-encoding: chunked' -T "$WORK/payload.bin" "$GLANCE_URL/v2/images/$DIRECT_ID/file")"

say "glance-edge: PUT the same bytes to the file route (Content-Length known)"
created="$(curl -sS -H "x-auth-token: $TOKEN" -H 'content-type: application/json' -d '{"name":"bench-legacy-file-route","disk_format":"raw","container_format":"bare"}' "$GLANCE_URL/v2/images")"
FILE_ID="$(node -e 'console.log(JSON.parse(process.argv[1]).id)' "$created")"
images+=("$FILE_ID")
file_before_kib="$(rss_kib "$WORKERD_PID")"
file_s="$(curl -sS -o "$WORK/file-route.out" -w '%{time_total}' -X PUT -H "x-auth-token: $TOKEN" -H 'content-type: application/octet-stream' \
  --data-binary @"$WORK/payload.bin" "$EDGE/api/glance/images/$FILE_ID/file/")"
file_after_kib="$(rss_kib "$WORKERD_PID")"
grep -q "\"status\":\"active\"" "$WORK/file-route.out" || { echo "file route: $(cat "$WORK/file-route.out")" >&2; exit 1; }

say "glance-edge: POST the same bytes as Horizon's legacy multipart form"
base_kib="$(rss_kib "$WORKERD_PID")"
peak_file="$WORK/peak"
echo "$base_kib" >"$peak_file"
(
  peak="$base_kib"
  while kill -0 "$WORKERD_PID" 2>/dev/null; do
    now="$(rss_kib "$WORKERD_PID")"
    if [ "$now" -gt "$peak" ]; then peak="$now"; echo "$peak" >"$peak_file"; fi
    sleep 0.1
  done
) &
sampler=$!
pids+=("$sampler")
edge_out="$(curl -sS -w '\n%{http_code} %{time_total}' -H "x-auth-token: $TOKEN" -H 'transfer-encoding: chunked' \
  -F 'name=bench-legacy-edge' -F 'disk_format=raw' -F 'min_disk=1' -F "data=@$WORK/payload.bin;type=application/octet-stream" \
  "$EDGE/api/glance/images/")"
sleep 0.3
kill "$sampler" 2>/dev/null || true
peak_kib="$(cat "$peak_file")"
status_line="$(tail -n1 <<<"$edge_out")"
body="$(head -n -1 <<<"$edge_out")"
edge_status="${status_line%% *}"
edge_s="${status_line##* }"
EDGE_ID="$(node -e 'try{console.log(JSON.parse(process.argv[1]).id)}catch{console.log("")}' "$body")"
[ -n "$EDGE_ID" ] && images+=("$EDGE_ID")
[ "$edge_status" = 201 ] || { echo "glance-edge answered $edge_status: $body" >&2; exit 1; }
edge_sha="$(node -e 'console.log(JSON.parse(process.argv[1]).properties.os_hash_value)' "$body")"
[ "$edge_sha" = "$SHA512" ] || { echo "Glance's sha512 $edge_sha differs from the payload's $SHA512" >&2; exit 1; }

node - "$MIB" "$direct_s" "$edge_s" "$base_kib" "$peak_kib" "$file_s" "$file_before_kib" "$file_after_kib" <<'JS'
const [mib, direct, edge, base, peak, file, fileBefore, fileAfter] = process.argv.slice(2).map(Number);
const rate = (s) => (mib / s).toFixed(1);
console.log(`| ${mib} MiB upload | seconds | MiB/s |`);
console.log(`|---|---|---|`);
console.log(`| straight to Glance (PUT /v2/images/{id}/file, chunked) | ${direct.toFixed(2)} | ${rate(direct)} |`);
console.log(`| glance-edge under bare workerd, file route (PUT .../file/, Content-Length) | ${file.toFixed(2)} | ${rate(file)} |`);
console.log(`| glance-edge under bare workerd, legacy form (POST multipart/form-data) | ${edge.toFixed(2)} | ${rate(edge)} |`);
console.log(`\nfile route: RSS ${(fileBefore / 1024).toFixed(1)} -> ${(fileAfter / 1024).toFixed(1)} MiB after. legacy form throughput / Glance's: ${(direct / edge).toFixed(2)}x; workerd RSS ${(base / 1024).toFixed(1)} MiB before, peak ${(peak / 1024).toFixed(1)} MiB (growth ${((peak - base) / 1024).toFixed(1)} MiB); Glance's sha512 equals the payload's`);
JS
