#!/usr/bin/env bash
# Mixed SERIALIZABLE workload against a private PostgreSQL 15 and a private snapsync node
# (issue 16): throughput and 40001 abort rate of both, into bench/results/ssi/ssi.md.
#
#   bench/ssi/run.sh                     default: 1 and 4 clients, 5 s each, 100 accounts
#   bench/ssi/run.sh --clients 1,8,32 --seconds 20 --accounts 1000
#   bench/ssi/run.sh --offline           Maven offline;  --no-build: use the jars already built
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MVN_OFFLINE=""
BUILD=1
ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --offline) MVN_OFFLINE="-o"; shift ;;
    --no-build) BUILD=0; shift ;;
    --clients|--seconds|--accounts|--out|--isolation|--warmup-seconds) ARGS+=("$1" "$2"); shift 2 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [[ "$BUILD" == 1 ]]; then
  (cd "$ROOT" && mvn -B -q $MVN_OFFLINE -DskipTests package -pl launcher,bench -am) >&2
fi
cd "$ROOT"
exec java -cp "$ROOT/bench/target/benchmarks.jar" io.snapsync.bench.ssi.SsiBench \
  --home "$ROOT" "${ARGS[@]}"
