package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.session.StatementResult;
import io.snapsync.plugins.pgwire.impl.codec.Bind;
import io.vertx.core.Future;
import java.util.List;

/**
 * A bound statement. It runs once, at its first Describe or Execute; the result is kept so
 * that Execute with a row limit can hand it out in pieces (PortalSuspended).
 */
final class Portal {

  final String name;
  final PreparedStmt statement;
  final List<Object> params;
  final Bind bind;
  Future<StatementResult> run;
  /** The result read in pages (a query of a transaction block), else null. */
  Future<io.snapsync.core.session.ResultPages> pages;
  int rowsSent;
  boolean noticesSent;
  boolean done;

  Portal(String name, PreparedStmt statement, List<Object> params, Bind bind) {
    this.name = name;
    this.statement = statement;
    this.params = params;
    this.bind = bind;
  }
}
