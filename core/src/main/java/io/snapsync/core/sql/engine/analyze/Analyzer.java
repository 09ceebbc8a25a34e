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
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Parses and validates one query (SELECT, WITH, VALUES, TABLE, set operations) against the
 * catalog as a store transaction sees it. Blocking (reads table definitions); one call per
 * statement text, results cached by the engine.
 */
public final class Analyzer {

  /** The schema user tables live in (also the default search path). */
  public static final String SCHEMA = "public";

  private final FunctionRegistry functions;
  private final SystemTableRegistry systemTables;
  private final FunctionLibrary library;

  public Analyzer(FunctionRegistry functions, SystemTableRegistry systemTables,
      FunctionLibrary library) {
    this.functions = functions;
    this.systemTables = systemTables;
    this.library = library;
  }

  /** Parses {@code sql} (one statement) with the project's parser configuration; 42601. */
  public static SqlNode parse(String sql) {
    try {
      return DollarParams.rewrite(SqlParser.create(sql, ParserConfigs.postgres()).parseStmt());
    } catch (SqlParseException e) {
      throw SyntaxErrors.of(sql, e);
    }
  }

  /** Validates a parsed query. */
  public Analysis analyze(String sql, SqlNode parsed, StoreTransaction txn) {
    if (!parsed.getKind().belongsTo(SqlKind.QUERY)) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "engine.unsupported",
          parsed.getKind().sql);
    }
    JavaTypeFactoryImpl types = new JavaTypeFactoryImpl(PgTypeSystem.INSTANCE);
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    CatalogSchema schema = new CatalogSchema(txn, systemTables);
    root.add(SCHEMA, schema);
    Properties props = new Properties();
    props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    CalciteConnectionConfig config = new CalciteConnectionConfigImpl(props);
    CalciteCatalogReader reader = new CalciteCatalogReader(root, List.of(SCHEMA), types, config);
    SqlValidator.Config vc = SqlValidator.Config.DEFAULT
        .withConformance(SqlConformanceEnum.BABEL)
        .withDefaultNullCollation(NullCollation.HIGH)
        .withIdentifierExpansion(true)
        .withCallRewrite(true);
    PgValidator validator = new PgValidator(sql, new PgOperatorTable(functions, library), reader,
        types, vc);
    SqlNode validated;
    try {
      validated = validator.validate(parsed);
    } catch (CalciteContextException e) {
      throw ValidationErrors.of(sql, e);
    }
    RelDataType rowType = validator.getValidatedNodeType(validated);
    List<String> names = OutputNames.of(validated, rowType);
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < rowType.getFieldCount(); i++) {
      RelDataType t = rowType.getFieldList().get(i).getType();
      columns.add(new Column(names.get(i), TypeMapping.toData(t), TypeMapping.typmod(t)));
    }
    List<DataType> params = parameterTypes(validated, validator);
    return new Analysis(validated, validator, reader, types, columns, params,
        schema.dependencies());
  }

  /**
   * The type of each parameter by its index ({@code $1} first; a parameter used twice counts
   * once; an unused one is text).
   */
  private static List<DataType> parameterTypes(SqlNode validated, SqlValidator validator) {
    java.util.TreeMap<Integer, DataType> byIndex = new java.util.TreeMap<>();
    validated.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
      @Override
      public Void visit(org.apache.calcite.sql.SqlDynamicParam p) {
        byIndex.putIfAbsent(p.getIndex(), TypeMapping.toData(validator.getValidatedNodeType(p)));
        return null;
      }
    });
    List<DataType> params = new ArrayList<>();
    int n = byIndex.isEmpty() ? 0 : byIndex.lastKey() + 1;
    for (int i = 0; i < n; i++) {
      params.add(byIndex.getOrDefault(i, DataType.TEXT));
    }
    return params;
  }
}
