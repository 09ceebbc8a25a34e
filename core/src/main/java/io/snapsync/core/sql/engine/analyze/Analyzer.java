package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.FunctionRegistry;
import io.snapsync.core.spi.SystemTableRegistry;
import io.snapsync.core.sql.func.FunctionLibrary;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Parses and validates one query (SELECT, WITH, VALUES, TABLE, set operations) against the
 * catalog as a store transaction sees it. Blocking (reads table definitions); one call per
 * statement text, results cached by the engine.
 */
public final class Analyzer {

  /** The schema user tables live in (also the default search path). */
  public static final String SCHEMA = "public";

  /** The schema unqualified names are looked up in: the session's search path. */
  static final String PATH_SCHEMA = "$path";

  /** PostgreSQL's system catalog schema, also searched for unqualified names. */
  public static final String CATALOG_SCHEMA = "pg_catalog";

  private final FunctionRegistry functions;
  private final SystemTableRegistry systemTables;
  private final FunctionLibrary library;

  public Analyzer(FunctionRegistry functions, SystemTableRegistry systemTables,
      FunctionLibrary library) {
    this.functions = functions;
    this.systemTables = systemTables;
    this.library = library;
  }

  /**
   * A parsed statement: its tree (parameters positional, numbered in visiting order), the
   * statement text, and the PostgreSQL number (0-based) of each positional parameter.
   */
  public record Parsed(SqlNode node, String text, int[] paramNumbers) {
  }

  /** Parses {@code sql} (one query, INSERT, UPDATE or DELETE) with the project's grammar; 42601. */
  public static Parsed parse(String sql) {
    return StatementParser.parse(sql);
  }

  /** Validates a parsed query. */
  public Analysis analyze(String sql, Parsed p, StoreTransaction txn) {
    SqlNode parsed = p.node();
    if (!parsed.getKind().belongsTo(SqlKind.QUERY)) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "engine.unsupported",
          parsed.getKind().sql);
    }
    JavaTypeFactoryImpl types = new PgTypeFactory();
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    CatalogSchema schema = new CatalogSchema(txn, systemTables);
    // unqualified names resolve through the session's search path ($path); s.x through its
    // sub-schemas; qualified names Calcite derives ([$path, x]) resolve the same way again
    root.add(PATH_SCHEMA, schema);
    root.add(SCHEMA, schema);
    // pg_catalog.x finds the system tables (the schema falls back to them for any name).
    root.add(CATALOG_SCHEMA, schema);
    root.add(io.snapsync.core.sql.catalog.InformationSchemaTables.NAME,
        new io.snapsync.core.sql.catalog.InformationSchemaTables(systemTables));
    Properties props = new Properties();
    props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    CalciteConnectionConfig config = new CalciteConnectionConfigImpl(props);
    CalciteCatalogReader reader = new CalciteCatalogReader(root, List.of(PATH_SCHEMA), types,
        config);
    SqlValidator.Config vc = SqlValidator.Config.DEFAULT
        .withConformance(PgConformance.INSTANCE)
        .withDefaultNullCollation(NullCollation.HIGH)
        .withIdentifierExpansion(true)
        .withCallRewrite(true)
        .withTypeCoercionFactory(PgTypeCoercion::new);
    PgValidator validator = new PgValidator(p.text(), org.apache.calcite.sql.util.SqlOperatorTables
        .chain(new PgOperatorTable(functions, library, txn), reader), reader, types, vc);
    ViewExpansion views = ViewExpansion.expand(parsed, txn, schema.dependencies());
    io.snapsync.core.sql.srf.RecursiveTerms.check(parsed);
    io.snapsync.core.sql.srf.TableFunctions.within(
        io.snapsync.core.sql.routine.UserSrfs.resolver(txn), () -> {
          io.snapsync.core.sql.srf.SrfRewrite.apply(parsed);
          return null;
        });
    DistinctOn.apply(parsed, p.text());
    OrderedSetCalls.apply(parsed);
    WindowFilters.apply(parsed);
    List<String> written = OutputNames.beforeValidation(parsed);
    SqlNode validated;
    try {
      validated = validator.validate(parsed);
    } catch (CalciteContextException e) {
      throw ValidationErrors.of(p.text(), e);
    }
    RelDataType rowType = validator.getValidatedNodeType(validated);
    List<String> names = written != null && written.size() == rowType.getFieldCount() ? written
        : OutputNames.of(validated, rowType);
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < rowType.getFieldCount(); i++) {
      RelDataType t = rowType.getFieldList().get(i).getType();
      columns.add(new Column(names.get(i), TypeMapping.toData(t), TypeMapping.typmod(t)));
    }
    columns = io.snapsync.core.sql.catalog.ColumnOrigins.apply(columns,
        validator.getFieldOrigins(validated), schema.dependencies());
    views.settle(schema);
    int count = 0;
    for (int n : p.paramNumbers()) {
      count = Math.max(count, n + 1);
    }
    List<DataType> params = new ArrayList<>(java.util.Collections.nCopies(count, DataType.TEXT));
    boolean[] seen = new boolean[count];
    List<RelDataTypeField> fields = validator.getParameterRowType(validated).getFieldList();
    for (int i = 0; i < fields.size() && i < p.paramNumbers().length; i++) {
      int n = p.paramNumbers()[i];
      if (!seen[n]) {
        seen[n] = true;
        params.set(n, TypeMapping.toData(fields.get(i).getType()));
      }
    }
    return new Analysis(validated, validator, reader, types, columns, params,
        p.paramNumbers(), schema.dependencies());
  }
}
