package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SqlState;

/** SQLSTATEs raised by DDL that {@link io.snapsync.core.error.SqlState} does not name yet. */
final class DdlStates {

  /** 23514 {@code new row for relation "t" violates check constraint "c"}. */
  static final String CHECK_VIOLATION = "23514";
  /** 42701 {@code column "a" specified more than once}. */
  static final String DUPLICATE_COLUMN = "42701";
  /** 2200H {@code nextval: reached maximum value of sequence "s" (n)}. */
  static final String SEQUENCE_GENERATOR_LIMIT_EXCEEDED = "2200H";
  /** 42809 {@code "s" is not a table}. */
  static final String WRONG_OBJECT_TYPE = "42809";
  /** 2BP01 {@code cannot drop column a of table t because other objects depend on it}. */
  static final String DEPENDENT_OBJECTS_STILL_EXIST = SqlState.DEPENDENT_OBJECTS_STILL_EXIST;
  /** 42P10 {@code invalid column reference}. */
  static final String INVALID_COLUMN_REFERENCE = "42P10";

  /** 42830 {@code there is no unique constraint matching given keys for referenced table}. */
  static final String INVALID_FOREIGN_KEY = "42830";
  /** 23503 {@code insert or update on table "t" violates foreign key constraint "c"}. */
  static final String FOREIGN_KEY_VIOLATION = "23503";

  private DdlStates() {
  }
}
