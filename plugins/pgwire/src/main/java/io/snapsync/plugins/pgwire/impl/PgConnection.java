package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.error.Message;
import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Session;
import io.snapsync.plugins.pgwire.impl.codec.Authentication;
import io.snapsync.plugins.pgwire.impl.codec.BackendKeyData;
import io.snapsync.plugins.pgwire.impl.codec.BackendMessage;
import io.snapsync.plugins.pgwire.impl.codec.FrameDecoder;
import io.snapsync.plugins.pgwire.impl.codec.FrontendDecoder;
import io.snapsync.plugins.pgwire.impl.codec.FrontendMessage;
import io.snapsync.plugins.pgwire.impl.codec.FunctionCall;
import io.snapsync.plugins.pgwire.impl.codec.NegotiateProtocolVersion;
import io.snapsync.plugins.pgwire.impl.codec.PasswordMessage;
import io.snapsync.plugins.pgwire.impl.codec.ProtocolException;
import io.snapsync.plugins.pgwire.impl.codec.Query;
import io.snapsync.plugins.pgwire.impl.codec.ReadyForQuery;
import io.snapsync.plugins.pgwire.impl.codec.StartupPacket;
import io.snapsync.plugins.pgwire.impl.codec.Terminate;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: start-up, authentication, then messages handled strictly one at a
 * time in arrival order (a message whose work is asynchronous holds the queue until done).
 * Output is buffered and flushed at ReadyForQuery, Flush, or when the queue runs dry. Runs on
 * the event loop of its listener; futures completing elsewhere hop back to it. Closing the
 * socket closes the session, which rolls back an open transaction. Start-up and
 * authentication must end within {@code authentication_timeout}; the connection holds a slot of
 * the {@link ConnectionGate} while starting and another once it has a session.
 */
final class PgConnection {

  private static final Logger LOG = LoggerFactory.getLogger(PgConnection.class);
  private static final int PAUSE_AT = 256;
  /** Output is written out once this much is buffered (big results stream). */
  private static final int FLUSH_AT = 256 * 1024;

  private enum Phase { STARTUP, AUTHENTICATING, OPENING, READY, CLOSED }

  private final ServerContext server;
  private final PgServerVerticle listener;
  private final NetSocket socket;
  private final Vertx vertx;
  private final Context context;
  private final Admission admission;
  private final FrameDecoder frames;
  private final ArrayDeque<FrontendMessage> inbox = new ArrayDeque<>();
  private final QueryHandler queries;
  private final CopyHandler copy = new CopyHandler(this);
  private Buffer out = Buffer.buffer();
  private Phase phase = Phase.STARTUP;
  private boolean busy;
  private boolean paused;
  private String user;
  private String applicationName = "";
  private String timeZone = "UTC";
  private String dateStyle = "ISO, MDY";
  private String intervalStyle = "postgres";
  private String lc = "en";
  private Authenticator authenticator;
  private Session session;
  private CancelRegistry.Key key;
  /** A COPY TO waiting for the client to read (failed if the client goes away meanwhile). */
  private io.vertx.core.Promise<Void> writable;

  PgConnection(ServerContext server, NetSocket socket, Vertx vertx, PgServerVerticle listener) {
    this.server = server;
    this.listener = listener;
    this.socket = socket;
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.admission = new Admission(server, vertx, socket.remoteAddress() == null ? ""
        : socket.remoteAddress().hostAddress());
    this.frames = new FrameDecoder(server.options().maxMessageBytes(), this::onStartupPacket,
        this::onMessage);
    this.queries = new QueryHandler(this, server);
  }

  void start() {
    if (!admission.enter(() -> onContext(this::authenticationTimedOut))) {
      LOG.debug("pgwire: closing {}: {} connections already starting",
          socket.remoteAddress(), 2 * admission.limits().maxConnections());
      phase = Phase.CLOSED;
      socket.close();
      return;
    }
    listener.added(this);
    socket.handler(data -> {
      try {
        frames.feed(data);
      } catch (ProtocolException | SnapsyncException e) {
        fatal(e);
      } catch (RuntimeException e) {
        LOG.warn("pgwire: failure on a connection from {}", socket.remoteAddress(), e);
        fatal(e);
      }
    });
    socket.closeHandler(v -> onClosed());
    socket.exceptionHandler(t -> {
      LOG.debug("pgwire: socket error from {}: {}", socket.remoteAddress(), t.toString());
      socket.close();
    });
  }

  // ---- output

  void send(BackendMessage m) {
    m.encode(out);
    if (out.length() >= FLUSH_AT) {
      flush();
    }
  }

