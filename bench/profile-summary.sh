#!/usr/bin/env bash
# Summarizes a JFR recording of the snapsync node: `jfr summary`, then for
# jdk.ExecutionSample (threads running Java code) and jdk.NativeMethodSample (threads inside
# native code: RocksDB, fsync, sockets) the top frames, the first snapsync frame of each sample
# (which of our code led there), and samples per thread.
#   bench/profile-summary.sh FILE.jfr [TOP]
set -euo pipefail
FILE="$1"
TOP="${2:-20}"
echo "# JFR profile of the snapsync node during bench/run.sh"
echo
echo "## jfr summary"
jfr summary "$FILE" | sed -n '1,12p;/jdk.ExecutionSample/p;/jdk.NativeMethodSample/p;/jdk.ThreadPark /p;/jdk.GarbageCollection /p'

count() {
  sort | uniq -c | sort -rn | head -"$TOP" | awk '{n=$1; $1=""; printf "%7d %5.1f%%  %s\n", n, 100*n/T, $0}' T="$1"
}

summarize() {
  local event="$1" samples="$FILE.$1.txt" total
  jfr print --stack-depth 64 --events "$event" "$FILE" > "$samples"
  total="$(grep -c "^$event" "$samples" || true)"
  [[ "$total" -gt 0 ]] || { echo; echo "## $event: no samples"; return; }
  echo
  echo "## $event: $total samples — top frames"
  awk '/stackTrace = \[/ {getline; sub(/^ +/, ""); sub(/ +line:.*/, ""); print}' "$samples" | count "$total"
  echo
  echo "## $event — first io.snapsync frame of each sample (our code that led there)"
  awk '/stackTrace = \[/ {s=1; f=0; next} s && /^ *\]/ {if (!f) print "(no io.snapsync frame)"; s=0; next}
       s && /io\.snapsync\./ && !f {l=$0; sub(/^ +/, "", l); sub(/ +line:.*/, "", l); print l; f=1}' \
    "$samples" | count "$total"
  echo
  echo "## $event — first frame in io.snapsync.core / io.snapsync.plugins (the caller above storage)"
  awk '/stackTrace = \[/ {s=1; f=0; next} s && /^ *\]/ {if (!f) print "(none)"; s=0; next}
       s && /io\.snapsync\.(core|plugins)\./ && !f {l=$0; sub(/^ +/, "", l); sub(/ +line:.*/, "", l); print l; f=1}' \
    "$samples" | count "$total"
  echo
  echo "## $event — by thread (digits folded)"
  awk '/sampledThread = / {t=$0; sub(/.*sampledThread = "/, "", t); sub(/".*/, "", t); gsub(/[0-9]+/, "N", t); print t}' \
    "$samples" | count "$total"
  rm -f "$samples"
}

summarize jdk.ExecutionSample
summarize jdk.NativeMethodSample

# Where threads wait: jdk.ThreadPark (parks of 10 ms or more with the profile settings), total
# parked seconds by the first io.snapsync frame and by thread; jdk.ThreadStart by starter.
PARKS="$FILE.parks.txt"
jfr print --stack-depth 64 --events jdk.ThreadPark "$FILE" > "$PARKS"
echo
echo "## jdk.ThreadPark — parked seconds by first io.snapsync frame (waits of >= 10 ms)"
awk '
  function secs(v, u) { return u == "s" ? v : u == "ms" ? v / 1000 : u == "us" ? v / 1e6 : u == "ns" ? v / 1e9 : u == "min" ? v * 60 : v }
  /^jdk.ThreadPark/ {d=0; f=0; t=""}
  /^ *duration = / {d=secs($3, $4)}
  /^ *eventThread = / {t=$0; sub(/.*eventThread = "/, "", t); sub(/".*/, "", t); gsub(/[0-9]+/, "N", t)}
  /stackTrace = \[/ {s=1; next}
  s && /^ *\]/ {s=0; w = f ? w0 : "(no io.snapsync frame)"; by[w " [" t "]"] += d; n[w " [" t "]"]++; next}
  s && /io\.snapsync\./ && !f {w0=$0; sub(/^ +/, "", w0); sub(/ +line:.*/, "", w0); f=1}
  END {for (k in by) printf "%9.1f s %7d parks  %s\n", by[k], n[k], k}' "$PARKS" | sort -rn | head -"$TOP"
rm -f "$PARKS"
STARTS="$FILE.starts.txt"
jfr print --stack-depth 64 --events jdk.ThreadStart "$FILE" > "$STARTS"
TOTAL_STARTS="$(grep -c '^jdk.ThreadStart' "$STARTS" || true)"
echo
echo "## jdk.ThreadStart: $TOTAL_STARTS threads started — by new thread's name (digits folded)"
awk '/^ *thread = / {t=$0; sub(/.*thread = "/, "", t); sub(/".*/, "", t); gsub(/[0-9]+/, "N", t); print t}' "$STARTS" | count "$TOTAL_STARTS"
echo
echo "## jdk.ThreadStart — first io.snapsync frame of the starting stack"
awk '/stackTrace = \[/ {s=1; f=0; next} s && /^ *\]/ {if (!f) print "(no io.snapsync frame)"; s=0; next}
     s && /io\.snapsync\./ && !f {l=$0; sub(/^ +/, "", l); sub(/ +line:.*/, "", l); print l; f=1}' \
  "$STARTS" | count "$TOTAL_STARTS"
rm -f "$STARTS"
