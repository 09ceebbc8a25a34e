package io.snapsync.core.spi;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.vertx.core.Future;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies PostgreSQL's NULL rules around a {@link SqlFunction}: a NULL argument for a parameter
 * that does not take NULL ({@link FunctionParam#acceptsNull}) returns NULL from a
 * {@link SqlFunction#strict strict} function and fails any other with 22004, before the
 * function runs (unless it {@link SqlFunction#callOnNull handles NULLs itself}). A failure that is not a {@link SnapsyncException} (a bug) becomes XX000 with
 * a catalog text; its Java text only goes to the log. Thread-safe as the function it wraps.
 */
final class NullArgumentGuard implements SqlFunction {

  private static final Logger LOG = LoggerFactory.getLogger(NullArgumentGuard.class);
  static final String NULL_NOT_ALLOWED = io.snapsync.core.error.SqlState.NULL_VALUE_NOT_ALLOWED;

  private final SqlFunction function;

  private NullArgumentGuard(SqlFunction function) {
    this.function = function;
  }

  static SqlFunction of(SqlFunction f) {
    return f instanceof NullArgumentGuard ? f : new NullArgumentGuard(f);
  }

  @Override
  public String name() {
    return function.name();
  }

  @Override
  public List<FunctionParam> params() {
    return function.params();
  }

  @Override
  public DataType returnType() {
    return function.returnType();
  }

  @Override
  public boolean strict() {
    return function.strict();
  }

  @Override
  public boolean callOnNull() {
    return function.callOnNull();
  }

  @Override
  public Future<Object> call(FunctionCall call) {
    List<Object> args = call.args();
    List<FunctionParam> params = function.params();
    for (int i = 0; i < args.size() && i < params.size() && !function.callOnNull(); i++) {
      if (args.get(i) == null && !params.get(i).acceptsNull()) {
        if (function.strict()) {
          return Future.succeededFuture(null);
        }
        return Future.failedFuture(SnapsyncException.error(NULL_NOT_ALLOWED,
            "harden.null_argument", params.get(i).name(), function.name()));
      }
    }
    Future<Object> result;
    try {
      result = function.call(call);
    } catch (SnapsyncException e) {
      return Future.failedFuture(e);
    } catch (RuntimeException e) {
      return Future.failedFuture(internal(e));
    }
    if (result == null) {
      return Future.failedFuture(internal(new IllegalStateException("null future")));
    }
    return result.recover(t -> Future.failedFuture(
        t instanceof SnapsyncException ? t : internal(t)));
  }

  private SnapsyncException internal(Throwable t) {
    LOG.warn("function {}() failed unexpectedly", function.name(), t);
    return SnapsyncException.error(SqlState.INTERNAL_ERROR, "harden.function_failed",
        function.name())
        .withCause(t);
  }
}
