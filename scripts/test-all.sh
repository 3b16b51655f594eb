#!/usr/bin/env bash
# test-all.sh - every test: the unit + route suites inside workerd (Glance stubbed), then the local
# Keystone + Glance (installed from Debian's packages on a clean machine, ~2 min the first time),
# then the end-to-end suite against them. Runs every step it can, prints each runner's own output
# and a summary, and exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false
summary=()
failed=0
T0=$SECONDS
# Each suite also writes vitest's JSON report, so the summary can count every test of both suites.
REPORTS="$(mktemp -d)"
trap 'rm -rf "$REPORTS"' EXIT
export VITEST_JSON_REPORT_DIR="$REPORTS"

step() { # name command...
  local name="$1" t=$SECONDS rc=0
  shift
  echo
  echo "==== $name"
  "$@" || rc=$?
  if [ "$rc" = 0 ]; then
    summary+=("PASS  $name ($((SECONDS - t)) s)")
  else
    summary+=("FAIL  $name (exit $rc, $((SECONDS - t)) s)")
    failed=1
  fi
  return "$rc"
}

step "unit + route suites (workerd): npx vitest run" npx vitest run --reporter=default --reporter=json --outputFile.json="$REPORTS/unit.json"
if step "local Keystone + Glance: scripts/openstack-stack.sh up" bash scripts/openstack-stack.sh up; then
  step "end-to-end suite: scripts/e2e.sh" bash scripts/e2e.sh
else
  summary+=("SKIP  end-to-end suite (the stack did not come up)")
fi

echo
echo "==== summary ($((SECONDS - T0)) s)"
printf '%s\n' "${summary[@]}"
node -e '
  const fs = require("fs"), path = require("path"), dir = process.argv[1];
  let passed = 0, failed = 0, skipped = 0;
  for (const file of fs.readdirSync(dir)) {
    const report = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    passed += report.numPassedTests; failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  }
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$REPORTS" || true
if [ "$failed" != 0 ]; then
  echo "test-all: FAILED"
  exit 1
fi
echo "test-all: all passed"
