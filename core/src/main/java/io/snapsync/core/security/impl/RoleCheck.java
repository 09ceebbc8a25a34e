package io.snapsync.core.security.impl;

import io.vertx.core.Future;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authorization.AuthorizationProvider;
import io.vertx.ext.auth.authorization.RoleBasedAuthorization;

/** Asks an {@link AuthorizationProvider} whether a user holds a role. */
public final class RoleCheck {

  private RoleCheck() {
  }

  /** True when {@code provider} grants {@code user} the role {@code role}. */
  public static Future<Boolean> hasRole(AuthorizationProvider provider, String user, String role) {
    User u = User.fromName(user);
    return provider.getAuthorizations(u)
        .map(v -> RoleBasedAuthorization.create(role).match(u));
  }
}
