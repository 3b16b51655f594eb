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
#   BENCH_DATA_TARGETS="glance bare bare-off dev"   which paths to measure (bare-off: bare workerd with
#                        FORMAT_INSPECTION=off, so the upload row shows what the format inspection costs;
#                        floor: bench/floor-data-worker.js piping both ways natively, the floor of any Worker;
#                        floor-sha: the same Worker reading the upload as glance-edge does into a SHA-512,
#                        the floor of an upload that checks its digest; neither is in the default)
#   BENCH_DATA_DEV_MIB=$BENCH_DATA_MIB   payload for wrangler dev (smaller if you like: before workerd 1.20261014.1
#                        its proxy buffered whole downloads, and 512 MiB took ~20 min)
#   BENCH_DATA_DOWNLOAD_ROUNDS=5   with the floor target: paired download rounds after the table (one image put
#                        straight to Glance, then Glance, the floor Worker and glance-edge back to back in a
#                        rotating order; mean MiB/s), which separate glance-edge from the floor better than
#                        the best-of rounds, whose transfers are minutes apart
#   BENCH_DATA_BASELINE=GIT-REF   adds the target `baseline`: the bundle of GIT-REF under bare workerd, in the same
#                        rounds, for a before/after of a change (built in a detached git worktree, as profile.mjs does)
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
TARGETS="${BENCH_DATA_TARGETS:-glance bare bare-off dev}"
BASELINE="" BASELINE_PID=""
if [ -n "${BENCH_DATA_BASELINE:-}" ]; then
  say "bundling $BENCH_DATA_BASELINE for the baseline"
  git worktree add --detach "$WORK/baseline-src" "$BENCH_DATA_BASELINE" >/dev/null 2>&1 || die "no git ref $BENCH_DATA_BASELINE"
  ln -s "$PWD/node_modules" "$WORK/baseline-src/node_modules"
  (cd "$WORK/baseline-src" && "$OLDPWD/node_modules/.bin/wrangler" deploy --dry-run --outdir "$WORK/baseline-bundle") \
    >"$WORK/baseline-bundle.log" 2>&1 || { git worktree remove --force "$WORK/baseline-src"; die "bundling $BENCH_DATA_BASELINE failed"; }
  git worktree remove --force "$WORK/baseline-src"
  start_bare baseline --script "$WORK/baseline-bundle/index.js"
  BASELINE="$EDGE_URL"
  BASELINE_PID="$EDGE_PID"
  TARGETS="$TARGETS baseline"
fi
start_bare bare
BARE="$EDGE_URL"
BARE_PID="$EDGE_PID"
BARE_OFF="" BARE_OFF_PID=""
if [[ " $TARGETS " == *" bare-off "* ]]; then
  start_bare bare-off FORMAT_INSPECTION=off
  BARE_OFF="$EDGE_URL"
  BARE_OFF_PID="$EDGE_PID"
fi
FLOOR="" FLOOR_PID="" FLOOR_SHA="" FLOOR_SHA_PID=""
if [[ " $TARGETS " == *" floor "* ]]; then
  start_bare floor --script bench/floor-data-worker.js MODE=pipe
  FLOOR="$EDGE_URL"
  FLOOR_PID="$EDGE_PID"
fi
if [[ " $TARGETS " == *" floor-sha "* ]]; then
  start_bare floor-sha --script bench/floor-data-worker.js MODE=sha512 "CHUNK_KIB=${BENCH_DATA_FLOOR_CHUNK_KIB:-256}"
  FLOOR_SHA="$EDGE_URL"
  FLOOR_SHA_PID="$EDGE_PID"
fi

DEV="" DEV_PID=""
if [[ " $TARGETS " == *" dev "* ]]; then
  say "starting glance-edge under wrangler dev"
  start_dev dev
  DEV="$EDGE_URL"
  DEV_PID="$EDGE_PID"
fi

