# SPEC 4: export in a subtransaction, export outside a block, PREPARE after an export.
# "X~:" steps differ from PostgreSQL where the SPEC says so; "=>" lines are the SPEC's outcome.
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
B~: SET TRANSACTION SNAPSHOT '${snap}';
=> ERROR:  42704: snapshot "${snap}" does not exist
B: ROLLBACK;
A: SELECT * FROM rules3;
# outside a block the snapshot dies with the implicit transaction at once
A[gone]: SELECT pg_export_snapshot();
B: BEGIN ISOLATION LEVEL REPEATABLE READ;
B~: SET TRANSACTION SNAPSHOT '${gone}';
=> ERROR:  42704: snapshot "${gone}" does not exist
B: ROLLBACK;
