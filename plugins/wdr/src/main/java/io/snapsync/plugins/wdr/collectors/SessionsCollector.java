package io.snapsync.plugins.wdr.collectors;

import io.snapsync.core.spi.ExtensionContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** {@code sessions}: sessions opened and closed, active sessions, failed logins. */
final class SessionsCollector extends Collectors.Named {

  SessionsCollector() {
    super("sessions");
  }

  @Override
  public Future<JsonObject> collect(ExtensionContext ctx) {
    return Collectors.fromStats(ctx, s -> new JsonObject().put("opened", s.sessionsOpened())
        .put("closed", s.sessionsClosed()).put("active", s.sessionsOpened() - s.sessionsClosed())
        .put("login_failures", s.loginFailures()));
  }
}
