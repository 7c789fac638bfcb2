#!/usr/bin/env bash
# registry-bench.sh: Berth against docker-registry (the reference distribution
# registry), side by side on loopback, on the same machine, in the same run.
# What it measures and how to read it: bench/README.md.
#
#   bench/registry-bench.sh                      # both peers, Berth started from target/berth.war
#   bench/registry-bench.sh --big                # same, then the 2 GiB push with -Xmx256m
#   bench/registry-bench.sh --only docker-registry
#   bench/registry-bench.sh --berth-url http://127.0.0.1:8080 [--berth-pid PID]
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)

# ---------------------------------------------------------------- settings
PAYARA_MICRO_JAR=${PAYARA_MICRO_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/7.2026.11/payara-micro-7.2026.11.jar}
BERTH_WAR=${BERTH_WAR:-target/berth.war}
# Berth runs as the README deploys it in production: with the Payara tuning in server-config/.
BERTH_PREBOOT=${BERTH_PREBOOT:-$REPO_ROOT/server-config/pre-boot-commands.asadmin}
BERTH_SYSPROPS=${BERTH_SYSPROPS:-$REPO_ROOT/server-config/system.properties}
[[ $BERTH_WAR = /* ]] || BERTH_WAR=$REPO_ROOT/$BERTH_WAR
BERTH_XMX=${BERTH_XMX:-512m}
BERTH_BIG_XMX=${BERTH_BIG_XMX:-256m}
BERTH_JAVA_OPTS=${BERTH_JAVA_OPTS:-}          # extra JVM options, word-split
DOCKER_REGISTRY_BIN=${DOCKER_REGISTRY_BIN:-docker-registry}
BENCH_REPO=${BENCH_REPO:-library/bench}
BENCH_DATA_DIR=${BENCH_DATA_DIR:-/tmp/berth-bench-data}      # generated blobs, kept and reused
RESULTS_DIR=${RESULTS_DIR:-/tmp/berth-bench-results}
BLOB_MIB=${BLOB_MIB:-256}
BIG_MIB=${BIG_MIB:-2048}
PUSH_REPEATS=${PUSH_REPEATS:-3}
PULL_REPEATS=${PULL_REPEATS:-3}
PUSH_STREAMS=${PUSH_STREAMS:-4}
PULL_STREAMS=${PULL_STREAMS:-8}
HEAD_THREADS=${HEAD_THREADS:-2}
HEAD_CONNS=${HEAD_CONNS:-32}
HEAD_DURATION=${HEAD_DURATION:-10}
HEAD_WARMUP=${HEAD_WARMUP:-240}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-12}
MANIFEST_GET=${MANIFEST_GET:-1}               # 0: skip the wrk GET cross-check
BERTH_START_TIMEOUT=${BERTH_START_TIMEOUT:-120}
REGISTRY_START_TIMEOUT=${REGISTRY_START_TIMEOUT:-30}
XFER_TIMEOUT=${XFER_TIMEOUT:-600}             # seconds, one 256 MiB transfer
BIG_TIMEOUT=${BIG_TIMEOUT:-1800}              # seconds, the 2 GiB push
KEEP_TMP=${KEEP_TMP:-0}

OCI_MANIFEST=application/vnd.oci.image.manifest.v1+json
OCI_CONFIG=application/vnd.oci.image.config.v1+json
OCI_LAYER=application/vnd.oci.image.layer.v1.tar+gzip

usage() {
  cat <<EOF
usage: bench/registry-bench.sh [--only berth|docker-registry] [--berth-url URL]
                               [--berth-pid PID] [--big] [--big-only] [--keep-tmp]

  --only PEER      measure one peer only (no ratios)
  --berth-url URL  use an already-running Berth (or any registry) instead of starting one
  --berth-pid PID  its server process, for the peak-RSS row (else "n/a")
  --big            after the table, push a ${BIG_MIB} MiB blob in one streamed PATCH to each
                   peer, restarted fresh (Berth with -Xmx\$BERTH_BIG_XMX = $BERTH_BIG_XMX)
  --big-only       only that step
  --keep-tmp       keep the servers' temporary directories and logs

Environment (defaults): PAYARA_MICRO_JAR, BERTH_WAR (target/berth.war), BERTH_XMX (512m),
BERTH_BIG_XMX (256m), BERTH_JAVA_HOME (first JDK >= 21 under /usr/lib/jvm), BERTH_JAVA_OPTS,
BERTH_AUTH_HEADER / REGISTRY_AUTH_HEADER ('Authorization: Bearer ...'), BENCH_DATA_DIR
($BENCH_DATA_DIR), RESULTS_DIR ($RESULTS_DIR), PUSH_REPEATS ($PUSH_REPEATS),
PULL_REPEATS ($PULL_REPEATS), HEAD_DURATION ($HEAD_DURATION), HEAD_WARMUP ($HEAD_WARMUP),
MANIFEST_GET ($MANIFEST_GET), NOISE_LIMIT (15, % of the CPU used by other processes
during a measurement above which its value is starred). See bench/README.md.
EOF
}

ONLY=""
BERTH_URL=""
BERTH_EXT_PID=""
DO_MAIN=1
DO_BIG=0
while (( $# )); do
  case $1 in
    --only) ONLY=${2:?--only needs berth or docker-registry}; shift 2 ;;
    --only=*) ONLY=${1#*=}; shift ;;
    --berth-url) BERTH_URL=${2:?--berth-url needs a URL}; shift 2 ;;
    --berth-url=*) BERTH_URL=${1#*=}; shift ;;
    --berth-pid) BERTH_EXT_PID=${2:?--berth-pid needs a pid}; shift 2 ;;
    --berth-pid=*) BERTH_EXT_PID=${1#*=}; shift ;;
    --big) DO_BIG=1; shift ;;
    --big-only) DO_BIG=1; DO_MAIN=0; shift ;;
    --keep-tmp) KEEP_TMP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "registry-bench: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

case $ONLY in
  "") PEERS=(berth docker-registry) ;;
  berth|docker-registry) PEERS=("$ONLY") ;;
  *) echo "registry-bench: --only takes berth or docker-registry, not '$ONLY'" >&2; exit 2 ;;
esac
BERTH_URL=${BERTH_URL%/}

declare -A NAME=([berth]=Berth [docker-registry]=docker-registry)
declare -A URL=() PID=() OWNED=() SRVDIR=() AUTH=() RES=() NOTE=()
FAILURES=()
WORK=""
START_SEQ=0

# ---------------------------------------------------------------- helpers
log()  { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
warn() { printf '[%s] WARNING: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die()  { printf '[%s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2; exit 1; }
now()  { date +%s.%N; }
# mbps BYTES SECONDS -> MB/s (MB = 10^6 bytes)
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { if (s <= 0) print "nan"; else printf "%.1f\n", b / 1e6 / s }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.1f\n", v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
is_num() { [[ ${1:-} =~ ^[0-9]+(\.[0-9]+)?$ ]]; }
record_failure() { FAILURES+=("${NAME[$1]}: $2"); warn "${NAME[$1]}: $2"; }

# free_port: a free TCP port BELOW the kernel's ephemeral range. A port from bind(0) lies inside that range,
# and while the server is still starting, the readiness probe's own connect() to 127.0.0.1:PORT can be given
# PORT as its source port: the socket connects to itself (TCP simultaneous open) and the server's later bind
# fails. (Not the cause of the "ready but never answers" starts seen three times on 2026-12-03: one of them had
# a port from below the range. The likelier cause, the HTTP listener restarted twice at once by post-boot `set`s,
# is gone since the tuning is applied before boot; should it happen again, wait_ready keeps a thread dump.)
free_port() {
  python3 - <<'PY'
import random, socket
low = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
for _ in range(200):
    port = random.randint(10000, low - 1)
    s = socket.socket()
    try:
        s.bind(("0.0.0.0", port))
    except OSError:
        continue
    finally:
        s.close()
    print(port)
    break
else:
    raise SystemExit("no free port below " + str(low))
PY
}

alive() { local p=${PID[$1]:-}; [[ -n $p ]] && kill -0 "$p" 2>/dev/null; }

# VmHWM (peak resident set since the process started) in MiB, or "n/a".
vmhwm_mib() {
  local p=${PID[$1]:-}
  [[ -n $p && -r /proc/$p/status ]] || { echo n/a; return; }
  awk '/^VmHWM:/ { printf "%.0f\n", $2 / 1024; found = 1 } END { if (!found) print "n/a" }' "/proc/$p/status"
}

# CPU seconds (user + system) the server process has used so far, or "".
cpu_s() {
  local p=${PID[$1]:-}
  [[ -n $p && -r /proc/$p/stat ]] || { echo ""; return; }
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f\n", ($12 + $13) / hz }' "/proc/$p/stat"
}
cpu_used() { if [[ -n $1 && -n $2 ]]; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", b - a }'; else echo na; fi; }
cpu_delta() { [[ -n $1 && -n $2 ]] && awk -v a="$1" -v b="$2" 'BEGIN { printf ", server CPU %.1f s", b - a }' || true; }

# Interference probe around one timed step: the CPU the whole machine used, minus
# the server's (from its pid) and the client's (curl, headload, wrk: the reaped
# children of this shell, from the times builtin), as a share of all cores over
# the wall time. Sets P_OTHERS (a percentage, or "na" without the server's pid).
# Unattributed kernel time (softirq on loopback) lands there too, so a few % is normal.
NOISE_LIMIT=${NOISE_LIMIT:-15}
machine_busy_jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
times_file_s() { awk 'NR == 2 { split($1, u, "m"); split($2, s, "m"); printf "%.2f\n", u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$1"; }
probe_start() {
  local tf=$WORK/times.$BASHPID   # times must run in this shell, not in a $( ) subshell
  P_SRV0=$(cpu_s "$1")
  times >"$tf"
  P_CLI0=$(times_file_s "$tf")
  P_BUSY0=$(machine_busy_jiffies)
  P_T0=$(now)
}
probe_end() {
  local busy1 t1 srv1 cli1 tf=$WORK/times.$BASHPID
  busy1=$(machine_busy_jiffies)
  t1=$(now)
  srv1=$(cpu_s "$1")
  times >"$tf"
  cli1=$(times_file_s "$tf")
  rm -f "$tf"
  if [[ -z $P_SRV0 || -z $srv1 ]]; then P_OTHERS=na; return 0; fi
  P_OTHERS=$(awk -v b0="$P_BUSY0" -v b1="$busy1" -v hz="$(getconf CLK_TCK)" -v s0="$P_SRV0" -v s1="$srv1" \
    -v c0="$P_CLI0" -v c1="$cli1" -v t0="$P_T0" -v t1="$t1" -v n="$(nproc)" 'BEGIN {
      o = (b1 - b0) / hz - (s1 - s0) - (c1 - c0); if (o < 0) o = 0
      w = (t1 - t0) * n; if (w <= 0) { print "na"; exit }
      printf "%.0f\n", 100 * o / w }')
}
others_note() { [[ $P_OTHERS = na ]] && echo "" || echo ", others ${P_OTHERS}%"; }

server_log_tail() {
  local f=${SRVDIR[$1]:-}/server.log
  [[ -f $f ]] && { echo "---- last lines of $f ----" >&2; tail -n 30 "$f" >&2; echo "----" >&2; } || true
}

# ---------------------------------------------------------------- authentication
# The one place to change when a peer requires a token. auth_init fills AUTH[peer]
# with a full header line ("Authorization: Bearer ...") or leaves it empty for
# anonymous access; curl (rcurl), headload and wrk all take it from there.
# Berth: a Bearer token from its token service, as docker and podman get one
# (scope repository:$BENCH_REPO:pull,push, admin credentials), unless
# BERTH_AUTH_HEADER is given. Tokens live 30 minutes; every start of Berth asks
# for a new one (a fresh data directory has a fresh signing key).
BERTH_BENCH_USER=${BERTH_BENCH_USER:-admin}
BERTH_BENCH_PASSWORD=${BERTH_BENCH_PASSWORD:-Bench-Admin-Pw1}
auth_init() {
  local peer=$1 token
  case $peer in
    berth)
      if [[ -n ${BERTH_AUTH_HEADER:-} ]]; then
        AUTH[$peer]=$BERTH_AUTH_HEADER
      elif [[ -n ${URL[berth]:-} ]]; then
        token=$(curl -sS -g -u "$BERTH_BENCH_USER:$BERTH_BENCH_PASSWORD" \
          "${URL[berth]}/service/token?service=harbor-registry&scope=repository:$BENCH_REPO:pull,push" \
          | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])' 2>/dev/null) || token=
        if [[ -n $token ]]; then
          AUTH[$peer]="Authorization: Bearer $token"
        else
          AUTH[$peer]=
          warn "no token from ${URL[berth]}/service/token for $BERTH_BENCH_USER (set BERTH_BENCH_USER/BERTH_BENCH_PASSWORD or BERTH_AUTH_HEADER)"
        fi
      fi ;;
    docker-registry) AUTH[$peer]=${REGISTRY_AUTH_HEADER:-} ;;
  esac
}

# rcurl PEER curl-args... : curl with the peer's credentials, quiet, no globbing.
rcurl() {
  local peer=$1; shift
  if [[ -n ${AUTH[$peer]:-} ]]; then
    curl -sS -g -H "${AUTH[$peer]}" "$@"
  else
    curl -sS -g "$@"
  fi
}

# ---------------------------------------------------------------- processes
stop_pid() { # stop_pid PID NAME
  local p=$1 what=$2 i
  kill -0 "$p" 2>/dev/null || { wait "$p" 2>/dev/null || true; return 0; }
  kill -TERM "$p" 2>/dev/null || true
  for ((i = 0; i < 200; i++)); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$p" 2>/dev/null; then
    warn "$what (pid $p) still running 20 s after SIGTERM; sending SIGKILL"
    kill -KILL "$p" 2>/dev/null || true
  fi
  wait "$p" 2>/dev/null || true
}

stop_peer() {
  local peer=$1
  if [[ ${OWNED[$peer]:-0} = 1 && -n ${PID[$peer]:-} ]]; then
    stop_pid "${PID[$peer]}" "${NAME[$peer]}"
  fi
  [[ ${OWNED[$peer]:-0} = 1 ]] && PID[$peer]=""
  return 0
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  local peer j
  for peer in "${!OWNED[@]}"; do stop_peer "$peer"; done
  for j in $(jobs -p); do kill "$j" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ -n $WORK && -d $WORK ]]; then
    if [[ $KEEP_TMP = 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'warn "interrupted"; exit 130' INT TERM

# start_diagnostics PEER: when a started server does not answer, say who listens on its port
# and keep a thread dump of a JVM, so the next such failure can be explained.
start_diagnostics() {
  local peer=$1 port=${URL[$1]##*:} dump
  echo "listening on port $port:" >&2
  ss -ltnp "sport = :$port" >&2 2>/dev/null || true
  if [[ $peer = berth && ${OWNED[$peer]:-0} = 1 && -x $JAVA_HOME/bin/jcmd ]]; then
    dump=${SRVDIR[$peer]}/threads-at-timeout.txt
    "$JAVA_HOME/bin/jcmd" "${PID[$peer]}" Thread.print >"$dump" 2>&1 || true
    KEEP_TMP=1
    echo "thread dump: $dump (temporary files kept)" >&2
  fi
}

wait_ready() { # wait_ready PEER TIMEOUT_S
  local peer=$1 limit=$2 code deadline
  deadline=$(( $(date +%s) + limit ))
  while :; do
    if [[ ${OWNED[$peer]:-0} = 1 ]] && ! alive "$peer"; then
      server_log_tail "$peer"
      die "${NAME[$peer]} exited before it answered GET /v2/"
    fi
    # curl's exit code tells a refused connection (7) from one that never got an answer (28).
    code=$(rcurl "$peer" -o /dev/null -w '%{http_code} curl-exit-%{exitcode}' --max-time 2 "${URL[$peer]}/v2/" 2>/dev/null || true)
    # 401 counts as ready: the server is up and asks for credentials.
    [[ ${code%% *} = 200 || ${code%% *} = 401 ]] && { code=${code%% *}; break; }
    if (( $(date +%s) >= deadline )); then
      server_log_tail "$peer"
      start_diagnostics "$peer"
      die "${NAME[$peer]} did not answer GET ${URL[$peer]}/v2/ with 200 within ${limit} s (last status: ${code:-none})"
    fi
    sleep 0.5
  done
  [[ $code = 401 && -z ${AUTH[$peer]:-} ]] && warn "${NAME[$peer]} answers 401 on /v2/: it needs a token (see auth_init)"
  return 0
}

find_java_home() {
  local d v major
  if [[ -n ${BERTH_JAVA_HOME:-} ]]; then
    [[ -x $BERTH_JAVA_HOME/bin/java ]] || die "BERTH_JAVA_HOME=$BERTH_JAVA_HOME has no bin/java"
    echo "$BERTH_JAVA_HOME"; return
  fi
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    [[ -x $d/bin/java ]] || continue
    v=""
    [[ -r $d/release ]] && v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$d/release")
    [[ -n $v ]] || v=$("$d/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | sed -n 1p)
    major=${v%%.*}
    [[ $major = 1 ]] && major=$(echo "$v" | cut -d. -f2)
    if [[ $major =~ ^[0-9]+$ ]] && (( major >= 21 )); then echo "$d"; return; fi
  done
  die "no JDK >= 21 under /usr/lib/jvm (found: $(ls /usr/lib/jvm 2>/dev/null | tr '\n' ' ')); install one or set BERTH_JAVA_HOME"
}

start_berth() { # start_berth XMX
  local xmx=$1 dir port
  [[ -f $PAYARA_MICRO_JAR ]] || die "Payara Micro jar not found: $PAYARA_MICRO_JAR (set PAYARA_MICRO_JAR, or run 'mvn -q dependency:resolve' once so Maven fetches it)"
  [[ -f $BERTH_WAR ]] || die "Berth WAR not found: $BERTH_WAR (run 'mvn -q -DskipTests package' at the repo root, or set BERTH_WAR)"
  START_SEQ=$((START_SEQ + 1))
  dir=$WORK/berth-$START_SEQ
  mkdir -p "$dir/data" "$dir/tmp"
  port=$(free_port)
  SRVDIR[berth]=$dir
  URL[berth]=http://127.0.0.1:$port
  log "starting Berth on ${URL[berth]} (-Xmx$xmx, BERTH_DATA_DIR=$dir/data, java $JAVA_HOME)"
  # shellcheck disable=SC2086  # BERTH_JAVA_OPTS is a list of options
  BERTH_DATA_DIR=$dir/data BERTH_ADMIN_PASSWORD=$BERTH_BENCH_PASSWORD "$JAVA_HOME/bin/java" -Xmx"$xmx" -Djava.io.tmpdir="$dir/tmp" $BERTH_JAVA_OPTS \
    -jar "$PAYARA_MICRO_JAR" --deploy "$BERTH_WAR" --contextroot / --nocluster --port "$port" \
    --prebootcommandfile "$BERTH_PREBOOT" --systemproperties "$BERTH_SYSPROPS" \
    >"$dir/server.log" 2>&1 </dev/null &
  PID[berth]=$!
  OWNED[berth]=1
  NOTE[berth.xmx]=$xmx
  wait_ready berth "$BERTH_START_TIMEOUT"
  log "Berth ready (pid ${PID[berth]})"
  auth_init berth
}

start_registry() {
  local dir port
  START_SEQ=$((START_SEQ + 1))
  dir=$WORK/docker-registry-$START_SEQ
  mkdir -p "$dir/data"
  port=$(free_port)
  SRVDIR[docker-registry]=$dir
  URL[docker-registry]=http://127.0.0.1:$port
  cat >"$dir/config.yml" <<EOF
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
http:
  addr: 127.0.0.1:$port
  secret: bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')
EOF
  log "starting docker-registry on ${URL[docker-registry]} (data $dir/data)"
  "$DOCKER_REGISTRY_BIN" serve "$dir/config.yml" >"$dir/server.log" 2>&1 </dev/null &
  PID[docker-registry]=$!
  OWNED[docker-registry]=1
  wait_ready docker-registry "$REGISTRY_START_TIMEOUT"
  log "docker-registry ready (pid ${PID[docker-registry]})"
}

start_peer() { # start_peer PEER [BERTH_XMX]
  case $1 in
    berth)
      if [[ -n $BERTH_URL ]]; then
        URL[berth]=$BERTH_URL
        PID[berth]=$BERTH_EXT_PID
        OWNED[berth]=0
        [[ -z $BERTH_EXT_PID ]] || kill -0 "$BERTH_EXT_PID" 2>/dev/null || die "--berth-pid $BERTH_EXT_PID: no such process"
        log "using the running Berth at $BERTH_URL${BERTH_EXT_PID:+ (pid $BERTH_EXT_PID)}"
        wait_ready berth 10
      else
        start_berth "${2:-$BERTH_XMX}"
      fi ;;
    docker-registry) start_registry ;;
  esac
}

# ---------------------------------------------------------------- test data
# ensure_blob NAME MIB: $BENCH_DATA_DIR/NAME.bin of random bytes plus NAME.bin.sha256,
# made once and reused by later runs.
ensure_blob() {
  local f=$BENCH_DATA_DIR/$1.bin bytes=$(( $2 * 1048576 ))
  if [[ -f $f && -f $f.sha256 && $f.sha256 -nt $f && $(stat -c %s "$f") = "$bytes" ]]; then return 0; fi
  log "generating $f ($2 MiB of random bytes)"
  rm -f "$f.sha256"
  head -c "$bytes" /dev/urandom >"$f.tmp"
  mv "$f.tmp" "$f"
  sha256sum "$f" | cut -d' ' -f1 >"$f.sha256.tmp"
  mv "$f.sha256.tmp" "$f.sha256"
}
blob_path()   { echo "$BENCH_DATA_DIR/$1.bin"; }
blob_digest() { echo "sha256:$(cat "$BENCH_DATA_DIR/$1.bin.sha256")"; }

check_space() { # check_space DIR MIB WHAT
  local avail
  mkdir -p "$1"
  avail=$(df -Pm "$1" | awk 'NR == 2 { print $4 }')
  (( avail >= $2 )) || die "$3 needs about $2 MiB free under $1; only $avail MiB available"
}

# ---------------------------------------------------------------- registry operations
# abs_location PEER LOCATION -> absolute URL (Location may be absolute, absolute-path or relative)
abs_location() {
  case $2 in
    http://*|https://*) echo "$2" ;;
    /*) echo "${URL[$1]}$2" ;;
    *) echo "${URL[$1]}/v2/$BENCH_REPO/blobs/uploads/$2" ;;
  esac
}
# with_query URL PARAM -> URL?PARAM or URL&PARAM
with_query() { if [[ $1 = *\?* ]]; then echo "$1&$2"; else echo "$1?$2"; fi; }

header_value() { # header_value FILE NAME -> last value of that header (case-insensitive)
  tr -d '\r' <"$1" | awk -v n="$(echo "$2" | tr 'A-Z' 'a-z')" '
    { i = index($0, ":"); if (i == 0) next
      k = tolower(substr($0, 1, i - 1)); v = substr($0, i + 1); sub(/^[ \t]+/, "", v)
      if (k == n) last = v }
    END { print last }'
}

# start_upload PEER -> prints the absolute upload URL; checks for 202.
start_upload() {
  local peer=$1 hdr code loc
  hdr=$(mktemp "$WORK/hdr.XXXXXX")
  code=$(rcurl "$peer" -D "$hdr" -o /dev/null -w '%{http_code}' --max-time 30 -X POST -H 'Content-Length: 0' \
    "${URL[$peer]}/v2/$BENCH_REPO/blobs/uploads/") || { echo "POST blobs/uploads/: curl failed" >&2; return 1; }
  if [[ $code != 202 ]]; then echo "POST blobs/uploads/ answered $code, expected 202" >&2; return 1; fi
  loc=$(header_value "$hdr" Location)
  rm -f "$hdr"
  [[ -n $loc ]] || { echo "POST blobs/uploads/ answered 202 without a Location header" >&2; return 1; }
  abs_location "$peer" "$loc"
}

# push_blob PEER FILE DIGEST OUT: monolithic upload (POST, then PUT ?digest= with the body).
# Writes "http_code bytes_uploaded seconds" to OUT; returns non-zero on any failure.
# The body is streamed from the file with -T (Content-Length, no Expect: 100-continue):
# the same bytes on the wire as --data-binary @FILE, without curl first reading the
# whole file into its own memory.
push_blob() {
  local peer=$1 file=$2 digest=$3 out=$4 loc
  loc=$(start_upload "$peer") || { echo "failed 0 0" >"$out"; return 1; }
  rcurl "$peer" -o /dev/null -w '%{http_code} %{size_upload} %{time_total}\n' --max-time "$XFER_TIMEOUT" \
    -X PUT -H 'Content-Type: application/octet-stream' -H 'Expect:' -T "$file" \
    "$(with_query "$loc" "digest=$digest")" >"$out" || { echo "curl-failed 0 0" >"$out"; return 1; }
}

# pull_blob PEER DIGEST OUT: GET the blob to /dev/null, following redirects if any.
# Writes "http_code size_download num_redirects seconds" to OUT.
pull_blob() {
  local peer=$1 digest=$2 out=$3
  rcurl "$peer" -L -o /dev/null -w '%{http_code} %{size_download} %{num_redirects} %{time_total}\n' \
    --max-time "$XFER_TIMEOUT" "${URL[$peer]}/v2/$BENCH_REPO/blobs/$digest" >"$out" \
    || { echo "curl-failed 0 0 0" >"$out"; return 1; }
}

# blob_present PEER DIGEST -> HTTP status of HEAD blobs/DIGEST and its Content-Length, "CODE LENGTH"
blob_head() {
  local peer=$1 digest=$2 hdr code len
  hdr=$(mktemp "$WORK/hdr.XXXXXX")
  code=$(rcurl "$peer" -I -L -D "$hdr" -o /dev/null -w '%{http_code}' --max-time 30 \
    "${URL[$peer]}/v2/$BENCH_REPO/blobs/$digest" 2>/dev/null || echo 000)
  len=$(header_value "$hdr" Content-Length)
  rm -f "$hdr"
  echo "$code ${len:-?}"
}

# push_small PEER FILE DIGEST: a whole small upload, for the image used by the manifest tests.
push_small() {
  local out
  out=$(mktemp "$WORK/push.XXXXXX")
  push_blob "$1" "$2" "$3" "$out" || { echo "upload of $3: $(cat "$out")" >&2; return 1; }
  read -r code _ _ <"$out"
  [[ $code = 201 ]] || { echo "PUT upload of $3 answered $code, expected 201" >&2; return 1; }
  rm -f "$out"
}

# ---------------------------------------------------------------- the small image
# A real (tiny) image: one gzip'd tar layer, an OCI config that names its diff_id,
# and an OCI image manifest referencing both; built once per run.
IMG_DIR=""
make_image() {
  IMG_DIR=$WORK/image
  mkdir -p "$IMG_DIR/rootfs"
  printf 'berth bench layer %s\n' "$(date -u +%FT%TZ)" >"$IMG_DIR/rootfs/hello.txt"
  tar -C "$IMG_DIR/rootfs" --owner=0 --group=0 --numeric-owner -cf "$IMG_DIR/layer.tar" hello.txt
  gzip -n -c "$IMG_DIR/layer.tar" >"$IMG_DIR/layer.tar.gz"
  local diff_id layer_digest layer_size config_digest config_size
  diff_id=sha256:$(sha256sum "$IMG_DIR/layer.tar" | cut -d' ' -f1)
  layer_digest=sha256:$(sha256sum "$IMG_DIR/layer.tar.gz" | cut -d' ' -f1)
  layer_size=$(stat -c %s "$IMG_DIR/layer.tar.gz")
  printf '{"architecture":"amd64","os":"linux","config":{"Cmd":["/hello.txt"]},"rootfs":{"type":"layers","diff_ids":["%s"]}}' \
    "$diff_id" >"$IMG_DIR/config.json"
  config_digest=sha256:$(sha256sum "$IMG_DIR/config.json" | cut -d' ' -f1)
  config_size=$(stat -c %s "$IMG_DIR/config.json")
  printf '{"schemaVersion":2,"mediaType":"%s","config":{"mediaType":"%s","digest":"%s","size":%d},"layers":[{"mediaType":"%s","digest":"%s","size":%d}]}' \
    "$OCI_MANIFEST" "$OCI_CONFIG" "$config_digest" "$config_size" "$OCI_LAYER" "$layer_digest" "$layer_size" \
    >"$IMG_DIR/manifest.json"
  IMG_LAYER_DIGEST=$layer_digest
  IMG_CONFIG_DIGEST=$config_digest
  IMG_MANIFEST_DIGEST=sha256:$(sha256sum "$IMG_DIR/manifest.json" | cut -d' ' -f1)
}

push_image() { # push_image PEER: config, layer, then the manifest by tag v1
  local peer=$1 code
  push_small "$peer" "$IMG_DIR/config.json" "$IMG_CONFIG_DIGEST" || return 1
  push_small "$peer" "$IMG_DIR/layer.tar.gz" "$IMG_LAYER_DIGEST" || return 1
  code=$(rcurl "$peer" -o "$WORK/manifest-put.out" -w '%{http_code}' --max-time 30 -X PUT \
    -H "Content-Type: $OCI_MANIFEST" --data-binary @"$IMG_DIR/manifest.json" \
    "${URL[$peer]}/v2/$BENCH_REPO/manifests/v1") || { echo "PUT manifest: curl failed" >&2; return 1; }
  [[ $code = 201 ]] || { echo "PUT manifests/v1 answered $code, expected 201: $(head -c 300 "$WORK/manifest-put.out")" >&2; return 1; }
}

# check_manifest_head PEER: HEAD manifests/v1 with the OCI Accept answers 200 + Docker-Content-Digest.
check_manifest_head() {
  local peer=$1 hdr code dcd
  hdr=$(mktemp "$WORK/hdr.XXXXXX")
  code=$(rcurl "$peer" -I -D "$hdr" -o /dev/null -w '%{http_code}' --max-time 30 -H "Accept: $OCI_MANIFEST" \
    "${URL[$peer]}/v2/$BENCH_REPO/manifests/v1") || code=000
  dcd=$(header_value "$hdr" Docker-Content-Digest)
  rm -f "$hdr"
  [[ $code = 200 ]] || { echo "HEAD manifests/v1 answered $code, expected 200" >&2; return 1; }
  [[ -n $dcd ]] || { echo "HEAD manifests/v1 answered 200 without a Docker-Content-Digest header" >&2; return 1; }
  [[ $dcd = "$IMG_MANIFEST_DIGEST" ]] || { echo "HEAD manifests/v1: Docker-Content-Digest $dcd, expected $IMG_MANIFEST_DIGEST" >&2; return 1; }
}

# ---------------------------------------------------------------- measurements
# settle [FILE...]: before each timed step. sync, so that dirty pages left by the previous
# push are not written back while the next peer is being measured; then read FILEs (the
# blobs the step sends or serves) into the page cache. The step is meant to measure the
# servers, not the disk, and this machine's kernel pages out file pages that have gone
# unread for about a minute (DAMON's pageout scheme: see bench/README.md), so without this
# a round's input would come from disk or memory depending on how long ago it was last read.
settle() {
  sync
  (( $# )) && cat -- "$@" >/dev/null
  return 0
}

# stored_blob PEER DIGEST -> the path of the blob's bytes in the peer's data directory, if
# this script started the peer (both lay blobs out as .../sha256/<2 hex>/<hex>/data).
stored_blob() {
  local dir=${SRVDIR[$1]:-} hex=${2#*:}
  [[ -n $dir && -d $dir/data ]] || return 0
  find "$dir/data" -path "*/${hex:0:2}/$hex/data" -type f -print -quit 2>/dev/null
}

# push_round PEER STREAMS FIRST_INDEX -> prints MB/s; FILES blob-<FIRST_INDEX>..+STREAMS-1
push_round() {
  local peer=$1 n=$2 first=$3 i name total=0 t0 t1 rc=0 code size secs c0 c1 status
  local -a pids=() outs=() names=()
  for ((i = 0; i < n; i++)); do
    name=blob-$((first + i))
    names+=("$name")
    status=$(blob_head "$peer" "$(blob_digest "$name")")
    [[ ${status%% *} = 404 ]] || warn "${NAME[$peer]} already has $name (HEAD: $status) before the push: the upload may be deduplicated; use a fresh instance"
  done
  local -a files=()
  for name in "${names[@]}"; do files+=("$(blob_path "$name")"); done
  settle "${files[@]}"
  probe_start "$peer"
  c0=$(cpu_s "$peer")
  t0=$(now)
  for ((i = 0; i < n; i++)); do
    outs+=("$WORK/push-$peer-$first-$i.out")
    push_blob "$peer" "$(blob_path "${names[$i]}")" "$(blob_digest "${names[$i]}")" "${outs[$i]}" &
    pids+=($!)
  done
  for ((i = 0; i < n; i++)); do wait "${pids[$i]}" || rc=1; done
  t1=$(now)
  c1=$(cpu_s "$peer")
  probe_end "$peer"
  for ((i = 0; i < n; i++)); do
    read -r code size secs <"${outs[$i]}" || true
    size=${size%.*}
    if [[ $code != 201 ]]; then echo "push of ${names[$i]}: answer '$code', expected 201" >&2; rc=1; continue; fi
    if [[ $size != "$(stat -c %s "$(blob_path "${names[$i]}")")" ]]; then echo "push of ${names[$i]}: sent $size bytes, expected the whole file" >&2; rc=1; fi
    total=$((total + size))
  done
  (( rc == 0 )) || return 1
  for ((i = 0; i < n; i++)); do
    status=$(blob_head "$peer" "$(blob_digest "${names[$i]}")")
    [[ $status = "200 $(stat -c %s "$(blob_path "${names[$i]}")")" ]] \
      || { echo "after the push, HEAD blobs/${names[$i]} answered '$status', expected 200 with the full length" >&2; return 1; }
  done
  local secs_wall; secs_wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
  log "  ${NAME[$peer]}: push $n stream(s), $((total / 1048576)) MiB in ${secs_wall} s = $(mbps "$total" "$secs_wall") MB/s$(cpu_delta "$c0" "$c1")$(others_note)"
  echo "$(mbps "$total" "$secs_wall") $(cpu_used "$c0" "$c1") $total $P_OTHERS"
}

# pull_round PEER STREAMS DIGEST SIZE -> prints MB/s
pull_round() {
  local peer=$1 n=$2 digest=$3 size=$4 i total=0 t0 t1 rc=0 code got redirects secs c0 c1
  local -a pids=() outs=() stored=()
  stored=($(stored_blob "$peer" "$digest"))
  settle "${stored[@]}"
  probe_start "$peer"
  c0=$(cpu_s "$peer")
  t0=$(now)
  for ((i = 0; i < n; i++)); do
    outs+=("$WORK/pull-$peer-$i.out")
    pull_blob "$peer" "$digest" "${outs[$i]}" &
    pids+=($!)
  done
  for ((i = 0; i < n; i++)); do wait "${pids[$i]}" || rc=1; done
  t1=$(now)
  c1=$(cpu_s "$peer")
  probe_end "$peer"
  for ((i = 0; i < n; i++)); do
    read -r code got redirects secs <"${outs[$i]}" || true
    got=${got%.*}
    if [[ $code != 200 || $got != "$size" ]]; then
      echo "pull $((i + 1))/$n: status '$code', $got bytes; expected 200 and $size bytes" >&2; rc=1; continue
    fi
    # (this runs in a subshell: leave a mark in a file, read by report)
    if [[ $redirects != 0 ]]; then : >"$WORK/redirected-$peer"; fi
    total=$((total + got))
  done
  (( rc == 0 )) || return 1
  local secs_wall; secs_wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
  log "  ${NAME[$peer]}: pull $n stream(s), $((total / 1048576)) MiB in ${secs_wall} s = $(mbps "$total" "$secs_wall") MB/s$(cpu_delta "$c0" "$c1")$(others_note)"
  echo "$(mbps "$total" "$secs_wall") $(cpu_used "$c0" "$c1") $total $P_OTHERS"
}

# run_headload PEER SECONDS -> prints req/s; fails on any non-2xx answer or socket error
run_headload() {
  local peer=$1 secs=$2 out line rps s2xx bad errs c0 c1
  out=$WORK/headload-$peer.out
  local -a hargs=(-t "$HEAD_THREADS" -c "$HEAD_CONNS" -d "$secs" -H "Accept: $OCI_MANIFEST")
  [[ -n ${AUTH[$peer]:-} ]] && hargs+=(-H "${AUTH[$peer]}")
  probe_start "$peer"
  c0=$(cpu_s "$peer")
  "$HEADLOAD" "${hargs[@]}" "${URL[$peer]}/v2/$BENCH_REPO/manifests/v1" >"$out" 2>&1 \
    || { echo "headload failed: $(cat "$out")" >&2; return 1; }
  c1=$(cpu_s "$peer")
  probe_end "$peer"
  line=$(grep '^RESULT ' "$out") || { echo "headload printed no RESULT line: $(cat "$out")" >&2; return 1; }
  kv() { echo "$line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
  rps=$(kv rps); s2xx=$(kv s2xx)
  bad=$(( $(kv s3xx) + $(kv s4xx) + $(kv s5xx) + $(kv sother) ))
  errs=$(( $(kv err_connect) + $(kv err_read) + $(kv err_write) + $(kv err_timeout) + $(kv err_parse) ))
  log "  ${NAME[$peer]}: HEAD ${secs} s: $(sed -n 2p "$out" | sed 's/^ *//')$(cpu_delta "$c0" "$c1")$(others_note)"
  (( bad == 0 )) || { echo "HEAD load: $bad non-2xx answers ($(sed -n 3p "$out" | sed 's/^ *//'))" >&2; return 1; }
  (( errs == 0 )) || { echo "HEAD load: $errs socket/protocol errors ($(sed -n 3p "$out" | sed 's/^ *//'))" >&2; return 1; }
  (( s2xx > 0 )) || { echo "HEAD load: no request completed" >&2; return 1; }
  echo "$rps $(cpu_used "$c0" "$c1") $(kv requests) $P_OTHERS"
}

# run_wrk_get PEER SECONDS -> prints req/s
run_wrk_get() {
  local peer=$1 secs=$2 out rps non2xx sockerr
  out=$WORK/wrk-$peer.out
  local c0 c1 nreq
  probe_start "$peer"
  c0=$(cpu_s "$peer")
  BENCH_AUTH_HEADER=${AUTH[$peer]:-} BENCH_ACCEPT=$OCI_MANIFEST \
    wrk -t"$HEAD_THREADS" -c"$HEAD_CONNS" -d"${secs}s" -s "$SCRIPT_DIR/manifest-get.lua" \
    "${URL[$peer]}/v2/$BENCH_REPO/manifests/v1" >"$out" 2>&1 || { echo "wrk failed: $(cat "$out")" >&2; return 1; }
  c1=$(cpu_s "$peer")
  probe_end "$peer"
  nreq=$(sed -n 's/^WRK_RESULT requests=\([0-9]*\) .*/\1/p' "$out")
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")
  sockerr=$(grep -o 'Socket errors:.*' "$out" || true)
  log "  ${NAME[$peer]}: GET (wrk) ${secs} s: $(grep -o '[0-9]* requests in [^,]*' "$out"), ${rps} req/s${non2xx:+, $non2xx non-2xx}${sockerr:+, $sockerr}$(cpu_delta "$c0" "$c1")$(others_note)"
  [[ -z $non2xx ]] || { echo "wrk GET: $non2xx answers >= 400" >&2; return 1; }
  [[ -z $sockerr ]] || { echo "wrk GET: $sockerr" >&2; return 1; }
  is_num "$rps" || { echo "wrk GET: no Requests/sec in its output: $(cat "$out")" >&2; return 1; }
  echo "$rps $(cpu_used "$c0" "$c1") ${nreq:-na} $P_OTHERS"
}

# peer_ok PEER: the peer is still usable (its process, when known, is alive)
peer_ok() {
  local peer=$1
  [[ ${RES[$peer:dead]:-0} = 1 ]] && return 1
  if [[ -n ${PID[$peer]:-} ]] && ! alive "$peer"; then
    RES[$peer:dead]=1
    record_failure "$peer" "server process ${PID[$peer]} is gone"
    server_log_tail "$peer"
    return 1
  fi
  return 0
}

measure() { # measure PEER METRIC COMMAND... : stores the printed value, or FAIL
  local peer=$1 metric=$2 v err
  shift 2
  if ! peer_ok "$peer"; then RES[$peer:$metric]=FAIL; return 0; fi
  err=$WORK/err.$$
  local out cpu units others
  if out=$("$@" 2>"$err") && read -r v cpu units others <<<"$out" && is_num "$v"; then
    RES[$peer:$metric]=$v
    is_num "${others:-}" && RES[$peer:$metric.others]=$others
    if is_num "$cpu" && is_num "$units"; then
      RES[$peer:$metric.cpu]=$cpu
      RES[$peer:$metric.units]=$units
    fi
    cat "$err" >&2
  else
    RES[$peer:$metric]=FAIL
    grep '^\[[0-9:]*\] ' "$err" >&2 || true
    record_failure "$peer" "${metric%.tmp}: $(grep -v '^\[[0-9:]*\] ' "$err" | awk '!seen[$0]++' | paste -sd ';' - | sed 's/;/; /g')"
  fi
  rm -f "$err"
}

# Keep every sample (for the results file), store the median.
declare -A SAMPLES=()
sample() { # sample PEER METRIC COMMAND...
  local peer=$1 metric=$2
  shift 2
  measure "$peer" "$metric.tmp" "$@"
  local v=${RES[$peer:$metric.tmp]}
  unset "RES[$peer:$metric.tmp]"
  SAMPLES[$peer:$metric]="${SAMPLES[$peer:$metric]:-}${SAMPLES[$peer:$metric]:+ }$v"
  add_cpu "$peer" "$metric" "${RES[$peer:$metric.tmp.cpu]:-na}" "${RES[$peer:$metric.tmp.units]:-na}"
  local o=${RES[$peer:$metric.tmp.others]:-}
  if is_num "$o" && { ! is_num "${RES[$peer:$metric.others]:-}" || (( o > ${RES[$peer:$metric.others]} )); }; then
    RES[$peer:$metric.others]=$o
  fi
  unset "RES[$peer:$metric.tmp.cpu]" "RES[$peer:$metric.tmp.units]" "RES[$peer:$metric.tmp.others]"
}

# Server CPU accounting: CPU[peer:group] and UNITS[peer:group] add up the server's
# CPU seconds and the bytes or requests they served; any unknown makes it "na".
declare -A CPU=() UNITS=()
add_cpu() { # add_cpu PEER METRIC CPU_S UNITS
  local peer=$1 group=$2 c=$3 u=$4 k
  group=${group%1}; group=${group%N}
  k=$peer:$group
  if [[ ${CPU[$k]:-} = na ]] || ! is_num "$c" || ! is_num "$u"; then CPU[$k]=na; UNITS[$k]=na; return 0; fi
  CPU[$k]=$(awk -v a="${CPU[$k]:-0}" -v b="$c" 'BEGIN { print a + b }')
  UNITS[$k]=$(awk -v a="${UNITS[$k]:-0}" -v b="$u" 'BEGIN { print a + b }')
}
# cpu_per PEER GROUP SCALE -> CPU seconds per SCALE units (e.g. 1e9 bytes), or "n/a"
cpu_per() {
  local k=$1:$2
  if is_num "${CPU[$k]:-}" && is_num "${UNITS[$k]:-}" && [[ ${UNITS[$k]} != 0 ]]; then
    awk -v c="${CPU[$k]}" -v u="${UNITS[$k]}" -v s="$3" 'BEGIN { printf "%.2f\n", c / u * s }'
  else
    echo n/a
  fi
}
finish_samples() { # finish_samples METRIC
  local peer s
  for peer in "${PEERS[@]}"; do
    s=${SAMPLES[$peer:$1]:-}
    if [[ -z $s || " $s " = *" FAIL "* ]]; then RES[$peer:$1]=FAIL; else RES[$peer:$1]=$(median $s); fi
  done
}

run_main() {
  local peer r idx
  make_image
  for peer in "${PEERS[@]}"; do
    # Servers are measured warm: a JVM compiles its hot loops (hashing, copying) only after it has run them a
    # while, and a registry in production has. Both peers get the same warm-up.
    log "${NAME[$peer]}: warm-up ($WARMUP_ROUNDS times: the 16 MiB blob pushed once and pulled twice) and the small image for the manifest tests"
    for ((r = 1; r <= WARMUP_ROUNDS; r++)); do
      if ! { push_small "$peer" "$(blob_path warmup)" "$(blob_digest warmup)" \
          && pull_round "$peer" 1 "$(blob_digest warmup)" $((16 * 1048576)) >/dev/null \
          && pull_round "$peer" 1 "$(blob_digest warmup)" $((16 * 1048576)) >/dev/null; }; then
        record_failure "$peer" "warm-up push/pull failed"
        break
      fi
    done
    # One full-size push and one parallel pull of blob-0, not counted: the paths the measurements take, run hot.
    push_round "$peer" 1 0 >/dev/null || record_failure "$peer" "warm-up push of blob-0 failed"
    pull_round "$peer" "$PULL_STREAMS" "$(blob_digest blob-0)" $((BLOB_MIB * 1048576)) >/dev/null \
      || record_failure "$peer" "warm-up pull of blob-0 failed"
    if ! push_image "$peer"; then
      record_failure "$peer" "pushing the small image failed; no manifest figures"
      RES[$peer:noimage]=1
    fi
  done

  log "blob push: $BLOB_MIB MiB per blob, 1 and $PUSH_STREAMS streams, $PUSH_REPEATS round(s), median"
  idx=1
  for ((r = 1; r <= PUSH_REPEATS; r++)); do
    for peer in "${PEERS[@]}"; do sample "$peer" push1 push_round "$peer" 1 "$idx"; done
    idx=$((idx + 1))
    for peer in "${PEERS[@]}"; do sample "$peer" pushN push_round "$peer" "$PUSH_STREAMS" "$idx"; done
    idx=$((idx + PUSH_STREAMS))
  done
  finish_samples push1
  finish_samples pushN

  log "blob pull: the $BLOB_MIB MiB blob-1, 1 and $PULL_STREAMS streams, $PULL_REPEATS round(s), median"
  local d size
  d=$(blob_digest blob-1)
  size=$(stat -c %s "$(blob_path blob-1)")
  for ((r = 1; r <= PULL_REPEATS; r++)); do
    for peer in "${PEERS[@]}"; do
      if [[ ${RES[$peer:push1]} = FAIL && $r = 1 ]]; then
        # blob-1 may be missing: push it untimed so the pull can still be measured
        push_small "$peer" "$(blob_path blob-1)" "$d" 2>/dev/null || true
      fi
      sample "$peer" pull1 pull_round "$peer" 1 "$d" "$size"
    done
    for peer in "${PEERS[@]}"; do sample "$peer" pullN pull_round "$peer" "$PULL_STREAMS" "$d" "$size"; done
  done
  finish_samples pull1
  finish_samples pullN

  log "manifest HEAD: ${HEAD_THREADS} threads, ${HEAD_CONNS} connections, ${HEAD_WARMUP} s warm-up (not counted), then ${HEAD_DURATION} s"
  for peer in "${PEERS[@]}"; do
    if [[ ${RES[$peer:noimage]:-0} = 1 ]]; then RES[$peer:head]=FAIL; continue; fi
    if ! check_manifest_head "$peer" 2>"$WORK/err.head"; then
      record_failure "$peer" "manifest HEAD check: $(cat "$WORK/err.head")"
      RES[$peer:head]=FAIL; RES[$peer:noimage]=1; continue
    fi
    if (( HEAD_WARMUP > 0 )); then
      measure "$peer" head_warmup run_headload "$peer" "$HEAD_WARMUP"
    fi
    measure "$peer" head run_headload "$peer" "$HEAD_DURATION"
    if [[ ${RES[$peer:head]} != FAIL ]] && ! check_manifest_head "$peer" 2>"$WORK/err.head"; then
      record_failure "$peer" "manifest HEAD after the load: $(cat "$WORK/err.head")"
      RES[$peer:head]=FAIL
    fi
  done

  if [[ $MANIFEST_GET = 1 ]]; then
    log "manifest GET with wrk (cross-check of the HEAD tool): same threads/connections, ${HEAD_DURATION} s"
    for peer in "${PEERS[@]}"; do
      if [[ ${RES[$peer:noimage]:-0} = 1 ]]; then RES[$peer:get]=FAIL; continue; fi
      measure "$peer" get run_wrk_get "$peer" "$HEAD_DURATION"
    done
  fi

  for peer in "${PEERS[@]}"; do
    RES[$peer:rss]=$(vmhwm_mib "$peer")
    RES[$peer:cpu_push]=$(cpu_per "$peer" push 1e9)
    RES[$peer:cpu_pull]=$(cpu_per "$peer" pull 1e9)
    [[ -n ${RES[$peer:head.cpu]:-} ]] && CPU[$peer:head]=${RES[$peer:head.cpu]} UNITS[$peer:head]=${RES[$peer:head.units]}
    RES[$peer:cpu_head]=$(cpu_per "$peer" head 1e6)
  done
}

# ---------------------------------------------------------------- --big
# One POST, one PATCH streaming the whole file (Content-Length, no Content-Range),
# then PUT ?digest= with an empty body at the Location the PATCH returned.
big_push() { # big_push PEER -> prints "seconds"
  local peer=$1 file digest size loc hdr code t0 t1 status
  file=$(blob_path big)
  digest=$(blob_digest big)
  size=$(stat -c %s "$file")
  settle "$file"
  local c0 c1
  probe_start "$peer"
  c0=$(cpu_s "$peer")
  t0=$(now)
  loc=$(start_upload "$peer") || return 1
  hdr=$(mktemp "$WORK/hdr.XXXXXX")
  code=$(rcurl "$peer" -D "$hdr" -o "$WORK/big-patch.out" -w '%{http_code}' --max-time "$BIG_TIMEOUT" -X PATCH \
    -H 'Content-Type: application/octet-stream' -H 'Expect:' -T "$file" "$loc") || code="curl-failed"
  [[ $code = 202 ]] || { echo "PATCH of the $BIG_MIB MiB blob answered $code, expected 202: $(head -c 300 "$WORK/big-patch.out")" >&2; return 1; }
  local loc2; loc2=$(header_value "$hdr" Location)
  [[ -n $loc2 ]] && loc=$(abs_location "$peer" "$loc2")
  code=$(rcurl "$peer" -o "$WORK/big-put.out" -w '%{http_code}' --max-time "$BIG_TIMEOUT" -X PUT -H 'Content-Length: 0' \
    "$(with_query "$loc" "digest=$digest")") || code="curl-failed"
  t1=$(now)
  c1=$(cpu_s "$peer")
  probe_end "$peer"
  [[ $code = 201 ]] || { echo "PUT ?digest= after the PATCH answered $code, expected 201: $(head -c 300 "$WORK/big-put.out")" >&2; return 1; }
  status=$(blob_head "$peer" "$digest")
  [[ $status = "200 $size" ]] || { echo "HEAD of the pushed $BIG_MIB MiB blob answered '$status', expected '200 $size'" >&2; return 1; }
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f\n", b - a }') $(cpu_used "$c0" "$c1") $size $P_OTHERS"
}

run_big() {
  local peer secs size
  size=$(stat -c %s "$(blob_path big)")
  log "--big: $BIG_MIB MiB blob in one streamed PATCH, each peer restarted fresh"
  for peer in "${PEERS[@]}"; do
    case $peer in
      berth)
        if [[ ${OWNED[berth]:-0} = 1 || -z $BERTH_URL ]]; then
          stop_peer berth
          start_berth "$BERTH_BIG_XMX"
          NOTE[berth.big]="started with -Xmx$BERTH_BIG_XMX, empty data directory"
        else
          warn "Berth at $BERTH_URL is not started by this script: its heap is not -Xmx$BERTH_BIG_XMX and it is not fresh"
          NOTE[berth.big]="external, heap unknown"
        fi ;;
      docker-registry)
        stop_peer docker-registry
        start_registry
        NOTE[docker-registry.big]="restarted, empty data directory" ;;
    esac
    RES[$peer:dead]=0
    measure "$peer" big big_push "$peer"
    if [[ ${RES[$peer:big]} != FAIL ]]; then
      RES[$peer:bigmbps]=$(mbps "$size" "${RES[$peer:big]}")
      log "  ${NAME[$peer]}: $BIG_MIB MiB pushed in ${RES[$peer:big]} s (${RES[$peer:bigmbps]} MB/s)${RES[$peer:big.cpu]:+, server CPU ${RES[$peer:big.cpu]} s}${RES[$peer:big.others]:+, others ${RES[$peer:big.others]}%}, VmHWM $(vmhwm_mib "$peer") MiB"
    else
      RES[$peer:bigmbps]=FAIL
    fi
    RES[$peer:bigrss]=$(vmhwm_mib "$peer")
    if [[ -n ${PID[$peer]:-} ]] && ! alive "$peer"; then
      RES[$peer:bigrss]="died"
      server_log_tail "$peer"
    fi
  done
}

