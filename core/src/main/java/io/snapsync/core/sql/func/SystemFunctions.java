package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.BOOL;
import static io.snapsync.core.session.DataType.NAME;
import static io.snapsync.core.session.DataType.NAME_ARRAY;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.session.DataType.UUID;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * version, current_database, current_schema(s), current_user/session_user/user,
 * current_setting, set_config, gen_random_uuid.
 */
final class SystemFunctions {

  /**
   * What {@code version()} answers: PostgreSQL's shape, so tools that parse the first two words
   * see 15.0, then the snapsync version, the platform and the compiler.
   */
  static final String VERSION = "PostgreSQL 15.0 (snapsync 0.1.0) on " + platform()
      + ", compiled by javac " + Runtime.version().feature() + ", 64-bit";

  private SystemFunctions() {
  }

  static void register(Registry r) {
    r.add(Fn.of("version", TEXT, (x, c) -> VERSION));
    r.add(Fn.of("current_database", NAME, (x, c) -> c.database()), "current_catalog");
    r.add(Fn.of("current_user", NAME, (x, c) -> c.user()), "session_user", "user",
        "current_role");
    r.add(Fn.of("current_schema", NAME, (x, c) -> {
      List<Object> path = searchPath(c, false);
      return path.isEmpty() ? null : path.get(0);
    }));
    r.add(Fn.of("current_schemas", NAME_ARRAY, (x, c) -> searchPath(c, (Boolean) x[0]), BOOL));
    r.add(Fn.of("current_setting", TEXT, (x, c) -> c.setting(name(x[0])), TEXT));
    r.add(Fn.of("current_setting", TEXT, (x, c) -> {
      try {
        return c.setting(name(x[0]));
      } catch (SnapsyncException e) {
        if (Boolean.TRUE.equals(x[1]) && SqlState.UNDEFINED_OBJECT.equals(e.sqlState())) {
          return null;
        }
        throw e;
      }
    }, TEXT, BOOL));
    r.add(Fn.of("set_config", TEXT, (x, c) -> {
      if (x[0] == null) {
        throw SnapsyncException.error(io.snapsync.core.error.SqlState.NULL_VALUE_NOT_ALLOWED,
            "functions.set_config_null_name");
      }
      return c.setConfig(name(x[0]), x[1] == null ? "" : (String) x[1],
          Boolean.TRUE.equals(x[2]));
    }, TEXT, TEXT, BOOL).lenient().volatil());
    r.add(Fn.of("gen_random_uuid", UUID, (x, c) -> java.util.UUID.randomUUID()).volatil());
  }

  private static String name(Object v) {
    return ((String) v).toLowerCase(Locale.ROOT);
  }

  /** The search_path's schemas; {@code $user} is skipped (no per-user schemas here). */
  private static List<Object> searchPath(EvalContext c, boolean implicit) {
    List<Object> out = new ArrayList<>();
    if (implicit) {
      out.add("pg_catalog");
    }
    for (String part : c.setting("search_path").split(",")) {
      String s = part.trim();
      if (s.startsWith("\"") && s.endsWith("\"") && s.length() >= 2) {
        s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
      } else {
        s = s.toLowerCase(Locale.ROOT);
      }
      if (!s.isEmpty() && !s.equals("$user") && !out.contains(s)) {
        out.add(s);
      }
    }
    return java.util.Collections.unmodifiableList(out);
  }

  private static String platform() {
    String arch = System.getProperty("os.arch", "x86_64");
    arch = arch.equals("amd64") ? "x86_64" : arch;
    String os = System.getProperty("os.name", "Linux").toLowerCase(Locale.ROOT);
    return arch + (os.contains("linux") ? "-pc-linux-gnu" : os.contains("mac")
        ? "-apple-darwin" : "-pc-" + os.replace(' ', '-'));
  }
}
