package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.Session;
import io.vertx.core.Future;
import java.util.List;

/**
 * Answers Describe of a prepared statement before it is bound with the session's
 * {@link Session#describe}: the result columns from the statement's definition (tables, system
 * tables, functions' return types, {@code SHOW}), without running it and without touching the
 * session's transaction (so a REPEATABLE READ block takes no snapshot and a later
 * {@code SET TRANSACTION SNAPSHOT} still works). Statements that return no rows describe as
 * NoData; the clients' own {@code pg_type} look-ups as {@link CatalogProbes} answers them.
 */
final class StatementDescriber {

  private final CatalogProbes probes;

  StatementDescriber(CatalogProbes probes) {
    this.probes = probes;
  }

  Future<List<Column>> columns(PreparedStmt s, Session session) {
    String sql = s.sql;
    // a SELECT without FROM: the type of a bare parameter or expression is only known once
    // it runs (described as text; other values are then sent in their text form)
    s.guessedColumns = SqlText.firstKeyword(sql).equals("SELECT") && !SqlText.hasFrom(sql);
    if (SqlText.isEmpty(sql) || !SqlText.returnsRows(sql)) {
      return Future.succeededFuture(List.of());
    }
    var probe = probes.answer(sql, List.of("0"));
    if (probe.isPresent()) {
      return Future.succeededFuture(probe.get().columns());
    }
    return session.describe(sql);
  }
}
