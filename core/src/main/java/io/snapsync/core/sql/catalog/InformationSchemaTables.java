package io.snapsync.core.sql.catalog;

import io.snapsync.core.spi.SystemTableRegistry;
import io.snapsync.core.sql.engine.analyze.CatalogTable;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

/**
 * The schema {@code information_schema} for the analyzer: {@code information_schema.tables}
 * is the system table registered as {@code information_schema.tables} ({@link
 * InformationSchema}); nothing else is found there. One per analysis; not thread-safe.
 */
public final class InformationSchemaTables extends AbstractSchema {

  /** The schema's name. */
  public static final String NAME = "information_schema";

  private final SystemTableRegistry systemTables;

  public InformationSchemaTables(SystemTableRegistry systemTables) {
    this.systemTables = systemTables;
  }

  private Table lookup(String name) {
    return systemTables.find(InformationSchema.PREFIX + name).map(CatalogTable::system)
        .orElse(null);
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
        systemTables.all().forEach(t -> {
          if (t.name().startsWith(InformationSchema.PREFIX)) {
            names.add(t.name().substring(InformationSchema.PREFIX.length()));
          }
        });
        return names;
      }
    };
  }
}
