#!/usr/bin/env bash
# openstack-stack.sh - a REAL OpenStack Keystone + Glance on 127.0.0.1 for
# glance-edge's end-to-end tests and for local development.
#
# Uses Debian bookworm's own packages (keystone 2:22 / glance-api 2:25, Zed),
# served by uwsgi, with sqlite databases and local files. No systemd, no
# apache, no mysql/rabbitmq server, no devstack, no pip.
#
#   scripts/openstack-stack.sh up        install packages if missing, configure, start (idempotent; a running
#                                        service whose generated config changed is restarted with it)
#   scripts/openstack-stack.sh down      stop only the processes this script started (recorded PIDs)
#   scripts/openstack-stack.sh status    probe every endpoint; exit 1 if something is down
#   scripts/openstack-stack.sh env       print shell exports: eval "$(scripts/openstack-stack.sh env)"
#   scripts/openstack-stack.sh token USER PASS PROJECT
#                                        print a fresh project-scoped token (stdout only)
#   scripts/openstack-stack.sh stop SERVICE   stop one service (keystone|glance|glance2) of a stack that is up
#   scripts/openstack-stack.sh start SERVICE  start it again with its existing configuration
#                                        (fault tests; `up` also restarts whatever is stopped)
#   scripts/openstack-stack.sh pause SERVICE  freeze it (SIGSTOP to its process group): connections are
#                                        accepted but never answered (timeout tests)
#   scripts/openstack-stack.sh resume SERVICE thaw it (SIGCONT)
#   scripts/openstack-stack.sh install   only install the Debian packages (needs root or sudo)
#   scripts/openstack-stack.sh clean     down, then delete the state folder (packages stay)
#
# State (configs, sqlite DBs, fernet keys, image files, logs, PIDs) lives in ONE
# folder: $GLANCE_EDGE_STACK_DIR, default ~/.local/state/glance-edge-stack.
# Logs: <state>/logs/{keystone,glance}.log (uwsgi: requests + stderr) and
# {keystone,glance}-app.log (oslo.log), apt-install.log, glance-manage.log.
#
# Two Glances share one Keystone: `glance` (region RegionOne) and `glance2` (region RegionTwo,
# GLANCE2_REGION), each with its own port, sqlite database, image store and metadefs, both
# registered in the catalog under the one `image` service (a multi-region cloud in miniature).
#
# Ports: KEYSTONE_PORT (default 5000), GLANCE_PORT (default 9292), GLANCE2_PORT (default 9293). The ports of
# the last `up` are saved in <state>/ports.env and reused by every command
# unless overridden again. To move a running stack: `down`, then `up` with the
# new ports (the catalog endpoints are re-registered).
#
# Accounts (domain Default, region RegionOne; loopback test values):
#   admin / admin-secret  project admin    role admin   (keystone-manage bootstrap)
#   demo  / demo-secret   project demo     role member
#   alt   / alt-secret    project alt      role member
#   glance/ glance-secret project service  role admin   (keystonemiddleware service user)
# Overridable before the first `up` via STACK_{ADMIN,DEMO,ALT}_{USER,PASS,PROJECT}.
#
# Traps this script avoids (all found the hard way):
#  * The packages' postinsts would configure databases and start services on
#    0.0.0.0: debconf is preseeded, and /usr/sbin/policy-rc.d (exit 101) makes
#    invoke-rc.d skip the start (a temporary one is added when absent).
#  * `python3` on PATH may be pyenv's, which cannot see Debian's dist-packages:
#    services start under `env -i` with a plain PATH; helpers use /usr/bin/python3.
#  * Keystone without a cache runs ~400 SQL queries per token validation: dogpile
#    memory cache, which needs ONE keystone process (1 uwsgi process x 4 threads).
#  * sqlite "database is locked" with several workers: PRAGMA journal_mode=WAL.
#  * uwsgi's http-socket closes every connection without saying so; pooled
#    clients (keystonemiddleware, requests) then hit "connection reset":
#    add-header Connection: close.
#  * glance-manage db_load_metadefs takes the path positionally.
#  * web-download from loopback is refused by Glance's SSRF filter unless
#    [import_filtering_opts] allowed_hosts lists 127.0.0.1, and off ports 80/443
#    unless allowed_ports is emptied (the Worker's port is picked at run time).
#    Use the literal 127.0.0.1 in import URIs ("localhost" is rejected with 400).
#  * Under uwsgi, sys.executable is uwsgi, not python: [wsgi] python_interpreter.
set -euo pipefail
shopt -s inherit_errexit

# ============================================================================ settings
PY=/usr/bin/python3
HOST=127.0.0.1
: "${HOME:=$(getent passwd "$(id -u)" | cut -d: -f6)}"
STATE="${GLANCE_EDGE_STACK_DIR:-$HOME/.local/state/glance-edge-stack}"
ETC="$STATE/etc"
LOGDIR="$STATE/logs"
PIDDIR="$STATE/pids"

