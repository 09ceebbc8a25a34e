#!/usr/bin/env bash
# Summarizes a JFR recording of the snapsync node: `jfr summary`, then from
# `jfr print --events jdk.ExecutionSample` the top frames (where CPU samples were taken), the
# first snapsync frame of each sample (which of our code led there), and samples per thread.
#   bench/profile-summary.sh FILE.jfr [TOP]
set -euo pipefail
FILE="$1"
TOP="${2:-25}"
echo "# JFR profile of the snapsync node during bench/run.sh"
echo
echo "## jfr summary (event counts)"
jfr summary "$FILE" | sed -n '1,12p;/jdk.ExecutionSample/p;/jdk.ObjectAllocationSample/p;/jdk.GarbageCollection /p'
jfr print --events jdk.ExecutionSample "$FILE" > "$FILE.samples.txt"
count() {
  sort | uniq -c | sort -rn | head -"$TOP" | awk '{n=$1; $1=""; printf "%7d %5.1f%%  %s\n", n, 100*n/T, $0}' T="$1"
}
TOTAL="$(grep -c '^jdk.ExecutionSample' "$FILE.samples.txt" || true)"
echo
echo "## $TOTAL execution samples: top frames (self time)"
awk '/stackTrace = \[/ {getline; sub(/^ +/, ""); sub(/ +line:.*/, ""); print}' "$FILE.samples.txt" | count "$TOTAL"
echo
echo "## first io.snapsync frame of each sample (inclusive: our code on the stack)"
awk '/stackTrace = \[/ {s=1; next} s && /^ *\]/ {if (!f) print "(no io.snapsync frame)"; s=0; f=0; next}
     s && /io\.snapsync\./ && !f {l=$0; sub(/^ +/, "", l); sub(/ +line:.*/, "", l); print l; f=1}' \
  "$FILE.samples.txt" | count "$TOTAL"
echo
echo "## samples by package of the top frame"
awk '/stackTrace = \[/ {getline; sub(/^ +/, ""); sub(/\(.*/, ""); n=split($0, p, "."); pk=p[1]; for (i=2; i<n-1 && i<=4; i++) pk=pk "." p[i]; print pk}' \
  "$FILE.samples.txt" | count "$TOTAL"
echo
echo "## samples by thread (pool names without numbers)"
awk '/sampledThread = / {t=$0; sub(/.*sampledThread = "/, "", t); sub(/".*/, "", t); gsub(/[0-9]+/, "N", t); print t}' \
  "$FILE.samples.txt" | count "$TOTAL"
rm -f "$FILE.samples.txt"
