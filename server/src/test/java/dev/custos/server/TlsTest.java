package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from a PKCS#12 keystore or PEM files, with a certificate made by the JDK's keytool. */
class TlsTest {
  private static final char[] PASSWORD = "test-password".toCharArray();

  @TempDir static Path dir;
  private static Path keystore;
  private static KeyStore store;

  @BeforeAll
  static void makeCertificate() throws Exception {
    keystore = dir.resolve("tls.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "custos",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor()).as(new String(process.getInputStream().readAllBytes())).isZero();
    store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD);
    }
  }

  private static HttpClient trustingClient() throws Exception {
    return HttpClient.newBuilder()
        .sslContext(trustingContext())
        .connectTimeout(Duration.ofSeconds(2))
        .build();
  }

  private static void assertServesHttps(ServerOptions options) throws Exception {
    try (CustosServer server = CustosServer.start(options.port(0).shutdownGrace(0))) {
      assertThat(server.uri().getScheme()).isEqualTo("https");
      HttpResponse<String> health =
          trustingClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.uri() + "/health")).build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.headers().firstValue("Strict-Transport-Security"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("max-age=31536000"));
    }
  }

  private static SSLContext trustingContext() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("custos", store.getCertificate("custos"));
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  /**
   * Inside TLS the head deadline is the TCP connection's: a silent one (no handshake at all) is
   * closed at it, and one whose head arrived is not, however slowly its body follows.
   */
  @Test
  void headDeadline_overTls_silentClosedSlowBodyServed() throws Exception {
    try (CustosServer server =
        CustosServer.start(
            CustosServer.options()
                .tlsPkcs12(keystore, PASSWORD)
                .requestHeadTimeout(Duration.ofMillis(500))
                .port(0)
                .shutdownGrace(0))) {
      int port = server.uri().getPort();
      try (java.net.Socket silent = new java.net.Socket("127.0.0.1", port)) {
        silent.setSoTimeout(5_000);
        long begin = System.nanoTime();
        int read;
        try {
          read = silent.getInputStream().read();
        } catch (java.net.SocketException e) {
          read = -1;
        }
        assertThat(read).isEqualTo(-1);
        assertThat((System.nanoTime() - begin) / 1_000_000).isBetween(300L, 3_000L);
      }
      try (javax.net.ssl.SSLSocket tls =
          (javax.net.ssl.SSLSocket)
              trustingContext().getSocketFactory().createSocket("127.0.0.1", port)) {
        tls.startHandshake();
        java.io.OutputStream out = tls.getOutputStream();
        out.write(
            ("POST /customers/100001/token HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/vnd.api+json\r\nContent-Length: 2\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        out.flush();
        tls.setSoTimeout(1_200);
        assertThatExceptionOfType(java.net.SocketTimeoutException.class)
            .as("the head arrived: no deadline while the body comes, slowly")
            .isThrownBy(() -> tls.getInputStream().read());
        out.write("{}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        out.flush();
        tls.setSoTimeout(5_000);
        byte[] status = tls.getInputStream().readNBytes(12);
        assertThat(new String(status, java.nio.charset.StandardCharsets.ISO_8859_1))
            .isEqualTo("HTTP/1.1 401");
      }
    }
  }

  @Test
  void pkcs12Keystore_servesHttps() throws Exception {
    assertServesHttps(CustosServer.options().tlsPkcs12(keystore, PASSWORD));
  }

  @Test
  void pemCertificateAndKey_serveHttps() throws Exception {
    Key key = store.getKey("custos", PASSWORD);
    Certificate certificate = store.getCertificate("custos");
    Path cert = dir.resolve("tls.crt");
    Path pem = dir.resolve("tls.key");
    Files.writeString(cert, pem("CERTIFICATE", certificate.getEncoded()));
    Files.writeString(pem, pem("PRIVATE KEY", key.getEncoded()));

    assertServesHttps(CustosServer.options().tlsPem(cert, pem));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  @Test
  void wrongPasswordOrMissingFile_refusedNamingTheFile() {
    assertThatExceptionOfType(IOException.class)
        .isThrownBy(() -> CustosServer.options().tlsPkcs12(keystore, "wrong".toCharArray()))
        .withMessage(
            "cannot read TLS keystore " + keystore + ": not PKCS#12, or the password is wrong");
    Path missing = dir.resolve("missing.p12");
    assertThatExceptionOfType(IOException.class)
        .isThrownBy(() -> CustosServer.options().tlsPkcs12(missing, PASSWORD))
        .withMessage("cannot read TLS keystore " + missing + ": no such file");
  }

  @Test
  void encryptedOrOtherPemKey_refusedWithAWayOut() throws Exception {
    Path cert = dir.resolve("only.crt");
    Files.writeString(cert, pem("CERTIFICATE", store.getCertificate("custos").getEncoded()));
    Path encrypted = dir.resolve("encrypted.key");
    Files.writeString(encrypted, pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}));

    assertThatExceptionOfType(IOException.class)
        .isThrownBy(() -> CustosServer.options().tlsPem(cert, encrypted))
        .withMessageContaining("is not an unencrypted PKCS#8 PEM key");
  }

  @Test
  void cli_keystoreWithoutItsPasswordVariable_usageError() {
    StringWriter err = new StringWriter();
    int status =
        Cli.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            Map.of(),
            "serve",
            "--port",
            "0",
            "--tls-keystore",
            keystore.toString());

    assertThat(status).isEqualTo(Cli.EXIT_USAGE);
    assertThat(err.toString())
        .contains("--tls-keystore needs the keystore's password in CUSTOS_TLS_PASSWORD");
  }
}