tree_of() { # pid -> the pid and its descendants
  local pid="$1" child
  echo "$pid"
  for child in $(pgrep -P "$pid" || true); do tree_of "$child"; done
}
proc_sum() { # file awk-program pids... -> the program's number from /proc/<pid>/<file>, summed over the pids
  local file="$1" program="$2" total=0 pid value
  shift 2
  for pid in "$@"; do
    value="$(awk "$program" "/proc/$pid/$file" 2>/dev/null || echo 0)"
    total=$((total + ${value:-0}))
  done
  echo "$total"
}
cpu_ticks() { proc_sum stat '{print $14 + $15}' "$@"; } # user + system time, in clock ticks
rss_kib() { proc_sum status '/^VmRSS:/ {print $2}' "$@"; }

DEV_MIB="${BENCH_DATA_DEV_MIB:-$MIB}"
say "writing $MIB MiB (and $DEV_MIB MiB for wrangler dev) of random bytes"
head -c "$((MIB * 1024 * 1024))" /dev/urandom >"$WORK/payload.bin"
head -c "$((DEV_MIB * 1024 * 1024))" "$WORK/payload.bin" >"$WORK/payload-dev.bin"

new_image() { create_raw_image "bench-data-$STAMP"; }

# measure <label> <watched pid or ""> curl-args... ; prints "<http code> <seconds> <bytes> <rss growth KiB> <CPU ticks>"
# (CPU: the watched processes' user+system time during the transfer, which a loaded machine disturbs far less than time)
measure() {
  local watched="$1" sampler="" base=0 peakfile="$WORK/peak" out tree="" cpu0=0
  shift
  rm -f "$peakfile"
  if [ -n "$watched" ]; then
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
    # shellcheck disable=SC2086
    cpu0="$(cpu_ticks $tree)"
  fi
  out="$(curl -s -H "X-Auth-Token: $TOKEN" -w '%{http_code} %{time_total} %{size_upload} %{size_download}' "$@")"
  if [ -n "$sampler" ]; then
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
  fi
  local peak cpu=0
  peak="$(cat "$peakfile" 2>/dev/null || echo "$base")"
  # shellcheck disable=SC2086
  [ -z "$tree" ] || cpu=$(($(cpu_ticks $tree) - cpu0))
  echo "$out $((peak - base)) $cpu"
}

