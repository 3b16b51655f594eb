#!/usr/bin/env bash
# bench/bundle-size.sh - the production Worker's size as `wrangler deploy` would upload it (minify =
# true from wrangler.toml), without deploying: `wrangler deploy --dry-run --outdir`.
#
#   bash bench/bundle-size.sh     prints: <script KiB> <script gzip KiB> <asset files> <asset KiB>
#
# The script sizes are wrangler's own "Total Upload: X KiB / gzip: Y KiB" (what Cloudflare's size
# limit counts); the static assets (public/: Swagger UI for the docs page) are uploaded apart from the
# script and do not count toward it.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false \
  node_modules/.bin/wrangler deploy --dry-run --outdir "$OUT/bundle" >"$OUT/log" 2>&1 \
  || { cat "$OUT/log" >&2; echo "bundle-size: wrangler deploy --dry-run failed" >&2; exit 1; }
read -r raw gzip < <(sed -n 's/.*Total Upload: \([0-9.]*\) KiB \/ gzip: \([0-9.]*\) KiB.*/\1 \2/p' "$OUT/log")
[ -n "${gzip:-}" ] || { cat "$OUT/log" >&2; echo "bundle-size: no 'Total Upload' line from wrangler" >&2; exit 1; }
files="$(find public -type f | wc -l)"
assets="$(find public -type f -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s / 1024}')"
echo "$raw $gzip $files $assets"
