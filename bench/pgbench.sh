#!/usr/bin/env bash
# The pgbench table (issue 15): the same pgbench against a private PostgreSQL 15 (fsync on,
# initdb defaults) and a private snapsync node, row after row, the two servers interleaved.
#
#   bench/pgbench.sh --quick        subset (4 workloads, simple + prepared, 1 and 8 clients), 3 s/row
#   bench/pgbench.sh --full         every workload, protocol and client count, 8 s/row (README)
#   bench/pgbench.sh --seconds N    seconds per row
#   bench/pgbench.sh --warmup N     seconds of unmeasured SELECT 1 / point select first (3)
#   bench/pgbench.sh --only LIST    workloads: select1,point,update,insert,tpcb,export,import
#   bench/pgbench.sh --protocols L  e.g. simple,extended,prepared
#   bench/pgbench.sh --clients L    e.g. 1,8,64
#   bench/pgbench.sh --jar FILE     run this snapsync jar (default launcher/target/snapsync.jar;
#                                   built when missing) -- compare two builds in one minute
#   bench/pgbench.sh --out DIR      results (default bench/results): pgbench.md, pgbench.csv
#
# Every row reports the 1-minute load average when it started: on a shared machine the ratio
# of two neighbouring cells is the figure to trust, not the absolute tps.
# Ports (environment): BENCH_PG_PORT 25442, BENCH_SS_PORT 25443, BENCH_HZ_PORT 25721,
# BENCH_CONSOLE_PORT 25490.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_ROW=3
WARMUP_SECONDS=3
ONLY="select1,point,update,export"
PROTOCOLS="simple,prepared"
CLIENTS="1,8"
JAR="$ROOT/launcher/target/snapsync.jar"
OUT="$ROOT/bench/results"
MODE="quick"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) SECONDS_PER_ROW=3; ONLY="select1,point,update,export"; PROTOCOLS="simple,prepared"
      CLIENTS="1,8"; MODE="quick"; shift ;;
    --full) SECONDS_PER_ROW=8; ONLY="select1,point,update,insert,tpcb,export,import"
      PROTOCOLS="simple,extended,prepared"; CLIENTS="1,8,64"; MODE="full"; shift ;;
    --seconds) SECONDS_PER_ROW="$2"; shift 2 ;;
    --warmup) WARMUP_SECONDS="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --protocols) PROTOCOLS="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --jar) JAR="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --out) OUT="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "pgbench.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

PG_PORT="${BENCH_PG_PORT:-25442}"
SS_PORT="${BENCH_SS_PORT:-25443}"
HZ_PORT="${BENCH_HZ_PORT:-25721}"
CONSOLE_PORT="${BENCH_CONSOLE_PORT:-25490}"
WORK="$(mktemp -d /tmp/snapsync-pgbench.XXXXXX)"
chmod 755 "$WORK"
mkdir -p "$OUT"
SS_PID=""
PG_STARTED=0
HOLDERS=()

log() { echo "[pgbench $(date -u +%H:%M:%S)] $*" >&2; }
load1() { cut -d' ' -f1 /proc/loadavg; }

PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" ]]; then
  log "PostgreSQL server not found: installing Debian's postgresql package"
  SUDO=""; [[ "$(id -u)" != 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi
PGBENCH="$PG_BIN/pgbench"; PSQL="$PG_BIN/psql"
AS_PG=()
if [[ "$(id -u)" == 0 ]]; then AS_PG=(runuser -u postgres --); fi

cleanup() {
  set +e
  for h in "${HOLDERS[@]}"; do kill "$h" 2>/dev/null; done
  if [[ -n "$SS_PID" ]] && kill -0 "$SS_PID" 2>/dev/null; then kill "$SS_PID"; wait "$SS_PID" 2>/dev/null; fi
  if [[ "$PG_STARTED" == 1 ]]; then
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null 2>&1
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [[ ! -f "$JAR" ]]; then
  log "building $JAR (mvn package -pl launcher -am)"
  (cd "$ROOT" && mvn -B -q -DskipTests package -pl launcher -am) >&2
fi

# --- PostgreSQL 15: initdb defaults (fsync on), loopback, password auth -------------------------
PG_PASSWORD="bench-$RANDOM-$RANDOM"
echo "$PG_PASSWORD" > "$WORK/pgpass"
mkdir -p "$WORK/pg" "$WORK/pgsock"
if [[ ${#AS_PG[@]} -gt 0 ]]; then chown postgres "$WORK/pg" "$WORK/pgsock" "$WORK/pgpass"; fi
log "initdb + pg_ctl start ($PG_BIN, port $PG_PORT)"
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$WORK/pg" -U bench --auth=scram-sha-256 \
  --pwfile="$WORK/pgpass" -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log" >&2; exit 1; }
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w -o \
  "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $WORK/pgsock -c max_connections=200" start >/dev/null
PG_STARTED=1
PGPASSWORD="$PG_PASSWORD" "$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U bench -d postgres -qc \
  "CREATE DATABASE snapsync" >/dev/null

# --- snapsync: its own data directory, ports and cluster name, default settings ----------------
mkdir -p "$WORK/ss"
log "starting snapsync ($JAR, pgwire port $SS_PORT)"
(
  cd "$WORK/ss"
  export SNAPSYNC_DATA_DIR="$WORK/ss/data" SNAPSYNC_PGWIRE_PORT="$SS_PORT" \
    SNAPSYNC_CONSOLE_PORT="$CONSOLE_PORT" SNAPSYNC_CLUSTER_NAME="snapsync-pgbench-$$" \
    SNAPSYNC_CLUSTER_HOST=127.0.0.1 SNAPSYNC_CLUSTER_PORT="$HZ_PORT" \
    SNAPSYNC_CLUSTER_MEMBERS="127.0.0.1:$HZ_PORT" SNAPSYNC_BIND_ADDRESS=127.0.0.1 \
    SNAPSYNC_PLUGIN_DIR="$WORK/ss/plugins"
  # shellcheck disable=SC2086
  exec java --add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED \
    --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
    --add-opens java.management/sun.management=ALL-UNNAMED \
    --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED \
    ${SNAPSYNC_JAVA_OPTS:-} -Dsnapsync.home="$ROOT" -jar "$JAR"
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

# sql SYSTEM SQL...: psql against one of the two servers
sql() {
  local sys="$1"; shift
  if [[ "$sys" == pg ]]; then
    PGPASSWORD="$PG_PASSWORD" "$PSQL" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U bench -d snapsync "$@"
  else
    PGPASSWORD="$SS_PASSWORD" "$PSQL" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$SS_PORT" -U admin -d snapsync "$@"
  fi
}

# --- tables and scripts ----------------------------------------------------------------------
S="$WORK/scripts"; mkdir -p "$S"
printf 'SELECT 1;\n' > "$S/select1.sql"
printf '\\set k random(1, 10000)\nSELECT v FROM bench_kv WHERE k = :k;\n' > "$S/point.sql"
printf '\\set k random(1, 10000)\n\\set v random(1, 1000000)\nUPDATE bench_kv SET v = :v WHERE k = :k;\n' > "$S/update.sql"
printf '\\set k random(1, 1000000000)\nINSERT INTO bench_ins (k, v) VALUES (:k, :k);\n' > "$S/insert.sql"
printf 'BEGIN ISOLATION LEVEL REPEATABLE READ;\nSELECT pg_export_snapshot();\nCOMMIT;\n' > "$S/export.sql"

# bench_kv: 10,000 rows, loaded with multi-row INSERTs of 1,000 rows (works on both servers)
load_tables() {
  local sys="$1"
  sql "$sys" -c "CREATE TABLE bench_kv (k int PRIMARY KEY, v int)" \
    -c "CREATE TABLE bench_ins (k int, v int)"
  for chunk in $(seq 0 9); do
    local values=""
    for i in $(seq $((chunk * 1000 + 1)) $((chunk * 1000 + 1000))); do values+="${values:+,}($i,0)"; done
    sql "$sys" -c "INSERT INTO bench_kv VALUES $values"
  done
}

# The TPC-B tables at scale 1: pgbench -i where it works, else the same tables and rows from
# plain SQL (a note in the table says which).
TPCB_NOTE=""
init_tpcb() {
  local sys="$1" port user pass
  if [[ "$sys" == pg ]]; then port=$PG_PORT user=bench pass=$PG_PASSWORD; else port=$SS_PORT user=admin pass=$SS_PASSWORD; fi
  if PGPASSWORD="$pass" "$PGBENCH" -i -s 1 -I dtgp -h 127.0.0.1 -p "$port" -U "$user" snapsync \
      >"$WORK/init-$sys.log" 2>&1; then
    return 0
  fi
  log "pgbench -i failed on $sys (see below); creating the TPC-B tables with plain SQL"
  tail -3 "$WORK/init-$sys.log" >&2
  TPCB_NOTE="pgbench -i failed on snapsync; the same tables (filler columns text, not char(n); mtime text: snapsync has no char(n) or timestamp columns yet) and rows created by plain SQL"
  sql "$sys" -c "DROP TABLE IF EXISTS pgbench_accounts" -c "DROP TABLE IF EXISTS pgbench_branches" \
    -c "DROP TABLE IF EXISTS pgbench_tellers" -c "DROP TABLE IF EXISTS pgbench_history" >/dev/null 2>&1 || true
  sql "$sys" -c "CREATE TABLE pgbench_branches (bid int PRIMARY KEY, bbalance int, filler text)" \
    -c "CREATE TABLE pgbench_tellers (tid int PRIMARY KEY, bid int, tbalance int, filler text)" \
    -c "CREATE TABLE pgbench_accounts (aid int PRIMARY KEY, bid int, abalance int, filler text)" \
    -c "CREATE TABLE pgbench_history (tid int, bid int, aid int, delta int, mtime text, filler text)" \
    -c "INSERT INTO pgbench_branches VALUES (1, 0, NULL)"
  local values=""
  for t in $(seq 1 10); do values+="${values:+,}($t,1,0,NULL)"; done
  sql "$sys" -c "INSERT INTO pgbench_tellers VALUES $values"
  for chunk in $(seq 0 99); do
    values=""
    for a in $(seq $((chunk * 1000 + 1)) $((chunk * 1000 + 1000))); do values+="${values:+,}($a,1,0,'')"; done
    sql "$sys" -c "INSERT INTO pgbench_accounts VALUES $values"
  done
}

IFS=, read -r -a WORKLOADS <<< "$ONLY"
IFS=, read -r -a PROTOS <<< "$PROTOCOLS"
IFS=, read -r -a NCLIENTS <<< "$CLIENTS"
log "loading tables"
for sys in pg ss; do
  load_tables "$sys"
  if [[ ",$ONLY," == *,tpcb,* ]]; then init_tpcb "$sys"; fi
done

# export + import + read: a psql session per server exports a snapshot and holds it open
start_holder() {
  local sys="$1" fifo="$WORK/holder-$1"
  mkfifo "$fifo"
  ( sql "$sys" -At < "$fifo" > "$WORK/holder-$sys.out" 2>&1 ) &
  HOLDERS+=($!)
  exec {fd}>"$fifo"
  eval "HOLDER_FD_$sys=$fd"
  echo "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT pg_export_snapshot();" >&"$fd"
  for _ in $(seq 1 100); do [[ -s "$WORK/holder-$sys.out" ]] && break; sleep 0.1; done
  local snap; snap="$(grep -m1 -v '^BEGIN' "$WORK/holder-$sys.out" | tr -d '\n')"
  printf '\\set k random(1, 10000)\nBEGIN ISOLATION LEVEL REPEATABLE READ;\nSET TRANSACTION SNAPSHOT '"'%s'"';\nSELECT v FROM bench_kv WHERE k = :k;\nCOMMIT;\n' \
    "$snap" > "$S/import-$sys.sql"
}
if [[ ",$ONLY," == *,import,* ]]; then start_holder pg; start_holder ss; fi

declare -A TITLE=([select1]='`SELECT 1`' [point]='point select by key (10k rows)'
  [update]='update by key' [insert]='insert' [tpcb]='TPC-B (pgbench default, scale 1)'
  [export]='export (`BEGIN RR; SELECT pg_export_snapshot(); COMMIT`)'
  [import]='export + import + read')

# run_pgbench SYSTEM WORKLOAD PROTOCOL CLIENTS -> "tps failed" (tps "error" when pgbench failed)
run_pgbench() {
  local sys="$1" w="$2" proto="$3" c="$4" port user pass script
  if [[ "$sys" == pg ]]; then port=$PG_PORT user=bench pass=$PG_PASSWORD; else port=$SS_PORT user=admin pass=$SS_PASSWORD; fi
  local jobs=1; (( c > 1 )) && jobs=2
  local args=(-n -M "$proto" -c "$c" -j "$jobs" -T "$SECONDS_PER_ROW" -h 127.0.0.1 -p "$port" -U "$user")
  case "$w" in
    tpcb) args+=(-b tpcb-like) ;;
    import) args+=(-f "$S/import-$sys.sql") ;;
    *) args+=(-f "$S/$w.sql") ;;
  esac
  local log="$WORK/run-$sys-$w-$proto-$c.log"
  if PGPASSWORD="$pass" "$PGBENCH" "${args[@]}" snapsync >"$log" 2>&1; then
    local tps failed
    tps="$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$log" | head -1)"
    failed="$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$log" | head -1)"
    echo "${tps:-error} ${failed:-0}"
  else
    cp "$log" "$OUT/pgbench-failed-$sys-$w-$proto-$c.log"
    echo "error 0"
  fi
}

# warm-up (not measured): a freshly started JVM compiles its statement path during the first
# seconds, which would otherwise land in the first rows
log "warming up both servers ($WARMUP_SECONDS s of SELECT 1 and point selects each)"
for sys in pg ss; do
  for w in select1 point; do
    SECONDS_PER_ROW="$WARMUP_SECONDS" run_pgbench "$sys" "$w" simple 2 >/dev/null
  done
done

CSV="$OUT/pgbench.csv"; MD="$OUT/pgbench.md"
echo "workload,protocol,clients,snapsync_tps,postgres_tps,ratio,load1,snapsync_failed,postgres_failed" > "$CSV"
{
  echo "- run: $(date -u +%Y-%m-%dT%H:%M:%SZ) ($MODE, ${SECONDS_PER_ROW} s per row, rows interleaved PostgreSQL then snapsync)"
  echo "- machine: $(uname -srm); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- pgbench: $("$PGBENCH" --version); PostgreSQL: $("$PG_BIN/postgres" --version) (initdb defaults, fsync on)"
  echo "- snapsync: $(basename "$JAR") ($(date -u -r "$JAR" +%Y-%m-%dT%H:%M:%SZ)), default settings"
  [[ -n "$TPCB_NOTE" ]] && echo "- TPC-B: $TPCB_NOTE"
  echo
  echo "| workload | protocol | clients | snapsync tps | PostgreSQL tps | ratio | load |"
  echo "|---|---|---:|---:|---:|---:|---:|"
} > "$MD"
for w in "${WORKLOADS[@]}"; do
  for proto in "${PROTOS[@]}"; do
    for c in "${NCLIENTS[@]}"; do
      l="$(load1)"
      read -r pg_tps pg_failed <<< "$(run_pgbench pg "$w" "$proto" "$c")"
      read -r ss_tps ss_failed <<< "$(run_pgbench ss "$w" "$proto" "$c")"
      ratio="–"
      if [[ "$pg_tps" != error && "$ss_tps" != error ]]; then
        ratio="$(awk -v a="$ss_tps" -v b="$pg_tps" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "–" }')"
      fi
      fmt() { [[ "$1" == error ]] && echo "error" || printf "%'.0f" "$1"; }
      ss_cell="$(fmt "$ss_tps")"; pg_cell="$(fmt "$pg_tps")"
      (( ss_failed > 0 )) && ss_cell+=" ($ss_failed failed)"
      (( pg_failed > 0 )) && pg_cell+=" ($pg_failed failed)"
      echo "| ${TITLE[$w]} | $proto | $c | $ss_cell | $pg_cell | $ratio | $l |" >> "$MD"
      echo "$w,$proto,$c,$ss_tps,$pg_tps,$ratio,$l,$ss_failed,$pg_failed" >> "$CSV"
      log "$w $proto c=$c: snapsync $ss_tps, PostgreSQL $pg_tps (ratio $ratio, load $l)"
    done
  done
done
echo >> "$MD"
echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$MD"
cat "$MD"
