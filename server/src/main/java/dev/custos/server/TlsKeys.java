package dev.custos.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's TLS key and certificate chain, from a PKCS#12 keystore or from PEM files, as the
 * {@link KeyStore} Jetty serves from. Failures name the file and what is wrong with it.
 */
final class TlsKeys {
  private static final Pattern PKCS8 =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private TlsKeys() {}

  /** A PKCS#12 keystore holding one private key entry with its certificate chain. */
  static KeyStore pkcs12(Path file, char[] password) throws IOException {
    KeyStore store;
    try (InputStream in = Files.newInputStream(file)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
    } catch (NoSuchFileException e) {
      throw new IOException("cannot read TLS keystore " + file + ": no such file", e);
    } catch (GeneralSecurityException | IOException e) {
      throw new IOException(
          "cannot read TLS keystore " + file + ": not PKCS#12, or the password is wrong", e);
    }
    if (!hasKeyEntry(store)) {
      throw new IOException("TLS keystore " + file + " holds no private key entry");
    }
    return store;
  }

  /**
   * A PEM certificate chain (server certificate first) and an unencrypted PKCS#8 PEM private key
   * ({@code BEGIN PRIVATE KEY}: RSA, EC or Ed25519), in a keystore whose password is {@code
   * password}.
   */
  static KeyStore pem(Path certificates, Path privateKey, char[] password) throws IOException {
    List<? extends Certificate> chain;
    try (InputStream in = Files.newInputStream(certificates)) {
      chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
    } catch (NoSuchFileException e) {
      throw new IOException("cannot read TLS certificate " + certificates + ": no such file", e);
    } catch (GeneralSecurityException e) {
      throw new IOException("TLS certificate " + certificates + " is not a PEM X.509 chain", e);
    }
    if (chain.isEmpty()) {
      throw new IOException("TLS certificate " + certificates + " holds no certificate");
    }
    PrivateKey key = privateKey(privateKey, chain.get(0).getPublicKey().getAlgorithm());
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("custos", key, password, chain.toArray(new Certificate[0]));
      return store;
    } catch (GeneralSecurityException e) {
      throw new IOException("the TLS key in " + privateKey + " does not fit the certificate", e);
    }
  }

  private static PrivateKey privateKey(Path file, String algorithm) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new IOException("cannot read TLS key " + file + ": no such file", e);
    }
    Matcher m = PKCS8.matcher(text);
    if (!m.find()) {
      throw new IOException(
          "TLS key "
              + file
              + " is not an unencrypted PKCS#8 PEM key (BEGIN PRIVATE KEY); convert it with"
              + " openssl pkcs8 -topk8 -nocrypt, or use a PKCS#12 keystore");
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(m.group(1));
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IOException(
          "TLS key " + file + " is not a " + algorithm + " key matching the certificate", e);
    }
  }

  private static boolean hasKeyEntry(KeyStore store) throws IOException {
    try {
      for (String alias : java.util.Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          return true;
        }
      }
      return false;
    } catch (GeneralSecurityException e) {
      throw new IOException("the TLS keystore cannot be read", e);
    }
  }
}