# Ports: explicit environment > ports saved by the last `up` > defaults.
SAVED_KEYSTONE_PORT="" SAVED_GLANCE_PORT="" SAVED_GLANCE2_PORT=""
if [ -f "$STATE/ports.env" ]; then . "$STATE/ports.env"; fi
KEYSTONE_PORT="${KEYSTONE_PORT:-${SAVED_KEYSTONE_PORT:-5000}}"
GLANCE_PORT="${GLANCE_PORT:-${SAVED_GLANCE_PORT:-9292}}"
GLANCE2_PORT="${GLANCE2_PORT:-${SAVED_GLANCE2_PORT:-9293}}"

REGION="${STACK_REGION:-RegionOne}"
REGION2="${GLANCE2_REGION:-RegionTwo}"
KEYSTONE_URL="http://$HOST:$KEYSTONE_PORT"
AUTH_URL="$KEYSTONE_URL/v3"
GLANCE_URL="http://$HOST:$GLANCE_PORT"
GLANCE2_URL="http://$HOST:$GLANCE2_PORT"

ADMIN_USER="${STACK_ADMIN_USER:-admin}"
ADMIN_PASS="${STACK_ADMIN_PASS:-admin-secret}"
ADMIN_PROJECT="${STACK_ADMIN_PROJECT:-admin}"
DEMO_USER="${STACK_DEMO_USER:-demo}"
DEMO_PASS="${STACK_DEMO_PASS:-demo-secret}"
DEMO_PROJECT="${STACK_DEMO_PROJECT:-demo}"
ALT_USER="${STACK_ALT_USER:-alt}"
ALT_PASS="${STACK_ALT_PASS:-alt-secret}"
ALT_PROJECT="${STACK_ALT_PROJECT:-alt}"
GLANCE_SVC_USER="${STACK_GLANCE_SVC_USER:-glance}"
GLANCE_SVC_PASS="${STACK_GLANCE_SVC_PASS:-glance-secret}"
SERVICE_PROJECT="${STACK_SERVICE_PROJECT:-service}"
# Glance's stock default list; copy-image is advertised but needs multi-store.
GLANCE_IMPORT_METHODS="${GLANCE_IMPORT_METHODS:-glance-direct,web-download,copy-image}"

PKGS=(keystone glance-api uwsgi-core uwsgi-plugin-python3 sqlite3 curl jq wrk)
# bench/run.sh puts nginx (keep-alive towards its clients) in front of Glance for its keep-alive rows.
PKGS+=(nginx-light)
# The e2e suite drives the docs page in headless Chromium (playwright-core, no browser download).
PKGS+=(chromium)
# The e2e suite makes real qcow2 images (with and without a backing file) with qemu-img.
PKGS+=(qemu-utils)
SERVICES=(keystone glance glance2)
GLANCES=(glance glance2)
METADEFS_DIR=/usr/share/glance-common/metadefs
# A plain environment for everything that imports Debian's OpenStack python.
CLEAN_ENV=(env -i "PATH=/usr/sbin:/usr/bin:/sbin:/bin" "LANG=C.UTF-8" "HOME=$HOME")

T_START="${EPOCHREALTIME/,/.}"
log() {
  local now="${EPOCHREALTIME/,/.}"
  printf '[%s +%5.1fs] %s\n' "$(date +%H:%M:%S)" "$(awk -v a="$T_START" -v b="$now" 'BEGIN{print b-a}')" "$*" >&2
}
die() { echo "openstack-stack: ERROR: $*" >&2; exit 1; }

# ============================================================================ install
SUDO=()
pkgs_missing() {
  local p
  for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}

# Waits for the apt pipeline (pid), saying every 15 s what apt is at, so a first `up` (minutes)
# does not look hung. Returns the pipeline's exit status.
apt_progress() { # pid log t0
  local i=0 step
  while kill -0 "$1" 2>/dev/null; do
    sleep 1
    i=$((i + 1))
    if [ $((i % 15)) = 0 ]; then
      step="$(grep -E '^(Get:|Fetched|Unpacking|Setting up)' "$2" 2>/dev/null | tail -n 1 | cut -c1-90 || true)"
      log "still installing ($((SECONDS - $3)) s)${step:+: $step}"
    fi
  done
  wait "$1"
}

