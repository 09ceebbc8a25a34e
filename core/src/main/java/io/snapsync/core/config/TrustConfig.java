package io.snapsync.core.config;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Set;

/**
 * The {@code cluster.trust} section (docs/configuration.md): where the cluster's key material
 * lives and whether a node may create it on first start.
 *
 * @param directory holds the files of {@code io.snapsync.core.cluster.TrustMaterial}; default
 *     {@code <dataDirectory>/trust}
 * @param caCert, cert, key, secretFile explicit files overriding those of the directory
 * @param generate create the material when the directory has none: {@code true} by default on
 *     embedded and data nodes, {@code false} on coordinators (they must be given the cluster's)
 */
public record TrustConfig(Path directory, Path caCert, Path cert, Path key, Path secretFile,
    boolean generate) {

  private static final Set<String> KEYS = Set.of("directory", "caCert", "cert", "key",
      "secretFile", "generate");

  static TrustConfig parse(JsonObject section, Path dataDirectory, NodeConfig.Role role,
      String source) {
    JsonObject s = section == null ? new JsonObject() : section;
    for (String k : s.fieldNames()) {
      if (!KEYS.contains(k)) {
        throw new ConfigException(source, "cluster.trust." + k, "unknown key (known: "
            + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
      }
    }
    Path dir = path(s, "directory", source);
    dir = dir == null ? dataDirectory.resolve("trust") : dir;
    Object g = s.getValue("generate");
    boolean generate;
    if (g == null) {
      generate = role.dataNode();
    } else if (g instanceof Boolean b) {
      generate = b;
    } else {
      throw new ConfigException(source, "cluster.trust.generate", "must be true or false");
    }
    return new TrustConfig(dir, or(path(s, "caCert", source), dir.resolve("ca.pem")),
        or(path(s, "cert", source), dir.resolve("member.pem")),
        or(path(s, "key", source), dir.resolve("member-key.pem")),
        or(path(s, "secretFile", source), dir.resolve("cluster.secret")), generate);
  }

  private static Path path(JsonObject s, String key, String source) {
    Object v = s.getValue(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String p) || p.isBlank()) {
      throw new ConfigException(source, "cluster.trust." + key, "must be a file path");
    }
    return Path.of(p);
  }

  private static Path or(Path a, Path b) {
    return a == null ? b : a;
  }
}
