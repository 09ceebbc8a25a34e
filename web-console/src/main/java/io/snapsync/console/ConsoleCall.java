package io.snapsync.console;

import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.spi.ExtensionContext;
import io.snapsync.core.spi.FunctionCall;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;

/** The console user's view for system tables read directly (without a SQL statement). */
final class ConsoleCall implements FunctionCall {

  private final ExtensionContext ctx;
  private final String user;
  private final String lc;

  ConsoleCall(ExtensionContext ctx, String user, String lc) {
    this.ctx = ctx;
    this.user = user;
    this.lc = lc;
  }

  @Override
  public List<Object> args() {
    return List.of();
  }

  @Override
  public String user() {
    return user;
  }

  @Override
  public boolean hasRole(String role) {
    return ctx.users().roles(user).contains(role);
  }

  @Override
  public String lcMessages() {
    return lc;
  }

  @Override
  public String setting(String name) {
    return ctx.settings().nodeValue(name);
  }

  @Override
  public NodeInfo node() {
    return ctx.node();
  }

  @Override
  public Vertx vertx() {
    return ctx.vertx();
  }

  @Override
  public <T> Optional<T> service(Class<T> type) {
    return ctx.service(type);
  }

  @Override
  public Object sessionInternals() {
    return null;
  }
}
