package dev.custos;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.jsonapi.CustomerTokenEndpoints;
import dev.custos.jsonapi.JsonApiResponse;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.Phone;
import dev.custos.otp.testing.RecordingSender;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.testing.FakeClock;
import dev.custos.token.KeyRing;
import dev.custos.token.PasetoVersion;
import dev.custos.token.SigningKey;
import dev.custos.token.TokenMinter;
import dev.custos.token.TokenRequest;
import dev.custos.token.TokenVerifier;
import java.util.List;
import java.util.Map;

/** Custos wired as a host would, on fake time, with two customers and a recording sender. */
final class TestPlatform {
  static final String ISSUER = "https://api.custos.test";
  static final String INDIVIDUAL = "100001";
  static final String BUSINESS = "100002";
  static final String INACTIVE = "100003";
  static final Phone INDIVIDUAL_PHONE = Phone.of("1", "5555550101");
  static final Phone BUSINESS_PHONE = Phone.of("1", "5555550102");
  static final Phone AUTHORIZED_USER_PHONE = Phone.of("1", "5555550103");

  final FakeClock time = FakeClock.create();
  final RecordingSender sender = new RecordingSender();
  final ScopeCatalog catalog = ScopeCatalog.unit();
  final InMemoryCustomerDirectory directory =
      new InMemoryCustomerDirectory()
          .put(Customer.individual(INDIVIDUAL, INDIVIDUAL_PHONE))
          .put(Customer.business(BUSINESS, BUSINESS_PHONE, List.of(AUTHORIZED_USER_PHONE)))
          .put(Customer.individual(INACTIVE, Phone.of("1", "5555550199")).inactive());
  final KeyRing keys = KeyRing.of(SigningKey.generate(PasetoVersion.V2_PUBLIC));
  final TokenMinter minter = TokenMinter.builder().keyRing(keys).issuer(ISSUER).clock(time).build();
  final TokenVerifier verifier =
      TokenVerifier.builder().keyRing(keys).issuer(ISSUER).clock(time).build();
  final OtpEngine otp = OtpEngine.builder().brand("Unit").sender(sender).clock(time).build();
  final RequestAuthorizer authorizer =
      RequestAuthorizer.builder().verifier(verifier).clock(time).build();
  final CustomerTokenService service =
      CustomerTokenService.builder().directory(directory).otpEngine(otp).minter(minter).build();
  final CustomerTokenEndpoints endpoints = new CustomerTokenEndpoints(authorizer, service);

  /** An org API token holding the given scopes, as the Authorization header value. */
  String orgHeader(String scopes) {
    return "Bearer " + minter.mint(TokenRequest.org(catalog.parse(scopes))).token();
  }

  String orgHeader() {
    return orgHeader("customers customer-token-write");
  }

  static String tokenRequest(Map<String, Object> attributes) {
    return JSONObjectUtils.toJSONString(
        Map.of("data", Map.of("type", "customerToken", "attributes", attributes)));
  }

  static String verificationRequest(Map<String, Object> attributes) {
    return JSONObjectUtils.toJSONString(
        Map.of("data", Map.of("type", "customerTokenVerification", "attributes", attributes)));
  }

  /** Reads a member of a response body by path, such as data.attributes.token. */
  static Object read(JsonApiResponse response, String... path) throws Exception {
    Object node = JSONObjectUtils.parse(response.body());
    for (String step : path) {
      node =
          node instanceof List<?> list
              ? list.get(Integer.parseInt(step))
              : ((Map<?, ?>) node).get(step);
    }
    return node;
  }
}
