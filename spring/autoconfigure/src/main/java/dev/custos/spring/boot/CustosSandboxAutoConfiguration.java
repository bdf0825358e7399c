package dev.custos.spring.boot;

import dev.custos.jsonapi.SandboxOutbox;
import dev.custos.otp.OtpSender;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Sandbox mode ({@code custos.sandbox=true}), for development only: when the host has no {@link
 * OtpSender}, codes go to an in-memory {@link SandboxOutbox} shown at {@code GET /sandbox/messages}
 * to org tokens; without a configured key one is generated at start-up.
 */
@AutoConfiguration(before = CustosAutoConfiguration.class)
@ConditionalOnProperty(name = "custos.sandbox", havingValue = "true")
public class CustosSandboxAutoConfiguration {
  private static final Logger log = LoggerFactory.getLogger(CustosSandboxAutoConfiguration.class);

  /**
   * The outbox every code goes to.
   *
   * @param clock the host's clock, if it has one
   * @return the outbox
   */
  @Bean
  @ConditionalOnMissingBean(OtpSender.class)
  public SandboxOutbox custosSandboxOutbox(ObjectProvider<Clock> clock) {
    log.warn(
        "Custos sandbox mode: one-time codes are not sent but kept in memory and shown at"
            + " /sandbox/messages; never run this in production");
    return new SandboxOutbox(clock.getIfAvailable(Clock::systemUTC));
  }
}