# ---------------------------------------------------------------- report
fmt() { # fmt VALUE DECIMALS
  if is_num "$1"; then printf "%.*f" "$2" "$1"; else printf '%s' "${1:--}"; fi
}
ratio() { # ratio BERTH DR
  if is_num "$1" && is_num "$2" && [[ $(awk -v b="$2" 'BEGIN { print (b > 0) }') = 1 ]]; then
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", a / b }'
  else
    echo "-"
  fi
}
verdict() { # verdict RATIO TARGET
  if [[ $1 = - || -z $2 ]]; then echo ""; return; fi
  awk -v r="$1" -v t="$2" 'BEGIN { if (r >= t) print "ok"; else print "BELOW" }'
}

NOISY=0
noisy() { # noisy PEER KEY -> "*" when other processes used > NOISE_LIMIT% of the CPU during that measurement
  local o=${RES[$1:$2.others]:-}
  if is_num "$o" && (( o > NOISE_LIMIT )); then echo "*"; fi
}
ROWS=()
row() { # row KEY LABEL DECIMALS TARGET
  local key=$1 label=$2 dec=$3 target=$4 b d r v tgt
  b=${RES[berth:$key]:-}
  d=${RES[docker-registry:$key]:-}
  r=$(ratio "$b" "$d")
  case $target in
    "") tgt="" ;;
    lower) tgt="lower is better" ;;
    *) tgt=">= ${target}x" ;;
  esac
  v=""
  [[ $target =~ ^[0-9.]+$ ]] && v=$(verdict "$r" "$target")
  [[ $r = - ]] || r="${r}x"
  local bcol dcol
  if [[ " ${PEERS[*]} " = *" berth "* ]]; then bcol=$(fmt "$b" "$dec")$(noisy berth "$key"); else bcol="-"; fi
  if [[ " ${PEERS[*]} " = *" docker-registry "* ]]; then dcol=$(fmt "$d" "$dec")$(noisy docker-registry "$key"); else dcol="-"; fi
  if [[ -n $v && "$bcol$dcol" = *"*"* ]]; then v="$v (noisy)"; fi
  printf '%-34s %12s %16s %9s  %-16s %s\n' "$label" "$bcol" "$dcol" "$r" "$tgt" "$v"
  ROWS+=("$key	$label	$bcol	$dcol	${r%x}	$tgt	$v")
}

