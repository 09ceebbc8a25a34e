package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.FunctionRegistry;
import io.snapsync.core.spi.SystemTableRegistry;
import io.snapsync.core.sql.func.FunctionLibrary;
import io.snapsync.core.sql.parse.Lexer;
import io.snapsync.core.sql.parse.Token;
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
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Parses and validates one query (SELECT, WITH, VALUES, TABLE, set operations) against the
 * catalog as a store transaction sees it. Blocking (reads table definitions); one call per
 * statement text, results cached by the engine.
 */
public final class Analyzer {

  /** The schema user tables live in (also the default search path). */
  public static final String SCHEMA = "public";

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
   * A parsed statement: the text Calcite parsed ({@code $n} as {@code ?}, some words quoted),
   * the PostgreSQL number (0-based) of each {@code ?} in text order, and where quotes were
   * inserted (to map positions back to the statement as written).
   */
  public record Parsed(SqlNode node, String text, int[] paramNumbers, int[] quotedAt) {

    /** The 1-based position in the statement as written of {@code pos} in {@link #text}. */
    public int original(int pos) {
      int shift = 0;
      for (int q : quotedAt) {
        if (q < pos) {
          shift += pos > q + 1 ? 2 : 1;
        }
      }
      return pos <= 0 ? pos : Math.max(1, pos - shift);
    }

    SnapsyncException remap(SnapsyncException e) {
      return e.position() > 0 ? e.withPosition(original(e.position())) : e;
    }
  }

  /**
   * Words PostgreSQL lets queries use as plain names that Babel's grammar reserves; in a query
   * they can only be names, so they are parsed as quoted identifiers.
   */
  private static final java.util.Set<String> NAMES = java.util.Set.of("value", "trigger",
      "snapshot", "role", "state", "result", "language", "system", "session", "names",
      "source", "method", "level", "scope", "type");

  /**
   * Parses {@code sql} (one statement) with the project's parser configuration; 42601.
   * PostgreSQL's {@code $n} placeholders become positional {@code ?} (same width, so error
   * positions stay right); {@link Parsed#paramNumbers} maps them back.
   */
  public static Parsed parse(String sql) {
    StringBuilder text = new StringBuilder(sql);
    List<Integer> numbers = new ArrayList<>();
    List<Integer> quoted = new ArrayList<>();
    List<Token> tokens = Lexer.tokenize(sql);
    int shift = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() == Token.Kind.PARAM) {
        numbers.add(Integer.parseInt(t.text()) - 1);
        text.replace(t.pos() + shift, t.pos() + shift + t.raw().length(),
            "?" + " ".repeat(t.raw().length() - 1));
      } else if (t.kind() == Token.Kind.IDENT && NAMES.contains(t.text())
          && !(i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("("))) {
        int at = t.pos() + shift;
        text.insert(at + t.raw().length(), '"').insert(at, '"');
        text.replace(at + 1, at + 1 + t.raw().length(), t.text());
        quoted.add(at + 1);
        shift += 2;
      }
    }
    String parsedText = text.toString();
    int[] q = quoted.stream().mapToInt(Integer::intValue).toArray();
    try {
      SqlNode node = SqlParser.create(parsedText, ParserConfigs.postgres()).parseStmt();
      if (numbers.isEmpty() && ProjectGrammar.namesUnknownType(node)) {
        SqlNode own = ProjectGrammar.tryParse(sql);
        if (own != null) {
          return new Parsed(own, sql, new int[0], new int[0]);
        }
      }
      return new Parsed(node, parsedText,
          numbers.stream().mapToInt(Integer::intValue).toArray(), q);
    } catch (SqlParseException e) {
      SqlNode own = numbers.isEmpty() ? ProjectGrammar.tryParse(sql) : null;
      if (own != null) {
        return new Parsed(own, sql, new int[0], new int[0]);
      }
      throw new Parsed(null, parsedText, new int[0], q).remap(SyntaxErrors.of(parsedText, e));
    }
  }

  /** Validates a parsed query. */
  public Analysis analyze(String sql, Parsed p, StoreTransaction txn) {
    SqlNode parsed = p.node();
    if (!parsed.getKind().belongsTo(SqlKind.QUERY)) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "engine.unsupported",
          parsed.getKind().sql);
    }
    JavaTypeFactoryImpl types = new JavaTypeFactoryImpl(PgTypeSystem.INSTANCE);
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    CatalogSchema schema = new CatalogSchema(txn, systemTables);
    root.add(SCHEMA, schema);
    // pg_catalog.x finds the system tables (the schema falls back to them for any name).
    root.add(CATALOG_SCHEMA, schema);
    root.add(io.snapsync.core.sql.catalog.InformationSchemaTables.NAME,
        new io.snapsync.core.sql.catalog.InformationSchemaTables(systemTables));
    Properties props = new Properties();
    props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    CalciteConnectionConfig config = new CalciteConnectionConfigImpl(props);
    CalciteCatalogReader reader = new CalciteCatalogReader(root, List.of(SCHEMA), types, config);
    SqlValidator.Config vc = SqlValidator.Config.DEFAULT
        .withConformance(PgConformance.INSTANCE)
        .withDefaultNullCollation(NullCollation.HIGH)
        .withIdentifierExpansion(true)
        .withCallRewrite(true);
    PgValidator validator = new PgValidator(p.text(), org.apache.calcite.sql.util.SqlOperatorTables
        .chain(new PgOperatorTable(functions, library), reader), reader, types, vc);
    List<String> written = OutputNames.beforeValidation(parsed);
    SqlNode validated;
    try {
      validated = validator.validate(parsed);
    } catch (CalciteContextException e) {
      throw p.remap(ValidationErrors.of(p.text(), e));
    } catch (SnapsyncException e) {
      throw p.remap(e);
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
