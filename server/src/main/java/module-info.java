/**
 * The Custos reference server and CLI: embeds {@code dev.custos.core} as a host service would and
 * serves the spec's endpoints over Jetty's core HTTP server.
 */
module dev.custos.server {
  requires transitive dev.custos.core;
  requires dev.custos.redis;
  requires dev.custos.passkey;
  requires dev.custos.micrometer;
  requires org.bouncycastle.provider;
  requires com.github.benmanes.caffeine;
  requires info.picocli;
  requires org.eclipse.jetty.server;
  requires org.eclipse.jetty.http;
  requires org.eclipse.jetty.io;
  requires org.eclipse.jetty.util;
  requires com.nimbusds.jose.jwt;
  requires org.slf4j;
  requires jdk.security.auth;
  requires micrometer.core;
  requires micrometer.registry.prometheus;

  exports dev.custos.server;

  opens dev.custos.server to
      info.picocli;
}
