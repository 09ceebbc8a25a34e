package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.SessionManager;
import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.impl.codec.Authentication;
import io.snapsync.plugins.pgwire.impl.codec.MessageReader;
import io.snapsync.plugins.pgwire.impl.codec.ProtocolException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * The authentication exchange of one connection, ending in an open session: SCRAM-SHA-256
 * against the user's verifier, then {@link SessionManager#openAuthenticated}; or a cleartext
 * password checked by {@link SessionManager#open}. Every failure is a fatal
 * {@link ProtocolException} or the session manager's error (28P01, 3D000, ...). Not thread-safe.
 */
final class Authenticator {

  /** What to send next, and the session once the exchange is over (else null). */
  record Step(Authentication reply, Future<Session> session) {
  }

  private enum State { PASSWORD, SASL_FIRST, SASL_FINAL, DONE }

  private final SessionManager sessions;
  private final String user;
  private final JsonObject options;
  private final ScramServer scram;
  private State state;

  Authenticator(ServerContext server, SessionManager sessions, String user, JsonObject options) {
    this.sessions = sessions;
    this.user = user;
    this.options = options;
    boolean cleartext = PgWireOptions.PASSWORD.equals(server.options().authentication());
    this.state = cleartext ? State.PASSWORD : State.SASL_FIRST;
    this.scram = cleartext ? null
        : ScramServer.forVerifier(user, server.users().scramVerifier(user));
  }

  /** The authentication request that opens the exchange. */
  Authentication request() {
    return state == State.PASSWORD ? Authentication.cleartextPassword()
        : Authentication.sasl(ScramServer.MECHANISM);
  }

  /** Handles the body of a PasswordMessage / SASLInitialResponse / SASLResponse. */
  Step next(byte[] body) {
    MessageReader r = new MessageReader(Buffer.buffer(body));
    switch (state) {
      case PASSWORD: {
        String password = r.readCString();
        state = State.DONE;
        return new Step(null, sessions.open(user, password, options));
      }
      case SASL_FIRST: {
        String mechanism = r.readCString();
        if (!ScramServer.MECHANISM.equals(mechanism)) {
          throw new ProtocolException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, true,
              "pgwire.sasl_mechanism");
        }
        int len = r.readInt();
        String first = new String(r.readBytes(len), StandardCharsets.UTF_8);
        String serverFirst = scram.clientFirst(first)
            .orElseThrow(() -> ProtocolException.fatal("pgwire.sasl_malformed"));
        state = State.SASL_FINAL;
        return new Step(Authentication.saslContinue(serverFirst), null);
      }
      case SASL_FINAL: {
        String last = new String(r.readBytes(r.remaining()), StandardCharsets.UTF_8);
        String serverFinal = scram.clientFinal(last).orElseThrow(() ->
            new ProtocolException(SqlState.INVALID_PASSWORD, true, "pgwire.auth_failed", user));
        state = State.DONE;
        return new Step(Authentication.saslFinal(serverFinal),
            sessions.openAuthenticated(user, options));
      }
      default:
        throw ProtocolException.fatal("pgwire.invalid_message_type", (int) 'p');
    }
  }
}
