package io.snapsync.core.security.impl;

import io.snapsync.core.security.Roles;
import io.snapsync.core.security.UserDirectory;
import io.vertx.core.Future;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authorization.Authorization;
import io.vertx.ext.auth.authorization.AuthorizationProvider;
import io.vertx.ext.auth.authorization.RoleBasedAuthorization;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The default authorization provider: a {@link RoleBasedAuthorization} per role of the user in
 * the {@link UserDirectory}. SYSADMIN implies MONADMIN. An extension may replace it
 * ({@code ExtensionContext.setAuthorizationProvider}).
 */
public final class UsersAuthorizationProvider implements AuthorizationProvider {

  public static final String ID = "snapsync-users";

  private final UserDirectory users;

  public UsersAuthorizationProvider(UserDirectory users) {
    this.users = users;
  }

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Future<Void> getAuthorizations(User user) {
    String name = user.subject() != null ? user.subject() : user.principal().getString("username");
    Set<Authorization> auths = new LinkedHashSet<>();
    for (String role : users.roles(name)) {
      auths.add(RoleBasedAuthorization.create(role));
      if (role.equals(Roles.SYSADMIN)) {
        auths.add(RoleBasedAuthorization.create(Roles.MONADMIN));
      }
    }
    user.authorizations().put(ID, auths);
    return Future.succeededFuture();
  }
}
