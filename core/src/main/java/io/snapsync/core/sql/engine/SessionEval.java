package io.snapsync.core.sql.engine;

import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.func.EvalContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The {@link EvalContext} of one statement of a session. */
final class SessionEval implements EvalContext {

  private final SessionContext session;
  private final Instant statementStart;
  private final ZoneId zone;
  private final io.snapsync.core.spi.SystemTableRegistry systemTables;

  SessionEval(SessionContext session, Instant statementStart,
      io.snapsync.core.spi.SystemTableRegistry systemTables) {
    this.session = session;
    this.systemTables = systemTables;
    this.statementStart = statementStart;
    ZoneId z;
    try {
      z = ZoneId.of(session.setting("TimeZone"));
    } catch (RuntimeException e) {
      z = ZoneOffset.UTC;
    }
    this.zone = z;
  }

  @Override
  public ZoneId timeZone() {
    return zone;
  }

  @Override
  public Instant transactionStart() {
    return statementStart;
  }

  @Override
  public Instant statementStart() {
    return statementStart;
  }

  @Override
  public io.snapsync.storage.StoreTransaction storeTxn() {
    return session.txn().storeTxnIfBegun();
  }

  @Override
  public io.snapsync.core.spi.SystemTableRegistry systemTables() {
    return systemTables;
  }

  @Override
  public String user() {
    return session.user();
  }

  @Override
  public String setting(String name) {
    return session.setting(name);
  }

  @Override
  public void checkCanceled() {
    session.checkCanceled();
  }
}
