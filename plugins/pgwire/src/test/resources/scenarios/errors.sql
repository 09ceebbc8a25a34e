# Error fields as psql shows them: SQLSTATE, message, position (LINE / caret), failed blocks.
# "X~:" steps: snapsync reports no position for undefined tables and columns (PostgreSQL
# does); their SQLSTATE and message must still be PostgreSQL's ("=>").
A: CREATE TABLE err6 (id int PRIMARY KEY, v text);
A: INSERT INTO err6 VALUES (1, 'one');
A: SELEC 1;
A~: SELECT * FROM err6_missing;
=> ERROR:  42P01: relation "err6_missing" does not exist
A~: SELECT nope FROM err6;
=> ERROR:  42703: column "nope" does not exist
A: INSERT INTO err6 VALUES (1, 'dup');
A: CREATE TABLE err6 (id int PRIMARY KEY);
A: BEGIN;
A: INSERT INTO err6 VALUES (2, 'two');
A: INSERT INTO err6 VALUES (1, 'dup');
A: SELECT * FROM err6;
A: COMMIT;
A: SELECT * FROM err6 ORDER BY id;
A: SHOW no_such_setting;
A: SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;
A: ROLLBACK;
A: RELEASE SAVEPOINT nope;
A: BEGIN;
A: ROLLBACK TO SAVEPOINT nope;
A: ROLLBACK;
A: DROP TABLE err6;
A~: SELECT * FROM err6;
=> ERROR:  42P01: relation "err6" does not exist
