# A client that vanishes mid-transaction: its transaction is rolled back, others go on.
A: CREATE TABLE gone5 (id int PRIMARY KEY, v text);
A: BEGIN;
A: INSERT INTO gone5 VALUES (1, 'uncommitted');
A! kill
B: SELECT * FROM gone5;
B: INSERT INTO gone5 VALUES (1, 'committed');
B: SELECT * FROM gone5;
