package io.snapsync.core.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates a cluster's key material in a directory ({@link TrustMaterial} names the files): a
 * certificate authority, one member certificate shared by the nodes, one service certificate
 * for client processes, and the cluster secret. EC P-256 keys, certificates valid ten years.
 * Every file is written with mode 600. Blocking.
 */
final class TrustGenerator {

  private static final Duration VALIDITY = Duration.ofDays(3650);
  private static final SecureRandom RANDOM = new SecureRandom();

  private TrustGenerator() {
  }

  /**
   * Writes fresh material into {@code dir} (which must be empty or absent). {@code hosts} go
   * into the subject alternative names of the member certificate.
   */
  static void generate(Path dir, String clusterName, List<String> hosts) {
    try {
      Files.createDirectories(dir);
      KeyPair ca = keyPair();
      X500Name caName = new X500Name("CN=snapsync cluster CA " + clusterName);
      X509Certificate caCert = sign(caName, ca, caName, ca, true, List.of());
      KeyPair node = keyPair();
      X509Certificate nodeCert = sign(new X500Name("CN=snapsync member,OU=member"), node, caName,
          ca, false, hosts);
      KeyPair service = keyPair();
      X509Certificate serviceCert = sign(new X500Name("CN=snapsync service,OU=service"),
          service, caName, ca, false, hosts);
      write(dir.resolve(TrustMaterial.CA_CERT), pem("CERTIFICATE", caCert.getEncoded()));
      write(dir.resolve(TrustMaterial.CA_KEY), pem("PRIVATE KEY", ca.getPrivate().getEncoded()));
      write(dir.resolve(TrustMaterial.NODE_CERT), pem("CERTIFICATE", nodeCert.getEncoded()));
      write(dir.resolve(TrustMaterial.NODE_KEY),
          pem("PRIVATE KEY", node.getPrivate().getEncoded()));
      write(dir.resolve(TrustMaterial.SERVICE_CERT),
          pem("CERTIFICATE", serviceCert.getEncoded()));
      write(dir.resolve(TrustMaterial.SERVICE_KEY),
          pem("PRIVATE KEY", service.getPrivate().getEncoded()));
      byte[] secret = new byte[32];
      RANDOM.nextBytes(secret);
      write(dir.resolve(TrustMaterial.SECRET), Base64.getEncoder().encodeToString(secret) + "\n");
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot generate cluster key material in " + dir, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write cluster key material in " + dir, e);
    }
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return g.generateKeyPair();
  }

  private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer,
      KeyPair issuerKeys, boolean ca, List<String> hosts)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    Instant now = Instant.now();
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
        new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject,
        subjectKeys.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    if (ca) {
      b.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } else {
      b.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
      GeneralName[] names = new GeneralName[hosts.size()];
      for (int i = 0; i < names.length; i++) {
        String h = hosts.get(i);
        names[i] = new GeneralName(h.matches("[0-9.]+|.*:.*") ? GeneralName.iPAddress
            : GeneralName.dNSName, h);
      }
      if (names.length > 0) {
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
      }
    }
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA")
        .build(issuerKeys.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(b.build(signer));
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static void write(Path file, String text) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
