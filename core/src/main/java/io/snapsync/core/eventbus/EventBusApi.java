package io.snapsync.core.eventbus;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.login.LoginThrottle;
import io.snapsync.core.node.NodeServices;
import io.snapsync.core.session.Notice;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.SessionManager;
import io.snapsync.core.session.StatementResult;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session API over the event bus (docs/event-bus-api.md): open, execute, close, ping, on
 * the cluster-wide and node-specific addresses of {@link Addresses}. Every failure is
 * {@code message.fail(code, json)} with a code of {@link ApiErrors} and the JSON of a
 * {@link SnapsyncException}. Sessions opened here are closed when idle longer than the node
 * setting {@code eventbus_session_idle_timeout} and when the caller's cluster node leaves.
 *
 * <p>Per session the verticle keeps one small entry (no timer, no thread): ten thousand open
 * sessions cost a map of ten thousand entries, scanned once a second by the reaper.
 */
public final class EventBusApi extends VerticleBase {

  public static final String IDLE_TIMEOUT_SETTING = "eventbus_session_idle_timeout";
  private static final Logger LOG = LoggerFactory.getLogger(EventBusApi.class);
  private static final List<String> OPS = List.of("open", "execute", "close", "ping");

  /** One API session: who opened it from where, and when it was last used. */
  private static final class Entry {
    final String token;
    final Session session;
    final String callerNode;
    volatile long lastActive;
    final AtomicInteger inFlight = new AtomicInteger();

    Entry(String token, Session session, String callerNode, long now) {
      this.token = token;
      this.session = session;
      this.callerNode = callerNode;
      this.lastActive = now;
    }
  }

  private final NodeServices services;
  private final SessionManager sessions;
  private final int maxMessageBytes;
  private final LoginThrottle throttle;
  private final long reapIntervalMillis;
  private volatile long forwardTimeoutMillis = 30_000;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final List<MessageConsumer<Object>> consumers = new ArrayList<>();
  private long reaperTimer = -1;

  /**
   * @param sessions the node's session manager; null on a node without sessions (every request
   *     but ping then fails 503 / 57P03)
   */
  public EventBusApi(NodeServices services, SessionManager sessions, int maxMessageBytes,
      long reapIntervalMillis) {
    this.services = services;
    this.sessions = sessions;
    this.maxMessageBytes = maxMessageBytes;
    this.reapIntervalMillis = reapIntervalMillis;
    this.throttle = services.service(LoginThrottle.class)
        .orElseGet(() -> LoginThrottle.defaults(services.clock()));
  }

  @Override
  public Future<?> start() {
    String node = services.node().name();
    List<Future<Void>> regs = new ArrayList<>();
    for (String op : List.of(Addresses.OPEN, Addresses.EXECUTE, Addresses.CLOSE, Addresses.API)) {
      String opName = op.equals(Addresses.API) ? null : op.substring(op.indexOf('.') + 1);
      // A node without sessions answers only on its own addresses (with 503), so that the
      // cluster-wide addresses reach coordinators only.
      List<String> addresses = sessions == null ? List.of(Addresses.node(node, op))
          : List.of(Addresses.cluster(op), Addresses.node(node, op));
      for (String address : addresses) {
        MessageConsumer<Object> c = vertx.eventBus().consumer(address, m -> handle(m, opName));
        consumers.add(c);
        regs.add(c.completion());
      }
    }
    if (reapIntervalMillis > 0) {
      reaperTimer = vertx.setPeriodic(reapIntervalMillis, t -> reapIdle());
    }
    return Future.all(regs);
  }

  @Override
  public Future<?> stop() {
    if (reaperTimer >= 0) {
      vertx.cancelTimer(reaperTimer);
    }
    List<Future<Void>> all = new ArrayList<>();
    consumers.forEach(c -> all.add(c.unregister()));
    entries.values().forEach(e -> all.add(e.session.close().otherwiseEmpty()));
    entries.clear();
    return Future.join(all);
  }

