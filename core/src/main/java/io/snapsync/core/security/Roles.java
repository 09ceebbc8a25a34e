package io.snapsync.core.security;

/** Role names, as the authorization provider reports them ({@code RoleBasedAuthorization}). */
public final class Roles {

  /** Everything. */
  public static final String SYSADMIN = "SYSADMIN";
  /** Reports and monitoring. */
  public static final String MONADMIN = "MONADMIN";

  private Roles() {
  }
}
