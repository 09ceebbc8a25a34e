package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.session.Column;
import io.snapsync.core.spi.SystemTable;
import io.snapsync.core.sql.exec.TableDef;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A table as Calcite sees it: a user table ({@link #def} set, read through the statement's
 * transaction) or a system table ({@link #system} set, rows computed per statement).
 */
public final class CatalogTable extends AbstractTable {

  private final TableDef def;
  private final SystemTable system;

  private CatalogTable(TableDef def, SystemTable system) {
    this.def = def;
    this.system = system;
  }

  public static CatalogTable user(TableDef def) {
    return new CatalogTable(def, null);
  }

  public static CatalogTable system(SystemTable table) {
    return new CatalogTable(null, table);
  }

  /** The user table's definition, or null for a system table. */
  public TableDef def() {
    return def;
  }

  /** The system table, or null for a user table. */
  public SystemTable system() {
    return system;
  }

  public List<Column> columns() {
    return def != null ? def.columns() : system.columns();
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    RelDataTypeFactory.Builder b = f.builder();
    List<Column> cols = columns();
    for (int i = 0; i < cols.size(); i++) {
      Column c = cols.get(i);
      boolean nullable = def == null || !def.isNotNull(i);
      b.add(c.name(), TypeMapping.toRel(c.type(), c.typmod(), nullable, f));
    }
    return b.build();
  }
}
