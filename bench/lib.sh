# bench/lib.sh - what the bench scripts share; sourced from the repository root by bench/run.sh,
# bench/data.sh and bench/load.sh, each of which defines say() and die() first.
#
#   bench_begin LABEL   the stack up (its env exported), the stack lock taken (one user of the stack at a
#                       time: the e2e suite stops and freezes Glance, test/e2e/support/lock.ts takes the
#                       same lock, a directory holding the owner's PID), TOKEN (demo), WORK (a temp dir),
#                       and a cleanup on exit that stops every PID in `pids`, deletes every image id in
#                       `fixtures` and gives the lock back
#   bundle_worker       the Worker as `wrangler deploy --dry-run` builds it, in $WORK/bundle
#   start_bare NAME [--script FILE] [VAR=value ...]   that bundle (or FILE) under bare workerd (bench/workerd-config.mjs: every
#                       [vars] entry as a text binding, loopback outbound, no Cache API backing); sets
#                       EDGE_URL and EDGE_PID; logs to $WORK/NAME.log
#   start_dev NAME [VAR:value ...]   glance-edge under `wrangler dev` on a free port, fresh local state (R2 and the
#                       Durable Objects in $WORK/NAME-state), PUBLIC_BASE_URL its own address and a random
#                       UPLOAD_SIGNING_KEY; sets EDGE_URL and EDGE_PID; logs to $WORK/NAME.log
#   create_fixture_images PREFIX [EXTRA_JSON]   20 queued images for demo, named PREFIX-01..20 (EXTRA_JSON:
#                       more fields, e.g. ',"hw_disk_bus":"virtio"'); their ids join `fixtures`
#   create_raw_image NAME   one queued raw image for demo (for image data); sets `id` and adds it to
#                       `fixtures` (call it directly, not in $(...): a subshell's id would miss the cleanup)
#   wait_ready URL LOG  waits until glance-edge at URL answers (any answer with X-Request-Id)
#   free_port           a free TCP port on 127.0.0.1

STACK=scripts/openstack-stack.sh
WORKERD=node_modules/@cloudflare/workerd-linux-64/bin/workerd
export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false

bench_begin() { # label
  bash "$STACK" up >&2
  eval "$(bash "$STACK" env)"
  LOCK="$GLANCE_EDGE_STACK_DIR/e2e.lock"
  local waited=0 holder
  until mkdir "$LOCK" 2>/dev/null; do
    holder="$(cat "$LOCK/pid" 2>/dev/null || true)"
    if { [ -n "$holder" ] && ! kill -0 "$holder" 2>/dev/null; } ||
       { [ -z "$holder" ] && [ $(( $(date +%s) - $(stat -c %Y "$LOCK" 2>/dev/null || date +%s) )) -gt 10 ]; }; then
      rm -rf "$LOCK"
      continue
    fi
    [ "$waited" = 1 ] || say "waiting for the run holding the stack (pid $holder, $(cat "$LOCK/label" 2>/dev/null)) to finish"
    waited=1
    sleep 2
  done
  echo $$ >"$LOCK/pid"
  echo "$1" >"$LOCK/label"
  pids=()
  fixtures=()
  WORK="$(mktemp -d)"
  trap bench_cleanup EXIT
  trap "exit 130" INT TERM
  TOKEN="$(bash "$STACK" token "$STACK_DEMO_USER" "$STACK_DEMO_PASS" "$STACK_DEMO_PROJECT")"
}

bench_cleanup() {
  local pid id
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for id in "${fixtures[@]}"; do
    curl -s -o /dev/null -X DELETE -H "X-Auth-Token: $TOKEN" "$GLANCE_URL/v2/images/$id" || true
  done
  rm -rf "$WORK"
  [ "$(cat "$LOCK/pid" 2>/dev/null)" != $$ ] || rm -rf "$LOCK"
}

