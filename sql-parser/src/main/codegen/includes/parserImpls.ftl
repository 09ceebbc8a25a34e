<#--
  snapsync: the PostgreSQL productions added to Calcite's grammar (see ../config.fmpp for
  where each one plugs in).
-->

/* ------------------------------------------------------------------ tokens */

<DEFAULT, DQID, BTID, BQID, BQHID> TOKEN :
{
    // "$n" is lexed as a "?" parameter, so it is accepted wherever one is (LIMIT, OFFSET,
    // expressions); the number is kept for PgParser, which renumbers the parameters.
    < PG_PARAM: "$" (["0"-"9"])+ > {
        pgParamNumbers.add(Integer.valueOf(PgGrammarSupport.paramNumber(matchedToken.image)));
        matchedToken.kind = HOOK;
    }
|   < PG_DOLLAR_STRING: "$$" ( ~["$"] | ("$" ~["$"]) )* "$$" >
|   < PG_INTERVAL_STRING: "INTERVAL" ([" ","\t","\n","\r","\f"])+ "'" ( ~["'"] | "''" )* "'" >
|   < #PG_IDENT_START: ["a"-"z","A"-"Z","_","\u0080"-"\uffff"] >
}

/* ---------------------------------------------------------------- literals */

/** A "$$...$$" string. ("$n" parameters arrive as "?" tokens; see PG_PARAM.) */
SqlNode PgParamOrDollarString() :
{
}
{
    <PG_DOLLAR_STRING> {
        return PgGrammarSupport.dollarString(token.image, getPos());
    }
}

/** "INTERVAL 'text'" without a qualifier (PostgreSQL's), or with one (standard SQL). */
SqlNode PgIntervalLiteral() :
{
    final Span s;
    final String v;
    SqlIntervalQualifier q = null;
}
{
    <PG_INTERVAL_STRING> {
        s = span();
        v = PgGrammarSupport.intervalString(token.image);
    }
    [ q = IntervalQualifier() ]
    {
        if (q != null) {
            return SqlParserUtil.parseIntervalLiteral(s.end(q), 1, v, q);
        }
        final SqlParserPos pos = s.end(this);
        return PgGrammarSupport.typedLiteral(PgTypes.named("interval", pos), v, pos, pos);
    }
}

/** A typed literal "type 'text'" ("int4 '1'", "bool 't'", "text 'x'", "integer '5'"). */
SqlNode PgTypedLiteral() :
{
    final Span s;
    final SqlTypeNameSpec t;
    final String v;
}
{
    { s = span(); }
    (
        (
            <BOOL> | <BPCHAR> | <BYTEA> | <FLOAT4> | <FLOAT8> | <INT2> | <INT4> | <INT8>
        |   <JSON> | <JSONB> | <NAME> | <OID> | <REGCLASS> | <REGNAMESPACE> | <REGPROC>
        |   <REGTYPE> | <TEXT> | <TIMESTAMPTZ> | <TIMETZ>
        ) {
            t = PgTypes.named(token.image.toLowerCase(Locale.ROOT), getPos());
        }
    |   ( <INTEGER> | <INT> ) { t = PgGrammarSupport.basic(SqlTypeName.INTEGER, getPos()); }
    |   <BIGINT> { t = PgGrammarSupport.basic(SqlTypeName.BIGINT, getPos()); }
    |   <SMALLINT> { t = PgGrammarSupport.basic(SqlTypeName.SMALLINT, getPos()); }
    |   <REAL> { t = PgGrammarSupport.basic(SqlTypeName.REAL, getPos()); }
    |   <BOOLEAN> { t = PgGrammarSupport.basic(SqlTypeName.BOOLEAN, getPos()); }
    |   <NUMERIC> { t = PgGrammarSupport.basic(SqlTypeName.DECIMAL, getPos()); }
    |   <VARCHAR> { t = PgGrammarSupport.basic(SqlTypeName.VARCHAR, getPos()); }
    |   ( <CHAR> | <CHARACTER> ) { t = PgGrammarSupport.basic(SqlTypeName.CHAR, getPos()); }
    )
    v = SimpleStringLiteral() {
        return PgGrammarSupport.typedLiteral(t, v, t.getParserPos(), s.end(this));
    }
}

/* ------------------------------------------------------------------- types */

/**
 * A type written as a (possibly pg_catalog-qualified) name with optional modifiers: PostgreSQL's
 * own names (int4, text, timestamptz, jsonb, regclass, serial, ...) or a user-defined type.
 */
SqlTypeNameSpec PgNamedType() :
{
    final SqlIdentifier id;
    int precision = -1;
    int scale = -1;
}
{
    id = CompoundIdentifier()
    [
        <LPAREN> precision = UnsignedIntLiteral()
        [ <COMMA> scale = UnsignedIntLiteral() ]
        <RPAREN>
    ]
    {
        return PgTypes.spec(id, precision, scale, id.getParserPosition());
    }
}

/** A data type with PostgreSQL's array forms ("int[]", "text[][]", "int ARRAY"). */
SqlDataTypeSpec PgDataType() :
{
    SqlTypeNameSpec t;
    final Span s = Span.of();
}
{
    (
        <INTERVAL> { t = PgTypes.named("interval", getPos()); }
        [ IntervalQualifier() ]
    |
        t = TypeName()
    )
    (
        t = CollectionsTypeName(t)
    |
        <LBRACKET> [ UnsignedIntLiteral() ] <RBRACKET> {
            t = new SqlCollectionTypeNameSpec(t, SqlTypeName.ARRAY, getPos());
        }
    )*
    {
        return new SqlDataTypeSpec(t, s.add(t.getParserPos()).pos());
    }
}

/* --------------------------------------------------------------- operators */

/** "expr::type": binds tighter than any other operator. */
void PgInfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlDataTypeSpec dt;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
    }
    dt = PgDataType() {
        final SqlNode operand = PgGrammarSupport.popCastOperand(list);
        list.add(SqlLibraryOperators.INFIX_CAST.createCall(
            operand.getParserPosition().plus(dt.getParserPosition()), operand, dt));
    }
}

