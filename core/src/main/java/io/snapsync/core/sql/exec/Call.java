package io.snapsync.core.sql.exec;

import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.node.NodeServices;
import io.snapsync.core.spi.FunctionCall;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;

/** A {@link FunctionCall} made by a session's statement. */
final class Call implements FunctionCall {

  private final List<Object> args;
  private final SessionContext session;
  private final NodeServices services;

  Call(List<Object> args, SessionContext session, NodeServices services) {
    this.args = args;
    this.session = session;
    this.services = services;
  }

  @Override
  public List<Object> args() {
    return args;
  }

  @Override
  public String user() {
    return session.user();
  }

  @Override
  public boolean hasRole(String role) {
    return session.hasRole(role);
  }

  @Override
  public String lcMessages() {
    return session.lcMessages();
  }

  @Override
  public String setting(String name) {
    return session.settings().show(name);
  }

  @Override
  public NodeInfo node() {
    return services.node();
  }

  @Override
  public Vertx vertx() {
    return services.vertx();
  }

  @Override
  public <T> Optional<T> service(Class<T> type) {
    return services.service(type);
  }

  @Override
  public Object sessionInternals() {
    return session;
  }
}
