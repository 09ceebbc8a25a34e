package io.snapsync.plugins.wdr.testing;

import io.snapsync.core.node.impl.NodeServicesImpl;
import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.spi.FunctionCall;
import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One call of a SQL function by {@code user}, roles from the node's real user directory. */
public record Call(NodeServicesImpl services, String user, String lc, List<Object> args)
    implements FunctionCall {

  public static Call of(NodeServicesImpl services, String user, Object... args) {
    return new Call(services, user, "en", Arrays.asList(args));
  }

  public Call inLanguage(String lcMessages) {
    return new Call(services, user, lcMessages, args);
  }

  @Override
  public boolean hasRole(String role) {
    return services.users().roles(user).contains(role);
  }

  @Override
  public String lcMessages() {
    return lc;
  }

  @Override
  public String setting(String name) {
    return services.settings().nodeValue(name);
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
    return null;
  }
}