/** PostgreSQL binary operators Calcite lacks: JSON access, containment, and power. */
void PgBinaryOperator(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlOperator op;
}
{
    (
        <LAMBDA> { op = PgOperators.JSON_GET; }
    |   <JSON_GET_TEXT> { op = PgOperators.JSON_GET_TEXT; }
    |   <JSON_PATH> { op = PgOperators.JSON_PATH; }
    |   <JSON_PATH_TEXT> { op = PgOperators.JSON_PATH_TEXT; }
    |   <CONTAINS_OP> { op = PgOperators.CONTAINS; }
    |   <CONTAINED_BY_OP> { op = PgOperators.CONTAINED_BY; }
    |   <CARET> { op = PgOperators.POWER; }
    )
    {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(op, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/** "expr COLLATE [schema.]name" (psql's "COLLATE pg_catalog.default"); applies to expr alone. */
void PgCollate(List<Object> list, ExprContext exprContext, Span s) :
{
    final List<String> names = new ArrayList<String>();
    final Span cs;
    String n;
}
{
    <COLLATE> {
        checkNonQueryExpression(exprContext);
        cs = span();
    }
    ( n = Identifier() | <DEFAULT_> { n = "default"; } ) { names.add(n); }
    [
        <DOT>
        ( n = Identifier() | <DEFAULT_> { n = "default"; } ) { names.add(n); }
    ]
    {
        final SqlNode operand = PgGrammarSupport.popCastOperand(list);
        final SqlIdentifier collation = new SqlIdentifier(names, cs.end(this));
        list.add(PgOperators.COLLATE.createCall(
            operand.getParserPosition().plus(collation.getParserPosition()), operand,
            collation));
    }
}

/**
 * AND, OR, +, -, *, / and ||, as the base grammar parses them, but folding the operator list
 * as it grows past a bound (see PgChainFolding): Calcite's precedence parser is quadratic in
 * the length of an operator list.
 */
void PgChainOperator(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlOperator op;
}
{
    (
        <AND> { op = SqlStdOperatorTable.AND; }
    |   <OR> { op = SqlStdOperatorTable.OR; }
    |   <PLUS> { op = SqlStdOperatorTable.PLUS; }
    |   <MINUS> { op = SqlStdOperatorTable.MINUS; }
    |   <STAR> { op = SqlStdOperatorTable.MULTIPLY; }
    |   <SLASH> { op = SqlStdOperatorTable.DIVIDE; }
    |   <CONCAT> { op = SqlStdOperatorTable.CONCAT; }
    )
    {
        checkNonQueryExpression(exprContext);
        PgChainFolding.beforeShift(this, list, op);
        list.add(new SqlParserUtil.ToTreeListItem(op, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/** "a OPERATOR(schema.op) b". */
void PgQualifiedOperator(List<Object> list, ExprContext exprContext, Span s) :
{
    final Span os;
    String schema = null;
    final StringBuilder symbol = new StringBuilder();
}
{
    <OPERATOR> {
        checkNonQueryExpression(exprContext);
        os = span();
    }
    <LPAREN>
    [ LOOKAHEAD(2) schema = Identifier() <DOT> ]
    ( PgOperatorSymbolPart() { symbol.append(token.image); } )+
    <RPAREN> {
        list.add(new SqlParserUtil.ToTreeListItem(
            PgOperators.qualified(schema, symbol.toString()), os.end(this)));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

void PgOperatorSymbolPart() :
{
}
{
    <TILDE> | <NEGATE> | <STAR> | <EQ> | <LT> | <GT> | <LE> | <GE> | <NE> | <NE2> | <PLUS>
|   <MINUS> | <SLASH> | <PERCENT_REMAINDER> | <CARET> | <CONCAT> | <LAMBDA> | <JSON_GET_TEXT>
|   <JSON_PATH> | <JSON_PATH_TEXT> | <CONTAINS_OP> | <CONTAINED_BY_OP> | <AMPERSAND>
|   <VERTICAL_BAR> | <LEFTSHIFT>
}

/* --------------------------------------------------------------------- DML */

/** "RETURNING item, ..." */
SqlNodeList PgReturningList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <RETURNING> { s = span(); }
    AddSelectItem(list) ( <COMMA> AddSelectItem(list) )*
    {
        return new SqlNodeList(list, s.end(this));
    }
}

/** "col = expr | DEFAULT" of UPDATE SET and ON CONFLICT DO UPDATE SET. */
void PgSetItem(SqlNodeList columns, SqlNodeList values) :
{
    final SqlIdentifier id;
    final SqlNode e;
    final StringBuilder shape = new StringBuilder();
    final List<SqlNode> bounds = new ArrayList<SqlNode>();
}
{
    id = SimpleIdentifier()
    ( <LBRACKET> PgSubscriptBounds(shape, bounds) <RBRACKET> )*
    <EQ>
    (
        e = Default()
    |
        e = Expression(ExprContext.ACCEPT_SUB_QUERY)
    )
    {
        if (shape.length() == 0) {
            columns.add(id);
            values.add(e);
        } else {
            PgSubscriptAssign.addTo(columns, values, id, shape.toString(), bounds, e,
                id.getParserPosition());
        }
    }
}

/** INSERT INTO t [AS alias] [(cols)] query [ON CONFLICT ...] [RETURNING ...] */
SqlNode PgInsert() :
{
    final Span s;
    final SqlIdentifier table;
    SqlIdentifier alias = null;
    SqlNodeList columns = null;
    final SqlNode source;
    PgOnConflict conflict = null;
    SqlNodeList returning = null;
    final Pair<SqlNodeList, SqlNodeList> p;
}
{
    <INSERT> { s = span(); }
    <INTO> table = CompoundTableIdentifier()
    [ <AS> alias = SimpleIdentifier() ]
    [
        LOOKAHEAD(2)
        p = ParenthesizedCompoundIdentifierList() { columns = p.left; }
    ]
    source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    [ conflict = PgOnConflictClause() ]
    [ returning = PgReturningList() ]
    {
        final SqlNodeList keywords = new SqlNodeList(s.pos());
        if (alias == null && conflict == null && returning == null) {
            return new SqlInsert(s.end(this), keywords, table, source, columns);
        }
        return new PgInsert(s.end(this), keywords, table, source, columns, alias, conflict,
            returning);
    }
}

/** ON CONFLICT [target] DO NOTHING | DO UPDATE SET ... [WHERE ...] */
PgOnConflict PgOnConflictClause() :
{
    final Span s;
    final List<SqlNode> elements = new ArrayList<SqlNode>();
    SqlNodeList target = null;
    SqlNode targetWhere = null;
    SqlIdentifier constraint = null;
    final PgOnConflict.Action action;
    SqlNodeList columns = null;
    SqlNodeList values = null;
    SqlNode where = null;
}
{
    <ON> { s = span(); } <CONFLICT>
    [
        <LPAREN> AddOrderItem(elements) ( <COMMA> AddOrderItem(elements) )* <RPAREN> {
            target = new SqlNodeList(elements, s.end(this));
        }
        [ targetWhere = Where() ]
    |
        <ON> <CONSTRAINT> constraint = SimpleIdentifier()
    ]
    <DO>
    (
        <NOTHING> { action = PgOnConflict.Action.NOTHING; }
    |
        <UPDATE> <SET> {
            action = PgOnConflict.Action.UPDATE;
            columns = new SqlNodeList(getPos());
            values = new SqlNodeList(getPos());
        }
        PgSetItem(columns, values) ( <COMMA> PgSetItem(columns, values) )*
        [ where = Where() ]
    )
    {
        return new PgOnConflict(s.end(this), target, targetWhere, constraint, action, columns,
            values, where);
    }
}

/** UPDATE [ONLY] t [[AS] alias] SET ... [FROM ...] [WHERE ...] [RETURNING ...] */
SqlNode PgUpdate() :
{
    final Span s;
    final SqlIdentifier table;
    SqlIdentifier alias = null;
    final SqlNodeList columns;
    final SqlNodeList values;
    SqlNode from = null;
    SqlNode where = null;
    SqlNodeList returning = null;
}
{
    <UPDATE> {
        s = span();
        columns = new SqlNodeList(s.pos());
        values = new SqlNodeList(s.pos());
    }
    [ <ONLY> ]
    table = CompoundTableIdentifier()
    [ [ <AS> ] alias = SimpleIdentifier() ]
    <SET> PgSetItem(columns, values) ( <COMMA> PgSetItem(columns, values) )*
    [ <FROM> from = FromClause() ]
    [ where = Where() ]
    [ returning = PgReturningList() ]
    {
        if (from == null && returning == null) {
            return new SqlUpdate(s.end(this), table, columns, values, where, null, alias);
        }
        return new PgUpdate(s.end(this), table, columns, values, where, alias, from,
            returning);
    }
}

/** DELETE FROM [ONLY] t [[AS] alias] [USING ...] [WHERE ...] [RETURNING ...] */
SqlNode PgDelete() :
{
    final Span s;
    final SqlIdentifier table;
    SqlIdentifier alias = null;
    SqlNode using = null;
    SqlNode where = null;
    SqlNodeList returning = null;
}
{
    <DELETE> { s = span(); }
    <FROM> [ <ONLY> ] table = CompoundTableIdentifier()
    [ [ <AS> ] alias = SimpleIdentifier() ]
    [ <USING> using = FromClause() ]
    [ where = Where() ]
    [ returning = PgReturningList() ]
    {
        if (using == null && returning == null) {
            return new SqlDelete(s.end(this), table, where, null, alias);
        }
        return new PgDelete(s.end(this), table, where, alias, using, returning);
    }
}

/* --------------------------------------------------------------------- DDL */

boolean PgIfNotExists() :
{
}
{
    LOOKAHEAD(3) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

boolean PgIfExists() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

/** CASCADE (true) | RESTRICT | nothing (false). */
boolean PgDropBehavior() :
{
}
{
    <CASCADE> { return true; }
|   <RESTRICT> { return false; }
|   { return false; }
}

/** CREATE [TEMP | UNLOGGED] TABLE ..., CREATE [OR REPLACE] [TEMP] VIEW ... */
SqlCreate PgCreateRelation(Span s, boolean replace) :
{
    PgCreateTable.Persistence persistence = PgCreateTable.Persistence.PERMANENT;
    final boolean ifNotExists;
    final SqlIdentifier id;
    SqlNodeList elements = null;
    SqlNodeList columns = null;
    SqlNode query = null;
}
{
    [
        ( <TEMP> | <TEMPORARY> | <LOCAL> ( <TEMP> | <TEMPORARY> ) ) {
            persistence = PgCreateTable.Persistence.TEMPORARY;
        }
    |
        <UNLOGGED> { persistence = PgCreateTable.Persistence.UNLOGGED; }
    ]
    (
        <TABLE> ifNotExists = PgIfNotExists() id = CompoundIdentifier()
        (
            elements = PgTableElementList()
            PgTableInheritance(elements)
            [ <WITH> PgStorageParameters() ]
        |
            elements = PgPartitionOf()
        |
            <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
        )
        {
            if (replace) {
                throw SqlUtil.newContextException(s.end(this),
                    RESOURCE.illegalNonQueryExpression());
            }
            return new PgCreateTable(s.end(this), persistence, ifNotExists, id, elements,
                query);
        }
    |
        <VIEW> id = CompoundIdentifier()
        [ columns = ParenthesizedSimpleIdentifierList() ]
        <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) {
            return SqlDdlNodes.createView(s.end(this), replace, id, columns, query);
        }
    )
}

SqlNodeList PgTableElementList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <LPAREN> { s = span(); }
    [ PgTableElement(list) ( <COMMA> PgTableElement(list) )* ]
    <RPAREN> {
        return new SqlNodeList(list, s.end(this));
    }
}

void PgTableElement(List<SqlNode> list) :
{
    SqlIdentifier name = null;
}
{
    (
        <CONSTRAINT> name = SimpleIdentifier() PgTableConstraint(list, name)
    |
        PgTableConstraint(list, null)
    |
        PgTableLikeElement(list)
    |
        PgColumnDef(list)
    )
}

/** PRIMARY KEY (..) | UNIQUE (..) | CHECK (..) | FOREIGN KEY (..) REFERENCES ... */
void PgTableConstraint(List<SqlNode> list, SqlIdentifier name) :
{
    final Span s;
    final SqlNodeList columns;
    final SqlNode e;
    final PgForeignKey fk;
}
{
    { s = span(); }
    (
        <PRIMARY> <KEY> columns = ParenthesizedSimpleIdentifierList() {
            list.add(SqlDdlNodes.primary(s.end(this), name, columns));
        }
    |
        <UNIQUE> columns = ParenthesizedSimpleIdentifierList() {
            list.add(SqlDdlNodes.unique(s.end(this), name, columns));
        }
    |
        <CHECK> <LPAREN> e = Expression(ExprContext.ACCEPT_SUB_QUERY) <RPAREN> {
            list.add(SqlDdlNodes.check(s.end(this), name, e));
        }
    |
        <FOREIGN> <KEY> columns = ParenthesizedSimpleIdentifierList()
        fk = PgReferences(s, name, columns) { list.add(fk); }
    )
}

/** REFERENCES t [(cols)] [ON DELETE action] [ON UPDATE action] */
PgForeignKey PgReferences(Span s, SqlIdentifier name, SqlNodeList columns) :
{
    final SqlIdentifier table;
    SqlNodeList refColumns = null;
    PgForeignKey.Action onDelete = PgForeignKey.Action.NO_ACTION;
    PgForeignKey.Action onUpdate = PgForeignKey.Action.NO_ACTION;
}
{
    <REFERENCES> table = CompoundIdentifier()
    [ refColumns = ParenthesizedSimpleIdentifierList() ]
    (
        LOOKAHEAD(2)
        <ON>
        (
            <DELETE> onDelete = PgReferentialAction()
        |
            <UPDATE> onUpdate = PgReferentialAction()
        )
    )*
    {
        return new PgForeignKey(s.end(this), name, columns, table, refColumns, onDelete,
            onUpdate);
    }
}

PgForeignKey.Action PgReferentialAction() :
{
}
{
    <NO> <ACTION> { return PgForeignKey.Action.NO_ACTION; }
|   <RESTRICT> { return PgForeignKey.Action.RESTRICT; }
|   <CASCADE> { return PgForeignKey.Action.CASCADE; }
|   LOOKAHEAD(2) <SET> <NULL> { return PgForeignKey.Action.SET_NULL; }
|   <SET> <DEFAULT_> { return PgForeignKey.Action.SET_DEFAULT; }
}

/** A column: name type [constraints]; column constraints become table constraints after it. */
void PgColumnDef(List<SqlNode> list) :
{
    final Span s;
    final SqlIdentifier id;
    final SqlDataTypeSpec type;
    boolean nullable = true;
    SqlNode expression = null;
    ColumnStrategy strategy = null;
    final List<SqlNode> constraints = new ArrayList<SqlNode>();
    SqlIdentifier name;
    SqlNode e;
    boolean always;
    PgForeignKey fk;
    Span cs;
}
{
    id = SimpleIdentifier() { s = span(); }
    type = PgDataType()
    (
        { name = null; cs = span(); }
        [ <CONSTRAINT> name = SimpleIdentifier() ]
        (
            <NOT> <NULL> { nullable = false; }
        |
            <NULL> { nullable = true; }
        |
            <DEFAULT_> e = Expression(ExprContext.ACCEPT_NON_QUERY) {
                expression = e;
                strategy = ColumnStrategy.DEFAULT;
            }
        |
            <PRIMARY> <KEY> {
                nullable = false;
                constraints.add(SqlDdlNodes.primary(cs.end(this), name,
                    new SqlNodeList(Collections.singletonList(id), id.getParserPosition())));
            }
        |
            <UNIQUE> {
                constraints.add(SqlDdlNodes.unique(cs.end(this), name,
                    new SqlNodeList(Collections.singletonList(id), id.getParserPosition())));
            }
        |
            <CHECK> <LPAREN> e = Expression(ExprContext.ACCEPT_SUB_QUERY) <RPAREN> {
                constraints.add(SqlDdlNodes.check(cs.end(this), name, e));
            }
        |
            fk = PgReferences(cs, name,
                new SqlNodeList(Collections.singletonList(id), id.getParserPosition())) {
                constraints.add(fk);
            }
        |
            <GENERATED>
            ( <ALWAYS> { always = true; } | <BY> <DEFAULT_> { always = false; } )
            <AS>
            (
                <IDENTITY> {
                    expression = new PgIdentity(cs.end(this), always);
                    strategy = ColumnStrategy.DEFAULT;
                }
                [ <LPAREN> PgSequenceOptions() <RPAREN> ]
            |
                <LPAREN> e = Expression(ExprContext.ACCEPT_NON_QUERY) <RPAREN> <STORED> {
                    expression = e;
                    strategy = ColumnStrategy.STORED;
                }
            )
        )
    )*
    {
        if (strategy == null) {
            strategy = nullable ? ColumnStrategy.NULLABLE : ColumnStrategy.NOT_NULLABLE;
        }
        list.add(SqlDdlNodes.column(s.add(type).end(this), id, type.withNullable(nullable),
            expression, strategy));
        list.addAll(constraints);
    }
}

/** CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON t [USING m] (...) [WHERE] */
SqlCreate PgCreateIndex(Span s, boolean replace) :
{
    boolean unique = false;
    boolean concurrently = false;
    boolean ifNotExists = false;
    SqlIdentifier name = null;
    final SqlIdentifier table;
    String method = null;
    final List<SqlNode> elements = new ArrayList<SqlNode>();
    final Span es;
    SqlNode where = null;
}
{
    [ <UNIQUE> { unique = true; } ]
    <INDEX>
    [ <CONCURRENTLY> { concurrently = true; } ]
    [
        LOOKAHEAD(3) <IF> <NOT> <EXISTS> { ifNotExists = true; } name = SimpleIdentifier()
    |
        name = SimpleIdentifier()
    ]
    <ON> [ <ONLY> ] table = CompoundIdentifier()
    [ <USING> method = Identifier() ]
    <LPAREN> { es = span(); }
    AddOrderItem(elements) ( <COMMA> AddOrderItem(elements) )*
    <RPAREN>
    [ where = Where() ]
    {
        return new PgCreateIndex(s.end(this), unique, concurrently, ifNotExists, name, table,
            method == null ? null : method.toLowerCase(Locale.ROOT),
            new SqlNodeList(elements, es.end(this)), where);
    }
}

/** CREATE SCHEMA [IF NOT EXISTS] name */
SqlCreate PgCreateSchema(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier id;
}
{
    <SCHEMA> ifNotExists = PgIfNotExists() id = SimpleIdentifier() {
        return SqlDdlNodes.createSchema(s.end(this), replace, ifNotExists, id);
    }
}

/** CREATE SEQUENCE [IF NOT EXISTS] name [options] */
SqlCreate PgCreateSequence(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier id;
    final PgCreateSequence.Options opts;
}
{
    <SEQUENCE> ifNotExists = PgIfNotExists() id = CompoundIdentifier()
    opts = PgSequenceOptions() {
        return new PgCreateSequence(s.end(this), ifNotExists, id, opts);
    }
}

PgCreateSequence.Options PgSequenceOptions() :
{
    Long increment = null;
    Long minValue = null;
    Long maxValue = null;
    Long start = null;
    Long cache = null;
    Boolean cycle = null;
    long v;
}
{
    (
        <INCREMENT> [ <BY> ] v = PgSignedLong() { increment = v; }
    |   <MINVALUE> v = PgSignedLong() { minValue = v; }
    |   <MAXVALUE> v = PgSignedLong() { maxValue = v; }
    |   <NO> ( <MINVALUE> | <MAXVALUE> | <CYCLE> { cycle = Boolean.FALSE; } )
    |   <START> [ <WITH> ] v = PgSignedLong() { start = v; }
    |   <CACHE> v = PgSignedLong() { cache = v; }
    |   <CYCLE> { cycle = Boolean.TRUE; }
    |   <AS> PgDataType()
    |   <OWNED> <BY> CompoundIdentifier()
    )*
    {
        return new PgCreateSequence.Options(increment, minValue, maxValue, start, cache, cycle);
    }
}

long PgSignedLong() :
{
    long sign = 1;
}
{
    [ <MINUS> { sign = -1; } | <PLUS> ]
    <UNSIGNED_INTEGER_LITERAL> {
        return sign * Long.parseLong(token.image);
    }
}

/** DROP TABLE | INDEX [CONCURRENTLY] | VIEW | SEQUENCE | SCHEMA [IF EXISTS] a, b [CASCADE] */
SqlDrop PgDropObjects(Span s, boolean replace) :
{
    final PgObjectType type;
    boolean concurrently = false;
    final boolean ifExists;
    final List<SqlNode> names = new ArrayList<SqlNode>();
    SqlIdentifier id;
    final boolean cascade;
}
{
    (
        <TABLE> { type = PgObjectType.TABLE; }
    |   <INDEX> { type = PgObjectType.INDEX; } [ <CONCURRENTLY> { concurrently = true; } ]
    |   <VIEW> { type = PgObjectType.VIEW; }
    |   <SEQUENCE> { type = PgObjectType.SEQUENCE; }
    |   <SCHEMA> { type = PgObjectType.SCHEMA; }
    )
    ifExists = PgIfExists()
    id = CompoundIdentifier() { names.add(id); }
    ( <COMMA> id = CompoundIdentifier() { names.add(id); } )*
    cascade = PgDropBehavior()
    {
        return new PgDrop(s.end(this), type, concurrently, ifExists,
            new SqlNodeList(names, s.end(this)), cascade);
    }
}

/** TRUNCATE [TABLE] [ONLY] a, b [RESTART | CONTINUE IDENTITY] [CASCADE | RESTRICT] */
SqlTruncate PgTruncateTables(Span s) :
{
    final List<SqlNode> names = new ArrayList<SqlNode>();
    SqlIdentifier id;
    boolean restart = false;
    final boolean cascade;
}
{
    [ <TABLE> ]
    [ <ONLY> ] id = CompoundIdentifier() { names.add(id); }
    ( <COMMA> [ <ONLY> ] id = CompoundIdentifier() { names.add(id); } )*
    [
        <RESTART> <IDENTITY> { restart = true; }
    |
        <CONTINUE> <IDENTITY>
    ]
    cascade = PgDropBehavior()
    {
        return new PgTruncate(s.end(this), new SqlNodeList(names, s.end(this)), restart,
            cascade);
    }
}

/** ALTER TABLE [IF EXISTS] [ONLY] t ADD ... | DROP ... | RENAME ... */
SqlNode PgAlterTable() :
{
    final Span s;
    final boolean ifExists;
    final SqlIdentifier table;
    PgAlterTable.Action action;
    final List<SqlNode> elements = new ArrayList<SqlNode>();
    SqlNode element = null;
    SqlIdentifier column = null;
    SqlIdentifier newName = null;
    boolean actionIfExists = false;
    boolean cascade = false;
    SqlIdentifier name = null;
}
{
    <ALTER> { s = span(); } <TABLE>
    ifExists = PgIfExists()
    [ <ONLY> ] table = CompoundIdentifier()
    (
        <ADD>
        (
            [ <CONSTRAINT> name = SimpleIdentifier() ]
            PgTableConstraint(elements, name) { action = PgAlterTable.Action.ADD_CONSTRAINT; }
        |
            [ <COLUMN> ] actionIfExists = PgIfNotExists()
            PgColumnDef(elements) { action = PgAlterTable.Action.ADD_COLUMN; }
        )
        { element = elements.get(0); }
    |
        <DROP>
        (
            <CONSTRAINT> actionIfExists = PgIfExists() column = SimpleIdentifier() {
                action = PgAlterTable.Action.DROP_CONSTRAINT;
            }
        |
            [ <COLUMN> ] actionIfExists = PgIfExists() column = SimpleIdentifier() {
                action = PgAlterTable.Action.DROP_COLUMN;
            }
        )
        cascade = PgDropBehavior()
    |
        <ALTER> [ <COLUMN> ] column = SimpleIdentifier() element = PgAlterColumnAction() {
            action = PgAlterTable.Action.ALTER_COLUMN;
        }
    |
        element = PgPartitionAlterAction() { action = PgAlterTable.Action.PARTITION; }
    |
        <RENAME>
        (
            <TO> newName = SimpleIdentifier() { action = PgAlterTable.Action.RENAME_TABLE; }
        |
            [ <COLUMN> ] column = SimpleIdentifier() <TO> newName = SimpleIdentifier() {
                action = PgAlterTable.Action.RENAME_COLUMN;
            }
        )
    )
    {
        return new PgAlterTable(s.end(this), table, ifExists, action, element, column,
            newName, actionIfExists, cascade);
    }
}

/* ---------------------------------------------------------------- ddl (session 3) */

/** WITH (fillfactor = 70, ...): storage parameters, accepted and ignored. */
void PgStorageParameters() :
{
}
{
    <LPAREN> PgStorageParameter() ( <COMMA> PgStorageParameter() )* <RPAREN>
}

void PgStorageParameter() :
{
}
{
    CompoundIdentifier()
    [
        <EQ>
        (
            PgSignedLong()
        |   <DECIMAL_NUMERIC_LITERAL>
        |   StringLiteral()
        |   <TRUE>
        |   <FALSE>
        |   SimpleIdentifier()
        )
    ]
}

/** LIKE t [INCLUDING | EXCLUDING DEFAULTS | CONSTRAINTS | ALL | ...]* */
void PgTableLikeElement(List<SqlNode> list) :
{
    final Span s;
    final SqlIdentifier table;
    boolean defaults = false;
    boolean constraints = false;
    boolean including;
}
{
    <LIKE> { s = span(); } table = CompoundIdentifier()
    (
        ( <INCLUDING> { including = true; } | <EXCLUDING> { including = false; } )
        (
            <DEFAULTS> { defaults = including; }
        |   <CONSTRAINTS> { constraints = including; }
        |   <ALL> { defaults = including; constraints = including; }
        |   SimpleIdentifier()
        )
    )*
    {
        list.add(new PgTableLike(s.end(this), table, defaults, constraints));
    }
}

/** ALTER TABLE t ALTER [COLUMN] c: SET DEFAULT e | DROP DEFAULT | SET/DROP NOT NULL | TYPE */
SqlNode PgAlterColumnAction() :
{
    final Span s = Span.of();
    final SqlNode e;
    final SqlDataTypeSpec type;
    SqlNode using = null;
}
{
    (
        LOOKAHEAD(2)
        <SET> <DEFAULT_> e = Expression(ExprContext.ACCEPT_NON_QUERY) {
            return new PgAlterColumn(s.end(this), PgAlterColumn.Change.SET_DEFAULT, e, null);
        }
    |
        LOOKAHEAD(2)
        <SET> <NOT> <NULL> {
            return new PgAlterColumn(s.end(this), PgAlterColumn.Change.SET_NOT_NULL, null, null);
        }
    |
        <SET> <DATA> <TYPE> type = PgDataType() [ <USING> using = Expression(ExprContext.ACCEPT_SUB_QUERY) ] {
            return new PgAlterColumn(s.end(this), PgAlterColumn.Change.TYPE, using, type);
        }
    |
        LOOKAHEAD(2)
        <DROP> <DEFAULT_> {
            return new PgAlterColumn(s.end(this), PgAlterColumn.Change.DROP_DEFAULT, null, null);
        }
    |
        <DROP> <NOT> <NULL> {
            return new PgAlterColumn(s.end(this), PgAlterColumn.Change.DROP_NOT_NULL, null,
                null);
        }
    |
        <TYPE> type = PgDataType() [ <USING> using = Expression(ExprContext.ACCEPT_SUB_QUERY) ] {
            return new PgAlterColumn(s.end(this), PgAlterColumn.Change.TYPE, using, type);
        }
    )
}

/** ALTER SEQUENCE [IF EXISTS] s RESTART [[WITH] n] */
SqlNode PgAlterSequence() :
{
    final Span s;
    final boolean ifExists;
    final SqlIdentifier id;
    Long with = null;
    long v;
}
{
    <ALTER> { s = span(); } <SEQUENCE> ifExists = PgIfExists() id = CompoundIdentifier()
    <RESTART> [ [ <WITH> ] v = PgSignedLong() { with = v; } ]
    {
        return new PgAlterSequence(s.end(this), id, ifExists, with);
    }
}

/* ------------------------------------------------- types: jsonb operators */

/** jsonb's "?", "?|", "?&" (key exists), "#-" (delete path), "@?" and "@@" (jsonpath). */
void PgJsonOperator(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlOperator op;
}
{
    (
        <HOOK> { op = PgOperators.JSON_EXISTS; }
    |   <JSON_EXISTS_ANY> { op = PgOperators.JSON_EXISTS_ANY; }
    |   <JSON_EXISTS_ALL> { op = PgOperators.JSON_EXISTS_ALL; }
    |   <JSON_DELETE_PATH> { op = PgOperators.JSON_DELETE_PATH; }
    |   <JSONPATH_EXISTS> { op = PgOperators.JSONPATH_EXISTS; }
    |   <JSONPATH_MATCH> { op = PgOperators.JSONPATH_MATCH; }
    )
    {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(op, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

// ---- schema (session 4): ALTER VIEW / ALTER SCHEMA ... RENAME ----

/** ALTER VIEW | SCHEMA [IF EXISTS] name RENAME TO new_name */
SqlNode PgAlterRename() :
{
    final Span s;
    final PgObjectType type;
    boolean ifExists = false;
    final SqlIdentifier id;
    final SqlIdentifier newName;
}
{
    <ALTER> { s = span(); }
    (
        <VIEW> { type = PgObjectType.VIEW; } ifExists = PgIfExists() id = CompoundIdentifier()
    |
        <SCHEMA> { type = PgObjectType.SCHEMA; } id = SimpleIdentifier()
    )
    <RENAME> <TO> newName = SimpleIdentifier() {
        return new PgAlterRename(s.end(this), type, ifExists, id, newName);
    }
}

// ---- expr (session 4): array constructors with nested brackets, subscripts and slices, && ----

/** "ARRAY[e, ...]", whose elements may be bracketed lists themselves ("ARRAY[[1,2],[3,4]]"). */
SqlNode PgArrayConstructor() :
{
    final SqlNode e;
}
{
    <ARRAY> e = PgArrayBrackets() { return e; }
}

/** "[e, ...]" of an ARRAY constructor: an array value (nested lists are sub-arrays). */
SqlNode PgArrayBrackets() :
{
    final Span s;
    final List<SqlNode> args = new ArrayList<SqlNode>();
    SqlNode e;
}
{
    <LBRACKET> { s = span(); }
    [
        e = PgArrayElement() { args.add(e); }
        ( <COMMA> e = PgArrayElement() { args.add(e); } )*
    ]
    <RBRACKET> {
        return SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR.createCall(s.end(this), args);
    }
}

SqlNode PgArrayElement() :
{
    final SqlNode e;
}
{
    (
        e = PgArrayBrackets()
    |
        e = Expression(ExprContext.ACCEPT_SUB_QUERY)
    )
    { return e; }
}

/**
 * Subscripts and slices after an operand: "a[1]", "a[1][2]", "a[1:2]", "a[:2][2:]", "a[:]".
 * The whole chain is one PgSubscript call (a slice anywhere makes every subscript a slice, as
 * in PostgreSQL).
 */
void PgSubscripts(List<Object> list, ExprContext exprContext, Span s) :
{
    final StringBuilder shape = new StringBuilder();
    final List<SqlNode> bounds = new ArrayList<SqlNode>();
    final Span ss;
}
{
    <LBRACKET> {
        checkNonQueryExpression(exprContext);
        ss = span();
    }
    PgSubscriptBounds(shape, bounds) <RBRACKET>
    (
        LOOKAHEAD(1) <LBRACKET> PgSubscriptBounds(shape, bounds) <RBRACKET>
    )*
    {
        final SqlNode operand = PgGrammarSupport.popCastOperand(list);
        list.add(PgSubscript.of(shape.toString()).createCall(
            operand.getParserPosition().plus(ss.end(this)), PgSubscript.operands(operand, bounds)));
    }
}

/** One "[...]": an index (shape i) or a slice lo:hi (s), lo: (l), :hi (u) or : (n). */
void PgSubscriptBounds(StringBuilder shape, List<SqlNode> bounds) :
{
    SqlNode lo = null;
    SqlNode hi = null;
    boolean slice = false;
}
{
    (
        <COLON> { slice = true; }
        [ hi = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
    |
        lo = Expression(ExprContext.ACCEPT_SUB_QUERY)
        [
            <COLON> { slice = true; }
            [ hi = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
        ]
    )
    {
        shape.append(PgSubscript.shapeOf(slice, lo != null, hi != null));
        if (lo != null) {
            bounds.add(lo);
        }
        if (hi != null) {
            bounds.add(hi);
        }
    }
}

/** "a && b" (arrays overlap). */
void PgArrayOperator(List<Object> list, ExprContext exprContext, Span s) :
{
}
{
    <OVERLAP_OP> {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(PgArrayOperators.OVERLAP, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/**
 * "ANY (array)" / "SOME (array)" / "ALL (array)" where an operand is expected: the right side
 * of "x LIKE ANY (array)" (comparisons parse their own ANY/ALL first).
 */
SqlNode PgQuantifiedArray() :
{
    final Span s;
    final boolean all;
    final SqlNode e;
}
{
    ( <ANY> { all = false; } | <SOME> { all = false; } | <ALL> { all = true; } )
    { s = span(); }
    <LPAREN> e = Expression(ExprContext.ACCEPT_SUB_QUERY) <RPAREN> {
        return PgQuantified.of(all).createCall(s.end(this), e);
    }
}

/* ------------------------------------------------------------ srf (session 5) */

/** "LATERAL f(args)" in FROM: PostgreSQL's explicit LATERAL before a function call. */
SqlNode PgLateralFunction() :
{
    final SqlIdentifier name;
    SqlNode call;
}
{
    <LATERAL> name = CompoundTableIdentifier()
    call = ImplicitTableFunctionCallArgs(name)
    [ LOOKAHEAD(2) call = PgWithOrdinality(call) ]
    { return call; }
}

/** "f(args) WITH ORDINALITY" in FROM. */
SqlNode PgWithOrdinality(SqlNode call) :
{
}
{
    <WITH> <ORDINALITY> {
        return PgFromFunction.WITH_ORDINALITY.createCall(getPos(), call);
    }
}

/**
 * A column definition list after a function's alias, "(a int, b text)": names and data types
 * alternate in the list (the engine reads it before validation).
 */
SqlNodeList PgColumnDefinitionList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlIdentifier id;
    SqlDataTypeSpec type;
}
{
    <LPAREN> { s = span(); }
    id = SimpleIdentifier() type = PgDataType() { list.add(id); list.add(type); }
    (
        <COMMA> id = SimpleIdentifier() type = PgDataType() { list.add(id); list.add(type); }
    )*
    <RPAREN>
    { return new SqlNodeList(list, s.end(this)); }
}

/** "unnest(array [, ...])" in an expression: the set-returning function (not a FROM item). */
SqlNode PgUnnestCall() :
{
    final Span s;
    final List<SqlNode> args = new ArrayList<SqlNode>();
}
{
    <UNNEST> { s = span(); }
    <LPAREN> AddExpression(args, ExprContext.ACCEPT_SUB_QUERY)
    ( <COMMA> AddExpression(args, ExprContext.ACCEPT_SUB_QUERY) )*
    <RPAREN> {
        return createCall(new SqlIdentifier("unnest", s.end(this)), s.end(this),
            SqlFunctionCategory.USER_DEFINED_FUNCTION, null, args);
    }
}

/* ---------------------------------------------------------------- partition (session 5) */

/** [INHERITS (parents)] [PARTITION BY ...] after CREATE TABLE's column list. */
void PgTableInheritance(SqlNodeList elements) :
{
    final Span s;
    final SqlNodeList parents;
}
{
    [
        <INHERITS> { s = span(); } parents = PgNameList() {
            elements.add(new PgPartitionClause(s.end(this), PgPartitionClause.Kind.INHERITS,
                null, parents, null, null));
        }
    ]
    [ PgPartitionBy(elements) ]
}

/** PARTITION BY RANGE | LIST | HASH (key [, ...]). */
void PgPartitionBy(SqlNodeList elements) :
{
    final Span s;
    final String strategy;
    final List<SqlNode> keys = new ArrayList<SqlNode>();
    SqlNode e;
}
{
    <PARTITION> { s = span(); } <BY>
    (
        <RANGE> { strategy = "RANGE"; }
    |   <LIST> { strategy = "LIST"; }
    |   <HASH> { strategy = "HASH"; }
    )
    <LPAREN> e = Expression(ExprContext.ACCEPT_NON_QUERY) { keys.add(e); }
    ( <COMMA> e = Expression(ExprContext.ACCEPT_NON_QUERY) { keys.add(e); } )*
    <RPAREN> {
        elements.add(new PgPartitionClause(s.end(this), PgPartitionClause.Kind.PARTITION_BY,
            strategy, new SqlNodeList(keys, s.end(this)), null, null));
    }
}

/** PARTITION OF parent [(elements)] bound [PARTITION BY ...]: the elements, clause first. */
SqlNodeList PgPartitionOf() :
{
    final Span s;
    final SqlIdentifier parent;
    SqlNodeList elements = null;
    final PgPartitionBound bound;
}
{
    <PARTITION> { s = span(); } <OF> parent = CompoundIdentifier()
    [ elements = PgTableElementList() ]
    bound = PgPartitionBoundSpec() {
        SqlNodeList out = new SqlNodeList(s.end(this));
        out.add(new PgPartitionClause(s.end(this), PgPartitionClause.Kind.PARTITION_OF, null,
            null, parent, bound));
        if (elements != null) {
            out.addAll(elements);
        }
    }
    [ PgPartitionBy(out) ]
    [ <WITH> PgStorageParameters() ]
    { return out; }
}

/** FOR VALUES FROM (..) TO (..) | IN (..) | WITH (MODULUS m, REMAINDER r), or DEFAULT. */
PgPartitionBound PgPartitionBoundSpec() :
{
    final Span s;
    SqlNodeList from;
    SqlNodeList to;
    SqlNodeList values;
    final long[] mr = new long[2];
    long[] part;
}
{
    <DEFAULT_> {
        return new PgPartitionBound(getPos(), PgPartitionBound.Kind.DEFAULT, null, null, null,
            0, 0);
    }
|
    <FOR> { s = span(); } <VALUES>
    (
        <FROM> from = PgBoundValues() <TO> to = PgBoundValues() {
            return new PgPartitionBound(s.end(this), PgPartitionBound.Kind.RANGE, from, to,
                null, 0, 0);
        }
    |
        <IN> values = PgBoundValues() {
            return new PgPartitionBound(s.end(this), PgPartitionBound.Kind.LIST, null, null,
                values, 0, 0);
        }
    |
        <WITH> <LPAREN> part = PgHashBoundPart() { mr[(int) part[0]] = part[1]; }
        <COMMA> part = PgHashBoundPart() { mr[(int) part[0]] = part[1]; }
        <RPAREN> {
            return new PgPartitionBound(s.end(this), PgPartitionBound.Kind.HASH, null, null,
                null, mr[0], mr[1]);
        }
    )
}

/** MODULUS n ({0, n}) | REMAINDER n ({1, n}). */
long[] PgHashBoundPart() :
{
    long v;
}
{
    <MODULUS> v = PgSignedLong() { return new long[] {0, v}; }
|   <REMAINDER> v = PgSignedLong() { return new long[] {1, v}; }
}

/** (value [, ...]): expressions, MINVALUE or MAXVALUE. */
SqlNodeList PgBoundValues() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <LPAREN> { s = span(); }
    PgBoundValue(list) ( <COMMA> PgBoundValue(list) )*
    <RPAREN> { return new SqlNodeList(list, s.end(this)); }
}

void PgBoundValue(List<SqlNode> list) :
{
    SqlNode e;
}
{
    <MINVALUE> { list.add(SqlLiteral.createSymbol(PgPartitionBound.Infinity.MINVALUE, getPos())); }
|   <MAXVALUE> { list.add(SqlLiteral.createSymbol(PgPartitionBound.Infinity.MAXVALUE, getPos())); }
|   e = Expression(ExprContext.ACCEPT_NON_QUERY) { list.add(e); }
}

/** (name [, ...]) */
SqlNodeList PgNameList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlIdentifier id;
}
{
    <LPAREN> { s = span(); }
    id = CompoundIdentifier() { list.add(id); }
    ( <COMMA> id = CompoundIdentifier() { list.add(id); } )*
    <RPAREN> { return new SqlNodeList(list, s.end(this)); }
}

/** ATTACH PARTITION t bound | DETACH PARTITION t [CONCURRENTLY | FINALIZE] | [NO] INHERIT p */
PgPartitionAction PgPartitionAlterAction() :
{
    final Span s;
    final SqlIdentifier t;
    final PgPartitionBound bound;
}
{
    <ATTACH> { s = span(); } <PARTITION> t = CompoundIdentifier()
    bound = PgPartitionBoundSpec() {
        return new PgPartitionAction(s.end(this), PgPartitionAction.Kind.ATTACH, t, bound);
    }
|
    <DETACH> { s = span(); } <PARTITION> t = CompoundIdentifier()
    [ <CONCURRENTLY> | <FINALIZE> ] {
        return new PgPartitionAction(s.end(this), PgPartitionAction.Kind.DETACH, t, null);
    }
|
    <INHERIT> { s = span(); } t = CompoundIdentifier() {
        return new PgPartitionAction(s.end(this), PgPartitionAction.Kind.INHERIT, t, null);
    }
|
    <NO> { s = span(); } <INHERIT> t = CompoundIdentifier() {
        return new PgPartitionAction(s.end(this), PgPartitionAction.Kind.NO_INHERIT, t, null);
    }
}

// ---- expr: SELECT forms the template lacks (spliced into SqlSelect by sql-parser/pom.xml) ----

/** DISTINCT ON (e [, ...]) after SELECT, carried as a PgDistinctOn call (see its javadoc). */
SqlNode PgDistinctOnClause() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlNode e;
}
{
    <DISTINCT> { s = span(); } <ON> <LPAREN>
    e = Expression(ExprContext.ACCEPT_SUB_QUERY) { list.add(e); }
    ( <COMMA> e = Expression(ExprContext.ACCEPT_SUB_QUERY) { list.add(e); } )*
    <RPAREN> { return PgDistinctOn.INSTANCE.createCall(s.end(this), list); }
}
