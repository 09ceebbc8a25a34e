# SPEC 4: a snapshot exported by A is imported by B; both read the same state while C commits.
A: CREATE TABLE acct1 (id int PRIMARY KEY, owner text, balance bigint);
A: INSERT INTO acct1 VALUES (1, 'ann', 100), (2, 'bob', 200);
A: BEGIN ISOLATION LEVEL REPEATABLE READ;
A: SELECT * FROM acct1 ORDER BY id;
A[snap]: SELECT pg_export_snapshot();
C: INSERT INTO acct1 VALUES (3, 'cid', 300);
C: UPDATE acct1 SET balance = 150 WHERE id = 1;
B: BEGIN ISOLATION LEVEL REPEATABLE READ;
B: SET TRANSACTION SNAPSHOT '${snap}';
B: SELECT * FROM acct1 ORDER BY id;
B: SELECT count(*) FROM acct1;
A: SELECT * FROM acct1 ORDER BY id;
A: COMMIT;
# the importer keeps the snapshot after the exporter ends, and can export it again
B: SELECT * FROM acct1 WHERE id = 1;
B[again]: SELECT pg_export_snapshot();
C: BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ;
C: SET TRANSACTION SNAPSHOT '${again}';
C: SELECT id, balance FROM acct1 ORDER BY id;
C: COMMIT;
B: COMMIT;
B: SELECT * FROM acct1 ORDER BY id;
