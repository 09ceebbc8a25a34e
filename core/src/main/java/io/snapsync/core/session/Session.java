package io.snapsync.core.session;

import io.vertx.core.Future;
import java.util.List;

/**
 * An authenticated session on a coordinator: settings, a transaction block, statements run one
 * at a time in order. Failures are {@link io.snapsync.core.error.SnapsyncException}s.
 *
 * <p>Thread-safe: calls may come from any thread; statements queue and run in order. The
 * opener closes it; closing rolls back an open transaction and releases exported snapshots.
 */
public interface Session {

  String id();

  /** The authenticated user name. */
  String user();

  /**
   * Runs every statement of {@code sql} (separated by {@code ;}) in order. On the first error
   * the future fails with a {@code SnapsyncException} whose {@code completedResults()} holds the
   * results of the statements before it; later statements do not run.
   */
  Future<List<StatementResult>> execute(String sql);

  /**
   * Runs one statement with {@code $1, $2, ...} bound to {@code params} (Java values as in
   * {@link DataType}, or strings to be converted to the parameter's type).
   */
  Future<StatementResult> execute(String sql, List<Object> params);

  /**
   * Runs one statement like {@link #execute(String, List)} and hands its result back in pages:
   * a query inside a transaction block computes its rows as {@link ResultPages#next} asks for
   * them (pgwire's Execute with a row limit); any other statement runs at once.
   */
  default Future<ResultPages> executePaged(String sql, List<Object> params) {
    return execute(sql, params).map(ResultPages::of);
  }

  /**
   * The result columns {@code sql} (one statement, {@code $n} parameters allowed) would return,
   * without running it and without touching the session's transaction: empty for statements
   * that return no rows. For protocol-level Describe. Fails like {@link #execute} on syntax
   * errors and unknown tables or functions.
   */
  default Future<List<Column>> describe(String sql) {
    return Future.failedFuture(new UnsupportedOperationException("describe"));
  }

  /**
   * Cancels the statement running now, if any: it fails with 57014 {@code canceling statement
   * due to user request} (inside a transaction block the block is then failed, like after any
   * error). A pending row-lock wait fails at once; scans and bulk writes stop between rows.
   * No effect when the session is idle or between statements. Thread-safe; returns at once.
   */
  default void cancel() {
  }

  /**
   * Sets where {@code COPY ... FROM STDIN} reads and {@code COPY ... TO STDOUT} writes this
   * session's data (null: nowhere, such COPY fails with 0A000). Set it before running COPY.
   * Sessions that cannot stream (coordinators forwarding to another node) ignore it.
   */
  default void copyChannel(CopyChannel channel) {
  }

  /**
   * Why the session is closed: the node's reason when it ended the session (such as 57P05 for
   * the idle-session timeout), else 08006 {@code the session is closed}; null while it is open.
   * Lets a protocol tell its client why without running a statement. Thread-safe.
   */
  default io.snapsync.core.error.SnapsyncException closedReason() {
    return null;
  }

  TransactionStatus transactionStatus();

  /** The session's current {@code lc_messages}, for rendering catalog texts. */
  String lcMessages();

  /**
   * Whether a notice of {@code severity} reaches the client under the session's
   * {@code client_min_messages} ({@link NoticeLevels}).
   */
  default boolean sendsNotice(io.snapsync.core.error.Severity severity) {
    return true;
  }

  /** When the session last ran a statement, in the node clock's millis. */
  long lastActiveMillis();

  Future<Void> close();
}
