package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;

/**
 * Calcite's validation errors as PostgreSQL's: SQLSTATE and catalog text, with the position
 * of the offending construct. Anything not recognised is 42601-free 0A000/42804 with our own
 * text, never Calcite's.
 */
final class ValidationErrors {

  /** SQLSTATEs SqlState does not name. */
  static final String AMBIGUOUS_COLUMN = io.snapsync.core.error.SqlState.AMBIGUOUS_COLUMN;
  static final String GROUPING_ERROR = io.snapsync.core.error.SqlState.GROUPING_ERROR;
  static final String INVALID_COLUMN_REFERENCE = io.snapsync.core.error.SqlState.INVALID_COLUMN_REFERENCE;

  private static final Pattern OBJECT_NOT_FOUND = Pattern.compile(
      "Object '([^']*)' not found(?: within '[^']*')?");
  private static final Pattern TABLE_NOT_FOUND = Pattern.compile("Table '([^']*)' not found");
  private static final Pattern COLUMN_NOT_FOUND = Pattern.compile(
      "Column '([^']*)' not found in (?:any table|table '([^']*)')");
  private static final Pattern AMBIGUOUS = Pattern.compile("Column '([^']*)' is ambiguous");
  private static final Pattern NOT_GROUPED = Pattern.compile(
      "Expression '([^']*)' is not being grouped");
  private static final Pattern NO_FUNCTION = Pattern.compile(
      "No match found for function signature ([^(]*)\\((.*)\\)");
  private static final Pattern CANNOT_APPLY = Pattern.compile(
      "Cannot apply '([^']*)' to arguments of type '(.*)'\\..*", Pattern.DOTALL);
  private static final Pattern ORDINAL = Pattern.compile(
      "Ordinal out of range");

  private ValidationErrors() {
  }

  static SnapsyncException of(String sql, CalciteContextException e) {
    int pos = Positions.of(sql, e.getPosLine(), e.getPosColumn());
    String m = e.getCause() != null && e.getCause().getMessage() != null
        ? e.getCause().getMessage() : String.valueOf(e.getMessage());
    return map(m, e).withPosition(pos);
  }

  private static SnapsyncException map(String m, Throwable cause) {
    Matcher x;
    if ((x = OBJECT_NOT_FOUND.matcher(m)).find() || (x = TABLE_NOT_FOUND.matcher(m)).find()) {
      return SnapsyncException.error(SqlState.UNDEFINED_TABLE, "engine.relation_not_exist",
          x.group(1));
    }
    if ((x = COLUMN_NOT_FOUND.matcher(m)).find()) {
      return x.group(2) != null
          ? SnapsyncException.error(SqlState.UNDEFINED_COLUMN, "engine.column_not_exist",
              x.group(2) + "." + x.group(1))
          : SnapsyncException.error(SqlState.UNDEFINED_COLUMN, "engine.column_not_exist",
              x.group(1));
    }
    if ((x = AMBIGUOUS.matcher(m)).find()) {
      return SnapsyncException.error(AMBIGUOUS_COLUMN, "engine.column_ambiguous", x.group(1));
    }
    if ((x = NOT_GROUPED.matcher(m)).find()) {
      return SnapsyncException.error(GROUPING_ERROR, "engine.not_grouped",
          x.group(1).replace("`", "").toLowerCase(java.util.Locale.ROOT));
    }
    if ((x = NO_FUNCTION.matcher(m)).find()) {
      return SnapsyncException.error(SqlState.UNDEFINED_FUNCTION, "engine.function_not_exist",
          x.group(1).toLowerCase(java.util.Locale.ROOT), pgTypes(x.group(2)))
          .withHint("engine.function_not_exist.hint");
    }
    if ((x = CANNOT_APPLY.matcher(m)).find()) {
      String op = x.group(1);
      String args = pgTypes(x.group(2).replace(" ", "").replace("<", "").replace(">", ""));
      if (op.matches("[A-Za-z_]+")) {
        return SnapsyncException.error(SqlState.UNDEFINED_FUNCTION, "engine.function_not_exist",
            op.toLowerCase(java.util.Locale.ROOT), args)
            .withHint("engine.function_not_exist.hint");
      }
      String[] parts = args.split(", ");
      return parts.length == 2
          ? SnapsyncException.error(SqlState.UNDEFINED_FUNCTION, "engine.operator_not_exist",
              parts[0], op, parts[1]).withHint("engine.operator_not_exist.hint")
          : SnapsyncException.error(SqlState.UNDEFINED_FUNCTION, "engine.operator_unary",
              op, args).withHint("engine.operator_not_exist.hint");
    }
    if (ORDINAL.matcher(m).find()) {
      return SnapsyncException.error(INVALID_COLUMN_REFERENCE, "engine.ordinal_out_of_range");
    }
    if (m.contains("Aggregate expression is illegal in")
        || m.contains("Aggregate expressions cannot be nested")) {
      return SnapsyncException.error(GROUPING_ERROR, "engine.aggregate_misplaced");
    }
    if (m.contains("must be boolean") || m.contains("must have BOOLEAN")
        || m.contains("must be a condition")) {
      return SnapsyncException.error(SqlState.DATATYPE_MISMATCH, "engine.not_boolean");
    }
    if (m.contains("Type mismatch") || m.contains("Cannot assign")
        || m.contains("incompatible") || m.contains("Incompatible")) {
      return SnapsyncException.error(SqlState.DATATYPE_MISMATCH, "engine.type_mismatch");
    }
    if (m.contains("Column count mismatch") || m.contains("Set operator cannot combine")) {
      return SnapsyncException.error(SqlState.SYNTAX_ERROR, "engine.set_op_columns");
    }
    return SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "engine.unsupported_query")
        .withCause(cause);
  }

  /** Calcite's type list ({@code <INTEGER>, <CHAR(1)>}) in PostgreSQL's words. */
  static String pgTypes(String calcite) {
    if (calcite.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String t : calcite.split(",\\s*")) {
      String b = t.replace("<", "").replace(">", "").trim().replaceAll("\\(.*\\)", "");
      String pg = switch (b.toUpperCase(java.util.Locale.ROOT)) {
        case "INTEGER" -> "integer";
        case "BIGINT" -> "bigint";
        case "SMALLINT", "TINYINT" -> "smallint";
        case "BOOLEAN" -> "boolean";
        case "CHAR", "VARCHAR", "CHARACTER" -> "text";
        case "DECIMAL", "NUMERIC" -> "numeric";
        case "DOUBLE" -> "double precision";
        case "REAL", "FLOAT" -> "real";
        case "DATE" -> "date";
        case "TIMESTAMP" -> "timestamp without time zone";
        case "NULL" -> "unknown";
        default -> b.toLowerCase(java.util.Locale.ROOT);
      };
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(pg);
    }
    return out.toString();
  }
}
