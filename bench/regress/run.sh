#!/usr/bin/env bash
# PostgreSQL's regression SQL replayed through psql against snapsync and PostgreSQL 15 (issue 12).
#
#   bench/regress/run.sh --regress-dir DIR      DIR = PostgreSQL 15's src/test/regress (sql/, data/)
#   bench/regress/run.sh --files select,join    other files (default: test_setup + 34 files, see
#                                               io.snapsync.bench.regress.RegressMain)
#   bench/regress/run.sh --out DIR              where regress.md and misses.tsv go
#                                               (default bench/results/regress)
#   bench/regress/run.sh --keep-outputs DIR     keep every session's script and raw psql output
#   bench/regress/run.sh --timeout-s N          time limit of one file's psql session (600)
#   bench/regress/run.sh --offline              Maven offline (-o)
#   bench/regress/run.sh --no-build             use the jars already built
#
# The regression files are PostgreSQL's and are never committed: take them from a PostgreSQL 15
# source tree, e.g.
#   git clone --depth 1 --branch REL_15_STABLE https://github.com/postgres/postgres /tmp/pg15
#   bench/regress/run.sh --regress-dir /tmp/pg15/src/test/regress
# (PGREGRESS_DIR in the environment works too). The directory must be readable by the user the
# PostgreSQL server runs as (postgres when this runs as root): test_setup loads data/*.data with
# a server-side COPY.
#
# It builds the node (launcher) and the tool (bench), then io.snapsync.bench.regress.RegressMain
# starts a private PostgreSQL 15 (initdb in a temp directory, loopback, trust) and a private
# snapsync node (launcher/target/snapsync.jar, temp data directory, generated admin password),
# runs each file through one psql session per server, compares the outputs statement by
# statement, writes the results and stops both servers.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REGRESS_DIR="${PGREGRESS_DIR:-}"
MVN_OFFLINE=""
BUILD=1
ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --regress-dir) REGRESS_DIR="$2"; shift 2 ;;
    --offline) MVN_OFFLINE="-o"; shift ;;
    --no-build) BUILD=0; shift ;;
    --files|--out|--keep-outputs|--timeout-s|--top|--label) ARGS+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [[ -z "$REGRESS_DIR" || ! -d "$REGRESS_DIR/sql" ]]; then
  echo "run.sh: --regress-dir must name PostgreSQL 15's src/test/regress (with sql/ and data/)" >&2
  exit 2
fi
if [[ ! -x /usr/lib/postgresql/15/bin/initdb || ! -x /usr/bin/psql ]]; then
  echo "run.sh: needs PostgreSQL 15 (Debian packages postgresql-15, postgresql-client-15)" >&2
  exit 2
fi
if [[ "$BUILD" == 1 ]]; then
  echo "[regress] building the node and the tool (mvn package -pl launcher,bench -am)" >&2
  (cd "$ROOT" && mvn -B -q $MVN_OFFLINE -DskipTests package -pl launcher,bench -am) >&2
fi
LABEL="$(git -C "$ROOT" rev-parse --abbrev-ref HEAD 2>/dev/null || echo '?') $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || true)"
cd "$ROOT"
exec java -cp "$ROOT/bench/target/benchmarks.jar" io.snapsync.bench.regress.RegressMain \
  --regress-dir "$(cd "$REGRESS_DIR" && pwd)" --home "$ROOT" --label "$LABEL" "${ARGS[@]}"
