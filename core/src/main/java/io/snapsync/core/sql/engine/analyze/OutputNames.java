package io.snapsync.core.sql.engine.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;

/**
 * PostgreSQL's result column names for a validated query: aliases; a column reference's
 * name; a function call's name ({@code count}, {@code upper}); a cast's type name
 * ({@code int4}); {@code case}; else {@code ?column?}. VALUES columns are
 * {@code column1, column2, ...}. Duplicates stay duplicates, as in PostgreSQL.
 */
final class OutputNames {

  private static final String UNNAMED = "?column?";

  private OutputNames() {
  }

  /**
   * The names from the statement as written (before the validator rewrites COALESCE into CASE
   * and the like), or null when a {@code *} makes them depend on the catalog.
   */
  static List<String> beforeValidation(SqlNode parsed) {
    List<String> names = namesOf(parsed);
    return names == null || names.contains(STAR) ? null : names;
  }

  private static final String STAR = "\u0000*";

  static List<String> of(SqlNode validated, RelDataType rowType) {
    List<String> names = namesOf(validated);
    if (names == null || names.size() != rowType.getFieldCount()) {
      names = new ArrayList<>(rowType.getFieldNames());
      names.replaceAll(n -> n.startsWith("EXPR$") ? UNNAMED : n);
    }
    return names;
  }

  private static List<String> namesOf(SqlNode node) {
    if (node instanceof SqlOrderBy ob) {
      return namesOf(ob.query);
    }
    if (node instanceof SqlWith w) {
      return namesOf(w.body);
    }
    if (node instanceof SqlSelect sel) {
      List<String> out = new ArrayList<>();
      for (SqlNode item : sel.getSelectList()) {
        out.add(itemName(item));
      }
      return out;
    }
    if (node.getKind() == SqlKind.VALUES && node instanceof SqlCall values) {
      SqlNode first = values.operandCount() == 0 ? null : values.operand(0);
      if (first instanceof SqlCall row) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= row.operandCount(); i++) {
          out.add("column" + i);
        }
        return out;
      }
      return null;
    }
    if (node.getKind().belongsTo(SqlKind.SET_QUERY) && node instanceof SqlCall set) {
      return namesOf(set.operand(0));
    }
    return null;
  }

  private static String itemName(SqlNode item) {
    if (item.getKind() == SqlKind.AS && item instanceof SqlCall as) {
      String alias = ((SqlIdentifier) as.operand(1)).getSimple();
      return alias.startsWith("EXPR$") ? exprName(as.operand(0)) : alias;
    }
    return exprName(item);
  }

  static String exprName(SqlNode e) {
    if (e instanceof SqlIdentifier id) {
      if (id.isStar()) {
        return STAR;
      }
      String n = id.names.get(id.names.size() - 1);
      if (n.startsWith("EXPR$")) {
        try {
          return "column" + (Integer.parseInt(n.substring(5)) + 1);
        } catch (NumberFormatException e2) {
          return UNNAMED;
        }
      }
      return n;
    }
    if (e instanceof SqlCall call) {
      SqlKind k = call.getKind();
      if (k == SqlKind.CAST && call.operandCount() == 2
          && call.operand(1) instanceof SqlDataTypeSpec spec) {
        return castName(spec);
      }
      if (k == SqlKind.CASE) {
        return "case";
      }
      if (k == SqlKind.COALESCE || k == SqlKind.NULLIF || k == SqlKind.GREATEST
          || k == SqlKind.LEAST) {
        return k.name().toLowerCase(Locale.ROOT);
      }
      if ((k == SqlKind.OVER || k == SqlKind.WITHIN_GROUP || k == SqlKind.FILTER)
          && call.operandCount() > 0) {
        return exprName(call.operand(0));
      }
      if (call.getOperator() instanceof io.snapsync.sql.parser.ast.PgSubscript) {
        return exprName(call.operand(0));
      }
      if (k == SqlKind.ARRAY_VALUE_CONSTRUCTOR) {
        return "array";
      }
      if (k == SqlKind.SCALAR_QUERY || k == SqlKind.SELECT) {
        return UNNAMED;
      }
      if (call.getOperator().getSyntax() == org.apache.calcite.sql.SqlSyntax.FUNCTION
          || call.getOperator().getSyntax() == org.apache.calcite.sql.SqlSyntax.FUNCTION_ID
          || call.getOperator().getSyntax() == org.apache.calcite.sql.SqlSyntax.FUNCTION_STAR
          || call.getOperator() instanceof org.apache.calcite.sql.SqlFunction) {
        return call.getOperator().getName().toLowerCase(Locale.ROOT);
      }
      if (call instanceof SqlBasicCall && k == SqlKind.EXISTS) {
        return "exists";
      }
    }
    return UNNAMED;
  }

  private static String castName(SqlDataTypeSpec spec) {
    String t = spec.getTypeName().getSimple().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "integer", "int" -> "int4";
      case "bigint" -> "int8";
      case "smallint" -> "int2";
      case "boolean" -> "bool";
      case "double", "double precision" -> "float8";
      case "real", "float" -> "float4";
      case "decimal" -> "numeric";
      case "char", "character" -> "bpchar";
      case "varbinary" -> "bytea";
      default -> t;
    };
  }
}
