\set id random(1, 20)
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT id, v FROM bench WHERE id = :id;
SELECT pg_export_snapshot();
END;
UPDATE bench SET v = :id WHERE id = :id;
