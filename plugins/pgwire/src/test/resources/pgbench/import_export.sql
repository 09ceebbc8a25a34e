\set id random(1, 20)
BEGIN ISOLATION LEVEL REPEATABLE READ;
SET TRANSACTION SNAPSHOT ':snap';
SELECT id, v FROM bench WHERE id = :id;
SELECT pg_export_snapshot();
COMMIT;
UPDATE bench SET v = :id WHERE id = :id;
