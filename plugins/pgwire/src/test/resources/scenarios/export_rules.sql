# SPEC 4: export in a subtransaction, export outside a block, PREPARE after an export.
A: CREATE TABLE rules3 (id int PRIMARY KEY, v text);
A: BEGIN ISOLATION LEVEL REPEATABLE READ;
A: SAVEPOINT s1;
A: SELECT pg_export_snapshot();
A: ROLLBACK TO SAVEPOINT s1;
A: RELEASE SAVEPOINT s1;
A[snap]: SELECT pg_export_snapshot();
A: INSERT INTO rules3 VALUES (1, 'x');
A: PREPARE TRANSACTION 'pgwire_rules3';
B: BEGIN ISOLATION LEVEL REPEATABLE READ;
B: SET TRANSACTION SNAPSHOT '${snap}';
B: ROLLBACK;
A: SELECT * FROM rules3;
# outside a block the snapshot dies with the implicit transaction at once
A[gone]: SELECT pg_export_snapshot();
B: BEGIN ISOLATION LEVEL REPEATABLE READ;
B: SET TRANSACTION SNAPSHOT '${gone}';
B: ROLLBACK;