cmd_install() {
  local missing rc=0 t0 policy_tmp=""
  missing="$(pkgs_missing | tr '\n' ' ')"
  if [ -z "${missing// /}" ]; then log "packages: all installed"; return 0; fi
  command -v apt-get >/dev/null || die "apt-get not found: this needs Debian bookworm"
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null && sudo -n true 2>/dev/null \
      || die "packages missing ($missing); run '$0 install' as root (or with passwordless sudo)"
    SUDO=(sudo -n)
  fi
  grep -q 'VERSION_CODENAME=bookworm' /etc/os-release 2>/dev/null \
    || log "warning: not Debian bookworm; package versions may differ from the tested ones"
  mkdir -p "$LOGDIR"
  local alog="$LOGDIR/apt-install.log"
  log "installing: $missing (first time ~150 s; log: $alog)"
  # Answer the packages' questions up front: no dbconfig database, no admin
  # bootstrap, no endpoint registration, no rabbit/keystone_authtoken setup.
  "${SUDO[@]}" debconf-set-selections <<'EOF'
keystone keystone/configure_db boolean false
keystone keystone/create-admin-tenant boolean false
keystone keystone/register-endpoint boolean false
glance-common glance/configure_db boolean false
glance-common glance/configure_rabbit boolean false
glance-common glance/configure_ksat boolean false
glance-api glance/configure_api-endpoint boolean false
EOF
  # The postinsts run `invoke-rc.d keystone|glance-api start`, which without
  # systemd would start /etc/init.d daemons on 0.0.0.0. policy-rc.d exit 101 =
  # "not allowed": invoke-rc.d skips them. Docker images ship one; else add ours.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\n# temporary, glance-edge openstack-stack.sh install\nexit 101\n' \
      | "${SUDO[@]}" tee /usr/sbin/policy-rc.d >/dev/null
    "${SUDO[@]}" chmod 755 /usr/sbin/policy-rc.d
    policy_tmp=1
    trap '"${SUDO[@]}" rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  t0=$SECONDS
  local apt=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive DEBCONF_NONINTERACTIVE_SEEN=true apt-get -q -y
             -o DPkg::Lock::Timeout=300)
  { "${apt[@]}" update && "${apt[@]}" install --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${PKGS[@]}"; } \
      </dev/null >>"$alog" 2>&1 &
  apt_progress "$!" "$alog" "$t0" || rc=$?
  if [ -n "$policy_tmp" ]; then "${SUDO[@]}" rm -f /usr/sbin/policy-rc.d; trap - EXIT; fi
  if [ "$rc" != 0 ]; then
    tail -n 30 "$alog" >&2
    die "apt-get failed (rc=$rc), see $alog"
  fi
  missing="$(pkgs_missing | tr '\n' ' ')"
  [ -z "${missing// /}" ] || die "still missing after install: $missing (see $alog)"
  log "packages installed in $((SECONDS - t0)) s"
  echo "$(date -Is) apt-get install: $((SECONDS - t0)) s" >>"$LOGDIR/timings.txt"
}

# ============================================================================ process helpers
pidfile() { echo "$PIDDIR/$1.pid"; }
port_of() { case "$1" in keystone) echo "$KEYSTONE_PORT" ;; glance) echo "$GLANCE_PORT" ;; glance2) echo "$GLANCE2_PORT" ;; esac; }
url_of() { case "$1" in glance) echo "$GLANCE_URL" ;; glance2) echo "$GLANCE2_URL" ;; esac; }
region_of() { case "$1" in glance) echo "$REGION" ;; glance2) echo "$REGION2" ;; esac; }
probe_url() { case "$1" in keystone) echo "$AUTH_URL" ;; glance | glance2) echo "$(url_of "$1")/versions" ;; esac; }

# The recorded PID counts as ours only while it is alive AND its command line
# names our generated uwsgi ini (guards against PID reuse).
svc_pid() {
  local f pid
  f="$(pidfile "$1")"
  [ -s "$f" ] || return 1
  pid="$(cat "$f")"
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$ETC/uwsgi-$1.ini" || return 1
  echo "$pid"
}

port_busy() {
  if command -v ss >/dev/null; then
    ss -Hltn "( sport = :$1 )" 2>/dev/null | grep -q .
  else # no iproute2: try to connect
    timeout 2 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null
  fi
}

port_holder() {
  command -v ss >/dev/null && ss -Hltnp "( sport = :$1 )" 2>/dev/null | grep -o 'users:.*' | head -1 || true
}

http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time "${2:-5}" "$1" 2>/dev/null || true; }

wait_http() { # name url timeout_s
  local i code=""
  for ((i = 0; i < $3 * 4; i++)); do
    code="$(http_code "$2")"
    case "$code" in 2?? | 3??) return 0 ;; esac
    if ! svc_pid "$1" >/dev/null; then
      tail -n 30 "$LOGDIR/$1.log" >&2 || true
      die "$1 exited during startup; see $LOGDIR/$1.log and $LOGDIR/$1-app.log"
    fi
    sleep 0.25
  done
  die "$1 did not answer at $2 within $3 s (last HTTP code ${code:-none}); see $LOGDIR/$1.log"
}

