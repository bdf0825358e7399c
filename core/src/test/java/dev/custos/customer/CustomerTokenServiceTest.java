package dev.custos.customer;

import static dev.custos.core.testing.TestPlatform.BUSINESS;
import static dev.custos.core.testing.TestPlatform.INDIVIDUAL;
import static dev.custos.core.testing.TestPlatform.INDIVIDUAL_PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.custos.core.testing.TestPlatform;
import dev.custos.error.ApiException;
import dev.custos.otp.Channel;
import dev.custos.otp.Phone;
import dev.custos.scopes.Access;
import dev.custos.scopes.ScopeCatalog;
import dev.custos.scopes.TokenRole;
import dev.custos.token.VerifiedToken;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service's own rules, called as a library (without the JSON:API layer in front). */
class CustomerTokenServiceTest {
  private final TestPlatform platform = new TestPlatform();
  private final VerifiedToken org;

  CustomerTokenServiceTest() throws Exception {
    org = platform.authorizer.authenticate(platform.orgHeader());
  }

  private ApiException refused(CustomerTokenAttributes attributes) {
    return assertThatExceptionOfType(ApiException.class)
        .isThrownBy(() -> platform.service.createToken(org, INDIVIDUAL, attributes))
        .actual();
  }

  @Test
  void createVerification_phoneForAnIndividual_refusedAtPhone() {
    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(
                () ->
                    platform.service.createVerification(
                        org,
                        INDIVIDUAL,
                        VerificationAttributes.of(Channel.SMS).withPhone(INDIVIDUAL_PHONE)))
            .actual();

    assertThat(e.error().detail()).isEqualTo("phone may be given for business customers only");
    assertThat(e.error().pointer()).contains("/data/attributes/phone");
    assertThat(platform.sender.messages()).isEmpty();
  }

  @Test
  void createVerification_businessWithAuthorizedUserPhone_sentThere() throws Exception {
    platform.service.createVerification(
        org,
        BUSINESS,
        VerificationAttributes.of(Channel.SMS).withPhone(TestPlatform.AUTHORIZED_USER_PHONE));

    assertThat(platform.sender.last().phone()).isEqualTo(TestPlatform.AUTHORIZED_USER_PHONE);
  }

