# psycopg2 (unmodified) against a server: parameters, copy_expert both ways, errors.
# Usage: python3 psycopg2_client.py HOST PORT USER PASSWORD. Prints what it saw, one item a line.
import io
import sys

import psycopg2

host, port, user, password = sys.argv[1:5]
conn = psycopg2.connect(host=host, port=int(port), user=user, password=password,
                        dbname="snapsync")
cur = conn.cursor()
cur.execute("CREATE TABLE pyt (id int PRIMARY KEY, name text, score bigint)")
conn.commit()
cur.executemany("INSERT INTO pyt VALUES (%s, %s, %s)", [(1, "alice", 15), (2, "o'brien", None)])
conn.commit()
cur.execute("SELECT id, name, score FROM pyt WHERE id >= %s ORDER BY id", (1,))
print(cur.fetchall())
print([d.name for d in cur.description])
cur.execute("SELECT %s::int + 1, %s::text, %s::bool, %s::bigint", (41, "x", True, 7))
print(cur.fetchone())
cur.copy_expert("COPY pyt FROM STDIN WITH (FORMAT csv)", io.StringIO("3,carol,25\n4,,\n"))
conn.commit()
out = io.StringIO()
cur.copy_expert("COPY pyt TO STDOUT WITH (FORMAT csv, HEADER)", out)
print(out.getvalue(), end="")
out = io.StringIO()
cur.copy_expert("COPY (SELECT id, name FROM pyt WHERE id > 2 ORDER BY id) TO STDOUT", out)
print(repr(out.getvalue()))
try:
    cur.execute("SELECT 1/0")
except psycopg2.Error as e:
    print("error", e.pgcode)
    conn.rollback()
cur.execute("SELECT count(*) FROM pyt")
print(cur.fetchone())
conn.close()
print("done")
