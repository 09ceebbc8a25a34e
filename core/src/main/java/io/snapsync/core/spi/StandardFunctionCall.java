package io.snapsync.core.spi;

import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.node.NodeServices;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link FunctionCall} of the core: arguments, the node's services, and the calling
 * session as a {@link Caller}. Used by statements of a session, by coordinator-only calls of a
 * coordinator without storage, and by tests calling a function directly ({@link #byUser}).
 */
public final class StandardFunctionCall implements FunctionCall {

  /** What a call sees of the calling session. */
  public interface Caller {

    String user();

    boolean hasRole(String role);

    String lcMessages();

    /** A setting as the session sees it. */
    String setting(String name);

    /** The coordinator owning the client session, or null for the node running the call. */
    default String sessionNode() {
      return null;
    }

    /** The session's implementation object (see {@link FunctionCall#sessionInternals()}). */
    default Object internals() {
      return null;
    }
  }

  private final NodeServices services;
  private final Caller caller;
  private final List<Object> args;

  public StandardFunctionCall(NodeServices services, Caller caller, List<Object> args) {
    this.services = Objects.requireNonNull(services);
    this.caller = Objects.requireNonNull(caller);
    this.args = args;
  }

  /**
   * A call by {@code user} outside a session of this node: roles from the node's user
   * directory, node-level settings, no session internals.
   */
  public static StandardFunctionCall byUser(NodeServices services, String user,
      String lcMessages, List<Object> args) {
    return new StandardFunctionCall(services, new UserCaller(services, user, lcMessages), args);
  }

  /** This call with {@code lc_messages} = {@code lcMessages}. */
  public StandardFunctionCall inLanguage(String lcMessages) {
    Caller c = caller;
    return new StandardFunctionCall(services, new Caller() {
      @Override
      public String user() {
        return c.user();
      }

      @Override
      public boolean hasRole(String role) {
        return c.hasRole(role);
      }

      @Override
      public String lcMessages() {
        return lcMessages;
      }

      @Override
      public String setting(String name) {
        return c.setting(name);
      }

      @Override
      public String sessionNode() {
        return c.sessionNode();
      }

      @Override
      public Object internals() {
        return c.internals();
      }
    }, args);
  }

  @Override
  public List<Object> args() {
    return args;
  }

  @Override
  public String user() {
    return caller.user();
  }

  @Override
  public boolean hasRole(String role) {
    return caller.hasRole(role);
  }

  @Override
  public String lcMessages() {
    return caller.lcMessages();
  }

  @Override
  public String setting(String name) {
    return caller.setting(name);
  }

  @Override
  public NodeInfo node() {
    return services.node();
  }

  @Override
  public String sessionNode() {
    String n = caller.sessionNode();
    return n == null ? services.node().name() : n;
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
    return caller.internals();
  }

  /** A user calling on this node: roles from the user directory, node-level settings. */
  private record UserCaller(NodeServices services, String user, String lcMessages)
      implements Caller {

    @Override
    public boolean hasRole(String role) {
      return services.users().roles(user).contains(role);
    }

    @Override
    public String setting(String name) {
      return services.settings().nodeValue(name);
    }
  }
}
