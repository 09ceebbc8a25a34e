package io.snapsync.core.sql.index;

import io.snapsync.core.sql.parse.Stmt;
import java.util.List;

/** The index statements: CREATE INDEX, DROP INDEX and ANALYZE. */
public sealed interface IndexStmt extends Stmt.Extension {

  @Override
  default String kind() {
    return "DDL";
  }

  /** One indexed column: its name, DESC, and NULLS FIRST ({@code null}: the default). */
  record Element(String column, boolean descending, Boolean nullsFirst) {
    /** PostgreSQL's default: NULLS FIRST for DESC, NULLS LAST for ASC. */
    public boolean nullsFirstOrDefault() {
      return nullsFirst != null ? nullsFirst : descending;
    }
  }

  /** {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON table (...)}. */
  record CreateIndex(String name, String table, boolean unique, boolean ifNotExists,
      List<Element> elements, boolean concurrently) implements IndexStmt {
    public CreateIndex(String name, String table, boolean unique, boolean ifNotExists,
        List<Element> elements) {
      this(name, table, unique, ifNotExists, elements, false);
    }
  }

  /** {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] name [, ...]}. */
  record DropIndex(List<String> names, boolean ifExists) implements IndexStmt {
  }

  /**
   * {@code VACUUM [options] [table [, ...]]}: reclaims the versions no snapshot can see (the
   * store's reclaim, which honours every pin), then with {@code ANALYZE} collects statistics.
   */
  record Vacuum(List<String> tables, boolean analyze) implements IndexStmt {
    @Override
    public String kind() {
      return "UTILITY";
    }
  }

  /** {@code ANALYZE [VERBOSE] [table [, ...]]}: every table when {@code tables} is empty. */
  record Analyze(List<String> tables) implements IndexStmt {
    @Override
    public String kind() {
      return "UTILITY";
    }
  }
}