start_uwsgi() { # name
  local name="$1" port pid
  port="$(port_of "$name")"
  if pid="$(svc_pid "$name")"; then
    local was; was="$(cat "$PIDDIR/$name.port" 2>/dev/null || true)"
    [ -z "$was" ] || [ "$was" = "$port" ] \
      || die "$name is running on port $was (pid $pid), not $port; run '$0 down' first"
    log "$name already running (pid $pid, port $port)"
    return 0
  fi
  if port_busy "$port"; then
    die "port $HOST:$port is held by a process this script did not start $(port_holder "$port"); stop it or set ${name^^}_PORT"
  fi
  mkdir -p "$PIDDIR" "$LOGDIR"
  # setsid: own session, so the end of the calling shell/CI step does not
  # signal it; env -i: no pyenv/virtualenv variables leak into Debian's python.
  setsid "${CLEAN_ENV[@]}" uwsgi --ini "$ETC/uwsgi-$name.ini" >>"$LOGDIR/$name.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$(pidfile "$name")"
  echo "$port" >"$PIDDIR/$name.port"
  log "$name starting (pid $pid) on $HOST:$port, log $LOGDIR/$name.log"
}

# Before any (slow) configuration: every service that is not ours-and-running
# needs a free port; a running one must be on the requested port.
preflight_ports() {
  local s port pid was
  for s in "${SERVICES[@]}"; do
    port="$(port_of "$s")"
    if pid="$(svc_pid "$s")"; then
      was="$(cat "$PIDDIR/$s.port" 2>/dev/null || true)"
      [ -z "$was" ] || [ "$was" = "$port" ] \
        || die "$s is running on port $was (pid $pid), not $port; run '$0 down' first"
    elif port_busy "$port"; then
      die "port $HOST:$port is held by a process this script did not start $(port_holder "$port"); stop it or set ${s^^}_PORT"
    fi
  done
}

config_note() { # service: restart it when its config changed while it runs, so `up` applies the new one
  if [ -n "$CHANGED" ] && svc_pid "$1" >/dev/null; then
    log "$1: config changed ($CHANGED ); restarting it with the new one"
    stop_svc "$1"
  fi
  CHANGED=""
}

stop_svc() { # name [pid already signalled]
  local name="$1" pid="${2:-}" i
  if [ -z "$pid" ]; then
    if ! pid="$(svc_pid "$name")"; then
      rm -f "$(pidfile "$name")" "$PIDDIR/$name.port"
      log "$name: not running"
      return 0
    fi
    kill -TERM "$pid" 2>/dev/null || true
  fi
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name: pid $pid ignored TERM for 15 s, sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$(pidfile "$name")" "$PIDDIR/$name.port"
  log "$name: stopped (pid $pid)"
}

# put_file PATH < content: replace PATH only if the content differs, so that an
# `up` against a running stack writes nothing. Notes configs that changed under
# a running service.
CHANGED=""
put_file() {
  local tmp; tmp="$(mktemp "$1.XXXXXX")"
  cat >"$tmp"
  if cmp -s "$tmp" "$1"; then rm -f "$tmp"; else mv -f "$tmp" "$1"; CHANGED+=" ${1#"$STATE"/}"; fi
}

# WAL journal (persistent in the DB file): readers stop blocking writers.
sqlite_wal() { sqlite3 "$1" 'PRAGMA journal_mode=WAL;' >/dev/null; }

# ============================================================================ keystone REST helpers
# issue_token USER PASS PROJECT -> token on stdout (password sent on stdin, not argv)
issue_token() {
  local body hdr out code token
  body="$(jq -nc --arg u "$1" --arg p "$2" --arg pr "$3" '{auth: {
      identity: {methods: ["password"], password: {user: {name: $u, domain: {id: "default"}, password: $p}}},
      scope: {project: {name: $pr, domain: {id: "default"}}}}}')"
  hdr="$(mktemp)" out="$(mktemp)"
  code="$(curl -sS -o "$out" -D "$hdr" -w '%{http_code}' --max-time 30 \
    -H 'Content-Type: application/json' --data-binary @- "$AUTH_URL/auth/tokens" <<<"$body")" || code=000
  token="$(awk 'tolower($1) == "x-subject-token:" {print $2}' "$hdr" | tr -d '\r')"
  if [ "$code" != 201 ] || [ -z "$token" ]; then
    echo "openstack-stack: token for $1@$3: HTTP $code: $(cat "$out")" >&2
    rm -f "$hdr" "$out"
    return 1
  fi
  rm -f "$hdr" "$out"
  echo "$token"
}

ADMIN_TOKEN=""
ks() { # METHOD PATH [JSON] -> response body; dies on non-2xx
  local method="$1" path="$2" data="${3:-}" out code args
  out="$(mktemp)"
  args=(-sS -o "$out" -w '%{http_code}' --max-time 30 -X "$method"
        -H "X-Auth-Token: $ADMIN_TOKEN" -H 'Content-Type: application/json')
  [ -z "$data" ] || args+=(--data-binary "$data")
  code="$(curl "${args[@]}" "$AUTH_URL$path")" || code=000
  case "$code" in
    2??) cat "$out"; rm -f "$out" ;;
    *) echo "openstack-stack: keystone $method $path: HTTP $code: $(cat "$out")" >&2; rm -f "$out"; return 1 ;;
  esac
}
uri() { jq -rn --arg s "$1" '$s|@uri'; }

