package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The schemas a session resolves unqualified relation names in: its temporary schema first
 * (when it has one), then the {@code search_path} setting's schemas that exist
 * ({@code "$user"} is the schema named like the session's user, when there is one). The path
 * of the statement running on the current thread is {@link #current()}: engines
 * {@link #enter} it around the store work of a statement (plans are cached per path, see
 * {@link #cacheKey}). Immutable; the thread binding is per thread.
 */
public final class SearchPath {

  /** PostgreSQL's default {@code search_path}. */
  public static final String DEFAULT_SETTING = "\"$user\", public";

  /** The setting's name. */
  public static final String SETTING = "search_path";

  private static final io.snapsync.core.sql.BoundedMemo<String, List<String>> PARSED =
      new io.snapsync.core.sql.BoundedMemo<>(1024);
  private static final SearchPath DEFAULT = new SearchPath(DEFAULT_SETTING, null, null);
  private static final ThreadLocal<SearchPath> CURRENT = new ThreadLocal<>();

  private final String setting;
  private final List<String> schemas;
  private final String user;
  private final String tempSchema;

  private SearchPath(String setting, String user, String tempSchema) {
    this.setting = setting;
    this.schemas = parsed(setting);
    this.user = user;
    this.tempSchema = tempSchema;
  }

  /** The path of session {@code ctx} now. */
  public static SearchPath of(SessionContext ctx) {
    String s;
    try {
      s = ctx.settings().get(SETTING);
    } catch (RuntimeException e) {
      s = DEFAULT_SETTING;
    }
    return new SearchPath(s == null ? DEFAULT_SETTING : s, ctx.user(),
        TempTables.schemaOf(ctx.sessionId()));
  }

  /** The path of setting text {@code setting} for {@code user} (no temporary schema). */
  public static SearchPath of(String setting, String user) {
    return new SearchPath(setting == null ? DEFAULT_SETTING : setting, user, null);
  }

  /** The schemas of the setting in order, {@code $user} as the user's name. */
  public List<String> named() {
    List<String> out = new ArrayList<>();
    for (String s : schemas) {
      out.add(s.equals("$user") ? String.valueOf(user) : s);
    }
    return out;
  }

  /** The path bound to this thread's statement, or the default path. */
  public static SearchPath current() {
    SearchPath p = CURRENT.get();
    return p == null ? DEFAULT : p;
  }

  /**
   * Binds session {@code ctx}'s path to the current thread until the returned scope closes
   * (which restores the previous binding).
   */
  public static Scope enter(SessionContext ctx) {
    SearchPath previous = CURRENT.get();
    CURRENT.set(of(ctx));
    return () -> CURRENT.set(previous);
  }

  /** A binding of {@link #enter}; closing it never throws. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** The plan-cache key of {@code sql} under this thread's path (the text itself by default). */
  public static String cacheKey(String sql) {
    SearchPath p = CURRENT.get();
    if (p == null || (p.setting.equals(DEFAULT_SETTING)
        && (p.tempSchema == null || !TempTables.inUse(p.tempSchema)))) {
      return sql;
    }
    return p.setting + "|" + p.user + "|" + p.tempSchema + "\u0000" + sql;
  }

  /** The session's temporary schema's name ({@code pg_temp_...}); null outside a session. */
  public String tempSchema() {
    return tempSchema;
  }

  /** The schemas of the setting, unquoted, in order ({@code $user} kept). */
  public List<String> schemas() {
    return schemas;
  }

  /**
   * The schemas unqualified relation names are looked up in, in order, as {@code t} sees them:
   * the temporary schema, then each existing schema of the setting.
   */
  public List<String> effective(StoreTransaction t) {
    List<String> out = new ArrayList<>();
    if (tempSchema != null && TempTables.inUse(tempSchema)) {
      out.add(tempSchema);
    }
    for (String s : schemas) {
      String name = s.equals("$user") ? user : s;
      if (name != null && !name.startsWith(SchemaCatalog.TEMP_PREFIX) && !out.contains(name)
          && !name.equals(SchemaCatalog.PG_CATALOG) && SchemaCatalog.exists(t, name)) {
        out.add(name);
      }
    }
    return out;
  }

  /** The schema new objects named without one go to; 3F000 when the path has none. */
  public String creationSchema(StoreTransaction t) {
    for (String s : effective(t)) {
      if (!s.equals(tempSchema)) {
        return s;
      }
    }
    throw SnapsyncException.error(SqlState.INVALID_SCHEMA_NAME, "ddl.no_schema_selected");
  }

  /**
   * The key name of existing relation {@code parsed} (as {@link Names#of} gives it), found by
   * {@code exists}; for an unqualified name found nowhere, the key it would have in the first
   * schema of the path (so errors name it as the user wrote it). 3F000 for a qualified name whose
   * schema does not exist.
   */
  public String resolve(StoreTransaction t, String parsed,
      java.util.function.Predicate<String> exists) {
    if (Names.qualified(parsed)) {
      String schema = Names.schemaOf(parsed);
      if (schema.equals("pg_temp")) {
        schema = tempSchema == null ? schema : tempSchema;
      }
      if (!SchemaCatalog.exists(t, schema)) {
        throw SnapsyncException.error(SqlState.INVALID_SCHEMA_NAME, "ddl.schema_not_exist",
            schema);
      }
      return Names.key(schema, Names.relname(parsed));
    }
    for (String s : effective(t)) {
      String key = Names.key(s, parsed);
      if (exists.test(key)) {
        return key;
      }
    }
    return parsed;
  }

  /**
   * The key name of the relation an identifier ({@code t} or {@code s.t}) names in a query or
   * DML statement: a table or view found along the path, else the name as the first schema
   * would hold it.
   */
  public String relation(StoreTransaction t, List<String> parts) {
    String parsed = parts.size() == 1 ? parts.get(0)
        : parts.get(parts.size() - 2) + "." + parts.get(parts.size() - 1);
    if (parts.size() == 1 && Names.qualified(parsed)) {
      return parsed;
    }
    return resolve(t, parsed, k -> io.snapsync.core.sql.exec.TableCatalog.find(t, k) != null
        || ViewCatalog.find(t, k) != null);
  }

  /**
   * The key name a new relation {@code parsed} gets: its schema when qualified
   * ({@code pg_temp.t}, as CREATE TEMP gives it, goes to the session's temporary schema), else
   * the creation schema.
   */
  public String forCreate(StoreTransaction t, String parsed) {
    if (Names.qualified(parsed)) {
      if (Names.schemaOf(parsed).equals(TempTables.PARSED_SCHEMA) && tempSchema != null) {
        TempTables.markInUse(tempSchema);
      }
      return resolve(t, parsed, k -> true);
    }
    return Names.key(creationSchema(t), parsed);
  }

  /**
   * The schemas of setting text {@code setting}, remembered: every statement builds its path,
   * and sessions share a handful of settings.
   */
  private static List<String> parsed(String setting) {
    List<String> schemas = PARSED.get(setting);
    if (schemas == null) {
      schemas = List.copyOf(parse(setting));
      PARSED.put(setting, schemas);
    }
    return schemas;
  }

  private static List<String> parse(String setting) {
    List<String> out = new ArrayList<>();
    for (String part : setting.split(",")) {
      String s = part.trim();
      if (s.startsWith("\"") && s.endsWith("\"") && s.length() >= 2) {
        s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
      } else {
        s = s.toLowerCase(Locale.ROOT);
      }
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** The setting's canonical text, as PostgreSQL's SHOW prints it. */
  public static String canonical(String value) {
    List<String> out = new ArrayList<>();
    for (String s : parse(value)) {
      out.add(s.matches("[a-z_][a-z0-9_]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"");
    }
    return String.join(", ", out);
  }
}
