package io.snapsync.core.sql.ddl;

import io.snapsync.core.session.DataType;
import java.util.List;

/**
 * A DDL statement analyzed from the project grammar's syntax tree ({@link DdlParser}), ready
 * for {@link DdlEngine}. Immutable; independent of the session (cached by statement text).
 */
public sealed interface DdlStatement {

  /** The command tag PostgreSQL answers with ({@code CREATE TABLE}, {@code DROP TABLE}, ...). */
  String tag();

  /**
   * A column of CREATE TABLE or ALTER TABLE ADD COLUMN: {@code defaultSql} is the DEFAULT
   * expression's SQL text or null; {@code serial} asks for an owned sequence as default.
   */
  record ColumnSpec(String name, DataType type, int typmod, boolean notNull, String defaultSql,
      boolean serial) {
  }

  /** A CHECK constraint; {@code name} null for PostgreSQL's default name. */
  record CheckSpec(String name, String column, String sql) {
  }

  /**
   * {@code LIKE source} in CREATE TABLE: the source's columns go before column number
   * {@code position} of the new table's own columns.
   */
  record LikeSpec(String source, int position, boolean defaults, boolean constraints) {
  }

  /**
   * CREATE TABLE; {@code key}: the primary-key columns, empty for none; {@code asQuery}: the
   * query text of CREATE TABLE ... AS (then there are no columns), else null.
   */
  record CreateTable(String table, List<ColumnSpec> columns, List<String> key,
      List<CheckSpec> checks, boolean ifNotExists, List<LikeSpec> likes, String asQuery,
      List<UniqueSpec> uniques, List<ForeignKeySpec> foreignKeys) implements DdlStatement {
    /** A table of its own columns only. */
    public CreateTable(String table, List<ColumnSpec> columns, List<String> key,
        List<CheckSpec> checks, boolean ifNotExists) {
      this(table, columns, key, checks, ifNotExists, List.of(), null, List.of());
    }

    /** A table without FOREIGN KEY constraints. */
    public CreateTable(String table, List<ColumnSpec> columns, List<String> key,
        List<CheckSpec> checks, boolean ifNotExists, List<LikeSpec> likes, String asQuery,
        List<UniqueSpec> uniques) {
      this(table, columns, key, checks, ifNotExists, likes, asQuery, uniques, List.of());
    }

    @Override
    public String tag() {
      return "CREATE TABLE";
    }
  }

  /** DROP TABLE | SEQUENCE a, b. */
  record Drop(Kind kind, List<String> names, boolean ifExists, boolean cascade)
      implements DdlStatement {
    /** What is dropped. */
    public enum Kind { TABLE, SEQUENCE, VIEW }

    @Override
    public String tag() {
      return "DROP " + kind.name();
    }
  }

  /** TRUNCATE a, b [RESTART IDENTITY] [CASCADE]. */
  record Truncate(List<String> tables, boolean restartIdentity, boolean cascade)
      implements DdlStatement {
    public Truncate(List<String> tables, boolean restartIdentity) {
      this(tables, restartIdentity, false);
    }

    @Override
    public String tag() {
      return "TRUNCATE TABLE";
    }
  }

  /** CREATE SEQUENCE; null options take PostgreSQL's defaults. */
  record CreateSequence(String name, boolean ifNotExists, Long increment, Long min, Long max,
      Long start, Long cache, Boolean cycle) implements DdlStatement {
    @Override
    public String tag() {
      return "CREATE SEQUENCE";
    }
  }

  /** ALTER SEQUENCE s RESTART [WITH n] ({@code restartWith} null: its start value). */
  record AlterSequence(String name, boolean ifExists, boolean restart, Long restartWith)
      implements DdlStatement {
    @Override
    public String tag() {
      return "ALTER SEQUENCE";
    }
  }

  /**
   * ALTER TABLE [IF EXISTS] t action: {@code column} the column acted on (or the constraint
   * dropped), {@code newName} of a rename, {@code added} the added column, {@code check} the
   * added CHECK, {@code defaultSql} of SET DEFAULT, {@code actionIfExists} of the action's own
   * IF [NOT] EXISTS.
   */
  /**
   * A FOREIGN KEY of CREATE TABLE: its name (null: PostgreSQL's default), columns, the
   * referenced table and columns (null: its primary key) and the actions' SQL spelling.
   */
  record ForeignKeySpec(String name, List<String> columns, String refTable,
      List<String> refColumns, String onDelete, String onUpdate) {
  }

