#!/usr/bin/env bash
# gc-bench.sh: garbage collection over a large store, and what it does to pushes.
#
# Starts Berth on MariaDB, seeds the database and the filesystem store directly (100,000 blobs, 10,000
# artifacts of 10 blobs each, then half the artifacts deleted, so 50,000 blobs are garbage, all older than
# the grace window), measures push latency idle, then runs one GC through the API while pushing, and reports
# mark and sweep seconds, blobs per second and push p99 idle vs during GC. See bench/README.md.
#
#   bench/gc-bench.sh                       # needs target/berth.war (mvn package) and a local MariaDB
#   BLOBS=20000 ARTIFACTS=2000 bench/gc-bench.sh
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)

PAYARA_MICRO_JAR=${PAYARA_MICRO_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/7.2026.11/payara-micro-7.2026.11.jar}
BERTH_WAR=${BERTH_WAR:-$REPO_ROOT/target/berth.war}
BERTH_PREBOOT=${BERTH_PREBOOT:-$REPO_ROOT/server-config/pre-boot-commands.asadmin}
BERTH_SYSPROPS=${BERTH_SYSPROPS:-$REPO_ROOT/server-config/system.properties}
BENCH_DB=${BENCH_DB:-berth_gc}                  # dropped and recreated: use a database of its own
DB_USER=${DB_USER:-berth}
DB_PASSWORD=${DB_PASSWORD:-berth}
WORK=${WORK:-/tmp/berth-gc-bench}
PORT=${PORT:-18089}
export BLOBS=${BLOBS:-100000} ARTIFACTS=${ARTIFACTS:-10000} WORKERS=${WORKERS:-4} PUSHES_IDLE=${PUSHES_IDLE:-300}
export ADMIN_PASSWORD=Bench-admin-1

if [[ -z ${JAVA_HOME:-} || ! -x $JAVA_HOME/bin/java ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME=$(for j in /usr/lib/jvm/*/; do "$j/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])' && echo "${j%/}" && break; done || true)
fi
[[ -n ${JAVA_HOME:-} ]] || { echo "no JDK >= 21 under /usr/lib/jvm" >&2; exit 1; }
[[ -f $BERTH_WAR ]] || { echo "no $BERTH_WAR: run mvn package first" >&2; exit 1; }

rm -rf "$WORK" && mkdir -p "$WORK/data" "$WORK/tmp"
mariadb -u"$DB_USER" -p"$DB_PASSWORD" -h127.0.0.1 -e "DROP DATABASE IF EXISTS $BENCH_DB; CREATE DATABASE $BENCH_DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

echo "starting Berth on :$PORT (MariaDB $BENCH_DB, data $WORK/data)"
BERTH_DATA_DIR=$WORK/data BERTH_ADMIN_PASSWORD=$ADMIN_PASSWORD \
BERTH_DB_URL=jdbc:mariadb://127.0.0.1:3306/$BENCH_DB BERTH_DB_USER=$DB_USER BERTH_DB_PASSWORD=$DB_PASSWORD \
  "$JAVA_HOME/bin/java" -Xmx512m -Djava.io.tmpdir="$WORK/tmp" -jar "$PAYARA_MICRO_JAR" --deploy "$BERTH_WAR" \
  --contextroot / --nocluster --port "$PORT" --prebootcommandfile "$BERTH_PREBOOT" --systemproperties "$BERTH_SYSPROPS" >"$WORK/server.log" 2>&1 </dev/null &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  grep -q ') ready in ' "$WORK/server.log" 2>/dev/null \
    && [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v2/" || true) =~ ^(200|401)$ ]] && break
  kill -0 $SERVER 2>/dev/null || { tail -40 "$WORK/server.log"; exit 1; }
  sleep 1
done

echo "Berth ready: /v2/ answers $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v2/")"
python3 "$SCRIPT_DIR/gc-bench.py" --url "http://127.0.0.1:$PORT" --store "$WORK/data/registry" \
  --mysql "mariadb -u$DB_USER -p$DB_PASSWORD -h127.0.0.1 $BENCH_DB"
