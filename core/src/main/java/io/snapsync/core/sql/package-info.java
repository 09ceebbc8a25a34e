/**
 * The SQL database of snapsync: {@link io.snapsync.core.sql.Database} on a
 * {@link io.snapsync.storage.Store}.
 *
 * <h2>SQL subset</h2>
 * <ul>
 *   <li>{@code CREATE TABLE t (col type [PRIMARY KEY] [NOT NULL], ... [, PRIMARY KEY (col)])}
 *       with {@code text/varchar}, {@code int/integer/int4}, {@code bigint/int8},
 *       {@code boolean/bool}; one single-column primary key is required. {@code DROP TABLE [IF
 *       EXISTS]}. DDL is transactional (definitions are MVCC rows).</li>
 *   <li>{@code INSERT INTO t [(cols)] VALUES (...), ...}; {@code SELECT cols|*|count(*) FROM t
 *       [WHERE col op v [AND ...]] [ORDER BY col [ASC|DESC]] [LIMIT n]} with op one of
 *       {@code = <> != < <= > >=}; {@code UPDATE t SET col = v, ... [WHERE ...]} (not of the
 *       primary key); {@code DELETE FROM t [WHERE ...]}. Conditions on the primary key become
 *       point lookups or range scans. Values are literals or {@code $n} parameters.</li>
 *   <li>{@code SELECT expr [AS name], ...} without FROM, where expr is a literal or a call of
 *       a registered function (column named after the function); system tables from the
 *       {@link io.snapsync.core.spi.SystemTableRegistry} are read like tables.</li>
 *   <li>Transaction control, savepoints, two-phase commit, settings statements and
 *       {@code SET TRANSACTION SNAPSHOT}: see {@link io.snapsync.core.session.impl}.</li>
 * </ul>
 * A multi-statement string runs in one implicit transaction block (as PostgreSQL's simple
 * query), unless it contains its own BEGIN / COMMIT.
 *
 * <h2>Isolation</h2>
 * Snapshot isolation over committed data. READ COMMITTED takes a snapshot per statement and a
 * writer re-reads a locked row's newest committed version and re-evaluates WHERE (like
 * PostgreSQL's EvalPlanQual). REPEATABLE READ takes the snapshot at the first statement; a
 * writer of a row changed since then fails with 40001. SERIALIZABLE behaves exactly as
 * REPEATABLE READ (no predicate locks) except for the snapshot-import rules.
 *
 * <h2>Snapshot text</h2>
 * {@code pg_current_snapshot()} answers {@code xmin:xmax:xip} in PostgreSQL's shape, counted in
 * commit sequence numbers: visibility is by commit order, so {@code xmin == xmax ==
 * commitSeq + 1} and the in-progress list is empty. {@code pg_snapshot_xmin/xmax(text)} read
 * it back.
 */
package io.snapsync.core.sql;
