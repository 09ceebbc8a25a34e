package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.StatementResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the catalog look-ups clients make on their own (not the user's statements), which
 * the SQL layer does not know: pgjdbc's and vertx-pg-client's {@code pg_type} look-up of a type
 * OID ({@code ... FROM pg_catalog.pg_type t ... WHERE t.oid = $1}). Everything else goes to the
 * session. Thread-safe.
 */
final class CatalogProbes {

  private static final Map<Integer, String> TYPE_NAMES = Map.of(
      16, "bool", 20, "int8", 23, "int4", 25, "text", 701, "float8", 1184, "timestamptz",
      2278, "void", 705, "unknown", 1043, "varchar", 21, "int2");
  private static final Pattern OID_LITERAL = Pattern.compile("\\.oid\\s*=\\s*'?(\\d+)'?");

  /** A result for {@code sql} when it is a probe this class answers. */
  Optional<StatementResult> answer(String sql, List<Object> params) {
    String lower = sql.toLowerCase(Locale.ROOT);
    if (!lower.contains("pg_type") || !lower.contains("typname")) {
      return Optional.empty();
    }
    Integer oid = null;
    if (!params.isEmpty() && params.get(0) != null) {
      try {
        oid = Integer.parseInt(params.get(0).toString().trim());
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    } else {
      Matcher m = OID_LITERAL.matcher(lower);
      if (m.find()) {
        oid = Integer.parseInt(m.group(1));
      }
    }
    if (oid == null) {
      return Optional.empty();
    }
    String name = TYPE_NAMES.get(oid);
    List<Column> cols = List.of(new Column("onpath", DataType.BOOL),
        new Column("nspname", DataType.TEXT), new Column("typname", DataType.TEXT));
    List<List<Object>> rows = name == null ? List.of() : List.of(List.of(true, "pg_catalog", name));
    return Optional.of(new StatementResult(cols, rows, "SELECT " + rows.size(), List.of()));
  }
}
