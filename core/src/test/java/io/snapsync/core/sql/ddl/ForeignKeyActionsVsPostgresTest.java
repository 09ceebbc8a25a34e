package io.snapsync.core.sql.ddl;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FOREIGN KEY referential actions, ALTER TABLE ADD / DROP CONSTRAINT of a foreign key and
 * self-references of temporary tables answer as PostgreSQL 15: the same statements on both,
 * each answer (first value, or the error) compared.
 */
class ForeignKeyActionsVsPostgresTest {

  @TempDir
  Path dir;

  @Test
  void selfReferencingTemporaryTableAsPostgres() throws Exception {
    PartitionSideBySide.assertSame(dir, List.of(
        "create temp table tree (id int primary key, parent int references tree)",
        "insert into tree values (1, null), (2, 1), (3, 2)",
        "insert into tree values (4, 9)",
        "delete from tree where id = 1",
        "create temp table tree2 (id int primary key, up int,"
            + " foreign key (up) references tree2 (id) on delete cascade)",
        "insert into tree2 values (1, null), (2, 1), (3, 2), (4, null)",
        "delete from tree2 where id = 1",
        "select string_agg(id::text, ',' order by id) from tree2",
        "create table perm (id int primary key, up int references perm)",
        "insert into perm values (1, null), (2, 1)",
        "select count(*) from perm"));
  }

  @Test
  void onDeleteAndUpdateActionsAsPostgres() throws Exception {
    PartitionSideBySide.assertSame(dir, List.of(
        "create table p (id int primary key, code text unique)",
        "create table c_cascade (id int primary key, pid int references p on delete cascade"
            + " on update cascade)",
        "create table c_null (id int primary key, pid int references p on delete set null"
            + " on update set null)",
        "create table c_default (id int primary key, pid int default 0 references p"
            + " on delete set default)",
        "create table c_restrict (id int primary key, pcode text references p (code)"
            + " on delete restrict)",
        "select string_agg(conname || ':' || confupdtype::text || confdeltype::text"
            + " || confmatchtype::text || ':'"
            + " || pg_get_constraintdef(oid), '; ' order by conname) from pg_constraint"
            + " where contype = 'f'",
        "insert into p values (0, 'zero'), (1, 'a'), (2, 'b'), (3, 'c')",
        "insert into c_cascade values (10, 1), (11, 1), (12, 2)",
        "insert into c_null values (20, 1), (21, 2)",
        "insert into c_default values (30, 1), (31, 3)",
        "insert into c_restrict values (40, 'c')",
        "delete from p where id = 1",
        "select string_agg(id || ':' || pid, ',' order by id) from c_cascade",
        "select string_agg(id || ':' || coalesce(pid::text, 'null'), ',' order by id) from c_null",
        "select string_agg(id || ':' || pid, ',' order by id) from c_default",
        "update p set id = 7 where id = 2",
        "select string_agg(id || ':' || pid, ',' order by id) from c_cascade",
        "select string_agg(id || ':' || coalesce(pid::text, 'null'), ',' order by id) from c_null",
        "delete from p where id = 3",
        "delete from p where id = 0",
        "delete from c_restrict",
        "delete from p where id = 3",
        "select string_agg(id || ':' || pid, ',' order by id) from c_default",
        "delete from p where id = 0",
        "delete from c_default",
        "delete from p where id = 0",
        "select count(*) from p"));
  }

  @Test
  void cascadeGoesOnThroughTheNextTableAsPostgres() throws Exception {
    PartitionSideBySide.assertSame(dir, List.of(
        "create table a (id int primary key)",
        "create table b (id int primary key, aid int references a on delete cascade)",
        "create table c (id int primary key, bid int references b on delete cascade)",
        "create table d (id int primary key, cid int not null references c on delete set null)",
        "insert into a values (1), (2)",
        "insert into b values (10, 1), (20, 2)",
        "insert into c values (100, 10), (200, 20)",
        "insert into d values (1000, 200)",
        "delete from a where id = 1",
        "select count(*) from c",
        "delete from a where id = 2",
        "select count(*) from b",
        "delete from d",
        "delete from a where id = 2",
        "select count(*) from b"));
  }

  @Test
  void alterTableAddForeignKeyAsPostgres() throws Exception {
    PartitionSideBySide.assertSame(dir, List.of(
        "create table pk (id int primary key, n int)",
        "create table fk (id int primary key, pid int)",
        "insert into pk values (1, 1), (2, 2)",
        "insert into fk values (10, 1), (11, 5)",
        "alter table fk add foreign key (pid) references pk",
        "alter table fk add constraint fk_named foreign key (pid) references pk (n)",
        "delete from fk where id = 11",
        "alter table fk add foreign key (pid) references pk on delete cascade",
        "alter table fk add constraint fk_pid_fkey foreign key (pid) references pk",
        "alter table fk add foreign key (nope) references pk",
        "alter table fk add foreign key (pid) references nosuch",
        "insert into fk values (12, 3)",
        "delete from pk where id = 1",
        "select count(*) from fk",
        "alter table fk drop constraint fk_pid_fkey",
        "insert into fk values (12, 3)",
        "alter table fk drop constraint fk_pid_fkey",
        "drop table pk",
        "alter table fk add constraint self foreign key (pid) references fk",
        "insert into fk values (13, 12)",
        "insert into fk values (14, 99)",
        "select count(*) from fk"));
  }
}
