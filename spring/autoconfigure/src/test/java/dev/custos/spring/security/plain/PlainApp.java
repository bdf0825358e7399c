package dev.custos.spring.security.plain;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A newcomer's application: a controller with {@code @PreAuthorize}, and no
 * {@code @EnableMethodSecurity} anywhere.
 */
@SpringBootApplication
public class PlainApp {
  @RestController
  static class Payments {
    @PostMapping("/payments")
    @PreAuthorize("hasAuthority('SCOPE_payments-write')")
    Map<String, String> pay() {
      return Map.of("paid", "yes");
    }
  }
}
