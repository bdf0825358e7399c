package dev.custos.examples.bank;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.token.VerifiedToken;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The bank's own API, guarded by the scopes of Custos tokens. */
@RestController
public class BankController {
  private final Bank bank;
  private final RequestAuthorizer authorizer;

  BankController(Bank bank, RequestAuthorizer authorizer) {
    this.bank = bank;
    this.authorizer = authorizer;
  }

  /** A payment to make. */
  record PaymentRequest(String accountId, long amountCents, String description) {}

  @GetMapping("/customers/{customerId}/accounts")
  @PreAuthorize("hasAuthority('SCOPE_accounts') and @custos.owns(authentication, #customerId)")
  List<Bank.Account> accounts(@PathVariable String customerId) {
    return bank.accountsOf(customerId);
  }

  @PostMapping("/customers/{customerId}/payments")
  @PreAuthorize(
      "hasAuthority('SCOPE_payments-write') and @custos.owns(authentication, #customerId)")
  ResponseEntity<?> pay(@PathVariable String customerId, @RequestBody PaymentRequest payment) {
    return bank.account(customerId, payment.accountId())
        .<ResponseEntity<?>>map(
            account ->
                ResponseEntity.status(HttpStatus.CREATED)
                    .body(bank.pay(account, payment.amountCents(), payment.description())))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of()));
  }

  /** Signs the front end out: its token is refused from now on, on every instance. */
  @DeleteMapping("/session")
  ResponseEntity<Void> signOut(VerifiedToken caller) {
    authorizer.revoke(caller);
    return ResponseEntity.noContent().build();
  }
}