  /** Timeout of requests relayed to the node owning a session (default 30 s). */
  public void setForwardTimeoutMillis(long millis) {
    this.forwardTimeoutMillis = millis;
  }

  /** Sessions currently open through this API. */
  public int openSessions() {
    return entries.size();
  }

  private String defaultLc() {
    return services.settings().nodeValue("lc_messages");
  }

  private void handle(Message<Object> msg, String fixedOp) {
    String lc = defaultLc();
    JsonObject body;
    String op;
    try {
      body = parse(body(msg));
      op = fixedOp != null ? fixedOp : requireString(body, "op");
      if (body.getValue("options") instanceof JsonObject o && o.getValue("lc_messages")
          instanceof String l && op.equals("open")) {
        lc = l;
      }
      if (!OPS.contains(op)) {
        throw SnapsyncException.error(SqlState.PROTOCOL_VIOLATION, "core.eventbus.unknown_op",
            op, String.join(", ", OPS));
      }
    } catch (SnapsyncException e) {
      int code = e.sqlState().equals(SqlState.PROGRAM_LIMIT_EXCEEDED) ? ApiErrors.TOO_LARGE
          : ApiErrors.BAD_REQUEST;
      fail(msg, code, e, lc);
      return;
    }
    try {
      if (sessions == null && !op.equals("ping")) {
        throw SnapsyncException.error(SqlState.CANNOT_CONNECT_NOW, "core.node.no_sessions",
            services.node().name(), services.node().roleName());
      }
      switch (op) {
        case "open" -> open(msg, body, lc);
        case "execute" -> {
          if (!forwarded(msg, body, Addresses.EXECUTE)) {
            execute(msg, body);
          }
        }
        case "close" -> {
          if (!forwarded(msg, body, Addresses.CLOSE)) {
            close(msg, body);
          }
        }
        default -> msg.reply(ping());
      }
    } catch (SnapsyncException e) {
      fail(msg, e.sqlState().equals(SqlState.PROTOCOL_VIOLATION)
          || e.sqlState().equals(SqlState.INVALID_PARAMETER_VALUE) ? ApiErrors.BAD_REQUEST
          : ApiErrors.codeOf(e), e, lc);
    } catch (RuntimeException e) {
      LOG.error("event-bus request failed", e);
      fail(msg, ApiErrors.INTERNAL, SnapsyncException.from(e), lc);
    }
  }

