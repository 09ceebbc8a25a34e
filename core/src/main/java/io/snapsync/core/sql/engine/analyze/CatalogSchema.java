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

  private Table lookup(String name) {
    TableDef def = dependencies.containsKey(name) ? dependencies.get(name)
        : TableCatalog.find(txn, name);
    if (!viewOnly.contains(name)) {
      dependencies.put(name, def);
    }
    if (def != null) {
      return CatalogTable.user(def);
    }
    var system = systemTables.find(name);
    if (system.isPresent()) {
      return CatalogTable.system(system.get());
    }
    var sequence = io.snapsync.core.sql.catalog.SequenceRelation.find(txn, name);
    return sequence == null ? null : CatalogTable.system(sequence);
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