# peers_cpu_s -> CPU seconds used so far by all the peers' processes we know the pid of
peers_cpu_s() {
  local p t=0 c
  for p in "${PEERS[@]}"; do
    c=$(cpu_s "$p")
    [[ -n $c ]] && t=$(awk -v a="$t" -v b="$c" 'BEGIN { print a + b }')
  done
  echo "$t"
}

# The figures only mean something on an otherwise idle machine: measure, over 2 s
# with the peers idle, how much CPU everything else on the machine uses.
QUIET_NOTE=""
MACHINE_BUSY=0
check_quiet() { # check_quiet WHEN
  local a b p0 p1 pct load
  p0=$(peers_cpu_s)
  a=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat)
  sleep 2
  b=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat)
  p1=$(peers_cpu_s)
  pct=$(awk -v a="$a" -v b="$b" -v peers="$(awk -v x="$p0" -v y="$p1" 'BEGIN { print y - x }')" -v hz="$(getconf CLK_TCK)" '
    BEGIN { split(a, x, " "); split(b, y, " ")
            busy = y[1] - x[1]; idle = y[2] - x[2]; total = busy + idle
            busy -= peers * hz; if (busy < 0) busy = 0
            if (total <= 0) print 0; else printf "%.0f\n", 100 * busy / total }')
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  QUIET_NOTE="${QUIET_NOTE:+$QUIET_NOTE; }$1: other processes used ${pct}% of the CPU over 2 s (peers idle), load average $load"
  if (( pct > 15 )); then
    MACHINE_BUSY=1
    warn "the machine is busy ($1: other processes used ${pct}% of all cores while the peers were idle, load $load): the figures will be skewed"
    # top's second sample is the current use (ps shows lifetime averages)
    top -b -c -n 2 -d 1 -w 160 2>/dev/null | awk '/^top -/ { n++ } n == 2 && /^ *PID/ { p = 1 } p && c++ < 6' >&2 || true
  fi
}