  /** The output buffer, for encoders that append to it directly; call {@link #sent} after. */
  Buffer output() {
    return out;
  }

  /** Notes output appended through {@link #output}: a big buffer is written out. */
  void sent() {
    if (out.length() >= FLUSH_AT) {
      flush();
    }
  }

  void sendError(Throwable t) {
    if (t instanceof io.snapsync.core.error.SnapsyncException se) {
      for (io.snapsync.core.session.Notice n : se.notices()) {
        if (sendsNotice(n)) {
          send(server.errors().notice(n, lcMessages()));
        }
      }
    }
    send(server.errors().error(t, lcMessages()));
  }

  void sendReady() {
    char status = session == null ? 'I' : session.transactionStatus().code();
    send(new ReadyForQuery(status));
    flush();
  }

  void flush() {
    if (out.length() > 0 && phase != Phase.CLOSED) {
      Buffer b = out;
      out = Buffer.buffer();
      socket.write(b);
    }
  }

  /** Completes once the socket's write queue has room (at once when it has). */
  Future<Void> whenWritable() {
    if (phase == Phase.CLOSED || !socket.writeQueueFull()) {
      return Future.succeededFuture();
    }
    flush();
    io.vertx.core.Promise<Void> p = io.vertx.core.Promise.promise();
    writable = p;
    socket.drainHandler(v -> {
      socket.drainHandler(null);
      writable = null;
      p.tryComplete();
    });
    return p.future();
  }

  /** Stops reading from the client (COPY data not yet consumed). */
  void pauseInput() {
    socket.pause();
  }

  void resumeInput() {
    if (phase != Phase.CLOSED) {
      socket.resume();
    }
  }

  Session session() {
    return session;
  }

  /** Whether the session's client_min_messages lets {@code n} through. */
  boolean sendsNotice(io.snapsync.core.session.Notice n) {
    return session == null || session.sendsNotice(n.severity());
  }

  String lcMessages() {
    return session == null ? lc : session.lcMessages();
  }

  /** Runs {@code r} on this connection's event loop. */
  void onContext(Runnable r) {
    if (Vertx.currentContext() == context) {
      r.run();
    } else {
      context.runOnContext(v -> r.run());
    }
  }

  /** {@code f}, completing on this connection's event loop. */
  <T> Future<T> onLoop(Future<T> f) {
    if (f.isComplete()) {
      return f;
    }
    io.vertx.core.Promise<T> p = io.vertx.core.Promise.promise();
    f.onComplete(ar -> onContext(() -> p.handle(ar)));
    return p.future();
  }

  /** Sends a FATAL error and closes the connection. */
  private void fatal(Throwable t) {
    if (phase == Phase.CLOSED) {
      return;
    }
    SnapsyncException e = ErrorMapper.asSnapsync(t);
    admission.endLogin(e);
    if (e.severity() != Severity.FATAL) {
      e = e.withSeverity(Severity.FATAL);
    }
    send(server.errors().error(e, lcMessages()));
    flush();
    phase = Phase.CLOSED;
    inbox.clear();
    socket.close();
  }

  // ---- start-up and authentication

  /** {@code authentication_timeout} passed before the session was opened. */
  private void authenticationTimedOut() {
    if (phase == Phase.READY || phase == Phase.CLOSED) {
      return;
    }
    LOG.debug("pgwire: {} did not finish start-up within {} ms", socket.remoteAddress(),
        admission.limits().authenticationTimeoutMillis());
    String state = phase == Phase.STARTUP ? SqlState.PROTOCOL_VIOLATION
        : SqlState.INVALID_AUTHORIZATION_SPECIFICATION;
    fatal(new SnapsyncException(state, Severity.FATAL,
        Message.of("harden.authentication_timeout"), null, null, 0, null));
  }

  private void onStartupPacket(Buffer body) {
    if (phase == Phase.CLOSED) {
      return;
    }
    StartupPacket p = StartupPacket.decode(body);
    if (p instanceof StartupPacket.SslRequest && server.tls() != null
        && !socket.isSsl()) {
      // 'S' is written by the upgrade itself, so the ClientHello always meets the TLS handler
      socket.upgradeToSsl(server.tls(), Buffer.buffer().appendByte((byte) 'S'))
          .onFailure(t -> {
            LOG.debug("pgwire: TLS handshake with {} failed: {}", socket.remoteAddress(),
                t.toString());
            socket.close();
          });
    } else if (p instanceof StartupPacket.SslRequest
        || p instanceof StartupPacket.GssEncRequest) {
      socket.write(Buffer.buffer().appendByte((byte) 'N'));
    } else if (p instanceof StartupPacket.CancelRequest c) {
      boolean known = server.cancels().cancel(c.processId(), c.secretKey());
      LOG.info("pgwire: cancel request for backend {} ({})", c.processId(),
          known ? "running statement cancelled" : "unknown key, ignored");
      phase = Phase.CLOSED;
      socket.close();
    } else if (p instanceof StartupPacket.Startup s) {
      startup(s);
    }
  }

