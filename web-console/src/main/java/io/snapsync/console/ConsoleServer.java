package io.snapsync.console;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.login.LoginThrottle;
import io.snapsync.core.security.Roles;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.SessionManager;
import io.snapsync.core.settings.SettingsRegistry;
import io.snapsync.core.spi.ExtensionContext;
import io.snapsync.plugins.wdr.api.WdrService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin console's HTTP(S) server: the page and its static files (the page's own and the
 * WebJars'), sign-in / sign-out, the report pages, and the WebSocket ({@code /ws}) over which
 * the page talks to the node ({@link ConsoleSocket}).
 *
 * <p>Security: the sign-in cookie is a random token, {@code HttpOnly; SameSite=Strict} (and
 * {@code Secure} with TLS); the Origin of the WebSocket handshake and of every POST must be the
 * console's own origin or one of {@code allowedOrigins}; only users with SYSADMIN or MONADMIN
 * sign in, roles are re-read on every operation, and actions run as SQL in the user's own
 * session so the node's role checks and messages apply unchanged.
 */
public final class ConsoleServer {

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);

  /** Name of the sign-in cookie. */
  public static final String COOKIE = "snapsync_console";
  static final String WEBROOT = "io/snapsync/console/webroot";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ExtensionContext ctx;
  private final ConsoleOptions options;
  private final Vertx vertx;
  private final SessionManager sessionManager;
  private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  /** The node's login limits, shared with the event-bus API (per user and per address). */
  private final LoginThrottle throttle;
  private volatile ConsoleOrigins origins;
  private final String indexHtml;
  private final java.time.Clock clock;
  private HttpServer server;
  private long sweepTimer = -1;

  private ConsoleServer(ExtensionContext ctx, ConsoleOptions options) {
    this.ctx = ctx;
    this.options = options;
    this.vertx = ctx.vertx();
    this.sessionManager = ctx.sessions().orElseThrow();
    this.indexHtml = loadIndex();
    this.clock = ctx.clock();
    this.throttle = ctx.service(LoginThrottle.class)
        .orElseGet(() -> LoginThrottle.defaults(clock));
  }

  /** Starts the console of a coordinator node. */
  public static Future<ConsoleServer> start(ExtensionContext ctx, ConsoleOptions options) {
    ConsoleServer s;
    try {
      s = new ConsoleServer(ctx, options);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return s.listen().map(v -> s);
  }

  private Future<Void> listen() {
    HttpServerOptions http = new HttpServerOptions().setHost(options.host())
        .setPort(options.port()).setMaxWebSocketMessageSize(options.maxMessageBytes())
        .setMaxWebSocketFrameSize(Math.min(options.maxMessageBytes(), 65536))
        .setCompressionSupported(true);
    if (options.tlsEnabled()) {
      JsonObject t = options.tls();
      http.setSsl(true);
      if (t.getString("keyStorePath") != null) {
        http.setKeyCertOptions(new PfxOptions().setPath(t.getString("keyStorePath"))
            .setPassword(t.getString("keyStorePassword", "")));
      } else {
        http.setKeyCertOptions(new PemKeyCertOptions().setCertPath(t.getString("certPath"))
            .setKeyPath(t.getString("keyPath")));
      }
    }
    Router router = router();
    // Members only: a non-member's publish would show browsers fake events.
    var trust = io.snapsync.core.cluster.ClusterTrust.forVertx(vertx);
    consumers.add(trust.<JsonObject>consumer(vertx, WdrService.SNAPSHOTS_ADDRESS,
        m -> broadcast("snapshot", m.body())));
    consumers.add(trust.<JsonObject>consumer(vertx, WdrService.WORKERS_ADDRESS,
        m -> broadcast("worker", m.body())));
    consumers.add(trust.<JsonObject>consumer(vertx, SettingsRegistry.CHANGED_ADDRESS,
        m -> broadcast("setting", m.body())));
    sweepTimer = vertx.setPeriodic(Math.min(30_000L, options.sessionIdleMinutes() * 60_000L),
        t -> sweep());
    return vertx.createHttpServer(http).requestHandler(router).listen().map(srv -> {
      server = srv;
      return null;
    });
  }

  /** The bound port. */
  public int port() {
    return server.actualPort();
  }

  public boolean tls() {
    return options.tlsEnabled();
  }

  /** The console's URL, e.g. {@code http://127.0.0.1:8480/}. */
  public String url() {
    return (tls() ? "https://" : "http://") + options.host() + ":" + port() + "/";
  }

  /** Stops listening and ends every console sign-in. */
  public Future<Void> close() {
    if (sweepTimer >= 0) {
      vertx.cancelTimer(sweepTimer);
    }
    consumers.forEach(MessageConsumer::unregister);
    List<Future<Void>> all = new ArrayList<>();
    new ArrayList<>(sessions.values()).forEach(s -> all.add(end(s)));
    if (server != null) {
      all.add(server.close());
    }
    return Future.join(all).mapEmpty();
  }

  ExtensionContext context() {
    return ctx;
  }

  ConsoleOptions options() {
    return options;
  }

  // ---------------------------------------------------------------- routes

  private Router router() {
    Router router = Router.router(vertx);
    router.route().handler(this::securityHeaders);
    router.post("/api/*").handler(BodyHandler.create().setBodyLimit(16 * 1024));
    router.post("/api/login").handler(this::login);
    router.post("/api/logout").handler(this::logout);
    router.get("/api/me").handler(this::me);
    router.get("/ws").handler(this::upgrade);
    router.get("/report/:id").handler(this::report);
    router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars")
        .setMaxAgeSeconds(86_400));
    router.get("/").handler(rc -> rc.response().putHeader("Content-Type",
        "text/html; charset=utf-8").putHeader("Cache-Control", "no-store").end(indexHtml));
    router.get("/index.html").handler(rc -> rc.redirect("/"));
    router.get("/static/*").handler(StaticHandler.create(WEBROOT).setCachingEnabled(false));
    return router;
  }

  private void securityHeaders(RoutingContext rc) {
    rc.response()
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (!rc.request().path().startsWith("/report/")) {
      rc.response().putHeader("X-Frame-Options", "DENY").putHeader("Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              + "connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; "
              + "base-uri 'none'; form-action 'self'; object-src 'none'");
    }
    if (tls()) {
      rc.response().putHeader("Strict-Transport-Security", "max-age=31536000");
    }
    rc.next();
  }

  private void login(RoutingContext rc) {
    if (!originAllowed(rc.request())) {
      fail(rc, 403, ConsoleErrors.originDenied(String.valueOf(rc.request().getHeader("Origin"))),
          null);
      return;
    }
    JsonObject body;
    try {
      body = rc.body().asJsonObject();
    } catch (DecodeException e) {
      body = null;
    }
    if (body == null || !(body.getValue("user") instanceof String user)
        || !(body.getValue("password") instanceof String password)) {
      fail(rc, 400, ConsoleErrors.badRequest("expected {user, password}"), null);
      return;
    }
    String lc = body.getValue("lc_messages") instanceof String s ? s : null;
    String from = rc.request().remoteAddress() == null ? "?" : rc.request().remoteAddress().host();
    JsonObject sessionOptions = new JsonObject().put("application_name", "snapsync-console");
    if (lc != null) {
      sessionOptions.put("lc_messages", lc);
    }
    throttle.guard(user, from, () -> ctx.users().authenticate(user, password)).compose(name -> {
      if (!isAdmin(name)) {
        return Future.failedFuture(ConsoleErrors.notAdmin(name));
      }
      return sessionManager.openAuthenticated(name, sessionOptions).compose(views ->
          sessionManager.openAuthenticated(name, sessionOptions.copy()
              .put("application_name", "snapsync-console-prompt"))
              .recover(e -> views.close().transform(x -> Future.failedFuture(e)))
              .map(prompt -> new ConsoleSession(token(), name, views, prompt, now())));
    }).onComplete(ar -> {
      if (ar.failed()) {
        SnapsyncException e = SnapsyncException.from(ar.cause());
        int status = LoginThrottle.THROTTLED.equals(e.message().id()) ? 429
            : SqlState.INVALID_PASSWORD.equals(e.sqlState()) ? 401
                : e.sqlState().equals(SqlState.INSUFFICIENT_PRIVILEGE) ? 403 : 500;
        fail(rc, status, e, lc);
        return;
      }
      ConsoleSession s = ar.result();
      sessions.put(s.token, s);
      LOG.info("console: {} signed in from {}", s.user, rc.request().remoteAddress());
      rc.response().addCookie(cookie(s.token, -1));
      rc.json(whoAmI(s));
    });
  }

  private void logout(RoutingContext rc) {
    if (!originAllowed(rc.request())) {
      fail(rc, 403, ConsoleErrors.originDenied(String.valueOf(rc.request().getHeader("Origin"))),
          null);
      return;
    }
    ConsoleSession s = sessionOf(rc.request());
    rc.response().addCookie(cookie("", 0));
    if (s == null) {
      rc.response().setStatusCode(204).end();
      return;
    }
    end(s).onComplete(ar -> rc.response().setStatusCode(204).end());
  }

  private void me(RoutingContext rc) {
    Cookie c = rc.request().getCookie(COOKIE);
    ConsoleSession known = c == null ? null : sessions.get(c.getValue());
    if (known != null && (expired(known) || !isAdmin(known.user))) {
      // end it (and its SQL sessions) before answering
      end(known).onComplete(ar -> fail(rc, 401, ConsoleErrors.notSignedIn(), null));
      return;
    }
    ConsoleSession s = sessionOf(rc.request());
    if (s == null) {
      fail(rc, 401, ConsoleErrors.notSignedIn(), null);
      return;
    }
    s.touch(now());
    rc.json(whoAmI(s));
  }

  private void upgrade(RoutingContext rc) {
    HttpServerRequest req = rc.request();
    if (!originAllowed(req)) {
      LOG.warn("console: WebSocket from origin {} refused", req.getHeader("Origin"));
      fail(rc, 403, ConsoleErrors.originDenied(String.valueOf(req.getHeader("Origin"))), null);
      return;
    }
    ConsoleSession s = sessionOf(req);
    if (s == null) {
      fail(rc, 401, ConsoleErrors.notSignedIn(), null);
      return;
    }
    if (!isAdmin(s.user)) {
      fail(rc, 403, ConsoleErrors.notAdmin(s.user), s.views.lcMessages());
      return;
    }
    s.touch(now());
    req.toWebSocket().onSuccess(ws -> {
      ConsoleSocket socket = new ConsoleSocket(this, s, ws);
      s.sockets.add(socket);
      socket.start();
    }).onFailure(e -> LOG.debug("console: WebSocket upgrade failed: {}", e.toString()));
  }

  private void report(RoutingContext rc) {
    ConsoleSession s = sessionOf(rc.request());
    if (s == null || !isAdmin(s.user)) {
      fail(rc, 401, ConsoleErrors.notSignedIn(), null);
      return;
    }
    String id = rc.pathParam("id");
    ConsoleSession.StoredReport r = s.report(id);
    if (r == null) {
      fail(rc, 404, ConsoleErrors.reportMissing(id), s.views.lcMessages());
      return;
    }
    var resp = rc.response().putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Frame-Options", "SAMEORIGIN")
        .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
            + "img-src data:; frame-ancestors 'self'; sandbox");
    if ("1".equals(rc.queryParams().get("download"))) {
      resp.putHeader("Content-Disposition", "attachment; filename=\"" + r.fileName() + "\"");
    }
    resp.end(r.html());
  }

  // ---------------------------------------------------------------- sessions

  /** The WebSockets open now, over every sign-in. */
  int openSockets() {
    return sessions.values().stream().mapToInt(s -> s.sockets.size()).sum();
  }

  ConsoleSession sessionOf(HttpServerRequest req) {
    Cookie c = req.getCookie(COOKIE);
    if (c == null || c.getValue() == null || c.getValue().isEmpty()) {
      return null;
    }
    ConsoleSession s = sessions.get(c.getValue());
    if (s != null && expired(s)) {
      end(s);
      return null;
    }
    return s;
  }

  boolean expired(ConsoleSession s) {
    return now() - s.lastActive() > options.sessionIdleMinutes() * 60_000L;
  }

  /** Ends a sign-in: its sockets, its SQL sessions. */
  Future<Void> end(ConsoleSession s) {
    if (sessions.remove(s.token) == null) {
      return Future.succeededFuture();
    }
    LOG.info("console: session of {} ended", s.user);
    s.sockets.forEach(ConsoleSocket::close);
    return Future.join(s.views.close(), s.prompt.close()).mapEmpty();
  }

  private void sweep() {
    for (ConsoleSession s : List.copyOf(sessions.values())) {
      if (expired(s) || !ctx.users().exists(s.user) || !isAdmin(s.user)) {
        end(s);
      }
    }
  }

  boolean isAdmin(String user) {
    Set<String> roles = ctx.users().roles(user);
    return roles.contains(Roles.SYSADMIN) || roles.contains(Roles.MONADMIN);
  }

  boolean isSysadmin(String user) {
    return ctx.users().roles(user).contains(Roles.SYSADMIN);
  }

  JsonObject whoAmI(ConsoleSession s) {
    return new JsonObject().put("user", s.user)
        .put("roles", new JsonArray(List.copyOf(ctx.users().roles(s.user))))
        .put("sysadmin", isSysadmin(s.user)).put("node", ctx.node().name())
        .put("nodeRole", ctx.node().roleName()).put("tls", tls())
        .put("lc_messages", s.views.lcMessages())
        .put("i18n", ConsoleTexts.of(ctx.catalog(), s.views.lcMessages()));
  }

  private void broadcast(String event, JsonObject data) {
    JsonObject msg = new JsonObject().put("event", event).put("data", data);
    String text = msg.encode();
    for (ConsoleSession s : sessions.values()) {
      s.sockets.forEach(k -> k.push(text));
    }
  }

  /**
   * The Origin must be one of the console's own origins ({@link ConsoleOrigins}: derived from
   * the configured listen address and the bound port, never from the request's Host header)
   * or listed in {@code allowedOrigins}. Browsers send it on every WebSocket handshake and
   * every POST; requests without one are refused.
   */
  boolean originAllowed(HttpServerRequest req) {
    String origin = req.getHeader("Origin");
    return origin != null && origins().allows(origin);
  }

  private ConsoleOrigins origins() {
    ConsoleOrigins o = origins;
    if (o == null) {
      o = ConsoleOrigins.of(tls(), options.host(), port(), options.allowedOrigins());
      origins = o;
    }
    return o;
  }

  private Cookie cookie(String value, long maxAge) {
    Cookie c = Cookie.cookie(COOKIE, value).setHttpOnly(true).setPath("/")
        .setSameSite(CookieSameSite.STRICT).setSecure(tls());
    if (maxAge >= 0) {
      c.setMaxAge(maxAge);
    }
    return c;
  }

  private void fail(RoutingContext rc, int status, SnapsyncException e, String lc) {
    rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", e.toJson(ctx.catalog(), lc)).encode());
  }

  /** The node's clock (idle expiry of sign-ins, next due times). */
  long now() {
    return clock.millis();
  }

  static String token() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** index.html with the WebJar versions on the class path filled in. */
  private static String loadIndex() {
    String html = resource(WEBROOT + "/index.html");
    return html.replace("{{chartjs}}", webjarVersion("chart.js"))
        .replace("{{bootstrap}}", webjarVersion("bootstrap"));
  }

  private static String webjarVersion(String name) {
    Properties p = new Properties();
    try (InputStream in = ConsoleServer.class.getClassLoader().getResourceAsStream(
        "META-INF/maven/org.webjars.npm/" + name + "/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("WebJar " + name + " is not on the class path");
      }
      p.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the WebJar " + name, e);
    }
    return p.getProperty("version");
  }

  private static String resource(String path) {
    try (InputStream in = ConsoleServer.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the class path");
      }
      return Buffer.buffer(in.readAllBytes()).toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
  }

  /** All current sign-ins (for tests and diagnostics). */
  public int signedIn() {
    return sessions.size();
  }

  List<Session> sqlSessions() {
    List<Session> all = new ArrayList<>();
    sessions.values().forEach(s -> {
      all.add(s.views);
      all.add(s.prompt);
    });
    return all;
  }
}
