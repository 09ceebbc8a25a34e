package io.snapsync.bench.regress;

/**
 * Where psql connects: one of the two servers being compared.
 *
 * @param name what the reports call it ({@code postgresql}, {@code snapsync})
 * @param host host name or address
 * @param port TCP port
 * @param user login user
 * @param password password, empty for trust authentication
 * @param database database name
 */
public record Server(String name, String host, int port, String user, String password,
    String database) {
}