RAW="$RESULTS/data-$STAMP.tsv"
TICKS="$(getconf CLK_TCK)"
printf 'round\tdirection\ttarget\tMiB\tstatus\tseconds\tMiB/s\trss_growth_MiB\tcpu_seconds\n' >"$RAW"
record() { # round direction target "code seconds up down rssKiB cpuTicks"
  local code secs up down rss ticks bytes
  read -r code secs up down rss ticks <<<"$4"
  [ -n "$watched" ] || rss=0
  bytes="$up"; [ "$2" = download ] && bytes="$down"
  [ "${bytes%.*}" = "$SIZE" ] || { head -c 2000 "$WORK/answer" >&2 2>/dev/null; die "$2 via $3 moved ${bytes} bytes of $SIZE (HTTP $code)"; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$((SIZE / 1048576))" "$code" "$secs" \
    "$(awk -v b="$SIZE" -v s="$secs" 'BEGIN { printf "%.1f", b / 1048576 / s }')" \
    "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')" \
    "$(awk -v t="${ticks:-0}" -v hz="$TICKS" 'BEGIN { printf "%.2f", t / hz }')" >>"$RAW"
  say "round $1: $2 via $3: HTTP $code, ${secs}s, RSS +$((rss / 1024)) MiB"
}

# The first request of an isolate grows it once (code, schemas): warm both edges up first.
head -c 1048576 "$WORK/payload.bin" >"$WORK/warmup.bin"
for edge in "$BARE" $BARE_OFF $BASELINE $DEV $FLOOR $FLOOR_SHA; do
  new_image
  curl -s -o /dev/null -X PUT -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/octet-stream' --data-binary "@$WORK/warmup.bin" "$edge/api/glance/images/$id/file/"
  curl -s -o /dev/null -H "X-Auth-Token: $TOKEN" "$edge/api/glance/images/$id/file/"
done

declare -A SHA512_OF
for PAYLOAD in "$WORK/payload.bin" "$WORK/payload-dev.bin"; do SHA512_OF[$PAYLOAD]="$(sha512sum "$PAYLOAD" | cut -d' ' -f1)"; done
for round in $(seq 1 "$ROUNDS"); do
  # A rotating order, so that no path is always first or last in a round.
  read -r -a order <<<"$TARGETS"
  shift_by=$(( (round - 1) % ${#order[@]} ))
  order=("${order[@]:$shift_by}" "${order[@]:0:$shift_by}")
  for target in "${order[@]}"; do
    PAYLOAD="$WORK/payload.bin"
    [ "$target" != dev ] || PAYLOAD="$WORK/payload-dev.bin"
    SIZE="$(stat -c %s "$PAYLOAD")"
    SHA512="${SHA512_OF[$PAYLOAD]}"
    UPLOAD_ARGS=(-o "$WORK/answer" -X PUT -H 'Content-Type: application/octet-stream' --data-binary "@$PAYLOAD")
    new_image
    case "$target" in
      glance) url="$GLANCE_URL/v2/images/$id/file" watched="" ;;
      bare) url="$BARE/api/glance/images/$id/file/" watched="$BARE_PID" ;;
      bare-off) url="$BARE_OFF/api/glance/images/$id/file/" watched="$BARE_OFF_PID" ;;
      baseline) url="$BASELINE/api/glance/images/$id/file/" watched="$BASELINE_PID" ;;
      dev) url="$DEV/api/glance/images/$id/file/" watched="$DEV_PID" ;;
      floor) url="$FLOOR/api/glance/images/$id/file/" watched="$FLOOR_PID" ;;
      floor-sha) url="$FLOOR_SHA/api/glance/images/$id/file/" watched="$FLOOR_SHA_PID" ;;
    esac
    record "$round" upload "$target" "$(measure "$watched" "${UPLOAD_ARGS[@]}" "$url")"
    stored="$(curl -s -H "X-Auth-Token: $TOKEN" "$GLANCE_URL/v2/images/$id" | jq -r '.os_hash_value')"
    [ "$stored" = "$SHA512" ] || die "upload via $target: Glance's sha512 differs"
    case "$target" in
      glance) url="$GLANCE_URL/v2/images/$id/file" ;;
      bare) url="$BARE/api/glance/images/$id/file/" ;;
      bare-off) url="$BARE_OFF/api/glance/images/$id/file/" ;;
      baseline) url="$BASELINE/api/glance/images/$id/file/" ;;
      dev) url="$DEV/api/glance/images/$id/file/" ;;
      floor) url="$FLOOR/api/glance/images/$id/file/" ;;
      floor-sha) url="$FLOOR_SHA/api/glance/images/$id/file/" ;;
    esac
    record "$round" download "$target" "$(measure "$watched" -o /dev/null "$url")"
    curl -s -o /dev/null -X DELETE -H "X-Auth-Token: $TOKEN" "$GLANCE_URL/v2/images/$id"
  done
done

PAIRED=""
if [ -n "$FLOOR" ] && [ "${BENCH_DATA_DOWNLOAD_ROUNDS:-5}" -gt 0 ]; then
  SIZE="$(stat -c %s "$WORK/payload.bin")"
  new_image
  curl -s -o /dev/null -X PUT -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/octet-stream' --data-binary "@$WORK/payload.bin" "$GLANCE_URL/v2/images/$id/file"
  urls=("$GLANCE_URL/v2/images/$id/file" "$FLOOR/api/glance/images/$id/file/" "$BARE/api/glance/images/$id/file/")
  names=("Glance directly" "floor Worker (native pipe)" "glance-edge, bare workerd")
  declare -A DL
  for ((round = 0; round < ${BENCH_DATA_DOWNLOAD_ROUNDS:-5}; round++)); do
    for k in 0 1 2; do
      side=$(( (k + round) % 3 ))
      read -r code bytes speed <<<"$(curl -s -o /dev/null -H "X-Auth-Token: $TOKEN" -w '%{http_code} %{size_download} %{speed_download}' "${urls[$side]}")"
      [ "$code" = 200 ] && [ "$bytes" = "$SIZE" ] || die "paired download via ${names[$side]}: HTTP $code, $bytes of $SIZE bytes"
      DL[$side]+=" $(awk -v s="$speed" 'BEGIN { printf "%.1f", s / 1048576 }')"
      say "paired download round $((round + 1)): ${names[$side]}: ${DL[$side]##* } MiB/s"
    done
  done
  mean() { tr ' ' '\n' | awk 'NF { s += $1; n++ } END { printf "%.1f", s / n }'; }
  PAIRED="$(
    echo
    echo
    echo "Paired downloads ($MIB MiB, ${BENCH_DATA_DOWNLOAD_ROUNDS:-5} rounds back to back in a rotating order; mean MiB/s; load average $(cut -d' ' -f1-3 /proc/loadavg)):"
    echo
    echo "| path | MiB/s (mean) | vs Glance | vs the floor Worker | rounds (MiB/s) |"
    echo "|---|---:|---:|---:|---|"
    g="$(mean <<<"${DL[0]}")" f="$(mean <<<"${DL[1]}")"
    for side in 0 1 2; do
      m="$(mean <<<"${DL[$side]}")"
      echo "| ${names[$side]} | $m | $(awk -v a="$m" -v b="$g" 'BEGIN { printf "%.2fx", a / b }') | $(awk -v a="$m" -v b="$f" 'BEGIN { printf "%.2fx", a / b }') |${DL[$side]} |"
    done
  )"
