package dev.custos.spring.security;

import dev.custos.customer.Card;
import dev.custos.customer.CardDirectory;
import dev.custos.customer.Customer;
import dev.custos.customer.CustomerDirectory;
import dev.custos.org.OrgUser;
import dev.custos.org.OrgUserAuthenticator;
import dev.custos.otp.OtpMessage;
import dev.custos.otp.OtpSender;
import dev.custos.otp.Phone;
import dev.custos.token.VerifiedToken;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A host as a user writes one: its own chain, its controllers, the two beans. */
@SpringBootApplication
@EnableMethodSecurity
public class SecuredApp {
  /** Codes sent, for the tests to read. */
  static final List<OtpMessage> SENT = new CopyOnWriteArrayList<>();

  /** The admin credential of the host's own login, for the org API token endpoints. */
  static final String ADMIN = "Bearer admin-secret";

  @Bean
  CustomerDirectory customers() {
    return id ->
        id.startsWith("1000")
            ? Optional.of(Customer.individual(id, Phone.of("1", "2025550147")))
            : Optional.empty();
  }

  @Bean
  CardDirectory cards() {
    return id ->
        id.equals("7001") ? Optional.of(Card.of("7001", "10001", "100001")) : Optional.empty();
  }

  @Bean
  OtpSender sender() {
    return SENT::add;
  }

  @Bean
  OrgUserAuthenticator admins() {
    return header -> ADMIN.equals(header) ? Optional.of(OrgUser.admin("1")) : Optional.empty();
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http, CustosAuthorization custos) throws Exception {
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.POST, "/transfers")
                    .access(custos.scope("payments-write"))
                    .requestMatchers(HttpMethod.POST, "/wires")
                    .hasAuthority(CustosAuthorities.WEBAUTHN)
                    .requestMatchers(HttpMethod.POST, "/payees")
                    .access(custos.twoFactorWithin(Duration.ofMinutes(5)))
                    .requestMatchers("/cards/**")
                    .hasAuthority("SCOPE_cards")
                    .anyRequest()
                    .authenticated())
        .build();
  }

  @RestController
  static class Controllers {
    @GetMapping("/customers/{customerId}/accounts")
    @PreAuthorize("hasAuthority('SCOPE_accounts') and @custos.owns(authentication, #customerId)")
    Map<String, String> accounts(@PathVariable String customerId) {
      return Map.of("customer", customerId);
    }

    @GetMapping("/customers/{customerId}/accounts/{accountId}")
    @PreAuthorize(
        "hasAuthority('SCOPE_accounts') and @custos.ownsAccount(authentication, #customerId,"
            + " #accountId)")
    Map<String, String> account(@PathVariable String customerId, @PathVariable String accountId) {
      return Map.of("account", accountId);
    }

    @GetMapping("/customers/{customerId}/accounts/{accountId}/cards/{cardId}")
    @PreAuthorize(
        "hasAuthority('SCOPE_cards') and @custos.ownsCard(authentication, #customerId, #cardId,"
            + " #accountId)")
    Map<String, String> card(
        @PathVariable String customerId,
        @PathVariable String accountId,
        @PathVariable String cardId) {
      return Map.of("card", cardId);
    }

    @GetMapping("/mistyped/{customerId}")
    @PreAuthorize("@custos.owns(authentication, #customer)")
    Map<String, String> mistyped(@PathVariable String customerId) {
      return Map.of("reached", customerId);
    }

    @PostMapping("/customers/{customerId}/payments")
    @PreAuthorize("hasAuthority('SCOPE_payments-write')")
    Map<String, String> pay(@PathVariable String customerId) {
      return Map.of("paid", customerId);
    }

    @PostMapping("/customers/{customerId}/bound-payments")
    @PreAuthorize(
        "@custos.owns(authentication, #customerId)"
            + " and @custos.pays(authentication, #amount, #currency, #payee)")
    Map<String, String> boundPayment(
        @PathVariable String customerId,
        @org.springframework.web.bind.annotation.RequestParam String amount,
        @org.springframework.web.bind.annotation.RequestParam String currency,
        @org.springframework.web.bind.annotation.RequestParam String payee) {
      return Map.of("paid", amount + " " + currency);
    }

    @PostMapping("/wires")
    Map<String, String> wire() {
      return Map.of("wired", "yes");
    }

    @PostMapping("/transfers")
    Map<String, String> transfer() {
      return Map.of("transferred", "yes");
    }

    @PostMapping("/payees")
    Map<String, String> payee() {
      return Map.of("payee", "added");
    }

    @GetMapping("/cards/1")
    Map<String, String> card() {
      return Map.of("card", "1");
    }

    @GetMapping("/me")
    Map<String, String> me(VerifiedToken caller) {
      return Map.of("customer", caller.customerId().orElse("org"));
    }
  }
}