ensure_project() { # name -> id
  local id
  id="$(ks GET "/projects?domain_id=default&name=$(uri "$1")" | jq -r '.projects[0].id // empty')"
  if [ -z "$id" ]; then
    id="$(ks POST /projects "$(jq -nc --arg n "$1" \
      '{project: {name: $n, domain_id: "default", description: "glance-edge stack"}}')" | jq -r .project.id)"
  fi
  echo "$id"
}

ensure_user() { # name password default_project_id -> id
  local id
  id="$(ks GET "/users?domain_id=default&name=$(uri "$1")" | jq -r '.users[0].id // empty')"
  if [ -z "$id" ]; then
    id="$(ks POST /users "$(jq -nc --arg n "$1" --arg p "$2" --arg pr "$3" \
      '{user: {name: $n, domain_id: "default", password: $p, default_project_id: $pr, enabled: true}}')" | jq -r .user.id)"
  else
    ks PATCH "/users/$id" "$(jq -nc --arg p "$2" --arg pr "$3" \
      '{user: {password: $p, default_project_id: $pr, enabled: true}}')" >/dev/null
  fi
  echo "$id"
}

ensure_region() { # id
  ks GET "/regions/$(uri "$1")" >/dev/null 2>&1 \
    || ks POST /regions "$(jq -nc --arg r "$1" '{region: {id: $r, description: "glance-edge stack"}}')" >/dev/null
}

role_id() { ks GET "/roles?name=$(uri "$1")" | jq -r '.roles[0].id // empty'; }

ensure_endpoints() { # type name url [region]: one public/internal/admin endpoint each in that region (default $REGION)
  local type="$1" name="$2" url="$3" want_region="${4:-$REGION}" sid eps id iface eurl region have=" "
  sid="$(ks GET "/services?type=$(uri "$type")" | jq -r --arg n "$name" '[.services[] | select(.name == $n)][0].id // empty')"
  if [ -z "$sid" ]; then
    sid="$(ks POST /services "$(jq -nc --arg t "$type" --arg n "$name" \
      '{service: {type: $t, name: $n, enabled: true}}')" | jq -r .service.id)"
  fi
  eps="$(ks GET "/endpoints?service_id=$sid" | jq -r '.endpoints[] | [.id, .interface, .url, (.region_id // "")] | @tsv')"
  while IFS=$'\t' read -r id iface eurl region; do
    [ -n "$id" ] || continue
    # Endpoints of the other regions are theirs; in this one, a stale port or a duplicate goes.
    [ "$region" = "$want_region" ] || continue
    if [ "$eurl" != "$url" ] || [[ "$have" == *" $iface "* ]]; then
      ks DELETE "/endpoints/$id" >/dev/null
    else
      have+="$iface "
    fi
  done <<<"$eps"
  for iface in public internal admin; do
    [[ "$have" == *" $iface "* ]] && continue
    ks POST /endpoints "$(jq -nc --arg s "$sid" --arg i "$iface" --arg u "$url" --arg r "$want_region" \
      '{endpoint: {service_id: $s, interface: $i, url: $u, region_id: $r, enabled: true}}')" >/dev/null
  done
}

