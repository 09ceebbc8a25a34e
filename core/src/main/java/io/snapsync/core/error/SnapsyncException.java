package io.snapsync.core.error;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.storage.StorageException;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The one exception users see: a SQLSTATE, a severity and catalog messages (message, optional
 * detail and hint) with their arguments, plus an optional 1-based character position in the
 * statement. The text always comes from the catalog ({@link #render}); {@link #getMessage()}
 * is the English text for logs.
 *
 * <p>Immutable but for {@link #completedResults}, which a multi-statement execution sets to the
 * results of the statements that ran before the failing one.
 */
public class SnapsyncException extends RuntimeException {

  private final String sqlState;
  private final Severity severity;
  private final Message message;
  private final Message detail;
  private final Message hint;
  private final int position;
  private final Message context;
  private transient List<?> completedResults = List.of();
  private transient List<io.snapsync.core.session.Notice> notices = List.of();

  public SnapsyncException(String sqlState, Severity severity, Message message, Message detail,
      Message hint, int position, Throwable cause) {
    this(sqlState, severity, message, detail, hint, position, null, cause);
  }

  /** With {@code context}: where the error arose (PostgreSQL's CONTEXT), or null. */
  public SnapsyncException(String sqlState, Severity severity, Message message, Message detail,
      Message hint, int position, Message context, Throwable cause) {
    super(MessageCatalog.english(message), cause, false, cause != null);
    this.sqlState = sqlState;
    this.severity = severity;
    this.message = message;
    this.detail = detail;
    this.hint = hint;
    this.position = position;
    this.context = context;
  }

  /** An ERROR with SQLSTATE {@code sqlState} and catalog message {@code id}. */
  /**
   * Any failure as the user error it stands for: a SnapsyncException is itself, a storage
   * failure gets its SQLSTATE and message ({@link StorageErrors}), anything else becomes
   * XX000 {@code internal error (details are in the server log)} keeping {@code t} only as its
   * cause: no Java text reaches a client. The one place such a conversion is written; callers
   * log the cause of an XX000 they did not raise themselves.
   */
  public static SnapsyncException from(Throwable t) {
    if (t instanceof SnapsyncException s) {
      return s;
    }
    if (t instanceof StorageException s) {
      return StorageErrors.translate(s);
    }
    return error(SqlState.INTERNAL_ERROR, "harden.internal_error").withCause(t);
  }

  /** True when this is the XX000 {@link #from} made of an unexpected {@code t}. */
  public boolean isInternalOf(Throwable t) {
    return getCause() == t && t != null && SqlState.INTERNAL_ERROR.equals(sqlState);
  }

  public static SnapsyncException error(String sqlState, String id, Object... args) {
    return new SnapsyncException(sqlState, Severity.ERROR, Message.of(id, args), null, null, 0,
        null);
  }

  public SnapsyncException withDetail(String id, Object... args) {
    return new SnapsyncException(sqlState, severity, message, Message.of(id, args), hint,
        position, context, getCause());
  }

  public SnapsyncException withHint(String id, Object... args) {
    return new SnapsyncException(sqlState, severity, message, detail, Message.of(id, args),
        position, context, getCause());
  }

  public SnapsyncException withPosition(int pos) {
    return new SnapsyncException(sqlState, severity, message, detail, hint, pos, context,
        getCause());
  }

  public SnapsyncException withSeverity(Severity s) {
    return new SnapsyncException(sqlState, s, message, detail, hint, position, context,
        getCause());
  }

  public SnapsyncException withCause(Throwable cause) {
    return new SnapsyncException(sqlState, severity, message, detail, hint, position, context,
        cause);
  }

  /** The error with PostgreSQL's CONTEXT line (catalog message {@code id}). */
  public SnapsyncException withContext(String id, Object... args) {
    return new SnapsyncException(sqlState, severity, message, detail, hint, position,
        Message.of(id, args), getCause());
  }

  /** Where the error arose (PostgreSQL's CONTEXT); may be null. */
  public Message context() {
    return context;
  }

  public String sqlState() {
    return sqlState;
  }

  public Severity severity() {
    return severity;
  }

  public Message message() {
    return message;
  }

  /** May be null. */
  public Message detail() {
    return detail;
  }

  /** May be null. */
  public Message hint() {
    return hint;
  }

  /** 1-based character position in the statement text, or 0 when none. */
  public int position() {
    return position;
  }

  /**
   * Notices the failing statement raised before the error (PostgreSQL sends them first, e.g.
   * the 25P01 WARNING of SET TRANSACTION SNAPSHOT outside a block); set like
   * {@link #completedResults}, not carried across the event bus.
   */
  public List<io.snapsync.core.session.Notice> notices() {
    return notices;
  }

  public SnapsyncException withNotices(List<io.snapsync.core.session.Notice> before) {
    this.notices = List.copyOf(before);
    return this;
  }

  public List<?> completedResults() {
    return completedResults;
  }

  public SnapsyncException withCompletedResults(List<?> results) {
    this.completedResults = List.copyOf(results);
    return this;
  }

  /**
   * The wire form: {@code {sqlState, severity, messageId, args, message, detail?, hint?,
   * position?}} with texts rendered in {@code lcMessages}, plus the ids for re-rendering.
   */
  public JsonObject toJson(MessageCatalog catalog, String lcMessages) {
    JsonObject j = new JsonObject()
        .put("sqlState", sqlState)
        .put("severity", severity.name())
        .put("messageId", message.id())
        .put("message", catalog.render(lcMessages, message))
        .put("msg", message.toJson());
    if (detail != null) {
      j.put("detail", catalog.render(lcMessages, detail)).put("detailMsg", detail.toJson());
    }
    if (hint != null) {
      j.put("hint", catalog.render(lcMessages, hint)).put("hintMsg", hint.toJson());
    }
    if (position > 0) {
      j.put("position", position);
    }
    if (context != null) {
      j.put("context", catalog.render(lcMessages, context)).put("contextMsg", context.toJson());
    }
    return j;
  }

  /** Rebuilds an exception from {@link #toJson} (e.g. a reply from another node). */
  public static SnapsyncException fromJson(JsonObject j) {
    return new SnapsyncException(j.getString("sqlState"),
        Severity.valueOf(j.getString("severity", "ERROR")), Message.fromJson(j.getJsonObject("msg")),
        Message.fromJson(j.getJsonObject("detailMsg")), Message.fromJson(j.getJsonObject("hintMsg")),
        j.getInteger("position", 0), Message.fromJson(j.getJsonObject("contextMsg")), null);
  }

  /** The message text in {@code lcMessages}. */
  public String render(MessageCatalog catalog, String lcMessages) {
    return catalog.render(lcMessages, message);
  }
}