  /**
   * The body of a message from another cluster node is decoded here, on first access; a value
   * beyond the JSON decoder's limits (a string of over 20 million characters, nesting deeper
   * than 1000) fails that decoding and gets 54000, anything else undecodable 08P01.
   */
  private Object body(Message<Object> msg) {
    try {
      return msg.body();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
          throw SnapsyncException.error(SqlState.PROGRAM_LIMIT_EXCEEDED,
              "harden.eventbus.undecodable_large", maxMessageBytes);
        }
      }
      throw SnapsyncException.error(SqlState.PROTOCOL_VIOLATION, "harden.eventbus.undecodable");
    }
  }

  private JsonObject parse(Object body) {
    if (body instanceof JsonObject j) {
      int size = j.toBuffer().length();
      checkSize(size);
      return j;
    }
    String text;
    if (body instanceof String s) {
      checkSize(s.getBytes(StandardCharsets.UTF_8).length);
      text = s;
    } else if (body instanceof Buffer b) {
      checkSize(b.length());
      text = b.toString(StandardCharsets.UTF_8);
    } else {
      throw SnapsyncException.error(SqlState.PROTOCOL_VIOLATION, "core.eventbus.not_object");
    }
    Object parsed;
    try {
      parsed = io.vertx.core.json.Json.decodeValue(text);
    } catch (DecodeException e) {
      String why = e.getMessage() == null ? "" : e.getMessage().replace('\n', ' ');
      if (why.length() > 200) {
        why = why.substring(0, 200) + "...";
      }
      throw SnapsyncException.error(SqlState.PROTOCOL_VIOLATION, "core.eventbus.malformed_json",
          why);
    }
    if (!(parsed instanceof JsonObject j)) {
      throw SnapsyncException.error(SqlState.PROTOCOL_VIOLATION, "core.eventbus.not_object");
    }
    return j;
  }

  private void checkSize(int size) {
    if (size > maxMessageBytes) {
      throw SnapsyncException.error(SqlState.PROGRAM_LIMIT_EXCEEDED, "core.eventbus.too_large",
          size, maxMessageBytes);
    }
  }

  private static String requireString(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v == null) {
      throw SnapsyncException.error(SqlState.PROTOCOL_VIOLATION, "core.eventbus.missing_field",
          field);
    }
    if (!(v instanceof String s)) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "core.eventbus.bad_field",
          field, "a string");
    }
    return s;
  }

  private static <T> T optional(JsonObject body, String field, Class<T> type, String what) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    if (!type.isInstance(v)) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "core.eventbus.bad_field",
          field, what);
    }
    return type.cast(v);
  }

  private void open(Message<Object> msg, JsonObject body, String lc) {
    String user = requireString(body, "user");
    String password = requireString(body, "password");
    JsonObject options = optional(body, "options", JsonObject.class, "an object");
    String database = optional(body, "database", String.class, "a string");
    String caller = optional(body, "callerNode", String.class, "a string");
    JsonObject opts = options == null ? new JsonObject() : options.copy();
    if (database != null) {
      opts.put("database", database);
    }
    // Services pass no address; the caller's cluster node (or "eventbus") stands for it, and
    // the per-user limit holds whatever a caller claims.
    String from = "eventbus:" + (caller == null ? "?" : caller);
    throttle.guard(user, from, () -> sessions.open(user, password, opts)).onComplete(ar -> {
      if (ar.failed()) {
        SnapsyncException e = SnapsyncException.from(ar.cause());
        if (!(ar.cause() instanceof SnapsyncException)) {
          LOG.error("event-bus open failed", ar.cause());
        }
        fail(msg, ApiErrors.codeOf(e), e, lc);
        return;
      }
      Session s = ar.result();
      String token = services.node().name() + "." + java.util.UUID.randomUUID();
      entries.put(token, new Entry(token, s, caller, services.clock().millis()));
      msg.reply(new JsonObject().put("sessionId", token).put("node", services.node().name())
          .put("user", s.user()).put("transactionStatus", s.transactionStatus().name()));
    });
  }

  /**
   * A request for a session of another node (its token starts with that node's name) that
   * arrived here through a cluster-wide address is relayed to that node, reply or failure as
   * is. Returns false when the session is (or would be) this node's.
   */
  private boolean forwarded(Message<Object> msg, JsonObject body, String op) {
    Object id = body.getValue("sessionId");
    if (!(id instanceof String token) || entries.containsKey(token)) {
      return false;
    }
    int dot = token.indexOf('.');
    String owner = dot > 0 ? token.substring(0, dot) : "";
    if (owner.isEmpty() || owner.equals(services.node().name())
        || msg.address().startsWith(Addresses.PREFIX + services.node().name() + ".")) {
      return false;
    }
    vertx.eventBus().request(Addresses.node(owner, op), body,
        new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(forwardTimeoutMillis))
        .onComplete(ar -> {
          if (ar.succeeded()) {
            msg.reply(ar.result().body());
          } else if (ar.cause() instanceof io.vertx.core.eventbus.ReplyException re
              && re.failureType() == io.vertx.core.eventbus.ReplyFailure.RECIPIENT_FAILURE) {
            msg.fail(re.failureCode(), re.getMessage());
          } else {
            fail(msg, ApiErrors.NOT_FOUND, SnapsyncException.error(
                ApiErrors.CONNECTION_DOES_NOT_EXIST, "core.eventbus.no_session", token, owner),
                defaultLc());
          }
        });
    return true;
  }

  private Entry entry(JsonObject body) {
    String id = requireString(body, "sessionId");
    Entry e = entries.get(id);
    if (e == null) {
      throw SnapsyncException.error(ApiErrors.CONNECTION_DOES_NOT_EXIST,
          "core.eventbus.no_session", id, services.node().name());
    }
    return e;
  }

  private void execute(Message<Object> msg, JsonObject body) {
    requireString(body, "sessionId");
    String sql = requireString(body, "sql");
    JsonArray params = optional(body, "params", JsonArray.class, "an array");
    Entry e = entry(body);
    e.inFlight.incrementAndGet();
    e.lastActive = services.clock().millis();
    Future<List<StatementResult>> run = params == null ? e.session.execute(sql)
        : e.session.execute(sql, params.getList()).map(List::of);
    run.onComplete(ar -> {
      e.lastActive = services.clock().millis();
      e.inFlight.decrementAndGet();
      Session s = e.session;
      String lc = s.lcMessages();
      MessageCatalog catalog = services.catalog();
      if (ar.succeeded()) {
        msg.reply(new JsonObject().put("results", ResultJson.results(ar.result(), catalog, lc))
            .put("transactionStatus", s.transactionStatus().name()).put("lcMessages", lc));
        return;
      }
      SnapsyncException ex = SnapsyncException.from(ar.cause());
      if (!(ar.cause() instanceof SnapsyncException)) {
        LOG.error("event-bus execute failed", ar.cause());
      }
      JsonObject err = ex.toJson(catalog, lc);
      List<StatementResult> done = new ArrayList<>();
      for (Object o : ex.completedResults()) {
        if (o instanceof StatementResult r) {
          done.add(r);
        }
      }
      JsonArray notices = new JsonArray();
      for (Notice n : ex.notices()) {
        notices.add(ResultJson.notice(n, catalog, lc));
      }
      err.put("results", ResultJson.results(done, catalog, lc)).put("notices", notices)
          .put("transactionStatus", s.transactionStatus().name()).put("lcMessages", lc);
      msg.fail(ApiErrors.codeOf(ex), err.encode());
    });
  }

  private void close(Message<Object> msg, JsonObject body) {
    Entry e = entry(body);
    entries.remove(e.token);
    e.session.close().onComplete(ar -> msg.reply(new JsonObject().put("closed", true)));
  }

  private JsonObject ping() {
    return new JsonObject().put("node", services.node().name())
        .put("role", services.node().roleName()).put("sessions", entries.size());
  }

  /** Closes API sessions idle longer than {@code eventbus_session_idle_timeout} (0: never). */
  public int reapIdle() {
    long timeout = services.settings().nodeLong(IDLE_TIMEOUT_SETTING);
    if (timeout <= 0) {
      return 0;
    }
    long now = services.clock().millis();
    int closed = 0;
    for (Entry e : entries.values()) {
      if (e.inFlight.get() == 0 && now - e.lastActive > timeout
          && entries.remove(e.token, e)) {
        closed++;
        e.session.close();
      }
    }
    if (closed > 0) {
      LOG.info("closed {} event-bus sessions idle for more than {} ms", closed, timeout);
    }
    return closed;
  }

  /** Closes the sessions opened by a cluster node that left (its Vert.x node id). */
  public int nodeLeft(String vertxNodeId) {
    int closed = 0;
    for (Entry e : entries.values()) {
      if (vertxNodeId.equals(e.callerNode) && entries.remove(e.token, e)) {
        closed++;
        e.session.close();
      }
    }
    if (closed > 0) {
      LOG.info("closed {} event-bus sessions of departed cluster node {}", closed, vertxNodeId);
    }
    return closed;
  }

  private void fail(Message<Object> msg, int code, SnapsyncException e, String lc) {
    msg.fail(code, e.toJson(services.catalog(), lc).encode());
  }

}
