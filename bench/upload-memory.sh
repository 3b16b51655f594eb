#!/usr/bin/env bash
# bench/upload-memory.sh - workerd's RSS over uploads in one isolate (issue 20's memory goals): a fresh
# bare workerd of the bundle (only a probe request before), then PUT …/file/ of MIB (512) MiB SEQUENTIAL (4)
# times one after the other (the first upload of an isolate, and whether it stays flat after), then CONCURRENT (4)
# uploads of CONCURRENT_MIB (256) MiB at once. RSS: workerd's VmRSS sampled every 50 ms; growth = the
# peak during the step minus the value before the first upload. Each upload is checked against Glance's
# sha512. Takes the stack lock (bench/lib.sh); every image it made is deleted.
#
#   bash bench/upload-memory.sh     (BENCH_MEM_MIB=512 BENCH_MEM_SEQUENTIAL=4 BENCH_MEM_CONCURRENT=4 BENCH_MEM_CONCURRENT_MIB=256)
set -euo pipefail
cd "$(dirname "$0")/.."
MIB="${BENCH_MEM_MIB:-512}"
CONCURRENT="${BENCH_MEM_CONCURRENT:-4}"
CONCURRENT_MIB="${BENCH_MEM_CONCURRENT_MIB:-256}"
say() { echo "upload-memory: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }
source bench/lib.sh
bench_begin "bench/upload-memory.sh"
bundle_worker
start_bare bare
rss() { awk '/^VmRSS:/ {print $2}' "/proc/$EDGE_PID/status"; }
head -c "$((MIB * 1024 * 1024))" /dev/urandom >"$WORK/big.bin"
head -c "$((CONCURRENT_MIB * 1024 * 1024))" "$WORK/big.bin" >"$WORK/part.bin"
declare -A SHA
SHA[big]="$(sha512sum "$WORK/big.bin" | cut -d' ' -f1)"
SHA[part]="$(sha512sum "$WORK/part.bin" | cut -d' ' -f1)"

new_image() { create_raw_image "bench-upload-memory"; }
# step NAME FILE COUNT: COUNT uploads of FILE at once; sets PEAK, the peak RSS (KiB) during them. Not run in
# a $(...) subshell, so that the images' ids reach `fixtures` for the cleanup.
step() {
  local name="$1" file="$2" count="$3" i ids=() uploads=() sampler
  for ((i = 0; i < count; i++)); do new_image; ids+=("$id"); done
  echo "$(rss)" >"$WORK/peak"
  ( peak="$(rss)"; while :; do now="$(rss)"; [ "$now" -le "$peak" ] || { peak="$now"; echo "$peak" >"$WORK/peak.new" && mv "$WORK/peak.new" "$WORK/peak"; }; sleep 0.05; done ) &
  sampler=$!
  local started; started="$(date +%s.%N)"
  for i in "${ids[@]}"; do
    curl -s -o "$WORK/answer-$i" -w '%{http_code}\n' -X PUT -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/octet-stream' \
      --data-binary "@$WORK/$file.bin" "$EDGE_URL/api/glance/images/$i/file/" >"$WORK/code-$i" &
    uploads+=("$!")
    # Staggered: this Glance's sqlite refuses concurrent image updates ("database is locked") when
    # uploads end at the same moment; 2 s apart they still overlap for most of their transfer.
    [ "$count" = 1 ] || sleep 2
  done
  wait "${uploads[@]}" || true
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  for i in "${ids[@]}"; do
    if [ "$(cat "$WORK/code-$i")" != 200 ]; then
      # Glance's own failure (its 500, e.g. sqlite's lock) after the bytes moved: the memory figure stands.
      jq -e '.upstream_status == 500' "$WORK/answer-$i" >/dev/null 2>&1 || die "$name: upload answered $(cat "$WORK/code-$i"): $(head -c 600 "$WORK/answer-$i")"
      say "$name: Glance failed one upload with its own 500 at the end: $(jq -r .detail "$WORK/answer-$i")"
      continue
    fi
    [ "$(curl -s -H "X-Auth-Token: $TOKEN" "$GLANCE_URL/v2/images/$i" | jq -r .os_hash_value)" = "${SHA[$file]}" ] || die "$name: Glance's sha512 differs"
  done
  say "$name: $(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s"
  PEAK="$(cat "$WORK/peak")"
}
base="$(rss)"
SEQUENTIAL="${BENCH_MEM_SEQUENTIAL:-4}"
sequential=()
for ((k = 1; k <= SEQUENTIAL; k++)); do
  step "${MIB} MiB upload $k of $SEQUENTIAL (one after the other)" big 1
  sequential+=("$PEAK")
done
step "${CONCURRENT} concurrent ${CONCURRENT_MIB} MiB uploads" part "$CONCURRENT"
concurrent="$PEAK"
mib() { awk -v k="$1" -v b="$base" 'BEGIN { printf "%.1f", (k - b) / 1024 }'; }
echo "workerd RSS before the first upload: $(awk -v k="$base" 'BEGIN { printf "%.1f", k / 1024 }') MiB (load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| step | peak RSS growth over the start (MiB) | goal | verdict |"
echo "|---|---:|---|---|"
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "**met**" : "**not met**" }'; }
echo "| first ${MIB} MiB upload of the isolate | $(mib "${sequential[0]}") | ≤ 64 MiB | $(verdict "$(mib "${sequential[0]}")" 64) |"
for ((k = 1; k < SEQUENTIAL; k++)); do
  echo "| ${MIB} MiB upload $((k + 1)) (flat after the first: bounded by the same goal) | $(mib "${sequential[$k]}") | ≤ 64 MiB | $(verdict "$(mib "${sequential[$k]}")" 64) |"
done
echo "| ${CONCURRENT} concurrent ${CONCURRENT_MIB} MiB uploads | $(mib "$concurrent") | ≤ 96 MiB | $(verdict "$(mib "$concurrent")" 96) |"
