package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.spi.SystemTableRegistry;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.storage.StoreTransaction;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

/**
 * The schema one statement is analyzed against: user tables as the statement's store
 * transaction sees them (so uncommitted DDL of other transactions is invisible, its own is
 * visible), then system tables. Every name looked up is recorded in {@link #dependencies()}
 * (the definition seen, or null) so a cached plan can be re-checked against a later
 * transaction. One per analysis; not thread-safe; blocking (store reads).
 */
public final class CatalogSchema extends AbstractSchema {

  private final StoreTransaction txn;
  private final SystemTableRegistry systemTables;
  private final Map<String, TableDef> dependencies = new LinkedHashMap<>();
  /** Names read only by views' queries: not the statement's own dependencies (see settle). */
  private final Set<String> viewOnly = new java.util.HashSet<>();
  private io.snapsync.core.sql.ddl.SearchPath path;
  private java.util.List<String> effective;

  public CatalogSchema(StoreTransaction txn, SystemTableRegistry systemTables) {
    this.txn = txn;
    this.systemTables = systemTables;
  }

  /**
   * Stops recording {@code names} (relations only views' queries read, recorded under
   * {@link ViewExpansion#viaKey} instead) and forgets them; planning looks tables up again.
   */
  void viewOnly(Set<String> names) {
    viewOnly.addAll(names);
    dependencies.keySet().removeAll(names);
  }

  /** Every table name looked up, with the user-table definition seen (null: none). */
  public Map<String, TableDef> dependencies() {
    return dependencies;
  }

  /**
   * An unqualified name: the first schema of the session's search path holding it (a name with
   * a dot is a key name already, see {@link io.snapsync.core.sql.ddl.Names}), then the system
   * tables.
   */
  private Table lookup(String name) {
    if (io.snapsync.core.sql.ddl.Names.qualified(name)) {
      TableDef def = recorded(name);
      return def == null ? null : CatalogTable.user(def);
    }
    if (effective == null) {
      effective = path().effective(txn);
    }
    for (String schema : effective) {
      TableDef def = recorded(io.snapsync.core.sql.ddl.Names.key(schema, name));
      if (def != null) {
        return CatalogTable.user(def);
      }
    }
    var system = systemTables.find(name);
    if (system.isPresent()) {
      return CatalogTable.system(system.get());
    }
    var sequence = io.snapsync.core.sql.catalog.SequenceRelation.find(txn, name);
    return sequence == null ? null : CatalogTable.system(sequence);
  }

  /** The user table of key name {@code key}, recorded as a dependency (null: none). */
  private TableDef recorded(String key) {
    TableDef def = dependencies.containsKey(key) ? dependencies.get(key)
        : TableCatalog.find(txn, key);
    if (!viewOnly.contains(key)) {
      dependencies.put(key, def);
    }
    return def;
  }

  private io.snapsync.core.sql.ddl.SearchPath path() {
    if (path == null) {
      path = io.snapsync.core.sql.ddl.SearchPath.current();
    }
    return path;
  }

  /** Schema {@code s.x}: the user tables of schema {@code s} (null when it does not exist). */
  @Override
  public Lookup<? extends org.apache.calcite.schema.Schema> subSchemas() {
    return new Lookup<>() {
      @Override
      public org.apache.calcite.schema.Schema get(String name) {
        return schema(name);
      }

      @Override
      public Named<org.apache.calcite.schema.Schema> getIgnoreCase(String name) {
        org.apache.calcite.schema.Schema s = schema(name);
        return s == null ? null : new Named<>(name, s);
      }

      @Override
      public Set<String> getNames(LikePattern pattern) {
        return Set.of();
      }
    };
  }

  private org.apache.calcite.schema.Schema schema(String name) {
    String schema = name.equals(io.snapsync.core.sql.ddl.TempTables.PARSED_SCHEMA)
        && path().tempSchema() != null ? path().tempSchema() : name;
    if (schema.equals(Analyzer.CATALOG_SCHEMA) || schema.equals(
        io.snapsync.core.sql.ddl.SchemaCatalog.INFORMATION_SCHEMA)
        || !io.snapsync.core.sql.ddl.SchemaCatalog.exists(txn, schema)) {
      return null;
    }
    return new AbstractSchema() {
      @Override
      public Lookup<Table> tables() {
        return new Lookup<>() {
          @Override
          public Table get(String table) {
            String key = io.snapsync.core.sql.ddl.Names.key(schema, table);
            TableDef def = recorded(key);
            if (def != null) {
              return CatalogTable.user(def);
            }
            var sequence = io.snapsync.core.sql.catalog.SequenceRelation.find(txn, key);
            return sequence == null ? null : CatalogTable.system(sequence);
          }

          @Override
          public Named<Table> getIgnoreCase(String table) {
            Table t = get(table);
            return t == null ? null : new Named<>(table, t);
          }

          @Override
          public Set<String> getNames(LikePattern pattern) {
            return Set.of();
          }
        };
      }
    };
  }

  @Override
  protected com.google.common.collect.Multimap<String, org.apache.calcite.schema.Function>
      getFunctionMultimap() {
    return com.google.common.collect.ImmutableMultimap.of(GenerateSeries.NAME,
        new GenerateSeries());
  }

  @Override
  public Lookup<Table> tables() {
    return new Lookup<>() {
      @Override
      public Table get(String name) {
        return lookup(name);
      }

      @Override
      public Named<Table> getIgnoreCase(String name) {
        Table t = lookup(name);
        return t == null ? null : new Named<>(name, t);
      }

      @Override
      public Set<String> getNames(LikePattern pattern) {
        Set<String> names = new LinkedHashSet<>();
        for (TableDef d : TableCatalog.all(txn)) {
          names.add(d.name());
        }
        return names;
      }
    };
  }
}