  private void startup(StartupPacket.Startup s) {
    Map<String, String> params = StartupOptions.truncateNames(s.params());
    String lcOption = StartupOptions.commandLineSettings(params.get("options")).get("lc_messages");
    if (lcOption != null) {
      lc = lcOption;
    }
    if (s.major() != 3) {
      throw new ProtocolException(SqlState.FEATURE_NOT_SUPPORTED, true,
          "pgwire.unsupported_protocol", s.major(), s.minor());
    }
    frames.startupDone();
    List<String> unknownOptions = new ArrayList<>();
    params.keySet().stream().filter(k -> k.startsWith("_pq_.")).forEach(unknownOptions::add);
    if (s.minor() > 0 || !unknownOptions.isEmpty()) {
      send(new NegotiateProtocolVersion(0, unknownOptions));
    }
    user = params.get("user");
    if (user == null || user.isEmpty()) {
      throw new ProtocolException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, true,
          "pgwire.no_user");
    }
    if (server.sessions().isEmpty()) {
      throw new ProtocolException(SqlState.CANNOT_CONNECT_NOW, true, "pgwire.not_coordinator");
    }
    applicationName = StartupOptions.name(params.getOrDefault("application_name", ""));
    timeZone = StartupOptions.timeZone(params);
    dateStyle = StartupOptions.dateStyle(params);
    intervalStyle = StartupOptions.intervalStyle(params);
    io.vertx.core.json.JsonObject options = StartupOptions.sessionOptions(params);
    // the password exchange begins once the login throttle gives this attempt its place
    onLoop(admission.beginLogin(user)).onComplete(ar -> {
      if (phase == Phase.CLOSED) {
        return;
      }
      if (ar.failed()) {
        fatal(ar.cause());
        return;
      }
      try {
        authenticator = new Authenticator(server, server.sessions().get(), user, options);
        phase = Phase.AUTHENTICATING;
        send(authenticator.request());
        flush();
      } catch (RuntimeException e) {
        fatal(e);
      }
    });
  }

  private Future<Void> authenticate(PasswordMessage m) {
    if (phase != Phase.AUTHENTICATING) {
      throw ProtocolException.malformed("pgwire.invalid_message_type", (int) 'p');
    }
    Authenticator.Step step = authenticator.next(m.body());
    if (step.reply() != null) {
      send(step.reply());
    }
    if (step.session() == null) {
      flush();
      return Future.succeededFuture();
    }
    phase = Phase.OPENING;
    return onLoop(step.session()).compose(this::opened);
  }

  private Future<Void> opened(Session s) {
    if (phase == Phase.CLOSED) {
      s.close();
      return Future.succeededFuture();
    }
    try {
      admission.openSession(user);
    } catch (SnapsyncException e) {
      s.close();
      throw e;
    }
    session = s;
    s.copyChannel(copy);
    phase = Phase.READY;
    key = server.cancels().register(s::cancel);
    send(Authentication.ok());
    for (var status : ServerParameters.initial(server, user, applicationName,
        timeZone, dateStyle, intervalStyle)) {
      send(status);
      queries.parameters().reported(status.name(), status.value());
    }
    send(new BackendKeyData(key.processId(), key.secretKey()));
    sendReady();
    return Future.succeededFuture();
  }

  /**
   * A message whose body could not be decoded; fails in its turn (then, for an extended-query
   * message, skip to Sync; else ReadyForQuery).
   */
  private record Malformed(byte type, ProtocolException error) implements FrontendMessage {
  }

  // ---- message queue

  private void onMessage(byte type, Buffer body) {
    if (phase == Phase.CLOSED) {
      return;
    }
    FrontendMessage m;
    try {
      m = FrontendDecoder.decode(type, body);
    } catch (ProtocolException e) {
      if (e.fatal()) {
        throw e;
      }
      m = new Malformed(type, e);
    }
    if (m == Terminate.INSTANCE) {
      inbox.clear();
      phase = Phase.CLOSED;
      socket.close();
      return;
    }
    if (copy.offer(m) || CopyHandler.ignoredOutsideCopy(m)) {
      return;
    }
    if (phase == Phase.AUTHENTICATING && !(m instanceof PasswordMessage)) {
      throw new ProtocolException(SqlState.PROTOCOL_VIOLATION, true, "pgwire.expected_password",
          (int) type);
    }
    inbox.add(m);
    if (inbox.size() >= PAUSE_AT && !paused) {
      paused = true;
      socket.pause();
    }
    drain();
  }

  private void drain() {
    while (!busy && phase != Phase.CLOSED && !inbox.isEmpty()) {
      if (socket.writeQueueFull()) {
        // a slow reader: stop taking its requests until it has read what it was sent
        busy = true;
        socket.drainHandler(v -> {
          socket.drainHandler(null);
          busy = false;
          drain();
        });
        return;
      }
      FrontendMessage m = inbox.poll();
      Future<Void> f;
      try {
        f = dispatch(m);
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      if (f.isComplete()) {
        finished(m, f);
        continue;
      }
      busy = true;
      Future<Void> pending = f;
      pending.onComplete(ar -> onContext(() -> {
        busy = false;
        finished(m, pending);
        drain();
      }));
    }
    if (!busy && inbox.isEmpty()) {
      if (paused && phase != Phase.CLOSED) {
        paused = false;
        socket.resume();
      }
      flush();
    }
  }

  private Future<Void> dispatch(FrontendMessage m) {
    if (m instanceof Malformed bad) {
      throw bad.error();
    }
    if (m instanceof PasswordMessage p) {
      if (phase != Phase.AUTHENTICATING) {
        throw ProtocolException.fatal("pgwire.invalid_message_type", (int) 'p');
      }
      return authenticate(p);
    }
    if (phase != Phase.READY) {
      throw ProtocolException.fatal("pgwire.invalid_message_type", 0);
    }
    if (m == FunctionCall.INSTANCE) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "harden.function_call");
    }
    if (m instanceof Query q) {
      return queries.simpleQuery(q.sql());
    }
    return queries.extended(m);
  }

  private void finished(FrontendMessage m, Future<Void> f) {
    if (f.succeeded() || phase == Phase.CLOSED) {
      return;
    }
    Throwable t = f.cause();
    boolean fatal = phase != Phase.READY
        || (t instanceof ProtocolException p && p.fatal())
        || (t instanceof SnapsyncException s && s.severity().compareTo(Severity.FATAL) >= 0);
    if (fatal) {
      fatal(t);
    } else if (m instanceof Malformed bad && FrontendDecoder.extendedProtocol(bad.type())
        || !(m instanceof Malformed) && m != FunctionCall.INSTANCE) {
      queries.failed(t);
    } else {
      // a simple-protocol message (Query, Sync, FunctionCall, ...): error, then ReadyForQuery
      queries.failedOutsideExtended(t);
    }
  }

  /**
   * Ends the connection when the session manager has ended its session behind its back (e.g.
   * {@code idle_session_timeout}): the session's own reason (57P05, ...) goes to the client as
   * FATAL, as PostgreSQL does when it terminates an idle session.
   */
  void checkSession() {
    onContext(() -> {
      Session s = session;
      if (phase != Phase.READY || busy || s == null
          || server.sessions().orElseThrow().find(s.id()).isPresent()) {
        return;
      }
      SnapsyncException reason = s.closedReason();
      if (reason != null) {
        fatal(reason);
      }
    });
  }

  /** Node shutdown: FATAL 57P01 to the client, then close (the session rolls back). */
  void shutdown() {
    onContext(() -> fatal(new SnapsyncException(SqlState.ADMIN_SHUTDOWN, Severity.FATAL,
        Message.of("pgwire.shutdown"), null, null, 0, null)));
  }

  private void onClosed() {
    admission.closed();
    listener.removed(this);
    phase = Phase.CLOSED;
    inbox.clear();
    server.cancels().unregister(key);
    copy.connectionLost();
    io.vertx.core.Promise<Void> w = writable;
    writable = null;
    if (w != null) {
      // a drain never comes on a closed socket
      w.tryFail(SnapsyncException.error(SqlState.CONNECTION_FAILURE,
          "pgwire.copy_connection_lost"));
    }
    if (frames.pendingBytes() > 0) {
      LOG.debug("pgwire: connection from {} closed inside a frame ({} bytes)",
          socket.remoteAddress(), frames.pendingBytes());
    }
    Session s = session;
    session = null;
    if (s != null) {
      s.close().onFailure(t -> LOG.warn("pgwire: closing session {} failed", s.id(), t));
    }
  }
}
