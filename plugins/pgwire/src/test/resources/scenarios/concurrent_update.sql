# SPEC 4: a REPEATABLE READ writer of a row changed after its snapshot fails with 40001,
# also when the snapshot was imported.
A: CREATE TABLE acct4 (id int PRIMARY KEY, balance bigint);
A: INSERT INTO acct4 VALUES (1, 100), (2, 200);
A: BEGIN ISOLATION LEVEL REPEATABLE READ;
A: SELECT * FROM acct4 ORDER BY id;
B: UPDATE acct4 SET balance = 110 WHERE id = 1;
A: UPDATE acct4 SET balance = 120 WHERE id = 1;
A: SELECT * FROM acct4 ORDER BY id;
A: ROLLBACK;
A: BEGIN ISOLATION LEVEL REPEATABLE READ;
A[snap]: SELECT pg_export_snapshot();
B: BEGIN ISOLATION LEVEL REPEATABLE READ;
B: SET TRANSACTION SNAPSHOT '${snap}';
C: UPDATE acct4 SET balance = 210 WHERE id = 2;
B: UPDATE acct4 SET balance = 220 WHERE id = 2;
B: ROLLBACK;
A: COMMIT;
A: SELECT * FROM acct4 ORDER BY id;