# ============================================================================ keystone
configure_keystone() {
  local d="$STATE/keystone"
  mkdir -p "$ETC/keystone" "$d" "$LOGDIR"
  put_file "$ETC/keystone/keystone.conf" <<EOF
# generated by glance-edge scripts/openstack-stack.sh - edits are overwritten by 'up'
[DEFAULT]
log_file = $LOGDIR/keystone-app.log
[database]
connection = sqlite:///$d/keystone.sqlite
[token]
provider = fernet
expiration = 43200
[fernet_tokens]
key_repository = $d/fernet-keys
[fernet_receipts]
key_repository = $d/fernet-keys
[credential]
key_repository = $d/credential-keys
[catalog]
driver = sql
# In-process cache. Without it every token validation costs ~400 SQL queries
# (~450 ms). Coherent only because keystone runs as ONE uwsgi process.
[cache]
enabled = true
backend = dogpile.cache.memory
EOF
  put_file "$ETC/uwsgi-keystone.ini" <<EOF
# generated by glance-edge scripts/openstack-stack.sh
[uwsgi]
plugins = python3
http-socket = $HOST:$KEYSTONE_PORT
master = true
# ONE process (the dogpile memory cache must stay coherent), 4 threads
processes = 1
threads = 4
enable-threads = true
lazy-apps = true
die-on-term = true
no-orphans = true
need-app = true
buffer-size = 65535
# uwsgi's http-socket closes the connection after each response without saying
# so; pooled clients then reuse a dead socket ("Connection reset by peer").
add-header = Connection: close
chdir = $STATE
env = OS_KEYSTONE_CONFIG_FILES=$ETC/keystone/keystone.conf
wsgi-file = /usr/bin/keystone-wsgi-public
EOF
  local km=("${CLEAN_ENV[@]}" keystone-manage --config-file "$ETC/keystone/keystone.conf")
  local mlog="$LOGDIR/keystone-manage.log"
  if [ ! -f "$d/.db_synced" ]; then
    log "keystone: db_sync"
    "${km[@]}" db_sync >>"$mlog" 2>&1 || die "keystone-manage db_sync failed, see $mlog and $LOGDIR/keystone-app.log"
    sqlite_wal "$d/keystone.sqlite"
    touch "$d/.db_synced"
  fi
  if [ ! -e "$d/fernet-keys/0" ]; then
    log "keystone: fernet + credential keys"
    mkdir -p "$d/fernet-keys" "$d/credential-keys"
    chmod 700 "$d/fernet-keys" "$d/credential-keys"
    "${km[@]}" fernet_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)" >>"$mlog" 2>&1 \
      || die "keystone-manage fernet_setup failed, see $mlog"
    "${km[@]}" credential_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)" >>"$mlog" 2>&1 \
      || die "keystone-manage credential_setup failed, see $mlog"
  fi
  if [ ! -f "$d/.bootstrapped" ]; then
    log "keystone: bootstrap ($ADMIN_USER, project $ADMIN_PROJECT, region $REGION, identity endpoints)"
    "${km[@]}" bootstrap --bootstrap-password "$ADMIN_PASS" \
      --bootstrap-username "$ADMIN_USER" --bootstrap-project-name "$ADMIN_PROJECT" \
      --bootstrap-role-name admin --bootstrap-service-name keystone \
      --bootstrap-region-id "$REGION" \
      --bootstrap-admin-url "$AUTH_URL" --bootstrap-public-url "$AUTH_URL" \
      --bootstrap-internal-url "$AUTH_URL" >>"$mlog" 2>&1 || die "keystone-manage bootstrap failed, see $mlog"
    touch "$d/.bootstrapped"
  fi
}

# Projects, users, role assignments, catalog. Idempotent (get-or-create); skipped
# while the marker matches the wanted state.
keystone_seed() {
  local specs want marker="$STATE/keystone/.seeded"
  specs="$SERVICE_PROJECT:$GLANCE_SVC_USER:$GLANCE_SVC_PASS:admin $DEMO_PROJECT:$DEMO_USER:$DEMO_PASS:member $ALT_PROJECT:$ALT_USER:$ALT_PASS:member"
  want="v2 $REGION $AUTH_URL $GLANCE_URL $REGION2 $GLANCE2_URL $(printf '%s' "$specs" | sha256sum | cut -c1-16)"
  if [ "$(cat "$marker" 2>/dev/null)" = "$want" ]; then return 0; fi
  log "keystone: seeding projects/users ($SERVICE_PROJECT, $DEMO_PROJECT, $ALT_PROJECT) and the catalog"
  ADMIN_TOKEN="$(issue_token "$ADMIN_USER" "$ADMIN_PASS" "$ADMIN_PROJECT")" || die "cannot get an admin token"
  local spec project user pass role pid uid rid
  for spec in $specs; do
    IFS=: read -r project user pass role <<<"$spec"
    rid="$(role_id "$role")"
    [ -n "$rid" ] || die "keystone has no role '$role'"
    pid="$(ensure_project "$project")"
    uid="$(ensure_user "$user" "$pass" "$pid")"
    ks PUT "/projects/$pid/users/$uid/roles/$rid" >/dev/null
    log "keystone: $user -> project $project, role $role"
  done
  ensure_endpoints identity keystone "$AUTH_URL"
  ensure_endpoints image glance "$GLANCE_URL"
  ensure_region "$REGION2"
  ensure_endpoints image glance "$GLANCE2_URL" "$REGION2"
  log "keystone: catalog identity $AUTH_URL, image $GLANCE_URL ($REGION) and $GLANCE2_URL ($REGION2)"
  ADMIN_TOKEN=""
  echo "$want" >"$marker"
}

