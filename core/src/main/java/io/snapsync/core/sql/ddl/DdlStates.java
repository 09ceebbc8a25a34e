package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SqlState;

/** The SQLSTATEs DDL raises, by the {@link SqlState} names the DDL code uses. */
final class DdlStates {

  /** 23514 {@code new row for relation "t" violates check constraint "c"}. */
  static final String CHECK_VIOLATION = SqlState.CHECK_VIOLATION;
  /** 42701 {@code column "a" specified more than once}. */
  static final String DUPLICATE_COLUMN = SqlState.DUPLICATE_COLUMN;
  /** 2200H {@code nextval: reached maximum value of sequence "s" (n)}. */
  static final String SEQUENCE_GENERATOR_LIMIT_EXCEEDED =
      SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED;
  /** 42809 {@code "s" is not a table}. */
  static final String WRONG_OBJECT_TYPE = SqlState.WRONG_OBJECT_TYPE;
  /** 2BP01 {@code cannot drop column a of table t because other objects depend on it}. */
  static final String DEPENDENT_OBJECTS_STILL_EXIST = SqlState.DEPENDENT_OBJECTS_STILL_EXIST;
  /** 42P10 {@code invalid column reference}. */
  static final String INVALID_COLUMN_REFERENCE = SqlState.INVALID_COLUMN_REFERENCE;

  /** 42830 {@code there is no unique constraint matching given keys for referenced table}. */
  static final String INVALID_FOREIGN_KEY = SqlState.INVALID_FOREIGN_KEY;
  /** 23503 {@code insert or update on table "t" violates foreign key constraint "c"}. */
  static final String FOREIGN_KEY_VIOLATION = SqlState.FOREIGN_KEY_VIOLATION;

  private DdlStates() {
  }
}
