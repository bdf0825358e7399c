package dev.custos.customer;

import static dev.custos.core.testing.TestPlatform.AUTHORIZED_USER;
import static dev.custos.core.testing.TestPlatform.AUTHORIZED_USER_PHONE;
import static dev.custos.core.testing.TestPlatform.BUSINESS;
import static dev.custos.core.testing.TestPlatform.INDIVIDUAL;
import static dev.custos.core.testing.TestPlatform.OTHER_AUTHORIZED_USER;
import static dev.custos.core.testing.TestPlatform.OTHER_AUTHORIZED_USER_PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.core.testing.TestPlatform;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.otp.Channel;
import dev.custos.otp.Phone;
import dev.custos.otp.VerificationChallenge;
import dev.custos.token.VerifiedToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Tokens bound to one authorized user of a business (Unit's {@code
 * relationships.authorizedUserResource}): the code must have reached that user's phone, the token
 * carries the user, and a token of one user never makes another's.
 */
class AuthorizedUserTokenTest {
  private static final String POINTER = "/data/relationships/authorizedUserResource";

  private final List<Optional<String>> heard = new ArrayList<>();
  private final TestPlatform platform = new TestPlatform();
  private final CustomerTokenService service =
      CustomerTokenService.builder()
          .directory(platform.directory)
          .otpEngine(platform.otp)
          .minter(platform.minter)
          .authorizer(platform.authorizer)
          .listener(
              new CustomerTokenListener() {
                @Override
                public void minted(boolean twoFactor) {}

                @Override
                public void minted(boolean twoFactor, Optional<String> authorizedUser) {
                  heard.add(authorizedUser);
                }
              })
          .build();

  private VerifiedToken org() throws Exception {
    return platform.authorizer.authenticate(platform.orgHeader());
  }

  private VerificationChallenge codeTo(Phone phone) throws Exception {
    VerificationAttributes attributes = VerificationAttributes.of(Channel.SMS);
    return service.createVerification(
        org(), BUSINESS, phone == null ? attributes : attributes.withPhone(phone));
  }

  private CustomerTokenAttributes verified(String scope, VerificationChallenge challenge) {
    return CustomerTokenAttributes.of(scope)
        .withVerificationToken(challenge.verificationToken())
        .withVerificationCode(platform.sender.lastCode());
  }

  private ApiException refused(VerifiedToken caller, String customer, CustomerTokenAttributes a) {
    return assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> service.createToken(caller, customer, a))
        .actual();
  }

  @Test
  void codeToTheUsersPhone_mintsATokenCarryingTheUser() throws Exception {
    VerificationChallenge challenge = codeTo(AUTHORIZED_USER_PHONE);

    String minted =
        service
            .createToken(
                org(),
                BUSINESS,
                verified("accounts-write", challenge).withAuthorizedUser(AUTHORIZED_USER))
            .token();
    VerifiedToken token = platform.verifier.verify(minted);

    assertThat(token.authorizedUser()).contains(AUTHORIZED_USER);
    assertThat(token.customerId()).contains(BUSINESS);
    assertThat(token.twoFactorVerified()).isTrue();
    assertThat(heard).containsExactly(Optional.of(AUTHORIZED_USER));
    assertThat(
            TestPlatform.read(
                platform.identity("Bearer " + minted), "data", "attributes", "authorizedUser"))
        .isEqualTo(AUTHORIZED_USER);
  }

  @Test
  void codeToTheContactOrAnotherUsersPhone_isNotTheUsersVerification() throws Exception {
    for (Phone phone : new Phone[] {null, OTHER_AUTHORIZED_USER_PHONE}) {
      VerificationChallenge challenge = codeTo(phone);

      ApiException refusal =
          refused(
              org(),
              BUSINESS,
              verified("accounts-write", challenge).withAuthorizedUser(AUTHORIZED_USER));

      assertThat(refusal.error().code()).isEqualTo(ApiErrorCode.VERIFICATION_NOT_FOUND);
      platform.time.advance(Duration.ofMinutes(1));
    }
  }

  @Test
  void unknownUserOrAnIndividual_400AtTheRelationship() throws Exception {
    ApiException unknown =
        refused(org(), BUSINESS, CustomerTokenAttributes.of("accounts").withAuthorizedUser("au-9"));
    ApiException individual =
        refused(
            org(), INDIVIDUAL, CustomerTokenAttributes.of("accounts").withAuthorizedUser("au-1"));

    for (ApiException e : new ApiException[] {unknown, individual}) {
      assertThat(e.error().code()).isEqualTo(ApiErrorCode.INVALID_VALUE);
      assertThat(e.error().pointer()).contains(POINTER);
    }
  }

  @Test
  void tokenOfAUser_upgradesForThatUserOnly() throws Exception {
    VerifiedToken caller =
        platform.verifier.verify(
            service
                .createToken(
                    org(),
                    BUSINESS,
                    CustomerTokenAttributes.of("accounts customer-token-write")
                        .withUpgradableScope("accounts-write")
                        .withAuthorizedUser(AUTHORIZED_USER))
                .token());

    VerifiedToken inherited =
        platform.verifier.verify(
            service.createToken(caller, BUSINESS, CustomerTokenAttributes.of("accounts")).token());
    ApiException another =
        refused(
            caller,
            BUSINESS,
            CustomerTokenAttributes.of("accounts").withAuthorizedUser(OTHER_AUTHORIZED_USER));

    assertThat(inherited.authorizedUser()).contains(AUTHORIZED_USER);
    assertThat(another.status()).isEqualTo(403);
    assertThat(another.error().pointer()).contains(POINTER);
  }

  @Test
  void verifiedTokenOfTheWholeBusiness_namingAUser_needsThatUsersOwnVerification()
      throws Exception {
    VerificationChallenge contact = codeTo(null);
    VerifiedToken business =
        platform.verifier.verify(
            service
                .createToken(
                    org(), BUSINESS, verified("accounts-write customer-token-write", contact))
                .token());

    ApiException refusal =
        refused(
            business,
            BUSINESS,
            CustomerTokenAttributes.of("accounts-write").withAuthorizedUser(AUTHORIZED_USER));

    assertThat(refusal.error().pointer()).contains("/data/attributes/verificationToken");
  }

  @Test
  void customer_withAuthorizedUsers_businessOnlyAndUniqueIds() {
    Customer business = Customer.business("200001", AUTHORIZED_USER_PHONE, List.of());
    AuthorizedUser user = AuthorizedUser.of("u", OTHER_AUTHORIZED_USER_PHONE).withJwtSubject("s");

    assertThat(business.withAuthorizedUsers(user).jwtSubjects()).containsExactly("s");
    assertThat(business.withAuthorizedUsers(user).authorizedUserPhones())
        .containsExactly(OTHER_AUTHORIZED_USER_PHONE);
    assertThat(business.withAuthorizedUsers(user).withJwtSubjects("t").jwtSubjects())
        .containsExactlyInAnyOrder("s", "t");
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> business.withAuthorizedUsers(user, user));
    assertThatExceptionOfType(IllegalStateException.class)
        .isThrownBy(
            () -> Customer.individual("200002", AUTHORIZED_USER_PHONE).withAuthorizedUsers(user));
  }
}