# ============================================================================ glance
configure_glance() { # name (glance|glance2): own port, database, image store, staging, metadefs
  local name="$1" port url d conf processes=2
  port="$(port_of "$name")" url="$(url_of "$name")" d="$STATE/$name" conf="$ETC/$name"
  # The second region's Glance serves the region tests only: one uwsgi process on a shared 2-core machine.
  [ "$name" = glance ] || processes=1
  mkdir -p "$conf" "$d/images" "$d/staging" "$d/lock" "$LOGDIR"
  put_file "$conf/glance-api-paste.ini" </usr/share/glance-common/glance-api-paste.ini
  put_file "$conf/glance-api.conf" <<EOF
# generated by glance-edge scripts/openstack-stack.sh - edits are overwritten by 'up'
[DEFAULT]
bind_host = $HOST
bind_port = $port
public_endpoint = $url
log_file = $LOGDIR/$name-app.log
# Interoperable image import. Single-store mode (no enabled_backends), so the
# staging area is node_staging_uri (the reserved os_glance_staging_store /
# os_glance_tasks_store only exist with multi-store enabled_backends).
enabled_import_methods = [$GLANCE_IMPORT_METHODS]
node_staging_uri = file://$d/staging
show_image_direct_url = false
# Keep false: glance-edge's tests rely on Glance refusing location adds (403).
show_multiple_locations = false
[database]
connection = sqlite:///$d/glance.sqlite
[glance_store]
stores = file,http
default_store = file
filesystem_store_datadir = $d/images/
[keystone_authtoken]
www_authenticate_uri = $KEYSTONE_URL
auth_url = $KEYSTONE_URL
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = $SERVICE_PROJECT
username = $GLANCE_SVC_USER
password = $GLANCE_SVC_PASS
# the identity endpoint's region (Keystone is only in $REGION)
region_name = $REGION
[paste_deploy]
flavor = keystone
[oslo_concurrency]
lock_path = $d/lock
[import_filtering_opts]
# web-download: http on loopback only, on any port but this stack's own services. The stock filter
# allows ports 80 and 443 only and refuses loopback unless the host is listed. glance-edge's resumable
# uploads hand their bytes over with web-download from the Worker's signed URL, and the Worker listens
# on a port picked at run time (wrangler dev in the e2e suite and the benches takes a free one), so no
# fixed port list fits. Glance's rules (glance/common/utils.py): an allowed_* list, when set, wins and
# its disallowed_* twin is ignored; an empty allowed_ports lets disallowed_ports decide, which here
# keeps web-download off Keystone's and both Glances' own APIs. Use the literal 127.0.0.1 in import
# URIs ("localhost" is refused).
allowed_schemes = [http]
allowed_hosts = [$HOST]
allowed_ports = []
disallowed_ports = [$KEYSTONE_PORT, $GLANCE_PORT, $GLANCE2_PORT]
[wsgi]
# import tasks run in this thread pool inside the API worker (taskflow)
task_pool_threads = 4
# under uwsgi sys.executable is uwsgi; external helpers need a real python
python_interpreter = $PY
EOF
  put_file "$ETC/uwsgi-$name.ini" <<EOF
# generated by glance-edge scripts/openstack-stack.sh
[uwsgi]
plugins = python3
http-socket = $HOST:$port
master = true
processes = $processes
threads = 4
enable-threads = true
lazy-apps = true
die-on-term = true
no-orphans = true
need-app = true
buffer-size = 65535
socket-timeout = 60
http-auto-chunked = true
http-chunked-input = true
http-raw-body = true
wsgi-manage-chunked-input = true
add-header = Connection: close
chdir = $STATE
env = OS_GLANCE_CONFIG_DIR=$conf
wsgi-file = /usr/bin/glance-wsgi-api
EOF
  local gm=("${CLEAN_ENV[@]}" glance-manage --config-file "$conf/glance-api.conf")
  local mlog="$LOGDIR/$name-manage.log"
  if [ ! -f "$d/.db_synced" ]; then
    log "$name: db_sync"
    "${gm[@]}" db_sync >>"$mlog" 2>&1 || die "glance-manage db_sync failed, see $mlog"
    sqlite_wal "$d/glance.sqlite"
    touch "$d/.db_synced"
  fi
  if [ ! -f "$d/.metadefs_loaded" ]; then
    log "$name: db_load_metadefs $METADEFS_DIR"
    # the path is positional (no --path)
    "${gm[@]}" db_load_metadefs "$METADEFS_DIR" >>"$mlog" 2>&1 || die "glance-manage db_load_metadefs failed, see $mlog"
    touch "$d/.metadefs_loaded"
  fi
}

# ============================================================================ commands
cmd_up() {
  cmd_install
  mkdir -p "$STATE" "$PIDDIR" "$LOGDIR"
  preflight_ports
  printf 'SAVED_KEYSTONE_PORT=%s\nSAVED_GLANCE_PORT=%s\nSAVED_GLANCE2_PORT=%s\n' "$KEYSTONE_PORT" "$GLANCE_PORT" "$GLANCE2_PORT" \
    | put_file "$STATE/ports.env"
  CHANGED=""
  configure_keystone
  config_note keystone
  start_uwsgi keystone
  wait_http keystone "$(probe_url keystone)" 90
  keystone_seed
  local g
  for g in "${GLANCES[@]}"; do
    configure_glance "$g"
    config_note "$g"
    start_uwsgi "$g"
  done
  for g in "${GLANCES[@]}"; do
    wait_http "$g" "$(probe_url "$g")" 90
    glance_demands_token "$g"
  done
  log "up: keystone $KEYSTONE_URL, glance $GLANCE_URL ($REGION), glance2 $GLANCE2_URL ($REGION2) (state $STATE)"
  echo "$(date -Is) up: $(awk -v a="$T_START" -v b="${EPOCHREALTIME/,/.}" 'BEGIN{printf "%.1f", b-a}') s" >>"$LOGDIR/timings.txt"
}

