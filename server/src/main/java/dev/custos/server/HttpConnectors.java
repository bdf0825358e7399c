package dev.custos.server;

import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Jetty's threads and the listening connector (plain HTTP or TLS) of the reference server. */
final class HttpConnectors {
  private HttpConnectors() {}

  /**
   * Handlers block on the SMS provider and on Redis, so threads outnumber cores; slow clients do
   * not take threads at all (the selector reads their bytes as they come).
   */
  static QueuedThreadPool threads() {
    int cores = Runtime.getRuntime().availableProcessors();
    QueuedThreadPool threads = new QueuedThreadPool(Math.max(32, 16 * cores), 4);
    threads.setName("custos-http");
    return threads;
  }

  /** The listening connector, plain HTTP or TLS. */
  static ServerConnector connector(Server http, ServerOptions options) {
    HttpConfiguration config = new HttpConfiguration();
    config.setRequestHeaderSize(CustosServer.MAX_HEADER_BYTES);
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    ServerConnector connector;
    if (options.tlsKeyStore == null) {
      connector = new ServerConnector(http, 1, 1, new HttpConnectionFactory(config));
    } else {
      SslContextFactory.Server tls = new SslContextFactory.Server();
      tls.setKeyStore(options.tlsKeyStore);
      tls.setKeyStorePassword(new String(options.tlsPassword));
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      // Clients dial the server by IP as often as by name; the certificate is the client's check.
      secure.setSniHostCheck(false);
      secure.setStsMaxAge(Duration.ofDays(365).toSeconds());
      config.addCustomizer(secure);
      connector =
          new ServerConnector(
              http,
              1,
              1,
              new SslConnectionFactory(tls, "http/1.1"),
              new HttpConnectionFactory(config));
    }
    connector.setHost(options.bind);
    connector.setPort(options.port);
    connector.setIdleTimeout(options.idleTimeoutMillis);
    return connector;
  }
}
