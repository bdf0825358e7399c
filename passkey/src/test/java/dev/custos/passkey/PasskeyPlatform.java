package dev.custos.passkey;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.customer.AuthorizedUser;
import dev.custos.customer.Customer;
import dev.custos.customer.CustomerDirectory;
import dev.custos.customer.CustomerTokenAttributes;
import dev.custos.customer.CustomerTokenService;
import dev.custos.customer.PasskeyVerification;
import dev.custos.error.ApiException;
import dev.custos.jsonapi.ApiRequest;
import dev.custos.jsonapi.JsonApiEndpoints;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.Phone;
import dev.custos.otp.testing.RecordingSender;
import dev.custos.passkey.testing.SoftwareAuthenticator;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.testing.FakeClock;
import dev.custos.token.KeyRing;
import dev.custos.token.MintedToken;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import dev.custos.token.VerifiedToken;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A platform with passkeys on a fake clock: one individual, one business, one inactive. */
final class PasskeyPlatform {
  static final String ISSUER = "https://api.custos.test";
  static final String ORIGIN = "https://bank.example";
  static final String INDIVIDUAL = "100001";
  static final String BUSINESS = "100002";
  static final String INACTIVE = "100003";

  final FakeClock time = FakeClock.create();
  final RecordingSender sender = new RecordingSender();
  final Map<String, Customer> customers =
      Map.of(
          INDIVIDUAL,
          Customer.individual(INDIVIDUAL, Phone.of("1", "5555550101")),
          BUSINESS,
          Customer.business(BUSINESS, Phone.of("1", "5555550102"), List.of())
              .withAuthorizedUsers(AuthorizedUser.of("au-1", Phone.of("1", "5555550103"))),
          INACTIVE,
          Customer.individual(INACTIVE, Phone.of("1", "5555550199")).inactive());

  /** The three, and any {@code fuzz-…} id as an individual (a fresh customer per fuzz run). */
  final CustomerDirectory directory =
      id ->
          id.startsWith("fuzz-")
              ? Optional.of(Customer.individual(id, Phone.of("1", "5555550100")))
              : Optional.ofNullable(customers.get(id));

  final KeyRing keys = KeyRing.of(SigningKey.generate(PasetoVersion.V2_PUBLIC));
  final TokenMinter minter = TokenMinter.builder().keyRing(keys).issuer(ISSUER).clock(time).build();
  final TokenVerifier verifier =
      TokenVerifier.builder().keyRing(keys).issuer(ISSUER).clock(time).build();
  // Tests start many verifications for one customer: its send window is out of their way.
  final OtpEngine otp =
      OtpEngine.builder().brand("Unit").sender(sender).clock(time).maxSendsPerCustomer(100).build();
  final RequestAuthorizer authorizer = RequestAuthorizer.builder().verifier(verifier).build();
  final List<String> events = new ArrayList<>();
  final PasskeyRelyingParty relyingParty =
      PasskeyRelyingParty.builder()
          .id("bank.example")
          .name("Example Bank")
          .origins(ORIGIN)
          .userHandleKey(new byte[32])
          .build();
  final Passkeys passkeys =
      Passkeys.builder()
          .relyingParty(relyingParty)
          .otpEngine(otp)
          .authorizer(authorizer)
          .directory(directory)
          .clock(time)
          .listener(
              new PasskeyListener() {
                @Override
                public void counterRegressed(PasskeyCredential credential, long seen) {
                  events.add("counterRegressed " + credential.customerId());
                }
              })
          .build();
  final CustomerTokenService service =
      CustomerTokenService.builder()
          .directory(directory)
          .otpEngine(otp)
          .minter(minter)
          .authorizer(authorizer)
          .passkeys(passkeys)
          .build();
  final JsonApiEndpoints api =
      JsonApiEndpoints.builder().authorizer(authorizer).customerTokens(service).build();
  final PasskeyEndpoints endpoints = new PasskeyEndpoints(passkeys, api);

  VerifiedToken org(String scopes) throws Exception {
    return verifier.verify(
        minter.mint(TokenRequest.org(ScopeCatalog.unit().parse(scopes))).token());
  }

  VerifiedToken org() throws Exception {
    return org("customers customers-write customer-token-write");
  }

  String orgHeader() throws Exception {
    return "Bearer "
        + minter
            .mint(
                TokenRequest.org(
                    ScopeCatalog.unit().parse("customers customers-write customer-token-write")))
            .token();
  }

  /** Enrols the authenticator for the customer with the org token. */
  PasskeyCredential enrol(SoftwareAuthenticator authenticator, String customerId) throws Exception {
    PasskeyRegistration started = passkeys.startRegistration(org(), customerId);
    return passkeys.register(
        org(),
        customerId,
        started.verificationToken(),
        authenticator.register(started.creationOptions(), ORIGIN),
        "phone");
  }

  /** Mints a payments-write token on the authenticator's honest assertion. */
  MintedToken mintWith(SoftwareAuthenticator authenticator, String customerId) throws Exception {
    PasskeyVerification v = service.createPasskeyVerification(org(), customerId);
    return mint(customerId, v, authenticator.assertion(v.requestOptions(), ORIGIN));
  }

  MintedToken mint(String customerId, PasskeyVerification v, Map<String, Object> assertion)
      throws ApiException, Exception {
    return service.createToken(
        org(),
        customerId,
        CustomerTokenAttributes.of("payments-write")
            .withVerificationToken(v.verificationToken())
            .withPasskeyAssertion(Json.write(assertion)));
  }

  static ApiRequest request(String authorization, String body) {
    return ApiRequest.builder()
        .authorization(authorization)
        .contentType("application/vnd.api+json")
        .body(body == null ? null : body.getBytes(StandardCharsets.UTF_8))
        .build();
  }
}
