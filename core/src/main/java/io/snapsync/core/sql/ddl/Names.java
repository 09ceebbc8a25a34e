package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/** Object names of DDL: unqualified, or qualified with {@code public} (the one schema). */
final class Names {

  private Names() {
  }

  /** The object's name; 3F000 for a schema other than {@code public}. */
  static String of(SqlNode node) {
    SqlIdentifier id = (SqlIdentifier) node;
    if (id.names.size() == 1) {
      return id.names.get(0);
    }
    String schema = id.names.get(id.names.size() - 2);
    if (id.names.size() > 3 || !schema.equals("public")) {
      throw SnapsyncException.error(SqlState.INVALID_SCHEMA_NAME, "ddl.schema_not_exist", schema);
    }
    return id.names.get(id.names.size() - 1);
  }

  /** A column or constraint name. */
  static String simple(SqlNode node) {
    return ((SqlIdentifier) node).getSimple();
  }
}
