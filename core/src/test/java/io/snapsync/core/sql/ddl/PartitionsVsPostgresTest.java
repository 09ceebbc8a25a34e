package io.snapsync.core.sql.ddl;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Declarative partitioning answers as PostgreSQL 15: CREATE TABLE ... PARTITION BY / PARTITION
 * OF, routing of INSERT into the partitions, reads through the parent and of one partition,
 * UPDATE moving rows between partitions, DELETE, the bound checks and their errors.
 */
class PartitionsVsPostgresTest {

  @TempDir
  Path dir;

  @Test
  void rangePartitionsRouteAndReadAsPostgres() throws Exception {
    PartitionSideBySide.assertSame(dir, List.of(
        "create table m (id int, v text, primary key (id)) partition by range (id)",
        "create table m1 partition of m for values from (minvalue) to (10)",
        "create table m2 partition of m for values from (10) to (20)",
        "insert into m values (1, 'a'), (15, 'b'), (5, 'c')",
        "insert into m values (25, 'z')",
        "select string_agg(id || v, ',' order by id) from m",
        "select string_agg(id || v, ',' order by id) from m1",
        "select string_agg(id || v, ',' order by id) from m2",
        "select count(*) from m where id >= 5",
        "create table m3 partition of m for values from (15) to (30)",
        "create table m3 partition of m for values from (30) to (20)",
        "create table m3 partition of m for values in (40)",
        "create table m3 partition of m default",
        "insert into m values (25, 'z'), (99, 'y')",
        "select string_agg(id || v, ',' order by id) from m3",
        "create table m4 partition of m for values from (20) to (30)",
        "update m set id = id + 10 where id = 5",
        "select string_agg(id || v, ',' order by id) from m2",
        "select string_agg(id || v, ',' order by id) from m1",
        "update m set v = 'q' where v = 'b'",
        "select string_agg(id || v, ',' order by id) from m",
        "insert into m1 values (50, 'no')",
        "insert into m values (1, 'dup')",
        "delete from m where id > 20",
        "select count(*) from m",
        "select count(*) from m3",
        "drop table m",
        "select count(*) from m1"));
  }

  @Test
  void listAndHashPartitionsRouteAsPostgres() throws Exception {
    PartitionSideBySide.assertSame(dir, List.of(
        "create table l (k text, n int) partition by list (k)",
        "create table l_ab partition of l for values in ('a', 'b')",
        "create table l_c partition of l for values in ('c', null)",
        "create table l_x partition of l for values in ('b', 'x')",
        "insert into l values ('a', 1), ('b', 2), ('c', 3), (null, 4)",
        "insert into l values ('d', 5)",
        "select string_agg(n::text, ',' order by n) from l_ab",
        "select string_agg(n::text, ',' order by n) from l_c",
        "create table h (id int, v int) partition by hash (id)",
        "create table h0 partition of h for values with (modulus 4, remainder 0)",
        "create table h1 partition of h for values with (modulus 4, remainder 1)",
        "create table h2 partition of h for values with (modulus 4, remainder 2)",
        "create table h3 partition of h for values with (modulus 4, remainder 3)",
        "create table h4 partition of h for values with (modulus 3, remainder 0)",
        "create table h5 partition of h for values with (modulus 2, remainder 0)",
        "create table h6 partition of h default",
        "insert into h select g, g from generate_series(1, 40) g",
        "select string_agg(id::text, ',' order by id) from h0",
        "select string_agg(id::text, ',' order by id) from h1",
        "select string_agg(id::text, ',' order by id) from h3",
        "select count(*) from h"));
  }

  @Test
  void partitionKeyRulesAsPostgres() throws Exception {
    PartitionSideBySide.assertSame(dir, List.of(
        "create table k (a int, b int, primary key (a)) partition by range (b)",
        "create table k (a int, b int) partition by range (c)",
        "create table k (a int, b int) partition by list (a, b)",
        "create table k (a int, b int) partition by range (a, b)",
        "create table k1 partition of k for values from (1) to (2)",
        "create table k1 partition of k for values from (1, 1) to (2, 0)",
        "create table k2 partition of k for values in (1)",
        "create table k2 partition of k for values from (2, minvalue) to (3, maxvalue)",
        "create table k3 partition of k for values from (2, 5) to (2, 6)",
        "create table plain (a int)",
        "create table p1 partition of plain for values in (1)",
        "create table p1 partition of nosuch for values in (1)",
        "insert into k values (1, 5), (2, 3)",
        "select string_agg(a || ':' || b, ',' order by a) from k2",
        "select count(*) from k"));
  }
}
