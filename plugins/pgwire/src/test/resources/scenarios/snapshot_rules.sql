# Issue 16: the last snapshot-rule differences from PostgreSQL 15.
A: CREATE TABLE rules16 (id int PRIMARY KEY, v int);
A: INSERT INTO rules16 VALUES (1, 1), (2, 2);
# SET TRANSACTION SNAPSHOT outside a block: the implicit transaction's import checks still run.
A: SET TRANSACTION SNAPSHOT '0000000000000001-1';
=> WARNING:  25P01: SET TRANSACTION can only be used in transaction blocks
=> ERROR:  0A000: a snapshot-importing transaction must have isolation level SERIALIZABLE or REPEATABLE READ
A: SET default_transaction_isolation = 'repeatable read';
A: BEGIN;
A[snap]: SELECT pg_export_snapshot();
B: SET default_transaction_isolation = 'repeatable read';
B: SET TRANSACTION SNAPSHOT '${snap}';
A: COMMIT;
A: RESET default_transaction_isolation;
# A REPEATABLE READ delete of a row deleted after the snapshot.
A: BEGIN ISOLATION LEVEL REPEATABLE READ;
A: SELECT v FROM rules16 WHERE id = 1;
B: DELETE FROM rules16 WHERE id = 1;
A: DELETE FROM rules16 WHERE id = 1;
A: ROLLBACK;
A: BEGIN ISOLATION LEVEL REPEATABLE READ;
A: SELECT v FROM rules16 WHERE id = 2;
B: DELETE FROM rules16 WHERE id = 2;
A: UPDATE rules16 SET v = 3 WHERE id = 2;
A: ROLLBACK;
# Command tags and transaction_read_only outside a block.
A: START TRANSACTION ISOLATION LEVEL REPEATABLE READ;
A: SHOW transaction_read_only;
A: COMMIT;
A: SHOW transaction_read_only;
A: START TRANSACTION READ ONLY;
A: SHOW transaction_read_only;
A: COMMIT;
A: SHOW transaction_read_only;
A: SHOW transaction_isolation;
A: SHOW transaction_deferrable;