fi

TABLE="$(awk -F'\t' -v chunk="${BENCH_DATA_FLOOR_CHUNK_KIB:-256}" -v mib="$MIB" -v rounds="$ROUNDS" -v baseline="${BENCH_DATA_BASELINE:-}" '
  NR == 1 { next }
  { key = $2 SUBSEP $3; size[$3] = $4; if (!(key in best) || $7 + 0 > best[key]) best[key] = $7 + 0; if ($8 + 0 > rss[key]) rss[key] = $8 + 0; sum[key] += $7; n[key]++; cpu[key] += $9 }
  END {
    names["glance"] = "Glance directly"; names["bare"] = "glance-edge, bare workerd"; names["dev"] = "glance-edge, wrangler dev"
    names["bare-off"] = "glance-edge, bare workerd, FORMAT_INSPECTION=off"
    names["baseline"] = "glance-edge " baseline ", bare workerd"
    names["floor"] = "floor Worker: native pipe (bench/floor-data-worker.js)"
    names["floor-sha"] = "floor Worker: pipe + SHA-512 in " chunk " KiB chunks (bench/floor-data-worker.js)"
    printf "Random bytes, best of %d rounds (after a warm-up request); RSS growth = the largest over the rounds.\n\n", rounds
    print "| direction | path | MiB moved | MiB/s | vs Glance | RSS growth (MiB) | CPU s per GiB (mean) |"
    print "|---|---|---:|---:|---:|---:|---:|"
    split("upload download", dirs, " "); split("glance floor floor-sha baseline bare-off bare dev", targets, " ")
    for (d = 1; d <= 2; d++) for (t = 1; t <= 7; t++) {
      key = dirs[d] SUBSEP targets[t]; base = best[dirs[d] SUBSEP "glance"]
      if (!(key in best)) continue
      printf "| %s | %s | %d | %.1f | %s | %s | %s |\n", dirs[d], names[targets[t]], size[targets[t]], best[key], (t == 1 ? "1.00x" : sprintf("%.2fx", best[key] / base)), (t == 1 ? "-" : sprintf("%.1f", rss[key])), (t == 1 ? "-" : sprintf("%.2f", cpu[key] / n[key] / size[targets[t]] * 1024))
    }
    for (d = 1; d <= 2; d++) {
      edge = dirs[d] SUBSEP "bare"; fl = dirs[d] SUBSEP "floor"
      if ((edge in best) && (fl in best))
        printf "\n%s: glance-edge at %.2fx the floor Worker (best rounds; mean of the rounds %.2fx).\n", dirs[d], best[edge] / best[fl], sum[edge] / n[edge] / (sum[fl] / n[fl])
    }
    on = "upload" SUBSEP "bare"; off = "upload" SUBSEP "bare-off"
    if ((on in best) && (off in best)) {
      printf "\nFormat inspection on the upload (bare workerd, enforce vs off, best rounds): %.3fx the throughput", best[on] / best[off]
      printf " (mean of the rounds: %.3fx); workerd CPU per upload %.3fx.\n", sum[on] / n[on] / (sum[off] / n[off]), cpu[on] / n[on] / (cpu[off] / n[off])
    }
  }' "$RAW")$PAIRED"
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
