// SPDX-License-Identifier: Apache-2.0
package dev.switchboard.transport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TLS identity: a private key and its certificate chain, leaf first.
 *
 * <p>It comes from PEM files ({@link #fromFiles}), or, for a server run without configuration,
 * from a self-signed certificate that {@link #loadOrCreate} generates into the data folder on
 * first start and reuses afterwards. Its SHA-256 fingerprint is logged at INFO so an operator can
 * pin it in a client.
 *
 * <p>Immutable and thread-safe.
 */
public final class TlsMaterial {
  /** File name of the generated certificate inside the data folder. */
  public static final String CERTIFICATE_FILE = "tls-certificate.pem";
  /** File name of the generated private key inside the data folder. */
  public static final String KEY_FILE = "tls-key.pem";

  private static final Logger log = LoggerFactory.getLogger(TlsMaterial.class);
  private static final Duration VALIDITY = Duration.ofDays(3650);

  private final PrivateKey privateKey;
  private final List<X509Certificate> chain;

  private TlsMaterial(PrivateKey privateKey, List<X509Certificate> chain) {
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    this.chain = List.copyOf(chain);
    if (this.chain.isEmpty()) {
      throw new IllegalArgumentException("a certificate chain needs at least one certificate");
    }
  }

  /**
   * Reads a certificate chain (leaf first) and an unencrypted private key (PKCS#8, or PKCS#1 RSA
   * or SEC1 EC) from PEM files. Both may be the same file.
   *
   * @throws IOException when a file cannot be read or holds no usable certificate or key
   */
  public static TlsMaterial fromFiles(Path certificatePem, Path keyPem) throws IOException {
    List<X509Certificate> certs = new ArrayList<>();
    readPem(certificatePem, certs);
    if (certs.isEmpty()) {
      throw new IOException(certificatePem + ": no CERTIFICATE in PEM file");
    }
    PrivateKey key = readPem(keyPem, new ArrayList<>());
    if (key == null) {
      throw new IOException(keyPem + ": no unencrypted PRIVATE KEY in PEM file");
    }
    return new TlsMaterial(key, certs);
  }

  /**
   * The data folder's certificate and key; on first start a self-signed certificate for {@code
   * hostName} is generated there (EC P-256, CN and subjectAltName = host name, ten years), and
   * reused on later starts. The fingerprint is logged at INFO either way.
   *
   * @throws IOException when the folder cannot be written, or holds only one of the two files
   */
  public static TlsMaterial loadOrCreate(Path dataDir, String hostName) throws IOException {
    Path cert = dataDir.resolve(CERTIFICATE_FILE);
    Path key = dataDir.resolve(KEY_FILE);
    boolean haveCert = Files.exists(cert);
    if (haveCert != Files.exists(key)) {
      throw new IOException(
          dataDir + ": found only one of " + CERTIFICATE_FILE + " and " + KEY_FILE + "; remove it or supply both");
    }
    if (haveCert) {
      TlsMaterial m = fromFiles(cert, key);
      log.info("TLS certificate {} loaded, SHA-256 fingerprint {}", cert, m.fingerprint());
      return m;
    }
    TlsMaterial m = selfSigned(hostName);
    Files.createDirectories(dataDir);
    writeKey(key, m.privateKey);
    writePem(cert, m.certificate());
    log.info("TLS certificate {} generated for {}, SHA-256 fingerprint {}", cert, hostName, m.fingerprint());
    return m;
  }

  /** A fresh self-signed certificate for {@code hostName}, in memory only (EC P-256, ten years). */
  public static TlsMaterial selfSigned(String hostName) {
    Objects.requireNonNull(hostName, "hostName");
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = g.generateKeyPair();
      X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, hostName).build();
      Instant now = Instant.now();
      BigInteger serial = new BigInteger(63, new SecureRandom());
      int nameType = isIpLiteral(hostName) ? GeneralName.iPAddress : GeneralName.dNSName;
      X509CertificateHolder holder =
          new JcaX509v3CertificateBuilder(
                  subject,
                  serial,
                  Date.from(now.minus(Duration.ofDays(1))),
                  Date.from(now.plus(VALIDITY)),
                  subject,
                  pair.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
              .addExtension(
                  Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(nameType, hostName)))
              .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
      return new TlsMaterial(pair.getPrivate(), List.of(cert));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot generate a self-signed certificate: " + e.getMessage(), e);
    }
  }

  /** The leaf certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** The certificate chain, leaf first. */
  public List<X509Certificate> chain() {
    return chain;
  }

  /** The private key; package-private so only the TLS contexts see it. */
  PrivateKey privateKey() {
    return privateKey;
  }

  /** The SHA-256 fingerprint of the leaf certificate, as colon-separated upper-case hex. */
  public String fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** Reads every certificate into {@code certs}; returns the private key, or null. */
  private static PrivateKey readPem(Path file, List<X509Certificate> certs) throws IOException {
    PrivateKey key = null;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(r)) {
      JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
      JcaX509CertificateConverter x509 = new JcaX509CertificateConverter();
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof X509CertificateHolder h) {
          certs.add(x509.getCertificate(h));
        } else if (o instanceof PEMKeyPair kp) {
          key = keys.getKeyPair(kp).getPrivate();
        } else if (o instanceof PrivateKeyInfo info) {
          key = keys.getPrivateKey(info);
        }
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IOException(file + ": bad PEM content: " + e.getMessage(), e);
    }
    return key;
  }

  /** Writes the key readable by the owner only where the file system has POSIX permissions. */
  private static void writeKey(Path file, PrivateKey key) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    writePem(tmp, new JcaPKCS8Generator(key, null));
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void writePem(Path file, Object pem) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pw = new JcaPEMWriter(w)) {
      pw.writeObject(pem);
    }
  }

  private static boolean isIpLiteral(String host) {
    return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
  }
}
