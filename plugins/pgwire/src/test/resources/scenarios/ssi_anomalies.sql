# Issue 16: SERIALIZABLE refuses the anomalies of snapshot isolation as PostgreSQL 15 does
# (40001 at the same step), REPEATABLE READ lets them through.
# Write skew (the on-call doctors).
A: CREATE TABLE ssi_doctors (name text PRIMARY KEY, oncall boolean);
A: INSERT INTO ssi_doctors VALUES ('alice', true), ('bob', true);
A: BEGIN ISOLATION LEVEL SERIALIZABLE;
B: BEGIN ISOLATION LEVEL SERIALIZABLE;
A: SELECT count(*) FROM ssi_doctors WHERE oncall;
B: SELECT count(*) FROM ssi_doctors WHERE oncall;
A: UPDATE ssi_doctors SET oncall = false WHERE name = 'alice';
B: UPDATE ssi_doctors SET oncall = false WHERE name = 'bob';
A: COMMIT;
B: COMMIT;
A: SELECT name, oncall FROM ssi_doctors ORDER BY name;
A: UPDATE ssi_doctors SET oncall = true;
A: BEGIN ISOLATION LEVEL REPEATABLE READ;
B: BEGIN ISOLATION LEVEL REPEATABLE READ;
A: SELECT count(*) FROM ssi_doctors WHERE oncall;
B: SELECT count(*) FROM ssi_doctors WHERE oncall;
A: UPDATE ssi_doctors SET oncall = false WHERE name = 'alice';
B: UPDATE ssi_doctors SET oncall = false WHERE name = 'bob';
A: COMMIT;
B: COMMIT;
A: SELECT name, oncall FROM ssi_doctors ORDER BY name;
# The read-only transaction anomaly (Fekete et al.; PostgreSQL's read-only-anomaly-2).
A: CREATE TABLE ssi_bank (id text PRIMARY KEY, balance int);
A: INSERT INTO ssi_bank VALUES ('X', 0), ('Y', 0);
B: BEGIN ISOLATION LEVEL SERIALIZABLE;
B: SELECT balance FROM ssi_bank WHERE id = 'X';
B: SELECT balance FROM ssi_bank WHERE id = 'Y';
A: BEGIN ISOLATION LEVEL SERIALIZABLE;
A: SELECT balance FROM ssi_bank WHERE id = 'Y';
A: UPDATE ssi_bank SET balance = 20 WHERE id = 'Y';
A: COMMIT;
C: BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY;
C: SELECT id, balance FROM ssi_bank WHERE id IN ('X', 'Y') ORDER BY id;
C: COMMIT;
B: UPDATE ssi_bank SET balance = -11 WHERE id = 'X';
B: COMMIT;
A: SELECT id, balance FROM ssi_bank ORDER BY id;
# The deposit report (batch processing) of PostgreSQL's SSI documentation.
A: CREATE TABLE ssi_control (id int PRIMARY KEY, deposit_no int);
A: CREATE TABLE ssi_receipt (receipt_no int PRIMARY KEY, deposit_no int, payee text, amount int);
A: INSERT INTO ssi_control VALUES (1, 1);
A: INSERT INTO ssi_receipt VALUES (1, 1, 'Crosby', 100), (2, 1, 'Stills', 200), (3, 1, 'Nash', 300);
A: BEGIN ISOLATION LEVEL SERIALIZABLE;
A: SELECT deposit_no FROM ssi_control;
B: BEGIN ISOLATION LEVEL SERIALIZABLE;
B: UPDATE ssi_control SET deposit_no = 2;
B: COMMIT;
C: BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY;
C: SELECT deposit_no FROM ssi_control;
C: SELECT count(*) FROM ssi_receipt WHERE deposit_no = 1;
A: INSERT INTO ssi_receipt VALUES (4, 1, 'Young', 100);
A: COMMIT;
C: COMMIT;
A: SELECT count(*) FROM ssi_receipt WHERE deposit_no = 1;
