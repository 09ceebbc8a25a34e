package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.exec.TableDef;
import java.util.List;
import java.util.Map;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * A validated query: the single source of its result columns and parameter types, the
 * validator state the planner continues from, and the catalog entries it depends on.
 *
 * @param columns result columns (PostgreSQL names and types)
 * @param paramTypes types of {@code $1, $2, ...}
 * @param paramNumbers the parameter number (0-based) of each placeholder in text order
 * @param dependencies table names looked up, with the user-table definition seen (or null)
 */
public record Analysis(SqlNode validated, SqlValidator validator, Prepare.CatalogReader reader,
    RelDataTypeFactory typeFactory, List<Column> columns, List<DataType> paramTypes,
    int[] paramNumbers, Map<String, TableDef> dependencies) {
}
