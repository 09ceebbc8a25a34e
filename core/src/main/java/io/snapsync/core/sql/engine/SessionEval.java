package io.snapsync.core.sql.engine;

import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.func.EvalContext;
import io.snapsync.core.sql.types.PgStyle;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The {@link EvalContext} of one statement of a session; collects the notices its routines
 * raise ({@code RAISE NOTICE}) for the statement's result.
 */
public final class SessionEval implements EvalContext {

  private final SessionContext session;
  private final Instant statementStart;
  private final ZoneId zone;
  private final io.snapsync.core.sql.Database db;
  private PgStyle style;
  private final java.util.List<io.snapsync.core.session.Notice> notices =
      new java.util.ArrayList<>();

  /** The context of a statement of {@code session} run by {@code db} (DO, CALL). */
  public static SessionEval of(SessionContext session, Instant statementStart,
      io.snapsync.core.sql.Database db) {
    return new SessionEval(session, statementStart, db);
  }

  SessionEval(SessionContext session, Instant statementStart) {
    this(session, statementStart, null);
  }

  SessionEval(SessionContext session, Instant statementStart, io.snapsync.core.sql.Database db) {
    this.session = session;
    this.db = db;
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
  public PgStyle style() {
    if (style == null) {
      style = PgStyle.of(session.setting("DateStyle"), session.setting("IntervalStyle"));
    }
    return style;
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
  public io.snapsync.core.sql.ddl.SequenceSession sequences() {
    if (db == null) {
      return EvalContext.super.sequences();
    }
    return db.executor().ddl().sequences().forSession(session.sessionId(),
        session.txn().storeTxn());
  }

  @Override
  public io.snapsync.core.spi.SystemTableRegistry systemTables() {
    return db == null ? null : db.services().systemTables();
  }

  @Override
  public String user() {
    return session.user();
  }

  @Override
  public String setting(String name) {
    return session.setting(name);
  }

  /**
   * {@code set_config(name, value, false)} sets the session's value as {@code SET} does (a
   * rollback of the enclosing block does not undo it); the transaction-local form stays refused.
   */
  @Override
  public String setConfig(String name, String value, boolean local) {
    if (local) {
      return EvalContext.super.setConfig(name, value, true);
    }
    session.settings().set(name, value);
    return session.settings().show(name);
  }

  @Override
  public io.snapsync.core.sql.Database engine() {
    return db;
  }

  @Override
  public void checkCanceled() {
    session.checkCanceled();
  }

  @Override
  public SessionContext session() {
    return session;
  }

  @Override
  public void notice(io.snapsync.core.session.Notice n) {
    synchronized (notices) {
      notices.add(n);
    }
  }

  /** The notices raised so far, removed from this context. */
  public java.util.List<io.snapsync.core.session.Notice> drainNotices() {
    synchronized (notices) {
      java.util.List<io.snapsync.core.session.Notice> out = java.util.List.copyOf(notices);
      notices.clear();
      return out;
    }
  }
}
