# SPEC 4: every check of SET TRANSACTION SNAPSHOT, in order, with its SQLSTATE and text.
# "X~:" steps differ from PostgreSQL where the SPEC says so; "=>" lines are the SPEC's outcome.
A: CREATE TABLE errs2 (id int PRIMARY KEY, v text);
A: INSERT INTO errs2 VALUES (1, 'one');
A: BEGIN ISOLATION LEVEL REPEATABLE READ;
A[snap]: SELECT pg_export_snapshot();
# 1. outside a transaction block: a warning, then the implicit READ COMMITTED transaction's
#    import check fails with 0A000, as in PostgreSQL
B: SET TRANSACTION SNAPSHOT '${snap}';
=> WARNING:  25P01: SET TRANSACTION can only be used in transaction blocks
# 2. after a query
B: BEGIN ISOLATION LEVEL REPEATABLE READ;
B: SELECT * FROM errs2;
B: SET TRANSACTION SNAPSHOT '${snap}';
B: ROLLBACK;
# 3. importer in READ COMMITTED
B: BEGIN;
B: SET TRANSACTION SNAPSHOT '${snap}';
B: ROLLBACK;
# 4. characters outside 0-9 A-F -
B: BEGIN ISOLATION LEVEL REPEATABLE READ;
B: SET TRANSACTION SNAPSHOT 'not-a-snapshot';
B: ROLLBACK;
# 5. well formed but unknown (PostgreSQL: 22023 invalid snapshot identifier)
B: BEGIN ISOLATION LEVEL REPEATABLE READ;
B~: SET TRANSACTION SNAPSHOT '00000000000A7128-1';
=> ERROR:  42704: snapshot "<snapshot-id>" does not exist
B: SELECT * FROM errs2;
B: ROLLBACK;
# 6. serializable importer of a repeatable-read export
B: BEGIN ISOLATION LEVEL SERIALIZABLE;
B: SET TRANSACTION SNAPSHOT '${snap}';
B: ROLLBACK;
# the exporter ends: the snapshot is gone
A: COMMIT;
B: BEGIN ISOLATION LEVEL REPEATABLE READ;
B~: SET TRANSACTION SNAPSHOT '${snap}';
=> ERROR:  42704: snapshot "${snap}" does not exist
B: ROLLBACK;