  @Test
  void createToken_expiresInOutsideItsBounds_refusedAtExpiresIn() throws Exception {
    for (int seconds : new int[] {0, 86_401}) {
      ApiException e = refused(CustomerTokenAttributes.of("cards").withExpiresIn(seconds));
      assertThat(e.error().pointer()).contains("/data/attributes/expiresIn");
    }
    assertThat(
            platform
                .service
                .createToken(org, INDIVIDUAL, CustomerTokenAttributes.of("cards").withExpiresIn(1))
                .expiresAt())
        .isEqualTo(
            platform
                .time
                .instant()
                .plusSeconds(1)
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }

  @Test
  void createToken_halfAVerification_namesTheMissingHalfAndWhy() {
    assertThat(
            refused(CustomerTokenAttributes.of("cards").withVerificationCode("123456"))
                .error()
                .detail())
        .isEqualTo("verificationToken is required with the other verification attribute");
    assertThat(
            refused(CustomerTokenAttributes.of("cards").withVerificationToken("t"))
                .error()
                .detail())
        .isEqualTo("verificationCode is required with the other verification attribute");
    assertThat(refused(CustomerTokenAttributes.of("cards-write")).error().detail())
        .isEqualTo(
            "verificationToken is required: scope cards-write requires two-factor authentication");
    assertThat(
            refused(CustomerTokenAttributes.of("cards-write").withVerificationToken("t"))
                .error()
                .pointer())
        .contains("/data/attributes/verificationCode");
  }

  @Test
  void builder_missingPartOrScope_refused() {
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                CustomerTokenService.builder()
                    .directory(platform.directory)
                    .otpEngine(platform.otp)
                    .build())
        .withMessage("directory, otpEngine, minter and authorizer are required");
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                CustomerTokenService.builder()
                    .directory(platform.directory)
                    .otpEngine(platform.otp)
                    .minter(platform.minter)
                    .build())
        .withMessage("directory, otpEngine, minter and authorizer are required");
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                CustomerTokenService.builder()
                    .otpEngine(platform.otp)
                    .minter(platform.minter)
                    .authorizer(platform.authorizer)
                    .build());
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                CustomerTokenService.builder()
                    .directory(platform.directory)
                    .minter(platform.minter)
                    .authorizer(platform.authorizer)
                    .build());
    ScopeCatalog withoutCustomers =
        ScopeCatalog.builder()
            .add("customer-token-write", "Customer tokens", Access.WRITE, TokenRole.ORG)
            .build();
    CustomerTokenServiceBuilder b =
        CustomerTokenService.builder()
            .directory(platform.directory)
            .otpEngine(platform.otp)
            .minter(platform.minter)
            .authorizer(platform.authorizer);
    assertThat(b.catalog(withoutCustomers)).isSameAs(b);
    assertThatIllegalStateException()
        .isThrownBy(b::build)
        .withMessage("the scope catalog has no scope customers");
  }

  @Test
  void values_toString_showNoSecretsOrFullNumbers() {
    Phone phone = Phone.of("1", "5555550123");

    assertThat(Customer.individual("100042", phone))
        .hasToString("Customer[100042, INDIVIDUAL, +1 ********23]");
    assertThat(Customer.individual("100042", phone).inactive())
        .hasToString("Customer[100042, INDIVIDUAL, inactive, +1 ********23]");
    assertThat(CustomerTokenAttributes.of("cards"))
        .hasToString("CustomerTokenAttributes[scope=cards]");
    assertThat(
            CustomerTokenAttributes.of("cards")
                .withVerificationToken("secret-token")
                .withVerificationCode("123456")
                .withExpiresIn(60)
                .toString())
        .isEqualTo("CustomerTokenAttributes[scope=cards, with verification, expiresIn=60]");
    assertThat(VerificationAttributes.of(Channel.SMS).withPhone(phone).toString())
        .contains("+1 ********23")
        .doesNotContain("5555550123");
    assertThat(VerificationAttributes.of(Channel.CALL))
        .hasToString("VerificationAttributes[CALL, en]");
    assertThatIllegalArgumentException().isThrownBy(() -> Customer.individual(" ", phone));
    assertThat(Customer.business(BUSINESS, phone, List.of()).type())
        .isEqualTo(Customer.Type.BUSINESS);
  }

  @Test
  void listener_hearsEachMintWithItsTwoFactorFlagOnly() throws Exception {
    java.util.List<Boolean> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    CustomerTokenService listened =
        CustomerTokenService.builder()
            .directory(platform.directory)
            .otpEngine(platform.otp)
            .minter(platform.minter)
            .authorizer(platform.authorizer)
            .listener(heard::add)
            .build();

    listened.createToken(org, INDIVIDUAL, CustomerTokenAttributes.of("cards"));
    dev.custos.otp.VerificationChallenge challenge =
        listened.createVerification(org, INDIVIDUAL, VerificationAttributes.of(Channel.SMS));
    listened.createToken(
        org,
        INDIVIDUAL,
        CustomerTokenAttributes.of("cards-write")
            .withVerificationToken(challenge.verificationToken())
            .withVerificationCode(platform.sender.lastCode()));

    assertThat(heard).containsExactly(false, true);
  }

  @Test
  void listener_thatThrows_tokenStillMinted() throws Exception {
    CustomerTokenService listened =
        CustomerTokenService.builder()
            .directory(platform.directory)
            .otpEngine(platform.otp)
            .minter(platform.minter)
            .authorizer(platform.authorizer)
            .listener(
                twoFactor -> {
                  throw new IllegalStateException("metrics down");
                })
            .build();

    assertThat(listened.createToken(org, INDIVIDUAL, CustomerTokenAttributes.of("cards")).token())
        .startsWith("v2.public.");
  }
}
