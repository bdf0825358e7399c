package dev.custos.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.jsonapi.CustomerTokenEndpoints;
import dev.custos.jsonapi.JsonApiResponse;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.Phone;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.token.KeyRing;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerifiedToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's "wiring Custos into a host service" example, line for line. */
class ReadmeWiringTest {

  @Test
  void readmeWiring_hostServiceEndToEnd() throws Exception {
    List<String> sms = new ArrayList<>();
    Map<String, Customer> hostCustomers =
        Map.of("100042", Customer.individual("100042", Phone.of("1", "5555550123")));

    // --- README snippet start ---
    CustomerDirectory customers = id -> Optional.ofNullable(hostCustomers.get(id));
    KeyRing keys = KeyRing.of(SigningKey.generate(PasetoVersion.V2_PUBLIC));
    String issuer = "https://api.example.com";
    TokenMinter minter = TokenMinter.builder().keyRing(keys).issuer(issuer).build();
    TokenVerifier verifier = TokenVerifier.builder().keyRing(keys).issuer(issuer).build();
    OtpEngine otp =
        OtpEngine.builder().brand("Acme").sender(message -> sms.add(message.body())).build();
    RequestAuthorizer authorizer = RequestAuthorizer.builder().verifier(verifier).build();
    CustomerTokenService service =
        CustomerTokenService.builder()
            .directory(customers)
            .otpEngine(otp)
            .minter(minter)
            .authorizer(authorizer)
            .build();
    CustomerTokenEndpoints endpoints = new CustomerTokenEndpoints(authorizer, service);

    // POST /customers/{id}/token and /customers/{id}/token/verification:
    String orgToken =
        minter
            .mint(TokenRequest.org(ScopeCatalog.unit().parse("customers customer-token-write")))
            .token();
    JsonApiResponse response =
        endpoints.createToken(
            "Bearer " + orgToken,
            "100042",
            "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"customers accounts\"}}}");
    // reply(response.status(), response.headers(), response.body());

    // Every other endpoint: authenticate, then authorize against the resource's owner.
    String customerToken = response.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    VerifiedToken caller = authorizer.authenticate("Bearer " + customerToken);
    authorizer.authorize(caller, ScopeCatalog.unit().find("accounts").orElseThrow(), "100042");
    // --- README snippet end ---

    assertThat(response.status()).isEqualTo(201);
    assertThat(caller.customerId()).contains("100042");
    assertThat(sms).isEmpty();
  }
}
