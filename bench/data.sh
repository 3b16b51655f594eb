#!/usr/bin/env bash
# bench/data.sh (npm run bench:data) - image data throughput and memory: a BENCH_DATA_MIB (512) MiB
# upload and download straight to the real Glance, through glance-edge under bare workerd, and
# through glance-edge under `wrangler dev`, side by side in one run on loopback, with the peak RSS
# growth of the serving processes while each transfer runs.
#
#   bash bench/data.sh            measure and print the table (raw lines: bench/results/data-*.tsv)
#   bash bench/data.sh --write    also replace the data results block of bench/README.md
#
#   BENCH_DATA_MIB=512   size of the random payload; BENCH_DATA_ROUNDS=2 rounds (the best of each is kept)
#   BENCH_DATA_TARGETS="glance bare dev"   which paths to measure
#   BENCH_DATA_DEV_MIB=$BENCH_DATA_MIB   payload for wrangler dev (smaller if you like: before workerd 1.20261014.1
#                          its proxy buffered whole downloads, and 512 MiB took ~20 min)
#
# Brings the stack up (scripts/openstack-stack.sh up), takes the same stack lock as bench/run.sh and
# the e2e suite, starts its own bare workerd (the bundle of `wrangler deploy --dry-run` served with
# bench/workerd-config.mjs, as bench/run.sh does) and its own wrangler dev, and removes all of it, images included, when done.
# RSS: workerd's VmRSS (bare), or the sum over wrangler's process tree (node + proxy + workerd),
# sampled every 50 ms; growth = peak during the transfer minus the value just before it.
set -euo pipefail
cd "$(dirname "$0")/.."

MIB="${BENCH_DATA_MIB:-512}"
ROUNDS="${BENCH_DATA_ROUNDS:-2}"
WRITE=0
[ "${1:-}" = "--write" ] && WRITE=1
RESULTS=bench/results
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
say() { echo "bench-data: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

source bench/lib.sh
bench_begin "bench/data.sh"
mkdir -p "$RESULTS"
bundle_worker
start_bare bare
BARE="$EDGE_URL"
BARE_PID="$EDGE_PID"

say "starting glance-edge under wrangler dev"
start_dev dev
DEV="$EDGE_URL"
DEV_PID="$EDGE_PID"

tree_of() { # pid -> the pid and its descendants
  local pid="$1" child
  echo "$pid"
  for child in $(pgrep -P "$pid" || true); do tree_of "$child"; done
}
rss_kib() { # pids... -> summed VmRSS in KiB
  local total=0 pid value
  for pid in "$@"; do
    value="$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)"
    total=$((total + ${value:-0}))
  done
  echo "$total"
}

DEV_MIB="${BENCH_DATA_DEV_MIB:-$MIB}"
say "writing $MIB MiB (and $DEV_MIB MiB for wrangler dev) of random bytes"
head -c "$((MIB * 1024 * 1024))" /dev/urandom >"$WORK/payload.bin"
head -c "$((DEV_MIB * 1024 * 1024))" "$WORK/payload.bin" >"$WORK/payload-dev.bin"

new_image() {
  local id
  id="$(curl -s -X POST -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"bench-data-$STAMP\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}" "$GLANCE_URL/v2/images" | jq -r .id)"
  [ -n "$id" ] && [ "$id" != null ] || die "could not create an image"
  fixtures+=("$id")
  echo "$id"
}

# measure <label> <watched pid or ""> curl-args... ; prints "<http code> <seconds> <bytes> <rss growth KiB>"
measure() {
  local watched="$1" sampler="" base=0 peakfile="$WORK/peak" out
  shift
  rm -f "$peakfile"
  if [ -n "$watched" ]; then
    local tree
    tree="$(tree_of "$watched" | tr '\n' ' ')"
    # shellcheck disable=SC2086
    base="$(rss_kib $tree)"
    # Written before the sampler starts, and replaced whole (mv), so a read never sees it empty or older.
    echo "$base" >"$peakfile"
    (
      peak="$base"
      while :; do
        # shellcheck disable=SC2086
        now="$(rss_kib $tree)"
        [ "$now" -le "$peak" ] || { peak="$now"; echo "$peak" >"$peakfile.new" && mv "$peakfile.new" "$peakfile"; }
        sleep 0.05
      done
    ) &
    sampler=$!
  fi
  out="$(curl -s -H "X-Auth-Token: $TOKEN" -w '%{http_code} %{time_total} %{size_upload} %{size_download}' "$@")"
  if [ -n "$sampler" ]; then
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
  fi
  local peak
  peak="$(cat "$peakfile" 2>/dev/null || echo "$base")"
  echo "$out $((peak - base))"
}