HEADER=()
make_header() {
  local mem cpu wardesc commit drver javadesc
  mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
  commit=$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo "no commit")
  drver=$("$DOCKER_REGISTRY_BIN" --version 2>/dev/null | sed -n 1p || true)
  HEADER+=("berth registry-bench $(date -u +%Y-%m-%dT%H:%M:%SZ), repo commit $commit")
  HEADER+=("machine: $(nproc) cores ($cpu), $mem RAM, kernel $(uname -r); the client (curl, headload, wrk) runs on the same $(nproc)-core machine as the servers")
  HEADER+=("peers run side by side on loopback, measured one after the other (never concurrently); both idle while the other is measured")
  HEADER+=("background load: $QUIET_NOTE")
  if [[ " ${PEERS[*]} " = *" berth "* ]]; then
    if [[ -n $BERTH_URL ]]; then
      HEADER+=("Berth: running instance at $BERTH_URL${BERTH_EXT_PID:+, pid $BERTH_EXT_PID} (not started by the script)")
    else
      wardesc="$BERTH_WAR ($(stat -c %y "$BERTH_WAR" 2>/dev/null | cut -d. -f1), sha256 $(sha256sum "$BERTH_WAR" 2>/dev/null | cut -c1-12))"
      javadesc=$("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 1p || true)
      HEADER+=("Berth: $wardesc on $(basename "$PAYARA_MICRO_JAR"), -Xmx$BERTH_XMX, $javadesc")
    fi
  fi
  [[ " ${PEERS[*]} " = *" docker-registry "* ]] && HEADER+=("docker-registry: $drver, filesystem storage, blobdescriptor cache inmemory, access log off")
  (( DO_MAIN )) && HEADER+=("repository $BENCH_REPO; blobs $BLOB_MIB MiB random; MB = 10^6 bytes; push/pull = median of $PUSH_REPEATS/$PULL_REPEATS rounds; HEAD = headload ${HEAD_THREADS}t/${HEAD_CONNS}c ${HEAD_DURATION}s after ${HEAD_WARMUP}s warm-up")
  (( DO_BIG )) && HEADER+=("big push: $BIG_MIB MiB random in one PATCH then PUT ?digest=, each peer restarted with an empty data directory (Berth with -Xmx$BERTH_BIG_XMX); MB = 10^6 bytes")
  return 0
}

