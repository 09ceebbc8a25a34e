package io.snapsync.plugins.wdr.impl;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.Message;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.Roles;
import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.FunctionCall;
import io.snapsync.core.spi.FunctionParam;
import io.snapsync.core.spi.SqlFunction;
import io.snapsync.plugins.wdr.api.WdrService;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code create_wdr_snapshot() → text}: checks (SYSADMIN, coordinator, enabled) then queues a
 * request to this coordinator's worker and returns the "submitted" text at once.
 */
public final class CreateWdrSnapshotFunction implements SqlFunction {

  private final Supplier<WdrService> service;
  private final WdrSettings settings;
  private final MessageCatalog catalog;

  public CreateWdrSnapshotFunction(Supplier<WdrService> service, WdrSettings settings,
      MessageCatalog catalog) {
    this.service = service;
    this.settings = settings;
    this.catalog = catalog;
  }

  @Override
  public String name() {
    return "create_wdr_snapshot";
  }

  @Override
  public List<FunctionParam> params() {
    return List.of();
  }

  @Override
  public DataType returnType() {
    return DataType.TEXT;
  }

  @Override
  public Future<Object> call(FunctionCall call) {
    if (!call.hasRole(Roles.SYSADMIN)) {
      return fail(SqlState.INSUFFICIENT_PRIVILEGE, "wdr.create.permission_denied");
    }
    if (!call.node().coordinator()) {
      return fail(SqlState.FEATURE_NOT_SUPPORTED, "wdr.create.not_coordinator");
    }
    if (!settings.enabled()) {
      return fail(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "wdr.create.disabled");
    }
    WdrService s = service.get();
    if (s == null) {
      return fail(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "wdr.create.worker_not_running");
    }
    return s.requestSnapshot(call.user())
        .map(r -> catalog.render(call.lcMessages(), Message.of("wdr.create.submitted")));
  }

  static Future<Object> fail(String state, String id) {
    return Future.failedFuture(SnapsyncException.error(state, id));
  }
}