RAW="$RESULTS/data-$STAMP.tsv"
printf 'round\tdirection\ttarget\tMiB\tstatus\tseconds\tMiB/s\trss_growth_MiB\n' >"$RAW"
record() { # round direction target "code seconds up down rssKiB"
  local code secs up down rss bytes
  read -r code secs up down rss <<<"$4"
  [ -n "$watched" ] || rss=0
  bytes="$up"; [ "$2" = download ] && bytes="$down"
  [ "${bytes%.*}" = "$SIZE" ] || { head -c 2000 "$WORK/answer" >&2 2>/dev/null; die "$2 via $3 moved ${bytes} bytes of $SIZE (HTTP $code)"; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$((SIZE / 1048576))" "$code" "$secs" \
    "$(awk -v b="$SIZE" -v s="$secs" 'BEGIN { printf "%.1f", b / 1048576 / s }')" \
    "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')" >>"$RAW"
  say "round $1: $2 via $3: HTTP $code, ${secs}s, RSS +$((rss / 1024)) MiB"
}

# The first request of an isolate grows it once (code, schemas): warm both edges up first.
head -c 1048576 "$WORK/payload.bin" >"$WORK/warmup.bin"
for edge in "$BARE" "$DEV"; do
  id="$(new_image)"
  curl -s -o /dev/null -X PUT -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/octet-stream' --data-binary "@$WORK/warmup.bin" "$edge/api/glance/images/$id/file/"
  curl -s -o /dev/null -H "X-Auth-Token: $TOKEN" "$edge/api/glance/images/$id/file/"
done

for round in $(seq 1 "$ROUNDS"); do
  for target in ${BENCH_DATA_TARGETS:-glance bare dev}; do
    PAYLOAD="$WORK/payload.bin"
    [ "$target" != dev ] || PAYLOAD="$WORK/payload-dev.bin"
    SIZE="$(stat -c %s "$PAYLOAD")"
    SHA512="$(sha512sum "$PAYLOAD" | cut -d' ' -f1)"
    UPLOAD_ARGS=(-o "$WORK/answer" -X PUT -H 'Content-Type: application/octet-stream' --data-binary "@$PAYLOAD")
    id="$(new_image)"
    case "$target" in
      glance) url="$GLANCE_URL/v2/images/$id/file" watched="" ;;
      bare) url="$BARE/api/glance/images/$id/file/" watched="$BARE_PID" ;;
      dev) url="$DEV/api/glance/images/$id/file/" watched="$DEV_PID" ;;
    esac
    record "$round" upload "$target" "$(measure "$watched" "${UPLOAD_ARGS[@]}" "$url")"
    stored="$(curl -s -H "X-Auth-Token: $TOKEN" "$GLANCE_URL/v2/images/$id" | jq -r '.os_hash_value')"
    [ "$stored" = "$SHA512" ] || die "upload via $target: Glance's sha512 differs"
    case "$target" in
      glance) url="$GLANCE_URL/v2/images/$id/file" ;;
      bare) url="$BARE/api/glance/images/$id/file/" ;;
      dev) url="$DEV/api/glance/images/$id/file/" ;;
    esac
    record "$round" download "$target" "$(measure "$watched" -o /dev/null "$url")"
    curl -s -o /dev/null -X DELETE -H "X-Auth-Token: $TOKEN" "$GLANCE_URL/v2/images/$id"
  done
done

TABLE="$(awk -F'\t' -v mib="$MIB" -v rounds="$ROUNDS" '
  NR == 1 { next }
  { key = $2 SUBSEP $3; size[$3] = $4; if (!(key in best) || $7 + 0 > best[key]) best[key] = $7 + 0; if ($8 + 0 > rss[key]) rss[key] = $8 + 0 }
  END {
    names["glance"] = "Glance directly"; names["bare"] = "glance-edge, bare workerd"; names["dev"] = "glance-edge, wrangler dev"
    printf "Random bytes, best of %d rounds (after a warm-up request); RSS growth = the largest over the rounds.\n\n", rounds
    print "| direction | path | MiB moved | MiB/s | vs Glance | RSS growth (MiB) |"
    print "|---|---|---:|---:|---:|---:|"
    split("upload download", dirs, " "); split("glance bare dev", targets, " ")
    for (d = 1; d <= 2; d++) for (t = 1; t <= 3; t++) {
      key = dirs[d] SUBSEP targets[t]; base = best[dirs[d] SUBSEP "glance"]
      if (!(key in best)) continue
      printf "| %s | %s | %d | %.1f | %s | %s |\n", dirs[d], names[targets[t]], size[targets[t]], best[key], (t == 1 ? "1.00x" : sprintf("%.2fx", best[key] / base)), (t == 1 ? "-" : sprintf("%.1f", rss[key]))
    }
  }' "$RAW")"
echo "$TABLE"
if [ "$WRITE" = 1 ]; then
  node - bench/README.md "$STAMP" <<JS
const fs = require("fs");
const [file, stamp] = process.argv.slice(2);
const text = fs.readFileSync(file, "utf8");
const block = "<!-- data-results:start -->\n" + "Run " + stamp + " (\`bash bench/data.sh\`):\n\n" + $(jq -Rs . <<<"$TABLE") + "\n<!-- data-results:end -->";
const re = /<!-- data-results:start -->[\s\S]*<!-- data-results:end -->/;
fs.writeFileSync(file, re.test(text) ? text.replace(re, block) : text.trimEnd() + "\n\n" + block + "\n");
JS
  say "wrote the results into bench/README.md"
fi
