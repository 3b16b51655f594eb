#!/usr/bin/env bash
# start.sh (npm start) - glance-edge under `wrangler dev` on http://127.0.0.1:8787.
#
#   npm start                                   against the local Keystone + Glance (brought up first)
#   GLANCE_URL=http://glance:9292 [KEYSTONE_URL=http://keystone:5000] npm start
#                                               against another Glance (and Keystone)
#   npm start -- --var API_RESULT_PAGE_SIZE:5   extra arguments go to wrangler dev
#
# Without GLANCE_URL in the environment, scripts/openstack-stack.sh brings up a real Keystone and
# Glance on loopback (the first run installs Debian packages: a few minutes). Once the Worker
# answers, a ready-to-paste curl with a fresh token is printed. PORT overrides 8787. Ctrl-C stops
# wrangler (and its workerd); the stack keeps running (scripts/openstack-stack.sh down stops it).
set -euo pipefail
cd "$(dirname "$0")/.."

HOST=127.0.0.1
PORT="${PORT:-8787}"
STACK=scripts/openstack-stack.sh
BASE="http://$HOST:$PORT"
say() { printf '\033[1mnpm start:\033[0m %s\n' "$*" >&2; }

if [ -z "${GLANCE_URL:-}" ]; then
  say "no GLANCE_URL in the environment: using the local Keystone + Glance ($STACK)"
  if ! bash "$STACK" status >/dev/null 2>&1; then
    say "bringing them up; the first run installs Debian's keystone and glance-api packages and takes a few minutes (progress below)"
  fi
  bash "$STACK" up
  eval "$(bash "$STACK" env)"
  token_for_curl="$(bash "$STACK" token "$STACK_DEMO_USER" "$STACK_DEMO_PASS" "$STACK_DEMO_PROJECT")"
  token_note="a fresh token for $STACK_DEMO_USER@$STACK_DEMO_PROJECT"
else
  GLANCE_URL="${GLANCE_URL%/}"
  KEYSTONE_URL="${KEYSTONE_URL:-}"
  token_for_curl='$OS_TOKEN'
  token_note="with a project-scoped Keystone token in OS_TOKEN, e.g. from 'openstack token issue -f value -c id'"
fi

if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then
  say "ERROR: $HOST:$PORT is already in use; stop what holds it or set PORT"
  exit 1
fi

vars=(--var "GLANCE_URL:$GLANCE_URL")
[ -z "${KEYSTONE_URL:-}" ] || vars+=(--var "KEYSTONE_URL:$KEYSTONE_URL")
# Resumable uploads hand their bytes to Glance by web-download (the default UPLOAD_HANDOFF): Glance pulls them
# from PUBLIC_BASE_URL (here this address, which a Glance on loopback reaches) with a URL signed by the
# UPLOAD_SIGNING_KEY secret. Without a .dev.vars of your own, a random key is made once and kept, out of the
# command line, in .wrangler/ (git-ignored), so upload URLs signed before a restart stay valid.
vars+=(--var "PUBLIC_BASE_URL:${PUBLIC_BASE_URL:-$BASE}")
if [ ! -f .dev.vars ]; then
  secrets=.wrangler/dev-secrets.env
  if [ ! -s "$secrets" ]; then
    mkdir -p .wrangler
    (umask 077 && printf 'UPLOAD_SIGNING_KEY=%s\n' "$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')" >"$secrets")
  fi
  vars+=(--env-file "$secrets")
fi
say "starting wrangler dev on $BASE (Glance $GLANCE_URL${KEYSTONE_URL:+, Keystone $KEYSTONE_URL})"
# wrangler itself, not npx: its PID owns workerd, so stopping it stops everything (toolchain.md gotcha 6).
WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false \
  node_modules/.bin/wrangler dev --ip "$HOST" --port "$PORT" "${vars[@]}" "$@" &
wrangler_pid=$!
stop() {
  trap - INT TERM EXIT
  kill -TERM "$wrangler_pid" 2>/dev/null || true
  wait "$wrangler_pid" 2>/dev/null || true
}
trap stop INT TERM EXIT

# Ready when the app itself answers (any route; this one is a 404 problem that touches nothing).
for ((i = 0; i < 240; i++)); do
  kill -0 "$wrangler_pid" 2>/dev/null || { say "ERROR: wrangler dev exited"; exit 1; }
  if curl -s -o /dev/null -D - --max-time 2 "$BASE/api/glance/ready-probe/" 2>/dev/null | grep -qi '^x-request-id:'; then
    ready=1
    break
  fi
  sleep 0.5
done
[ -n "${ready:-}" ] || { say "ERROR: wrangler dev did not answer on $BASE within 120 s"; exit 1; }

cat >&2 <<EOT

glance-edge is ready on $BASE  (OpenAPI: $BASE/api/glance/openapi.json; Ctrl-C stops it)
Try it ($token_note):

  curl -s -H "X-Auth-Token: $token_for_curl" '$BASE/api/glance/images/?paginate=true'
  curl -s -H "X-Auth-Token: $token_for_curl" '$BASE/api/glance/metadefs/resourcetypes/'
  curl -s '$BASE/api/glance/version/'

EOT
wait "$wrangler_pid"
