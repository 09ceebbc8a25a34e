#!/usr/bin/python3
"""Many pgwire connections, each exporting a snapshot (issue 15, memory).

Opens N connections to a running snapsync node (psycopg2 / libpq, one process), in steps;
after each step every connection opened so far holds an open REPEATABLE READ transaction
with one exported snapshot (--export) or sits idle. Prints, per step: connections, the node's
live heap after a full GC (jcmd GC.class_histogram total), bytes per connection over the
base, and the export latency (p50/p99 of BEGIN + pg_export_snapshot(), microseconds).

  bench/connections.py --port 25443 --password PW --pid NODE_PID --steps 100,1000,10000 [--export]

The connection count is bounded by the open-file limit of this process and of the node
(ulimit -n); the script says where it stopped.
"""
import argparse
import re
import resource
import subprocess
import sys
import time

import psycopg2


def live_heap(pid):
    out = subprocess.run(["jcmd", str(pid), "GC.class_histogram"], capture_output=True,
                         text=True, check=True).stdout
    m = re.search(r"^Total\s+\d+\s+(\d+)", out, re.M)
    return int(m.group(1))


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p))] if xs else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--user", default="admin")
    ap.add_argument("--password", required=True)
    ap.add_argument("--pid", type=int, required=True, help="the node's process id (jcmd)")
    ap.add_argument("--steps", default="100,1000,10000")
    ap.add_argument("--export", action="store_true")
    a = ap.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    steps = [int(s) for s in a.steps.split(",")]
    base = live_heap(a.pid)
    print(f"open-file limit {hard}; base live heap {base / 1e6:.1f} MB", flush=True)
    print("| connections | exports | live heap MB | bytes per connection | export p50 us | export p99 us |")
    print("|---:|---:|---:|---:|---:|---:|")
    conns = []
    for target in steps:
        lat = []
        stopped = False
        try:
            while len(conns) < target:
                c = psycopg2.connect(host=a.host, port=a.port, user=a.user, password=a.password,
                                     dbname="snapsync")
                conns.append(c)
                if a.export:
                    cur = c.cursor()
                    t0 = time.perf_counter()
                    cur.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
                    cur.execute("SELECT pg_export_snapshot()")
                    cur.fetchone()
                    lat.append((time.perf_counter() - t0) * 1e6)
        except Exception as e:  # the limit of this machine: report and stop
            print(f"stopped at {len(conns)} connections: {str(e).strip()}", file=sys.stderr)
            stopped = True
        heap = live_heap(a.pid)
        per = (heap - base) / max(1, len(conns))
        n_exp = len(conns) if a.export else 0
        print(f"| {len(conns)} | {n_exp} | {heap / 1e6:.1f} | {per:.0f} | "
              f"{pct(lat, 0.5):.0f} | {pct(lat, 0.99):.0f} |", flush=True)
        if stopped:
            break
    for c in conns:
        c.close()


if __name__ == "__main__":
    main()
