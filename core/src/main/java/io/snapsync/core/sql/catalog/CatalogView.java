package io.snapsync.core.sql.catalog;

import io.snapsync.core.spi.FunctionCall;
import io.snapsync.core.spi.SystemTable;
import io.snapsync.core.spi.SystemTableRegistry;
import io.snapsync.core.sql.ddl.SequenceDef;
import io.snapsync.core.sql.ddl.Sequences;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema as one statement's transaction sees it: user tables and sequences (through the
 * store transaction, so the statement's own uncommitted DDL is visible) and the node's system
 * tables in name order. Built per catalog-table scan; blocking (store reads).
 */
public record CatalogView(List<TableDef> tables, List<SequenceDef> sequences,
    List<SystemTable> systemTables, FunctionCall call, List<io.snapsync.core.sql.ddl.ViewDef> views,
    List<String> searchPath) {

  /** A view without user views. */
  public CatalogView(List<TableDef> tables, List<SequenceDef> sequences,
      List<SystemTable> systemTables, FunctionCall call) {
    this(tables, sequences, systemTables, call, List.of(),
        io.snapsync.core.sql.ddl.SearchPath.current().named());
  }

  /** The view of the calling session's current transaction. Blocking. */
  public static CatalogView of(FunctionCall call, SystemTableRegistry registry) {
    StoreTransaction txn = ((SessionContext) call.sessionInternals()).txn().storeTxn();
    return new CatalogView(TableCatalog.all(txn), Sequences.all(txn),
        new ArrayList<>(registry.all()), call, io.snapsync.core.sql.ddl.ViewCatalog.all(txn),
        io.snapsync.core.sql.ddl.SearchPath.of((SessionContext) call.sessionInternals()).named());
  }

  /** The view of a function's statement (no {@link #call}); empty parts when unknown. */
  public static CatalogView of(io.snapsync.core.sql.func.EvalContext ctx) {
    StoreTransaction txn = ctx.storeTxn();
    SystemTableRegistry r = ctx.systemTables();
    return new CatalogView(txn == null ? List.of() : TableCatalog.all(txn),
        txn == null ? List.of() : Sequences.all(txn),
        r == null ? List.of() : new ArrayList<>(r.all()), null,
        txn == null ? List.of() : io.snapsync.core.sql.ddl.ViewCatalog.all(txn), path(ctx));
  }

  private static List<String> path(io.snapsync.core.sql.func.EvalContext ctx) {
    String setting;
    try {
      setting = ctx.setting(io.snapsync.core.sql.ddl.SearchPath.SETTING);
    } catch (RuntimeException e) {
      setting = null;
    }
    return io.snapsync.core.sql.ddl.SearchPath.of(setting, ctx.user()).named();
  }

  /** The OID of system table {@code t}: PostgreSQL's for its own catalogs. */
  public long systemOid(SystemTable t) {
    Long fixed = SystemTableOids.of(t.name());
    return fixed != null ? fixed : CatalogOids.systemTable(systemTables.indexOf(t));
  }

  /** The OID of the system table named {@code name}, or 0. */
  public long systemOid(String name) {
    for (SystemTable t : systemTables) {
      if (t.name().equals(name)) {
        return systemOid(t);
      }
    }
    return 0;
  }

  /** The user table with table or primary-key OID {@code oid}, or null. */
  public TableDef table(long oid) {
    return CatalogOids.find(tables, oid);
  }

  /** The user table named {@code name}, or null. */
  public TableDef table(String name) {
    for (TableDef d : tables) {
      if (d.name().equals(name)) {
        return d;
      }
    }
    return null;
  }

  /** The index with OID {@code oid}, or null. */
  public CatalogIndex index(long oid) {
    return CatalogIndex.find(tables, oid);
  }

  /** The sequence with OID {@code oid}, or null. */
  public SequenceDef sequence(long oid) {
    for (SequenceDef s : sequences) {
      if (CatalogOids.sequence(s.id()) == oid) {
        return s;
      }
    }
    return null;
  }
}
