package io.snapsync.plugins.wdr.kill;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.Message;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.Roles;
import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.FunctionCall;
import io.snapsync.core.spi.FunctionParam;
import io.snapsync.core.spi.SqlFunction;
import io.snapsync.plugins.wdr.kill.KillReport.Result;
import io.vertx.core.Future;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * {@code kill_snapshot(scope cstring default 'local') → void}: checks SYSADMIN, then that this
 * node is a coordinator, then the scope ({@code local}, {@code global}; empty or NULL is
 * local), and stops the snapshot worker(s), waiting at most {@code wdr_kill_timeout}. Fails
 * 55000 {@code Kill snapshot thread failed} with a detail naming each coordinator that did
 * not stop, did not answer or left.
 */
public final class KillSnapshotFunction implements SqlFunction {

  private final Supplier<WorkerKiller> killer;
  private final KillSettings settings;
  private final MessageCatalog catalog;

  public KillSnapshotFunction(Supplier<WorkerKiller> killer, KillSettings settings,
      MessageCatalog catalog) {
    this.killer = killer;
    this.settings = settings;
    this.catalog = catalog;
  }

  /** NULL arguments have the SPEC's meaning (report: 22023 invalid id; kill: local). */
  @Override
  public boolean callOnNull() {
    return true;
  }

  @Override
  public String name() {
    return "kill_snapshot";
  }

  @Override
  public List<FunctionParam> params() {
    return List.of(FunctionParam.optional("scope", DataType.TEXT, "local"));
  }

  @Override
  public DataType returnType() {
    return DataType.VOID;
  }

  @Override
  public Future<Object> call(FunctionCall call) {
    if (!call.hasRole(Roles.SYSADMIN)) {
      return fail(SqlState.INSUFFICIENT_PRIVILEGE, "wdr.kill.permission_denied");
    }
    if (!call.node().coordinator()) {
      return fail(SqlState.FEATURE_NOT_SUPPORTED, "wdr.kill.not_coordinator");
    }
    Object arg = call.args().isEmpty() ? null : call.args().get(0);
    String scope = arg == null ? "" : arg.toString().trim().toLowerCase(Locale.ROOT);
    if (!scope.isEmpty() && !scope.equals("local") && !scope.equals("global")) {
      return fail(SqlState.INVALID_PARAMETER_VALUE, "wdr.kill.invalid_scope");
    }
    WorkerKiller k = killer.get();
    if (k == null) {
      return fail(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "wdr.create.worker_not_running");
    }
    long timeout = settings.killTimeoutMillis();
    Future<KillReport> kill = scope.equals("global") ? k.killGlobal(timeout)
        : k.killLocal(call.node().name(), timeout);
    return kill.compose(r -> r.allStopped() ? Future.succeededFuture()
        : Future.failedFuture(failure(r, call.lcMessages())));
  }

  private SnapsyncException failure(KillReport r, String lc) {
    StringJoiner nodes = new StringJoiner(", ");
    r.nodes().forEach((name, result) -> {
      if (result != Result.STOPPED) {
        nodes.add(name + " (" + catalog.render(lc, reason(result, r.timeoutMillis())) + ")");
      }
    });
    return SnapsyncException.error(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "wdr.kill.failed")
        .withDetail("wdr.kill.detail", nodes.toString());
  }

  private static Message reason(Result r, long timeoutMillis) {
    return switch (r) {
      case NOT_STOPPED -> Message.of("wdr.kill.reason.not_stopped", timeoutMillis);
      case LEFT -> Message.of("wdr.kill.reason.left");
      default -> Message.of("wdr.kill.reason.no_answer");
    };
  }

  private static Future<Object> fail(String state, String id) {
    return Future.failedFuture(SnapsyncException.error(state, id));
  }
}
