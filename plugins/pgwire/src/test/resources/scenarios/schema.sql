# Tables without a primary key, as PostgreSQL's regression suite starts (int4.sql): rows keyed by
# a hidden row id that never shows; duplicates are distinct rows. "A~:" steps: snapsync reports
# no position for these errors (PostgreSQL does); SQLSTATE and message must be PostgreSQL's.
A: CREATE TABLE INT4_TBL(f1 int4);
A: INSERT INTO INT4_TBL(f1) VALUES ('   0  ');
A: INSERT INTO INT4_TBL(f1) VALUES ('123456     ');
A: INSERT INTO INT4_TBL(f1) VALUES ('    -123456');
A~: INSERT INTO INT4_TBL(f1) VALUES ('34.5');
=> ERROR:  22P02: invalid input syntax for type integer: "34.5"
A: INSERT INTO INT4_TBL(f1) VALUES ('2147483647');
A: INSERT INTO INT4_TBL(f1) VALUES ('-2147483647');
A~: INSERT INTO INT4_TBL(f1) VALUES ('asdf');
=> ERROR:  22P02: invalid input syntax for type integer: "asdf"
A: SELECT * FROM INT4_TBL;
A: SELECT i.* FROM INT4_TBL i WHERE i.f1 <> 0;
A: INSERT INTO INT4_TBL VALUES (0), (0);
A: SELECT count(*) FROM INT4_TBL WHERE f1 = 0;
A: UPDATE INT4_TBL SET f1 = f1 + 1 WHERE f1 = 0;
A: SELECT * FROM INT4_TBL ORDER BY f1;
A: UPDATE INT4_TBL SET f1 = -f1 WHERE f1 IN (SELECT max(f1) FROM INT4_TBL) RETURNING *;
A: DELETE FROM INT4_TBL WHERE f1 = 1 RETURNING f1;
A: INSERT INTO INT4_TBL SELECT f1 FROM INT4_TBL WHERE f1 > 0;
A: SELECT * FROM INT4_TBL ORDER BY f1;
A: BEGIN;
A: DELETE FROM INT4_TBL;
A: SELECT count(*) FROM INT4_TBL;
A: ROLLBACK;
A: SELECT count(*) FROM INT4_TBL;
A: CREATE TABLE kl2 (a int NOT NULL, b text);
A~: INSERT INTO kl2 (b) VALUES ('x');
=> ERROR:  23502: null value in column "a" of relation "kl2" violates not-null constraint
A: INSERT INTO kl2 VALUES (1, 'x'), (1, 'x') ON CONFLICT DO NOTHING;
A~: INSERT INTO kl2 VALUES (1, 'y') ON CONFLICT (a) DO NOTHING;
=> ERROR:  42P10: there is no unique or exclusion constraint matching the ON CONFLICT specification
A: SELECT * FROM kl2;
A: CREATE TABLE ck (a int, b text, v int, PRIMARY KEY (a, b));
A: INSERT INTO ck VALUES (2, 'x', 0), (1, 'y', 0), (1, 'x', 0);
A~: INSERT INTO ck VALUES (1, 'x', 9);
=> ERROR:  23505: duplicate key value violates unique constraint "ck_pkey"
A~: INSERT INTO ck (a, v) VALUES (3, 1);
=> ERROR:  23502: null value in column "b" of relation "ck" violates not-null constraint
A: UPDATE ck SET a = 5, v = v + 1 WHERE b = 'y' RETURNING *;
A~: UPDATE ck SET a = 1 WHERE a = 2;
=> ERROR:  23505: duplicate key value violates unique constraint "ck_pkey"
A: DELETE FROM ck WHERE a = 1 AND b = 'x' RETURNING v;
A: SELECT * FROM ck ORDER BY a, b;
A: DROP TABLE ck;
A: DROP TABLE INT4_TBL;
A: DROP TABLE kl2;
