package dev.custos.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * On a Spring Boot test: a {@link dev.custos.kit.CapturingOtpSender} takes the place of the
 * application's SMS and voice provider (so the test reads codes instead of sending them), and a
 * {@link CustosTestTokens} bean mints real tokens for the test's requests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(CustosTestAutoConfiguration.class)
public @interface AutoConfigureCustosTest {}
