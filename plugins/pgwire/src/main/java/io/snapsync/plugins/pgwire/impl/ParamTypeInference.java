package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.Session;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Infers the types of parameters a client left unspecified in Parse, for ParameterDescription
 * (vertx-pg-client encodes its values by those types). A parameter compared with or assigned
 * to a column ({@code col = $1}, {@code SET col = $1}, {@code INSERT ... (cols) VALUES ($1)})
 * gets the column's type, learned with the session's describe of {@code SELECT * FROM table}
 * (nothing runs, the transaction is not touched); {@code LIMIT $n}
 * is bigint; arguments of the known snapsync functions get their declared types. Anything
 * else stays {@code unknown} (705): the client then sends text and the session converts it.
 */
final class ParamTypeInference {

  private static final Pattern TABLE = Pattern.compile(
      "\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|FROM)\\s+([A-Za-z_][A-Za-z0-9_.]*)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern COL_PARAM = Pattern.compile(
      "([A-Za-z_][A-Za-z0-9_.]*)\\s*(?:=|<>|!=|<=|>=|<|>)\\s*\\$(\\d+)");
  private static final Pattern PARAM_COL = Pattern.compile(
      "\\$(\\d+)\\s*(?:=|<>|!=|<=|>=|<|>)\\s*([A-Za-z_][A-Za-z0-9_.]*)");
  private static final Pattern LIMIT_PARAM = Pattern.compile(
      "\\b(?:LIMIT|OFFSET)\\s+\\$(\\d+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern INSERT = Pattern.compile(
      "INSERT\\s+INTO\\s+[A-Za-z0-9_.]+\\s*(\\(([^)]*)\\))?\\s*VALUES\\s*(.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\(([^()]*)\\)");
  private static final Map<String, List<DataType>> FUNCTION_PARAMS = Map.of(
      "generate_wdr_report", List.of(DataType.INT8, DataType.INT8, DataType.TEXT, DataType.TEXT,
          DataType.TEXT),
      "kill_snapshot", List.of(DataType.TEXT),
      "current_setting", List.of(DataType.TEXT));

  private ParamTypeInference() {
  }

  /** Fills the unspecified (0) entries of {@code s.paramTypes} where it can. */
  static Future<Void> infer(PreparedStmt s, Session session) {
    if (s.paramTypes.length == 0 || java.util.Arrays.stream(s.paramTypes).allMatch(t -> t != 0)) {
      return Future.succeededFuture();
    }
    String masked = SqlText.mask(s.sql);
    Map<Integer, String> byColumn = columnRefs(masked);
    Matcher lim = LIMIT_PARAM.matcher(masked);
    while (lim.find()) {
      set(s, Integer.parseInt(lim.group(1)), DataType.INT8);
    }
    Matcher call = CALL.matcher(masked);
    while (call.find()) {
      List<DataType> types = FUNCTION_PARAMS.get(call.group(1).toLowerCase(Locale.ROOT));
      if (types != null) {
        String[] args = call.group(2).split(",");
        for (int i = 0; i < args.length && i < types.size(); i++) {
          String a = args[i].trim();
          if (a.matches("\\$\\d+")) {
            set(s, Integer.parseInt(a.substring(1)), types.get(i));
          }
        }
      }
    }
    Matcher t = TABLE.matcher(masked);
    if (byColumn.isEmpty() || !t.find()) {
      return Future.succeededFuture();
    }
    String table = t.group(1);
    return session.describe("SELECT * FROM " + table)
        .map(columns -> {
          Map<String, DataType> types = new HashMap<>();
          for (Column c : columns) {
            types.put(c.name().toLowerCase(Locale.ROOT), c.type());
          }
          Matcher ins = INSERT.matcher(masked);
          if (ins.find()) {
            List<String> cols = new ArrayList<>();
            if (ins.group(2) != null) {
              for (String c : ins.group(2).split(",")) {
                cols.add(c.trim().toLowerCase(Locale.ROOT));
              }
            } else {
              columns.forEach(c -> cols.add(c.name().toLowerCase(Locale.ROOT)));
            }
            insertValues(ins.group(3), cols, byColumn);
          }
          byColumn.forEach((n, col) -> {
            String name = col.substring(col.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            DataType type = types.get(name);
            if (type != null) {
              set(s, n, type);
            }
          });
          return (Void) null;
        })
        .otherwiseEmpty();
  }

  private static Map<Integer, String> columnRefs(String masked) {
    Map<Integer, String> refs = new HashMap<>();
    Matcher m = COL_PARAM.matcher(masked);
    while (m.find()) {
      refs.putIfAbsent(Integer.parseInt(m.group(2)), m.group(1));
    }
    m = PARAM_COL.matcher(masked);
    while (m.find()) {
      refs.putIfAbsent(Integer.parseInt(m.group(1)), m.group(2));
    }
    if (INSERT.matcher(masked).find()) {
      refs.putIfAbsent(0, "");
    }
    return refs;
  }

  private static void insertValues(String values, List<String> cols, Map<Integer, String> refs) {
    refs.remove(0);
    int depth = 0;
    int item = 0;
    StringBuilder cur = new StringBuilder();
    for (char c : values.toCharArray()) {
      if (c == '(') {
        depth++;
        if (depth == 1) {
          item = 0;
          cur.setLength(0);
          continue;
        }
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          assign(cur.toString(), item, cols, refs);
          continue;
        }
      } else if (c == ',' && depth == 1) {
        assign(cur.toString(), item++, cols, refs);
        cur.setLength(0);
        continue;
      }
      if (depth >= 1) {
        cur.append(c);
      }
    }
  }

  private static void assign(String value, int index, List<String> cols, Map<Integer, String> refs) {
    String v = value.trim();
    if (v.matches("\\$\\d+") && index < cols.size()) {
      refs.putIfAbsent(Integer.parseInt(v.substring(1)), cols.get(index));
    }
  }

  private static void set(PreparedStmt s, int param, DataType type) {
    int i = param - 1;
    if (i >= 0 && i < s.paramTypes.length && s.paramTypes[i] == 0) {
      s.paramTypes[i] = type.oid();
    }
  }
}
