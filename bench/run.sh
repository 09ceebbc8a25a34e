#!/usr/bin/env bash
# snapsync vs PostgreSQL benchmark: one command, from a clean clone.
#
#   bench/run.sh                 full run (1,000,000-row dump table), ~5 minutes on 2 cores
#   bench/run.sh --quick         quick run (100,000 rows, shorter measurements)
#   bench/run.sh --rows N        dump table of N rows
#   bench/run.sh --only LIST     sections: export,import,select1,dump,eventbus,wdr,memory,kill
#   bench/run.sh --no-profile    no JFR recording of the snapsync node
#   bench/run.sh --out DIR       where results go (default bench/results)
#   bench/run.sh --offline       Maven offline (-o)
#   bench/run.sh --pgbench [--quick|--full|...]   the pgbench table instead (bench/pgbench.sh:
#                                every option after --pgbench is passed on)
#
# It builds the node (launcher) and the load driver (bench), installs Debian's PostgreSQL if
# missing, starts a private PostgreSQL (initdb/pg_ctl in a temp directory, loopback only) and a
# private snapsync node (temp data directory, its own ports and cluster name), runs
# io.snapsync.bench.cluster.ClusterBench (global kill latency on a 3-coordinator loopback
# cluster, event-bus round trips) and io.snapsync.bench.load.LoadMain against both, writes results.md / results.csv /
# throughput.png, summarizes the node's JFR profile (profile.txt), and stops both servers.
# Ports (override by environment): BENCH_PG_PORT 25432, BENCH_SS_PORT 25433,
# BENCH_CONSOLE_PORT 25480, BENCH_HZ_PORT 25701, BENCH_CLIENT_HZ_PORT 25711.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS=1000000
MEASURE_MS=3000
WARMUP_MS=1000
SESSION_STEPS="1,10,100,1000,10000"
ONLY="export,import,select1,dump,eventbus,wdr,memory,kill"
KILLS=50
CLUSTER_STATEMENTS=2000
PROFILE=1
OUT="$ROOT/bench/results"
MVN_OFFLINE=""
if [[ "${1:-}" == --pgbench ]]; then
  shift
  exec "$ROOT/bench/pgbench.sh" "$@"
fi
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) ROWS=100000; MEASURE_MS=1500; WARMUP_MS=500; KILLS=20; CLUSTER_STATEMENTS=500; shift ;;
    --rows) ROWS="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --no-profile) PROFILE=0; shift ;;
    --out) OUT="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --offline) MVN_OFFLINE="-o"; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

PG_PORT="${BENCH_PG_PORT:-25432}"
SS_PORT="${BENCH_SS_PORT:-25433}"
CONSOLE_PORT="${BENCH_CONSOLE_PORT:-25480}"
HZ_PORT="${BENCH_HZ_PORT:-25701}"
CLIENT_HZ_PORT="${BENCH_CLIENT_HZ_PORT:-25711}"
CLUSTER="snapsync-bench-$$"
WORK="$(mktemp -d /tmp/snapsync-bench.XXXXXX)"
chmod 755 "$WORK"
mkdir -p "$OUT"
SS_PID=""
PG_STARTED=0

log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }

