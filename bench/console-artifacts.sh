#!/usr/bin/env bash
# console-artifacts.sh: the web console's repository page over a repository of 10,000 artifacts.
#
# Starts Berth (embedded H2, a data directory of its own), pushes ARTIFACTS tagged image manifests into one
# repository through the registry API (console-artifacts.py), then times the first render of
# /console/repositories/repository for that repository with curl: WARMUP renders of each case untimed, then REQUESTS
# timed per case, for an anonymous visitor (public project) and for a signed-in administrator, at the default page
# size (15 rows) and at 100 rows. Prints median, p90 and max of curl's time_total per case, and the server's CPU per
# render when the script started the server. See bench/README.md.
#
#   bench/console-artifacts.sh                        # needs target/berth.war (mvn package)
#   ARTIFACTS=2000 REQUESTS=10 bench/console-artifacts.sh
#   bench/console-artifacts.sh --berth-url http://127.0.0.1:8080   # a running Berth (ADMIN_PASSWORD set)
#   SEED=0 bench/console-artifacts.sh --berth-url ...              # its repository is seeded already
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)

PAYARA_MICRO_JAR=${PAYARA_MICRO_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/7.2026.11/payara-micro-7.2026.11.jar}
BERTH_WAR=${BERTH_WAR:-$REPO_ROOT/target/berth.war}
BERTH_PREBOOT=${BERTH_PREBOOT:-$REPO_ROOT/server-config/pre-boot-commands.asadmin}
BERTH_SYSPROPS=${BERTH_SYSPROPS:-$REPO_ROOT/server-config/system.properties}
BERTH_XMX=${BERTH_XMX:-512m}
WORK=${WORK:-/tmp/berth-console-bench}
PORT=${PORT:-18093}
PROJECT=${PROJECT:-library}
REPOSITORY=${REPOSITORY:-console-bench}
ARTIFACTS=${ARTIFACTS:-10000}
THREADS=${THREADS:-4}
WARMUP=${WARMUP:-100}
REQUESTS=${REQUESTS:-30}
export ADMIN_PASSWORD=${ADMIN_PASSWORD:-Bench-admin-1}

BERTH_URL=""
if [[ ${1:-} == --berth-url ]]; then
  BERTH_URL=${2:?--berth-url needs a URL}
fi

if [[ -z $BERTH_URL ]]; then
  if [[ -z ${JAVA_HOME:-} || ! -x $JAVA_HOME/bin/java ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
    JAVA_HOME=$(for j in /usr/lib/jvm/*/; do "$j/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])' && echo "${j%/}" && break; done || true)
  fi
  [[ -n ${JAVA_HOME:-} ]] || { echo "no JDK >= 21 under /usr/lib/jvm" >&2; exit 1; }
  [[ -f $BERTH_WAR ]] || { echo "no $BERTH_WAR: run mvn package first" >&2; exit 1; }
  rm -rf "$WORK" && mkdir -p "$WORK/data" "$WORK/tmp"
  echo "starting Berth on :$PORT (embedded H2, data $WORK/data)"
  BERTH_DATA_DIR=$WORK/data BERTH_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    "$JAVA_HOME/bin/java" -Xmx"$BERTH_XMX" -Djava.io.tmpdir="$WORK/tmp" -jar "$PAYARA_MICRO_JAR" --deploy "$BERTH_WAR" \
    --contextroot / --nocluster --port "$PORT" --rootdir "$WORK/payara" \
    --prebootcommandfile "$BERTH_PREBOOT" --systemproperties "$BERTH_SYSPROPS" >"$WORK/server.log" 2>&1 </dev/null &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
  for _ in $(seq 1 240); do
    grep -q ') ready in ' "$WORK/server.log" 2>/dev/null \
      && [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v2/" || true) =~ ^(200|401)$ ]] && break
    kill -0 $SERVER 2>/dev/null || { tail -40 "$WORK/server.log"; exit 1; }
    sleep 1
  done
  BERTH_URL=http://127.0.0.1:$PORT
fi
echo "Berth at $BERTH_URL: /v2/ answers $(curl -s -o /dev/null -w '%{http_code}' "$BERTH_URL/v2/")"

if [[ ${SEED:-1} == 1 ]]; then
  python3 "$SCRIPT_DIR/console-artifacts.py" --url "$BERTH_URL" --repository "$PROJECT/$REPOSITORY" \
    --artifacts "$ARTIFACTS" --threads "$THREADS"
fi
total=$(curl -s -u "admin:$ADMIN_PASSWORD" -o /dev/null -D - \
  "$BERTH_URL/api/v2.0/projects/$PROJECT/repositories/$REPOSITORY/artifacts?page_size=1" | tr -d '\r' \
  | awk -F': ' 'tolower($1)=="x-total-count" {print $2}')
echo "the repository lists $total artifacts"

PAGE="$BERTH_URL/console/repositories/repository?project=$PROJECT&name=$REPOSITORY"
COOKIES=$(mktemp)
trap 'rm -f "$COOKIES"; [[ -n ${SERVER:-} ]] && { kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; }' EXIT
curl -s -c "$COOKIES" -o /dev/null -d "principal=admin&password=$ADMIN_PASSWORD" "$BERTH_URL/c/login"

CLK_TCK=$(getconf CLK_TCK)
server_cpu_ticks() { [[ -n ${SERVER:-} ]] && awk '{print $14 + $15}' "/proc/$SERVER/stat" || echo 0; }

# measure <label> <curl options...>: REQUESTS timed requests; median, p90, max of time_total in ms, and the server's
# CPU per request (user + system of its JVM, when this script started it), which other load on the machine moves less.
measure() {
  local label=$1; shift
  local rows=$(curl -s "$@" "$PAGE" | grep -o "data-rk=\"[0-9]*\"" | wc -l)
  local before=$(server_cpu_ticks) times=()
  for _ in $(seq 1 "$REQUESTS"); do
    times+=("$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$@" "$PAGE")")
  done
  local cpu=$(( ($(server_cpu_ticks) - before) * 1000 / CLK_TCK / REQUESTS ))
  printf '%s\n' "${times[@]}" | awk -v label="$label" -v rows="$rows" -v cpu="$cpu" -v pid="${SERVER:-}" '
    $1 != 200 { bad++ } { t[NR] = $2 * 1000 }
    END { n = asort(t); printf "%-36s %4d rows  median %6.1f ms  p90 %6.1f ms  max %6.1f ms  %s%s\n",
          label, rows, t[int((n + 1) / 2)], t[int(n * 0.9 + 0.5)], t[n], pid ? "server CPU " cpu " ms/request" : "",
          bad ? "  (" bad " answers not 200)" : "" }'
}

# The JVM compiles the page's code over the first hundred renders or so: warm every case up first, interleaved.
echo "warming up: $WARMUP renders of each case"
for _ in $(seq 1 "$WARMUP"); do
  curl -s -o /dev/null "$PAGE"
  curl -s -o /dev/null -b "$COOKIES" "$PAGE"
  curl -s -o /dev/null -b "$COOKIES" -b "berth_prefs=rows=100" "$PAGE"
done
echo "load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "repository page of $total artifacts, first render, $REQUESTS requests per case (curl time_total):"
measure "anonymous visitor, 15 rows"
measure "signed-in administrator, 15 rows" -b "$COOKIES"
measure "signed-in administrator, 100 rows" -b "$COOKIES" -b "berth_prefs=rows=100"
