package io.snapsync.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A server the driver talks to with pgjdbc: its display name and JDBC connection settings.
 * Both systems get the same driver settings.
 */
public record Target(String name, String url, String user, String password) {

  public Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    p.setProperty("ApplicationName", "snapsync-bench");
    p.setProperty("tcpKeepAlive", "true");
    return DriverManager.getConnection(url, p);
  }
}
