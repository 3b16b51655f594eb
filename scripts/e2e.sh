#!/usr/bin/env bash
# e2e.sh - the end-to-end suite (test/e2e, vitest.e2e.config.ts): glance-edge under `wrangler dev`
# against the real Keystone + Glance of scripts/openstack-stack.sh, called over HTTP with real tokens.
#
#   bash scripts/e2e.sh [vitest args]     e.g. bash scripts/e2e.sh test/e2e/tenancy.test.ts
#
# Brings the stack up first when it is not (the first time installs Debian packages: minutes).
# The global setup starts and stops its own wrangler dev on a free port; nothing else is touched.
set -euo pipefail
cd "$(dirname "$0")/.."

STACK=scripts/openstack-stack.sh
if ! bash "$STACK" status >/dev/null 2>&1; then
  echo "e2e: Keystone/Glance are not up; starting them (a first run installs packages and takes minutes)" >&2
  bash "$STACK" up
fi
eval "$(bash "$STACK" env)"

export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false
rc=0
report=()
[ -z "${VITEST_JSON_REPORT_DIR:-}" ] || report=(--reporter=verbose --reporter=json --outputFile.json="$VITEST_JSON_REPORT_DIR/e2e.json")
npx vitest run --config vitest.e2e.config.ts "${report[@]}" "$@" || rc=$?

# The fault test stops (or freezes) Glance and restarts it itself, even when it fails; this covers a
# killed run.
bash "$STACK" resume glance >/dev/null 2>&1 || true
if ! bash "$STACK" status >/dev/null 2>&1; then
  echo "e2e: the stack is not fully up after the suite; restarting what is stopped" >&2
  bash "$STACK" up || rc=1
fi
exit "$rc"
