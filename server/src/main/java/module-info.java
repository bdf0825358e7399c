/**
 * The Custos reference server and CLI: embeds {@code dev.custos.core} as a host service would and
 * serves the spec's endpoints over the JDK's HTTP server.
 */
module dev.custos.server {
  requires transitive dev.custos.core;
  requires dev.custos.redis;
  requires org.bouncycastle.provider;
  requires com.github.benmanes.caffeine;
  requires info.picocli;
  requires jdk.httpserver;
  requires com.nimbusds.jose.jwt;
  requires org.slf4j;

  exports dev.custos.server;

  opens dev.custos.server to
      info.picocli;
}
