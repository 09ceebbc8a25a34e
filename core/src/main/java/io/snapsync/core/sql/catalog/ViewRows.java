package io.snapsync.core.sql.catalog;

import static io.snapsync.core.session.DataType.NAME;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.sql.catalog.CatalogTableDef.add;
import static io.snapsync.core.sql.catalog.CatalogTableDef.cols;

import io.snapsync.core.spi.SystemTableRegistry;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.ddl.ViewCatalog;
import io.snapsync.core.sql.ddl.ViewDef;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Catalog rows of user views: pg_class (relkind 'v'), pg_attribute, pg_views,
 * information_schema.views, and the text {@code pg_get_viewdef} prints (the query as written,
 * after a space and followed by ';' as PostgreSQL lays it out; PostgreSQL prints its own
 * deparsed form). Rows are what the calling statement's transaction sees. Blocking; stateless.
 */
public final class ViewRows {

  private ViewRows() {
  }

  /** Registers pg_views (before the generic empty catalog tables). */
  static void register(Database db, SystemTableRegistry r) {
    add(db, r, "pg_views", cols("schemaname", NAME, "viewname", NAME, "viewowner", NAME,
        "definition", TEXT), v -> {
          List<List<Object>> rows = new ArrayList<>();
          for (ViewDef d : views(v)) {
            rows.add(Arrays.asList("public", d.name(), owner(d), definition(d)));
          }
          return rows;
        });
  }

  /** The views the catalog scan's transaction sees (none outside a session). */
  static List<ViewDef> views(CatalogView v) {
    return v.views();
  }

  /**
   * pg_depend's rows that make each view depend on the tables and views its query reads
   * (PostgreSQL records them for the view's rewrite rule; pg_dump orders the view after them).
   */
  static List<List<Object>> dependencies(CatalogView v, long pgClass) {
    List<List<Object>> rows = new ArrayList<>();
    for (ViewDef d : views(v)) {
      for (String name : d.dependsOn()) {
        Long ref = null;
        io.snapsync.core.sql.exec.TableDef t = v.table(name);
        if (t != null) {
          ref = CatalogOids.table(t);
        } else {
          for (ViewDef other : views(v)) {
            if (other.name().equals(name)) {
              ref = oid(other);
            }
          }
        }
        if (ref != null) {
          rows.add(java.util.Arrays.asList(pgClass, oid(d), 0, pgClass, ref, 0, "n"));
        }
      }
    }
    return rows;
  }

  /** The view's OID (stable while it exists, kept by CREATE OR REPLACE). */
  public static long oid(ViewDef d) {
    return CatalogOids.table(d.asRelation());
  }

  /** information_schema.views rows for {@code catalog} (the database name). */
  static List<List<Object>> informationSchema(CatalogView v, String catalog) {
    List<List<Object>> rows = new ArrayList<>();
    for (ViewDef d : views(v)) {
      rows.add(Arrays.asList(catalog, "public", d.name(), definition(d), "NONE", "NO", "NO",
          "NO", "NO", "NO"));
    }
    return rows;
  }

  /** pg_get_viewdef of the view with OID {@code oid} (or named {@code name}), or null. */
  public static String definition(StoreTransaction txn, Long oid, String name) {
    if (txn == null) {
      return null;
    }
    for (ViewDef d : ViewCatalog.all(txn)) {
      if ((oid != null && oid(d) == oid) || d.name().equals(name)) {
        return definition(d);
      }
    }
    return null;
  }

  /** A relation name as text ({@code v}, {@code public.v}, {@code "V"}) without its schema. */
  public static String unqualified(String text) {
    String n = text.startsWith("public.") ? text.substring("public.".length()) : text;
    if (n.length() > 1 && n.startsWith("\"") && n.endsWith("\"")) {
      return n.substring(1, n.length() - 1).replace("\"\"", "\"");
    }
    return n.toLowerCase(java.util.Locale.ROOT);
  }

  static String definition(ViewDef d) {
    String q = d.query().strip();
    return " " + q + (q.endsWith(";") ? "" : ";");
  }

  private static String owner(ViewDef d) {
    return d.owner() == null ? CatalogOids.ADMIN : d.owner();
  }
}
