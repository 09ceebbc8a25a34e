# DML through the engine: expressions, subqueries, INSERT ... SELECT from the same table,
# RETURNING, primary-key updates, TRUNCATE and their errors. "A~:" steps: snapsync reports no
# position for these errors (PostgreSQL does); SQLSTATE and message must be PostgreSQL's.
A: CREATE TABLE dml1 (id int PRIMARY KEY, v text, n bigint NOT NULL);
A: INSERT INTO dml1 VALUES (1, 'a', 10), (2, 'b', 20);
A: INSERT INTO dml1 VALUES (1 + 2, upper('c'), 30) RETURNING id, v;
A: INSERT INTO dml1 (n, id) VALUES (40, 4) RETURNING *;
A: INSERT INTO dml1 SELECT id + 10, v || 'x', n * 2 FROM dml1;
A: SELECT * FROM dml1 ORDER BY id;
A: UPDATE dml1 SET n = n + 1 WHERE id IN (SELECT id FROM dml1 WHERE v = 'a');
A: UPDATE dml1 SET id = id + 100 WHERE id = 2 RETURNING id, n;
A: UPDATE dml1 SET id = 1 WHERE id = 3;
A: DELETE FROM dml1 WHERE id = 4 RETURNING *;
A: DELETE FROM dml1 WHERE n >= 60;
A: UPDATE dml1 SET v = v || '!' WHERE id > 10;
A: INSERT INTO dml1 (id) VALUES (9);
A: SELECT * FROM dml1 ORDER BY id;
A~: INSERT INTO dml1 VALUES (9, 'x', 1, 2);
=> ERROR:  42601: INSERT has more expressions than target columns
A~: INSERT INTO dml1 (id, v) VALUES (9);
=> ERROR:  42601: INSERT has more target columns than expressions
A~: UPDATE dml1 SET nope = 1;
=> ERROR:  42703: column "nope" of relation "dml1" does not exist
A~: INSERT INTO dml1 VALUES ('abc', 'x', 1);
=> ERROR:  22P02: invalid input syntax for type integer: "abc"
A~: DELETE FROM dml1_missing;
=> ERROR:  42P01: relation "dml1_missing" does not exist
A: INSERT INTO dml1 VALUES (1, 'z', 1), (20, 'new', 2) ON CONFLICT DO NOTHING;
A: INSERT INTO dml1 VALUES (1, 'z', 1) ON CONFLICT (id) DO UPDATE SET v = excluded.v || dml1.v, n = dml1.n + excluded.n RETURNING *;
A: INSERT INTO dml1 VALUES (1, 'z', 1) ON CONFLICT (id) DO UPDATE SET n = 0 WHERE dml1.n > 100;
A~: INSERT INTO dml1 VALUES (1, 'z', 1) ON CONFLICT (v) DO NOTHING;
=> ERROR:  42P10: there is no unique or exclusion constraint matching the ON CONFLICT specification
A: SELECT * FROM dml1 ORDER BY id;
A: BEGIN;
A: TRUNCATE dml1;
A: SELECT count(*) FROM dml1;
A: ROLLBACK;
A: SELECT count(*) FROM dml1;
A: TRUNCATE TABLE dml1;
A: SELECT count(*) FROM dml1;
A: DROP TABLE dml1;