create_fixture_images() { # prefix [extra json fields]
  local i id
  say "creating 20 queued images for demo"
  for i in $(seq -w 1 20); do
    id="$(curl -s -X POST -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/json' \
      -d "{\"name\":\"$1-$i\",\"disk_format\":\"qcow2\",\"container_format\":\"bare\"${2:-}}" \
      "$GLANCE_URL/v2/images" | jq -r .id)"
    [ -n "$id" ] && [ "$id" != null ] || die "could not create a fixture image"
    fixtures+=("$id")
  done
}

create_raw_image() { # name
  id="$(curl -s -X POST -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$1\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}" "$GLANCE_URL/v2/images" | jq -r .id)"
  [ -n "$id" ] && [ "$id" != null ] || die "could not create an image"
  fixtures+=("$id")
}

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

wait_ready() { # url log
  local i
  for ((i = 0; i < 480; i++)); do
    if curl -s -o /dev/null -D - --max-time 2 "$1/api/glance/bench-ready-probe/" | grep -qi '^x-request-id:'; then return 0; fi
    sleep 0.25
  done
  cat "$2" >&2
  die "$1 did not answer"
}

bundle_worker() {
  [ -x "$WORKERD" ] || die "$WORKERD is missing (npm ci)"
  say "bundling the Worker for bare workerd"
  node_modules/.bin/wrangler deploy --dry-run --outdir "$WORK/bundle" >"$WORK/bundle.log" 2>&1 \
    || { cat "$WORK/bundle.log" >&2; die "wrangler deploy --dry-run failed"; }
}

start_bare() { # name [--script FILE] [VAR=value ...]
  local name="$1" script="$WORK/bundle/index.js" port i
  shift
  if [ "${1:-}" = --script ]; then script="$2"; shift 2; fi
  port="$(free_port)"
  mkdir -p "$WORK/$name"
  cp "$script" "$WORK/$name/index.js"
  node bench/workerd-config.mjs "$WORK/$name/config.capnp" "$port" "GLANCE_URL=$GLANCE_URL" "KEYSTONE_URL=$KEYSTONE_URL" "$@"
  "$WORKERD" serve "$WORK/$name/config.capnp" >"$WORK/$name.log" 2>&1 &
  EDGE_PID="$!"
  pids+=("$EDGE_PID")
  EDGE_URL="http://127.0.0.1:$port"
  if [ "$script" = "$WORK/bundle/index.js" ]; then wait_ready "$EDGE_URL" "$WORK/$name.log"; return; fi
  # Another Worker (bench/floor-worker.js) has no X-Request-Id to wait for: any answer will do.
  for ((i = 0; i < 120; i++)); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$EDGE_URL/")" = 000 ] || return 0
    sleep 0.25
  done
  cat "$WORK/$name.log" >&2
  die "$script under bare workerd did not answer"
}

start_dev() { # name [VAR:value ...]
  local name="$1" port var
  shift
  port="$(free_port)"
  # Resumable uploads' web-download hand-off: Glance reaches the Worker at its own address, and the URL signing key is a
  # fresh secret in an env file (not on the command line, which any local process can read).
  mkdir -p "$WORK/$name-state"
  (umask 077 && echo "UPLOAD_SIGNING_KEY=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" >"$WORK/$name-state/secrets.env")
  local args=(dev --ip 127.0.0.1 --port "$port" --inspector-port "$(free_port)" --persist-to "$WORK/$name-state"
              --env-file "$WORK/$name-state/secrets.env" --var "PUBLIC_BASE_URL:http://127.0.0.1:$port"
              --var "GLANCE_URL:$GLANCE_URL" --var "KEYSTONE_URL:$KEYSTONE_URL")
  for var in "$@"; do args+=(--var "$var"); done
  # Not in a $(...) subshell, so that the PID reaches `pids` for the cleanup.
  node_modules/.bin/wrangler "${args[@]}" >"$WORK/$name.log" 2>&1 &
  EDGE_PID="$!"
  pids+=("$EDGE_PID")
  EDGE_URL="http://127.0.0.1:$port"
  wait_ready "$EDGE_URL" "$WORK/$name.log"
}
