package io.snapsync.core.cluster;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.node.NodeServices;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.spi.FunctionCall;
import io.snapsync.core.spi.FunctionParam;
import io.snapsync.core.spi.SqlFunction;
import io.snapsync.core.spi.StandardFunctionCall;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coordinator-only functions on a coordinator without storage: {@code SELECT f(literals)} of
 * {@code kill_snapshot} or a function whose name contains {@code wdr} runs on this node (its
 * worker, its role); everything else goes to the data node. Arguments are literals
 * ({@code 'text'}, numbers, {@code NULL}, {@code true/false}, optional {@code ::type}) or
 * {@code $n} parameters; any other form is left to the data node.
 */
final class CoordinatorCalls {

  private static final Pattern CALL = Pattern.compile(
      "\\s*select\\s+([a-z_][a-z0-9_]*)\\s*\\((.*)\\)\\s*;?\\s*",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Object NO_ARG = new Object();

  private CoordinatorCalls() {
  }

  static boolean local(String name) {
    return name.equals("kill_snapshot") || name.contains("wdr");
  }

  /** The result column of a local call, or null when the statement is not one. */
  static List<Column> describeLocal(NodeServices services, String sql) {
    Matcher m = CALL.matcher(sql);
    if (!m.matches() || !local(m.group(1).toLowerCase(Locale.ROOT))) {
      return null;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    return services.functions().find(name)
        .map(f -> List.of(new Column(name, f.returnType()))).orElse(null);
  }

  /** The local call's result, or null when the statement is not one. */
  static Future<StatementResult> tryLocal(NodeServices services, String user, String lc,
      String sql, List<Object> params) {
    Matcher m = CALL.matcher(sql);
    if (!m.matches()) {
      return null;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    if (!local(name)) {
      return null;
    }
    Optional<SqlFunction> f = services.functions().find(name);
    if (f.isEmpty()) {
      return null;
    }
    List<Object> raw = parseArgs(m.group(2), params);
    if (raw == null || raw.size() > f.get().params().size()) {
      return null;
    }
    List<Object> args = new ArrayList<>();
    List<FunctionParam> ps = f.get().params();
    for (int i = 0; i < ps.size(); i++) {
      if (i < raw.size()) {
        args.add(convert(raw.get(i), ps.get(i).type()));
      } else if (ps.get(i).optional()) {
        args.add(ps.get(i).defaultValue());
      } else {
        return null;
      }
    }
    SqlFunction fn = f.get();
    FunctionCall call = StandardFunctionCall.byUser(services, user, lc, args);
    Future<Object> result;
    try {
      result = fn.call(call);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result.map(v -> new StatementResult(List.of(new Column(name, fn.returnType())),
        List.of(Arrays.asList(fn.returnType() == DataType.VOID ? null : v)), "SELECT 1",
        List.of()));
  }

  private static Object convert(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    try {
      return switch (type) {
        case INT8 -> v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
        case INT4 -> v instanceof Number n ? n.intValue()
            : Integer.parseInt(v.toString().trim());
        case BOOL -> v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString().trim());
        default -> v.toString();
      };
    } catch (NumberFormatException e) {
      throw SnapsyncException.error(SqlState.INVALID_TEXT_REPRESENTATION,
          "cluster.bad_argument", v, type.sqlName());
    }
  }

  /** Literal arguments, or null when the list has another form. */
  static List<Object> parseArgs(String text, List<Object> params) {
    List<Object> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (true) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i >= n) {
        return out.isEmpty() ? out : null;
      }
      Object v;
      char c = text.charAt(i);
      if (c == '\'') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            return null;
          }
          char d = text.charAt(i++);
          if (d == '\'') {
            if (i < n && text.charAt(i) == '\'') {
              sb.append('\'');
              i++;
            } else {
              break;
            }
          } else {
            sb.append(d);
          }
        }
        v = sb.toString();
      } else {
        int s = i;
        while (i < n && text.charAt(i) != ',' && text.charAt(i) != ':'
            && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        String word = text.substring(s, i);
        v = word(word, params);
        if (v == NO_ARG) {
          return null;
        }
      }
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i + 1 < n && text.charAt(i) == ':' && text.charAt(i + 1) == ':') {
        i += 2;
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
          i++;
        }
        while (i < n && Character.isWhitespace(text.charAt(i))) {
          i++;
        }
      }
      out.add(v);
      if (i >= n) {
        return out;
      }
      if (text.charAt(i) != ',') {
        return null;
      }
      i++;
    }
  }

  private static Object word(String w, List<Object> params) {
    String l = w.toLowerCase(Locale.ROOT);
    if (l.equals("null")) {
      return null;
    }
    if (l.equals("true") || l.equals("false")) {
      return Boolean.valueOf(l);
    }
    if (l.matches("\\$\\d+")) {
      int k = Integer.parseInt(l.substring(1)) - 1;
      return params != null && k >= 0 && k < params.size() ? params.get(k) : NO_ARG;
    }
    if (l.matches("[-+]?\\d+")) {
      return Long.parseLong(l);
    }
    return NO_ARG;
  }
}
