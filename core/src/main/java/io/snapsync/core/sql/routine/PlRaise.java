package io.snapsync.core.sql.routine;

import io.snapsync.core.error.Message;
import io.snapsync.core.error.Severity;
import io.snapsync.core.error.ConditionNames;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.Notice;
import io.snapsync.core.sql.types.PgValues;
import java.util.ArrayList;
import java.util.List;

/**
 * RAISE and ASSERT: the message formatted as PostgreSQL does ({@code %} takes the next
 * argument's text, {@code %%} is one {@code %}); EXCEPTION throws (P0001 unless a condition or
 * ERRCODE names another SQLSTATE), the other levels become notices of the statement's result,
 * which the session filters by {@code client_min_messages}.
 */
final class PlRaise {

  private PlRaise() {
  }

  static void raise(PlInterpreter in, PlStmt.Raise r) {
    if (r.reraise()) {
      SnapsyncException e = in.handling.peek();
      if (e == null) {
        throw in.own(SnapsyncException.error(SqlState.STACKED_DIAGNOSTICS_ACCESSED_WITHOUT_ACTIVE_HANDLER,
            "routine.raise_outside_handler"));
      }
      throw e;
    }
    boolean error = r.level().equals("exception");
    String code = r.condition() == null ? null : ConditionNames.resolve(r.condition());
    String message = r.format() == null ? null : format(in, r.format(), r.args());
    String detail = null;
    String hint = null;
    for (String[] o : r.options()) {
      String value = text(in.eval(o[1], DataType.TEXT, -1));
      switch (o[0]) {
        case "message" -> message = value;
        case "detail" -> detail = value;
        case "hint" -> hint = value;
        case "errcode" -> code = ConditionNames.resolve(value);
        default -> {
          // COLUMN, CONSTRAINT, DATATYPE, TABLE, SCHEMA: not reported
        }
      }
    }
    if (message == null) {
      message = r.condition() == null ? (code == null ? SqlState.RAISE_EXCEPTION
              : ConditionNames.name(code))
          : r.condition();
    }
    if (error) {
      SnapsyncException e = SnapsyncException.error(code == null ? SqlState.RAISE_EXCEPTION : code,
          "routine.raise", message);
      if (detail != null) {
        e = e.withDetail("routine.raise", detail);
      }
      throw in.own(hint == null ? e : e.withHint("routine.raise", hint));
    }
    Severity level = switch (r.level()) {
      case "debug" -> Severity.DEBUG;
      case "log" -> Severity.LOG;
      case "info" -> Severity.INFO;
      case "warning" -> Severity.WARNING;
      default -> Severity.NOTICE;
    };
    String state = code != null ? code
            : level == Severity.WARNING ? SqlState.WARNING : SqlState.SUCCESSFUL_COMPLETION;
    in.ctx.eval().notice(new Notice(level, state, Message.of("routine.raise", message),
        detail == null ? null : Message.of("routine.raise", detail),
        hint == null ? null : Message.of("routine.raise", hint)));
  }

  static void assertion(PlInterpreter in, PlStmt.Assert a) {
    if (!Boolean.TRUE.equals(in.eval(a.cond(), DataType.BOOL, -1))) {
      String m = a.message() == null ? null : text(in.eval(a.message(), DataType.TEXT, -1));
      throw in.own(m == null ? SnapsyncException.error(SqlState.ASSERT_FAILURE,
          "routine.assert_failed")
          : SnapsyncException.error(SqlState.ASSERT_FAILURE, "routine.raise", m));
    }
  }

  private static String text(Object v) {
    return v == null ? null : v.toString();
  }

  private static String format(PlInterpreter in, String f, List<String> args) {
    List<String> texts = new ArrayList<>();
    for (String a : args) {
      PlExec.Result r = in.evalTyped(a);
      Object v = r.rows().isEmpty() ? null : r.rows().get(0)[0];
      texts.add(v == null ? "<NULL>"
          : PgValues.toText(v, r.columns().get(0).type(), in.ctx.eval().timeZone()));
    }
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c == '%' && i + 1 < f.length() && f.charAt(i + 1) == '%') {
        out.append('%');
        i++;
      } else if (c == '%') {
        if (next >= texts.size()) {
          throw in.own(SnapsyncException.error(SqlState.SYNTAX_ERROR, "routine.raise_few"));
        }
        out.append(texts.get(next));
        next++;
      } else {
        out.append(c);
      }
    }
    if (next < texts.size()) {
      throw in.own(SnapsyncException.error(SqlState.SYNTAX_ERROR, "routine.raise_many"));
    }
    return out.toString();
  }
}
