package dev.custos.jsonapi;

import static dev.custos.core.testing.TestPlatform.INDIVIDUAL;
import static dev.custos.core.testing.TestPlatform.read;
import static dev.custos.core.testing.TestPlatform.tokenRequest;
import static dev.custos.core.testing.TestPlatform.verificationRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.core.testing.TestPlatform;
import dev.custos.error.ApiException;
import dev.custos.scopes.Scope;
import dev.custos.token.VerifiedToken;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spec's two how-to guides, end to end through the JSON:API endpoints and the authorizer. */
class HowToGuidesTest {
  private final TestPlatform platform = new TestPlatform();

  @Test
  void viewDebitCards_cardsTokenWithoutTwoFactor_listsOnlyOwnCards() throws Exception {
    // Step 1: Create Customer Token with the cards scope.
    JsonApiResponse created =
        platform.createToken(
            platform.orgHeader(), INDIVIDUAL, tokenRequest(Map.of("scope", "customers cards")));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.headers()).containsEntry("Content-Type", "application/vnd.api+json");
    assertThat(read(created, "data", "type")).isEqualTo("customerBearerToken");
    assertThat(read(created, "data", "attributes", "expiresIn")).isEqualTo(86400L);
    String token = (String) read(created, "data", "attributes", "token");
    assertThat(token).startsWith("v2.public.eyJyb2xlIjoiY3VzdG9tZX");

    // Step 2: List Cards with the customer token; no filter[customerId] needed.
    VerifiedToken caller = platform.authorizer.authenticate("Bearer " + token);
    Scope cards = platform.catalog.find("cards").orElseThrow();
    assertThat(platform.authorizer.customerFilter(caller, cards, null)).contains(INDIVIDUAL);
    assertThat(platform.sender.messages()).isEmpty();
  }

  @Test
  void createDebitCard_cardsWriteThroughVerification_authorizedForOwnAccount() throws Exception {
    // Step 2: Create Customer Token Verification; a code is sent.
    JsonApiResponse verification =
        platform.createVerification(
            platform.orgHeader(), INDIVIDUAL, verificationRequest(Map.of("channel", "sms")));
    assertThat(verification.status()).isEqualTo(201);
    assertThat(read(verification, "data", "type")).isEqualTo("customerTokenVerification");
    String verificationToken =
        (String) read(verification, "data", "attributes", "verificationToken");
    assertThat(platform.sender.messages())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.body())
                    .matches(
                        "Your Unit verification code is: \\d{6}\\. It expires in 10 minutes\\."));

    // Steps 3-4: the customer types the code; Create Customer Token with cards-write.
    JsonApiResponse created =
        platform.createToken(
            platform.orgHeader(),
            INDIVIDUAL,
            tokenRequest(
                Map.of(
                    "scope",
                    "customers cards-write cards",
                    "verificationToken",
                    verificationToken,
                    "verificationCode",
                    platform.sender.lastCode())));
    assertThat(created.status()).isEqualTo(201);
    String token = (String) read(created, "data", "attributes", "token");

    // Step 5: Create Individual Debit Card with the customer token.
    VerifiedToken caller = platform.authorizer.authenticate("Bearer " + token);
    assertThat(caller.twoFactorVerified()).isTrue();
    platform.authorizer.authorize(
        caller, platform.catalog.find("cards-write").orElseThrow(), INDIVIDUAL);

    // The same verification cannot mint a second token.
    JsonApiResponse replay =
        platform.createToken(
            platform.orgHeader(),
            INDIVIDUAL,
            tokenRequest(
                Map.of(
                    "scope",
                    "cards-write",
                    "verificationToken",
                    verificationToken,
                    "verificationCode",
                    platform.sender.lastCode())));
    assertThat(read(replay, "errors", "0", "code")).isEqualTo("verification_not_found");
  }

  @Test
  void createDebitCard_withPlainCardsToken_forbiddenAndToldToStepUp() throws Exception {
    String token =
        (String)
            read(
                platform.createToken(
                    platform.orgHeader(), INDIVIDUAL, tokenRequest(Map.of("scope", "cards"))),
                "data",
                "attributes",
                "token");
    VerifiedToken caller = platform.authorizer.authenticate("Bearer " + token);

    ApiException e =
        assertThatExceptionOfType(ApiException.class)
            .isThrownBy(
                () ->
                    platform.authorizer.authorize(
                        caller, platform.catalog.find("cards-write").orElseThrow(), INDIVIDUAL))
            .actual();

    assertThat(e.status()).isEqualTo(403);
    assertThat(e.error().detail()).contains("cards-write").contains("two-factor");
    assertThat(e.error().meta()).containsEntry("twoFactorRequired", true);
  }
}
