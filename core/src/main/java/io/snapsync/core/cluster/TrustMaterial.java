package io.snapsync.core.cluster;

import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The key material of a cluster, in one directory (docs/cluster.md): the CA certificate
 * ({@value #CA_CERT}) and key ({@value #CA_KEY}), the member certificate and key the nodes
 * share ({@value #NODE_CERT}, {@value #NODE_KEY}), a service certificate and key for client
 * processes ({@value #SERVICE_CERT}, {@value #SERVICE_KEY}) and the cluster secret
 * ({@value #SECRET}, base64). A member holds all of it; a service holds the CA certificate
 * and a service certificate, never the secret. Immutable once loaded.
 */
public final class TrustMaterial {

  public static final String CA_CERT = "ca.pem";
  public static final String CA_KEY = "ca-key.pem";
  public static final String NODE_CERT = "member.pem";
  public static final String NODE_KEY = "member-key.pem";
  public static final String SERVICE_CERT = "service.pem";
  public static final String SERVICE_KEY = "service-key.pem";
  public static final String SECRET = "cluster.secret";

  private final Path caCert;
  private final Path cert;
  private final Path key;
  private final byte[] secret;

  private TrustMaterial(Path caCert, Path cert, Path key, byte[] secret) {
    this.caCert = caCert;
    this.cert = cert;
    this.key = key;
    this.secret = secret;
  }

  /**
   * The member material of {@code config}'s node ({@code cluster.trust}, blocking), created on
   * the first start of a node allowed to ({@code cluster.trust.generate}).
   */
  public static TrustMaterial of(io.snapsync.core.config.NodeConfig config) {
    io.snapsync.core.config.TrustConfig t = config.trust();
    if (t.generate()) {
      member(t.directory(), config.clusterName(), List.of(config.clusterHost(),
          config.bindAddress(), "127.0.0.1", "localhost").stream().distinct().toList(), true);
    }
    return member(t.caCert(), t.cert(), t.key(), t.secretFile());
  }

  /**
   * A member's material from {@code dir} (blocking). When {@code dir} holds no CA certificate
   * and {@code generate} is set, fresh material is created first; concurrent starters sharing
   * the directory end up with the same material (the first complete directory wins).
   *
   * @throws IllegalStateException naming the missing file when the material is incomplete
   */
  public static TrustMaterial member(Path dir, String clusterName, List<String> hosts,
      boolean generate) {
    if (!Files.isRegularFile(dir.resolve(CA_CERT)) && generate) {
      generateAtomically(dir, clusterName, hosts);
    }
    return member(dir.resolve(CA_CERT), dir.resolve(NODE_CERT), dir.resolve(NODE_KEY),
        dir.resolve(SECRET));
  }

  /** Whether {@code dir} holds generated material (its CA certificate). */
  public static boolean present(Path dir) {
    return Files.isRegularFile(dir.resolve(CA_CERT));
  }

  /** A member's material from explicit files (blocking). */
  public static TrustMaterial member(Path caCert, Path cert, Path key, Path secretFile) {
    require(caCert);
    require(cert);
    require(key);
    require(secretFile);
    byte[] secret;
    try {
      secret = Base64.getDecoder().decode(Files.readString(secretFile, StandardCharsets.UTF_8)
          .trim());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the cluster secret " + secretFile, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the cluster secret " + secretFile + " is not base64");
    }
    if (secret.length < 16) {
      throw new IllegalStateException("the cluster secret " + secretFile
          + " is shorter than 16 bytes");
    }
    return new TrustMaterial(caCert, cert, key, secret);
  }

  /** A service's material: the CA certificate and the service certificate of {@code dir}. */
  public static TrustMaterial service(Path dir) {
    return service(dir.resolve(CA_CERT), dir.resolve(SERVICE_CERT), dir.resolve(SERVICE_KEY));
  }

  /** A service's material from explicit files. */
  public static TrustMaterial service(Path caCert, Path cert, Path key) {
    require(caCert);
    require(cert);
    require(key);
    return new TrustMaterial(caCert, cert, key, null);
  }

  /** The cluster secret; empty for a service. */
  public Optional<byte[]> secret() {
    return Optional.ofNullable(secret == null ? null : secret.clone());
  }

  /**
   * {@code base} with TLS on: this certificate and key, trust in the cluster CA only, and a
   * client certificate required from every peer.
   */
  public EventBusOptions apply(EventBusOptions base) {
    return base.setSsl(true)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(cert.toString())
            .setKeyPath(key.toString()))
        .setTrustOptions(new PemTrustOptions().addCertPath(caCert.toString()))
        .setClientAuth(ClientAuth.REQUIRED);
  }

  private static void require(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("cluster key material missing: " + file.toAbsolutePath()
          + " (see docs/cluster.md)");
    }
  }

  private static void generateAtomically(Path dir, String clusterName, List<String> hosts) {
    Path abs = dir.toAbsolutePath();
    Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp-" + UUID.randomUUID());
    TrustGenerator.generate(tmp, clusterName, hosts);
    try {
      Files.createDirectories(abs.getParent());
      if (Files.isDirectory(abs)) {
        Files.delete(abs);
      }
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
      org.slf4j.LoggerFactory.getLogger(TrustMaterial.class).info("created the key material of"
          + " cluster {} in {}: copy this directory to every other member (docs/cluster.md)",
          clusterName, abs);
    } catch (IOException e) {
      deleteTree(tmp);
      if (occupied(abs)) {
        // another starter's directory won the race (the rename onto it fails as
        // FileAlreadyExists, DirectoryNotEmpty or a plain "Directory not empty"), or files
        // were already there: member() then reads it, or names the file it lacks
        return;
      }
      throw new UncheckedIOException("cannot create cluster key material in " + abs, e);
    }
  }

  private static boolean occupied(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isPresent();
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a stale temporary directory holds no material anyone uses
    }
  }
}