  /** A UNIQUE constraint of CREATE TABLE: its name (given or PostgreSQL's default), columns. */
  record UniqueSpec(String name, List<String> columns) {
  }

  record AlterTable(String table, boolean ifExists, Action action, String column,
      String newName, ColumnSpec added, CheckSpec check, String defaultSql,
      boolean actionIfExists, List<String> keyColumns, ForeignKeySpec foreignKey,
      ColumnSpec newType, String usingSql) implements DdlStatement {
    /** What ALTER TABLE does. */
    public enum Action {
      ADD_COLUMN, DROP_COLUMN, RENAME_COLUMN, RENAME_TABLE, SET_DEFAULT, DROP_DEFAULT,
      SET_NOT_NULL, DROP_NOT_NULL, ADD_CHECK, DROP_CONSTRAINT, ADD_PRIMARY_KEY, ADD_UNIQUE,
      /** ADD FOREIGN KEY ({@code foreignKey}). */
      ADD_FOREIGN_KEY,
      /** ALTER COLUMN TYPE: {@code newType} the type, {@code usingSql} USING's text or null. */
      ALTER_TYPE
    }

    /** An action without FOREIGN KEY or new type. */
    public AlterTable(String table, boolean ifExists, Action action, String column,
        String newName, ColumnSpec added, CheckSpec check, String defaultSql,
        boolean actionIfExists, List<String> keyColumns) {
      this(table, ifExists, action, column, newName, added, check, defaultSql, actionIfExists,
          keyColumns, null, null, null);
    }

    /** An action on no key columns. */
    public AlterTable(String table, boolean ifExists, Action action, String column,
        String newName, ColumnSpec added, CheckSpec check, String defaultSql,
        boolean actionIfExists) {
      this(table, ifExists, action, column, newName, added, check, defaultSql, actionIfExists,
          List.of());
    }

    @Override
    public String tag() {
      return "ALTER TABLE";
    }
  }

  /**
   * CREATE [OR REPLACE] VIEW v [(columns)] AS query: {@code columns} empty for the query's own
   * names, {@code query} the query's text as written.
   */
  record CreateView(String view, boolean replace, List<String> columns, String query)
      implements DdlStatement {
    @Override
    public String tag() {
      return "CREATE VIEW";
    }
  }

  /** ALTER VIEW [IF EXISTS] v RENAME TO w. */
  record AlterView(String view, boolean ifExists, String newName) implements DdlStatement {
    @Override
    public String tag() {
      return "ALTER VIEW";
    }
  }

  /**
   * CREATE TABLE with PARTITION BY, PARTITION OF or INHERITS ({@code placement}: the clauses,
   * bound values as written); run by {@link PartitionDdl} around the plain CREATE TABLE.
   */
  record CreatePlaced(CreateTable table, Partitioning placement) implements DdlStatement {
    @Override
    public String tag() {
      return "CREATE TABLE";
    }
  }

  /**
   * ALTER TABLE [IF EXISTS] t ATTACH PARTITION other bound | DETACH PARTITION other |
   * INHERIT other | NO INHERIT other ({@code bound} of ATTACH, as written).
   */
  record AlterPlacement(String table, boolean ifExists, Placement action, String other,
      PartitionBound bound) implements DdlStatement {
    /** The action. */
    public enum Placement { ATTACH, DETACH, INHERIT, NO_INHERIT }

    @Override
    public String tag() {
      return "ALTER TABLE";
    }
  }

  // ---- schema (session 5): CREATE / DROP / ALTER SCHEMA ----

  /** CREATE SCHEMA [IF NOT EXISTS] s [AUTHORIZATION role]; {@code authorization} null: the user. */
  record CreateSchema(String name, boolean ifNotExists, String authorization)
      implements DdlStatement {
    @Override
    public String tag() {
      return "CREATE SCHEMA";
    }
  }

  /** DROP SCHEMA [IF EXISTS] a, b [CASCADE | RESTRICT]. */
  record DropSchema(List<String> names, boolean ifExists, boolean cascade)
      implements DdlStatement {
    @Override
    public String tag() {
      return "DROP SCHEMA";
    }
  }

  /** ALTER SCHEMA s RENAME TO {@code newName} | OWNER TO {@code newOwner} (the other null). */
  record AlterSchema(String name, String newName, String newOwner) implements DdlStatement {
    @Override
    public String tag() {
      return "ALTER SCHEMA";
    }
  }
}