# --- PostgreSQL (Debian package) --------------------------------------------------------------
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" ]]; then
  log "PostgreSQL server not found: installing Debian's postgresql package"
  SUDO=""; [[ "$(id -u)" != 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi
# initdb refuses to run as root: run the server as the package's postgres user then.
AS_PG=()
if [[ "$(id -u)" == 0 ]]; then AS_PG=(runuser -u postgres --); fi

cleanup() {
  set +e
  if [[ -n "$SS_PID" ]] && kill -0 "$SS_PID" 2>/dev/null; then
    kill "$SS_PID"; wait "$SS_PID" 2>/dev/null
  fi
  if [[ "$PG_STARTED" == 1 ]]; then
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null 2>&1
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- build --------------------------------------------------------------------------------------
log "building the node and the load driver (mvn package -pl launcher,bench -am)"
(cd "$ROOT" && mvn -B -q $MVN_OFFLINE -DskipTests package -pl launcher,bench -am) >&2

# The driver JVMs join Hazelcast clusters: same JVM options as bin/snapsync.
HZ_OPTS=(--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens java.management/sun.management=ALL-UNNAMED
  --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED)

# --- cluster workloads (before the servers start: this JVM runs its own loopback cluster) ------
CLUSTER_MD="$WORK/cluster.md"
if [[ ",$ONLY," == *,kill,* ]]; then
  log "cluster: kill_snapshot('global') on 3 coordinators + 1 data node ($KILLS kills), event-bus round trips"
  java "${HZ_OPTS[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$ROOT/bench/target/benchmarks.jar" \
    io.snapsync.bench.cluster.ClusterBench "$KILLS" "$CLUSTER_STATEMENTS" 2>"$WORK/cluster.err" \
    | tee "$CLUSTER_MD" || { tail -20 "$WORK/cluster.err" >&2; : > "$CLUSTER_MD"; }
fi

# --- start PostgreSQL ---------------------------------------------------------------------------
PG_PASSWORD="bench-$RANDOM-$RANDOM"
echo "$PG_PASSWORD" > "$WORK/pgpass"
mkdir -p "$WORK/pg" "$WORK/pgsock"
if [[ ${#AS_PG[@]} -gt 0 ]]; then chown postgres "$WORK/pg" "$WORK/pgsock" "$WORK/pgpass"; fi
log "initdb + pg_ctl start ($PG_BIN, port $PG_PORT)"
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$WORK/pg" -U bench --auth=scram-sha-256 \
  --pwfile="$WORK/pgpass" -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log" >&2; exit 1; }
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w -o \
  "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $WORK/pgsock -c max_connections=300" start >/dev/null
PG_STARTED=1
PGPASSWORD="$PG_PASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U bench -d postgres -qc \
  "CREATE DATABASE snapsync" >/dev/null

# --- start snapsync -----------------------------------------------------------------------------
mkdir -p "$WORK/ss"
JFR_FILE="$WORK/snapsync.jfr"
JAVA_OPTS="${SNAPSYNC_JAVA_OPTS:-}"
if [[ "$PROFILE" == 1 ]]; then
  JAVA_OPTS="$JAVA_OPTS -XX:StartFlightRecording=filename=$JFR_FILE,settings=profile,dumponexit=true"
fi
log "starting snapsync (pgwire port $SS_PORT, cluster $CLUSTER on $HZ_PORT)"
(
  cd "$WORK/ss"
  export SNAPSYNC_JAVA_OPTS="$JAVA_OPTS"
  export SNAPSYNC_DATA_DIR="$WORK/ss/data" SNAPSYNC_PGWIRE_PORT="$SS_PORT" \
    SNAPSYNC_CONSOLE_PORT="$CONSOLE_PORT" SNAPSYNC_CLUSTER_NAME="$CLUSTER" \
    SNAPSYNC_CLUSTER_HOST=127.0.0.1 SNAPSYNC_CLUSTER_PORT="$HZ_PORT" \
    SNAPSYNC_CLUSTER_MEMBERS="127.0.0.1:$HZ_PORT" SNAPSYNC_BIND_ADDRESS=127.0.0.1 \
    SNAPSYNC_PLUGIN_DIR="$WORK/ss/plugins"
  exec "$ROOT/bin/snapsync"
) >"$WORK/snapsync.log" 2>&1 &
SS_PID=$!
for _ in $(seq 1 240); do
  if [[ -s "$WORK/ss/data/initial-admin-password" ]] && (exec 3<>"/dev/tcp/127.0.0.1/$SS_PORT") 2>/dev/null; then
    break
  fi
  kill -0 "$SS_PID" 2>/dev/null || { cat "$WORK/snapsync.log" >&2; exit 1; }
  sleep 0.5
done
SS_PASSWORD="$(tr -d '\n' < "$WORK/ss/data/initial-admin-password")"
# The node's JVM (bin/snapsync execs java, so the subshell's pid is the JVM's).
NODE_PID="$SS_PID"

MACHINE="$(uname -srm); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB RAM", $2/1048576}' /proc/meminfo)"

# --- drive --------------------------------------------------------------------------------------
log "running the workloads (rows $ROWS, sections $ONLY)"
java "${HZ_OPTS[@]}" -Xmx3g -XX:+UseG1GC -cp "$ROOT/bench/target/benchmarks.jar" io.snapsync.bench.load.LoadMain \
  --pg-url "jdbc:postgresql://127.0.0.1:$PG_PORT/snapsync" --pg-user bench --pg-password "$PG_PASSWORD" \
  --ss-url "jdbc:postgresql://127.0.0.1:$SS_PORT/snapsync" --ss-user admin --ss-password "$SS_PASSWORD" \
  --cluster-name "$CLUSTER" --cluster-members "127.0.0.1:$HZ_PORT" --client-port "$CLIENT_HZ_PORT" \
  --trust-dir "$WORK/ss/data/trust" \
  --node-pid "$NODE_PID" --rows "$ROWS" --measure-ms "$MEASURE_MS" --warmup-ms "$WARMUP_MS" \
  --session-steps "$SESSION_STEPS" --only "$ONLY" --machine "$MACHINE" --out "$OUT" \
  --cluster-results "$CLUSTER_MD" \
  | tee "$OUT/run.log"

# --- stop the node, summarize its profile ---------------------------------------------------------
kill "$SS_PID"; wait "$SS_PID" 2>/dev/null || true
SS_PID=""
if [[ "$PROFILE" == 1 && -s "$JFR_FILE" ]]; then
  log "summarizing the JFR profile of the node -> $OUT/profile.txt"
  "$ROOT/bench/profile-summary.sh" "$JFR_FILE" > "$OUT/profile.txt"
fi
log "done: $OUT/results.md, results.csv, throughput.png"
