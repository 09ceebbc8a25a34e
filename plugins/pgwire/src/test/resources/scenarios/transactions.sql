# Transaction control and settings through psql: isolation levels, savepoints, read-only
# blocks, two-phase commit across sessions.
A: CREATE TABLE tx7 (id int PRIMARY KEY, v text);
A: SHOW transaction_isolation;
A: SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ;
A: SHOW default_transaction_isolation;
A: BEGIN;
A: SHOW transaction_isolation;
A: COMMIT;
A: RESET default_transaction_isolation;
A: SET application_name = 'pgwire scenario';
A: SHOW application_name;
A: BEGIN;
A: SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;
A: SHOW transaction_isolation;
A: INSERT INTO tx7 VALUES (1, 'kept');
A: SAVEPOINT a;
A: INSERT INTO tx7 VALUES (2, 'rolled back');
A: SAVEPOINT b;
A: RELEASE SAVEPOINT b;
A: ROLLBACK TO SAVEPOINT a;
A: COMMIT;
A: SELECT * FROM tx7 ORDER BY id;
# "~": the engine tags START TRANSACTION as BEGIN (PostgreSQL: START TRANSACTION)
A~: START TRANSACTION READ ONLY;
A: INSERT INTO tx7 VALUES (3, 'read only');
A: ROLLBACK;
A: BEGIN;
A: INSERT INTO tx7 VALUES (4, 'prepared');
A: PREPARE TRANSACTION 'pgwire_tx7';
B: SELECT * FROM tx7 ORDER BY id;
B: COMMIT PREPARED 'pgwire_tx7';
B: SELECT * FROM tx7 ORDER BY id;
A: ROLLBACK PREPARED 'pgwire_tx7';
A: END;
A: ABORT;