# keystonemiddleware loaded? An unauthenticated API call must say 401.
glance_demands_token() { # name
  local code; code="$(http_code "$(url_of "$1")/v2/images" 30)"
  [ "$code" = 401 ] || die "$1 /v2/images without token answered HTTP $code (want 401); see $LOGDIR/$1-app.log"
}

cmd_down() {
  local s pid
  declare -A sig=()
  # TERM all first (uwsgi die-on-term: graceful), then wait for each.
  for s in glance2 glance keystone; do
    if pid="$(svc_pid "$s")"; then kill -TERM "$pid" 2>/dev/null || true; sig[$s]="$pid"; fi
  done
  for s in glance2 glance keystone; do stop_svc "$s" "${sig[$s]:-}"; done
}

cmd_status() {
  local s pid code url rc=0 state
  for s in "${SERVICES[@]}"; do
    url="$(probe_url "$s")"
    code="$(http_code "$url")"
    if pid="$(svc_pid "$s")"; then
      state="running pid $pid"
    elif port_busy "$(port_of "$s")"; then
      state="NOT STARTED BY US"; rc=1
    else
      state="stopped"; rc=1
    fi
    case "$code" in 2?? | 3??) ;; *) rc=1 ;; esac
    printf '%-9s %-22s %-36s HTTP %s\n' "$s" "$state" "$url" "${code:-000}"
  done
  for s in "${GLANCES[@]}"; do
    code="$(http_code "$(url_of "$s")/v2/images")"
    printf '%-9s %-22s %-36s HTTP %s (want 401)\n' "$s-auth" "keystonemiddleware" "$(url_of "$s")/v2/images" "${code:-000}"
    [ "$code" = 401 ] || rc=1
  done
  return $rc
}

cmd_env() {
  local kv
  for kv in "GLANCE_URL=$GLANCE_URL" "KEYSTONE_URL=$KEYSTONE_URL" "OS_AUTH_URL=$AUTH_URL" \
    "GLANCE2_URL=$GLANCE2_URL" "GLANCE2_REGION=$REGION2" \
    OS_IDENTITY_API_VERSION=3 "OS_REGION_NAME=$REGION" OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default \
    "STACK_ADMIN_USER=$ADMIN_USER" "STACK_ADMIN_PASS=$ADMIN_PASS" "STACK_ADMIN_PROJECT=$ADMIN_PROJECT" \
    "STACK_DEMO_USER=$DEMO_USER" "STACK_DEMO_PASS=$DEMO_PASS" "STACK_DEMO_PROJECT=$DEMO_PROJECT" \
    "STACK_ALT_USER=$ALT_USER" "STACK_ALT_PASS=$ALT_PASS" "STACK_ALT_PROJECT=$ALT_PROJECT" \
    "GLANCE_EDGE_STACK_DIR=$STATE"; do
    printf 'export %s=%q\n' "${kv%%=*}" "${kv#*=}"
  done
}

# One service of a stack that `up` configured; the other keeps running.
cmd_stop_one() {
  stop_svc "$1"
}

cmd_start_one() {
  [ -f "$ETC/uwsgi-$1.ini" ] || die "$1 is not configured yet; run '$0 up'"
  start_uwsgi "$1"
  wait_http "$1" "$(probe_url "$1")" 90
  if [ "$1" != keystone ]; then glance_demands_token "$1"; fi
  log "$1 up on $HOST:$(port_of "$1")"
}

# uwsgi runs in its own session (setsid), so its process group is the master's PID: master and workers.
cmd_signal_one() { # service signal verb
  local pid
  pid="$(svc_pid "$1")" || die "$1 is not running"
  kill -"$2" -- "-$pid" || die "could not send SIG$2 to $1's process group $pid"
  log "$1: $3 (process group $pid)"
}

cmd_clean() {
  cmd_down
  rm -rf "$STATE"
  log "removed $STATE (packages stay installed)"
}

usage() {
  echo "usage: $0 up | down | status | env | token USER PASS PROJECT | stop|start|pause|resume SERVICE | install | clean" >&2
  exit 2
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) cmd_env ;;
  token)
    [ $# -eq 4 ] || usage
    issue_token "$2" "$3" "$4"
    ;;
  stop | start)
    [ $# -eq 2 ] && [[ " ${SERVICES[*]} " == *" $2 "* ]] || usage
    "cmd_${1}_one" "$2"
    ;;
  pause | resume)
    [ $# -eq 2 ] && [[ " ${SERVICES[*]} " == *" $2 "* ]] || usage
    if [ "$1" = pause ]; then cmd_signal_one "$2" STOP paused; else cmd_signal_one "$2" CONT resumed; fi
    ;;
  install) cmd_install ;;
  clean) cmd_clean ;;
  *) usage ;;
esac
