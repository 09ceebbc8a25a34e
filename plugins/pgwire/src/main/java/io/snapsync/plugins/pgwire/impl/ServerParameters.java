package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.security.Roles;
import io.snapsync.plugins.pgwire.impl.codec.ParameterStatus;
import java.util.List;

/**
 * The ParameterStatus values reported after authentication. The presentation is fixed
 * (UTF8, integer datetimes, standard conforming strings), which is what pgjdbc and
 * vertx-pg-client require; TimeZone, DateStyle and IntervalStyle are the session's.
 */
final class ServerParameters {

  private ServerParameters() {
  }

  static List<ParameterStatus> initial(ServerContext server, String user,
      String applicationName, String timeZone, String dateStyle, String intervalStyle) {
    boolean superuser = server.users().roles(user).contains(Roles.SYSADMIN);
    return List.of(
        new ParameterStatus("application_name", applicationName),
        new ParameterStatus("client_encoding", "UTF8"),
        new ParameterStatus("DateStyle", dateStyle),
        new ParameterStatus("default_transaction_read_only", "off"),
        new ParameterStatus("in_hot_standby", "off"),
        new ParameterStatus("integer_datetimes", "on"),
        new ParameterStatus("IntervalStyle", intervalStyle),
        new ParameterStatus("is_superuser", superuser ? "on" : "off"),
        new ParameterStatus("server_encoding", "UTF8"),
        new ParameterStatus("server_version", server.serverVersion()),
        new ParameterStatus("session_authorization", user),
        new ParameterStatus("standard_conforming_strings", "on"),
        new ParameterStatus("TimeZone", timeZone));
  }
}