report() {
  local peer line ts file
  echo
  for line in "${HEADER[@]}"; do echo "# $line"; done
  echo
  printf '%-34s %12s %16s %9s  %-16s %s\n' "metric" "Berth" "docker-registry" "ratio" "target" ""
  printf '%-34s %12s %16s %9s  %-16s %s\n' "------" "-----" "---------------" "-----" "------" ""
  if (( DO_MAIN )); then
    row push1 "blob push, 1 stream (MB/s)" 1 2.0
    row pushN "blob push, $PUSH_STREAMS streams (MB/s)" 1 2.0
    row pull1 "blob pull, 1 stream (MB/s)" 1 1.0
    row pullN "blob pull, $PULL_STREAMS streams (MB/s)" 1 1.0
    row head "manifest HEAD (req/s)" 0 2.0
    [[ $MANIFEST_GET = 1 ]] && row get "manifest GET, wrk (req/s, info)" 0 ""
    row rss "peak RSS, VmHWM (MiB)" 0 lower
    row cpu_push "server CPU s per GB pushed (info)" 2 lower
    row cpu_pull "server CPU s per GB pulled (info)" 2 lower
    row cpu_head "server CPU us per HEAD (info)" 0 lower
  fi
  if (( DO_BIG )); then
    row big "big push $BIG_MIB MiB (s)" 1 lower
    row bigmbps "big push $BIG_MIB MiB (MB/s)" 1 ""
    row bigrss "big push peak RSS (MiB)" 0 lower
    for peer in "${PEERS[@]}"; do echo "# big push, ${NAME[$peer]}: ${NOTE[$peer.big]:-}"; done
  fi
  for peer in "${PEERS[@]}"; do
    if [[ -f $WORK/redirected-$peer ]]; then
      HEADER+=("note: ${NAME[$peer]} redirected blob GETs (curl followed them)")
      echo "# note: ${NAME[$peer]} redirected blob GETs (curl followed them)"
    fi
  done
  local r
  for r in "${ROWS[@]}"; do if [[ $r = *"*"* ]]; then NOISY=1; fi; done
  if (( NOISY )); then
    echo "# * = other processes used more than ${NOISE_LIMIT}% of the CPU during (at least one round of) that measurement: repeat the run"
  fi
  if (( MACHINE_BUSY )); then
    echo "# WARNING: other processes kept the machine busy around this run ($QUIET_NOTE): do not quote these figures"
  fi
  if (( ${#FAILURES[@]} )); then
    echo
    echo "FAILURES (the run is not valid for these cells):"
    printf '  - %s\n' "${FAILURES[@]}"
  fi

  mkdir -p "$RESULTS_DIR"
  ts=$(date +%Y%m%d-%H%M%S)
  file=$RESULTS_DIR/$ts.txt
  {
    for line in "${HEADER[@]}"; do echo "# $line"; done
    printf 'key\tmetric\tberth\tdocker_registry\tratio_berth_over_docker_registry\ttarget\tverdict\n'
    printf '%s\n' "${ROWS[@]}"
    for key in "${!SAMPLES[@]}"; do printf 'samples\t%s\t%s\n' "$key" "${SAMPLES[$key]}"; done | sort
    for line in "${FAILURES[@]}"; do printf 'failure\t%s\n' "$line"; done
    if (( MACHINE_BUSY )); then printf 'warning\tmachine busy around the run: %s\n' "$QUIET_NOTE"; fi
  } >"$file"
  echo
  echo "results written to $file"
}

# ---------------------------------------------------------------- main
need() { command -v "$1" >/dev/null 2>&1 || die "$1 is required ($2)"; }
need curl "apt-get install -y curl"
need python3 "for picking free ports"
need awk "coreutils/mawk"
need sha256sum "coreutils"
if (( DO_MAIN )); then
  need cc "apt-get install -y gcc: builds bench/headload.c"
  if [[ $MANIFEST_GET = 1 ]] && ! command -v wrk >/dev/null 2>&1; then
    log "wrk is missing: apt-get install -y wrk"
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y wrk >/dev/null 2>&1; } \
      || die "could not install wrk (apt-get install -y wrk), or run with MANIFEST_GET=0"
  fi
fi
if [[ " ${PEERS[*]} " = *" docker-registry "* ]]; then
  command -v "$DOCKER_REGISTRY_BIN" >/dev/null 2>&1 || die "docker-registry not found (apt-get install -y docker-registry, or set DOCKER_REGISTRY_BIN)"
fi
if [[ " ${PEERS[*]} " = *" berth "* && -z $BERTH_URL ]]; then
  JAVA_HOME=$(find_java_home)
  [[ -f $PAYARA_MICRO_JAR ]] || die "Payara Micro jar not found: $PAYARA_MICRO_JAR (set PAYARA_MICRO_JAR)"
  [[ -f $BERTH_WAR ]] || die "Berth WAR not found: $BERTH_WAR (build it with 'mvn -q -DskipTests package', set BERTH_WAR, or use --berth-url)"
fi
for v in PUSH_REPEATS PULL_REPEATS PUSH_STREAMS PULL_STREAMS HEAD_DURATION HEAD_WARMUP BLOB_MIB BIG_MIB; do
  [[ ${!v} =~ ^[0-9]+$ ]] || die "$v must be a whole number, not '${!v}'"
done
(( PUSH_REPEATS >= 1 && PULL_REPEATS >= 1 && HEAD_DURATION >= 1 )) || die "PUSH_REPEATS, PULL_REPEATS and HEAD_DURATION must be >= 1"

if [[ -n $BERTH_URL && " ${PEERS[*]} " = *" berth "* ]]; then
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BERTH_URL/v2/" || true)
  [[ $code = 200 || $code = 401 ]] || die "--berth-url $BERTH_URL: GET /v2/ answered '${code:-nothing}', expected 200 or 401 (is it running?)"
  [[ -z $BERTH_EXT_PID ]] || kill -0 "$BERTH_EXT_PID" 2>/dev/null || die "--berth-pid $BERTH_EXT_PID: no such process"
fi

WORK=$(mktemp -d /tmp/berth-bench.XXXXXX)
log "work directory $WORK (removed at exit${KEEP_TMP:+ unless --keep-tmp})"

# Test data first, before any server runs: generating it must not disturb a measurement.
nblobs=$(( PUSH_REPEATS * (1 + PUSH_STREAMS) ))
need_mib=0      # what the servers will store, per peer
gen_mib=0       # test data still to generate
have_blob() { [[ -f $BENCH_DATA_DIR/$1.bin && -f $BENCH_DATA_DIR/$1.bin.sha256 ]]; }
if (( DO_MAIN )); then
  need_mib=$(( nblobs * BLOB_MIB + 16 ))
  for ((i = 1; i <= nblobs; i++)); do have_blob "blob-$i" || gen_mib=$(( gen_mib + BLOB_MIB )); done
fi
if (( DO_BIG )); then
  need_mib=$(( need_mib + BIG_MIB ))
  have_blob big || gen_mib=$(( gen_mib + BIG_MIB ))
fi
check_space "$BENCH_DATA_DIR" "$(( gen_mib + 64 ))" "the test data in $BENCH_DATA_DIR (kept between runs)"
check_space "$WORK" "$(( need_mib * ${#PEERS[@]} + 1024 ))" "the servers' data directories"
if (( DO_MAIN )); then
  ensure_blob warmup 16
  for ((i = 0; i <= nblobs; i++)); do ensure_blob "blob-$i" "$BLOB_MIB"; done   # blob-0: warm-up only
  HEADLOAD=$WORK/headload
  cc -O2 -pthread -o "$HEADLOAD" "$SCRIPT_DIR/headload.c" || die "could not build bench/headload.c"
fi
(( DO_BIG )) && ensure_blob big "$BIG_MIB"

for peer in "${PEERS[@]}"; do auth_init "$peer"; done
if (( DO_MAIN )); then
  for peer in "${PEERS[@]}"; do start_peer "$peer"; done
  sleep 2   # let the servers finish starting up before judging how quiet the machine is
  check_quiet "before"
  run_main
  check_quiet "after"
  make_header
else
  [[ -n $BERTH_URL && " ${PEERS[*]} " = *" berth "* ]] && start_peer berth
  check_quiet "before"
fi
(( DO_BIG )) && run_big
(( DO_MAIN )) || make_header
report
(( ${#FAILURES[@]} == 0 )) || exit 1
