package dev.custos.token;

import static dev.custos.token.TokenFixtures.NOW;
import static dev.custos.token.TokenFixtures.V2_KEY;
import static dev.custos.token.TokenFixtures.verifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.custos.scopes.ScopeCatalog;
import org.junit.jupiter.api.Test;

/** A token bound to one payment carries its digest, and only a customer token can. */
class TransactionClaimTest {
  private final TokenMinter minter =
      TokenMinter.builder()
          .keyRing(KeyRing.of(V2_KEY))
          .issuer(TokenFixtures.ISSUER)
          .clock(TokenFixtures.at(NOW))
          .build();

  private static TokenRequest payment() {
    return TokenRequest.customer("100042", ScopeCatalog.unit().parse("payments-write"))
        .twoFactorVerified();
  }

  @Test
  void mint_boundToAPayment_theDigestReadsBack() throws Exception {
    byte[] digest = new byte[32];
    digest[0] = 7;
    digest[31] = 9;

    VerifiedToken token =
        verifier(V2_KEY.verificationKey(), NOW)
            .verify(minter.mint(payment().forTransaction(digest)).token());

    assertThat(token.transactionDigest()).hasValueSatisfying(d -> assertThat(d).isEqualTo(digest));
    assertThat(token.toString()).contains("bound to a payment");
    assertThat(
            verifier(V2_KEY.verificationKey(), NOW)
                .verify(minter.mint(payment()).token())
                .transactionDigest())
        .isEmpty();
  }

  @Test
  void forTransaction_wrongLengthOrOrgToken_refused() {
    assertThatIllegalArgumentException().isThrownBy(() -> payment().forTransaction(new byte[31]));
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                TokenRequest.org(ScopeCatalog.unit().parse("customers"))
                    .forTransaction(new byte[32]));
  }

  @Test
  void verify_malformedTransactionClaim_refused() {
    for (String claim : new String[] {"\"abc\"", "7", "\"" + "A".repeat(44) + "\""}) {
      String payload =
          "{\"role\":\"customer\",\"customerId\":\"100042\",\"scope\":\"payments-write\","
              + "\"transaction\":"
              + claim
              + ",\"twoFactor\":true,\"iss\":\""
              + TokenFixtures.ISSUER
              + "\",\"iat\":\""
              + NOW.minusSeconds(10)
              + "\",\"exp\":\""
              + NOW.plusSeconds(60)
              + "\",\"jti\":\"j\"}";
      String token =
          PasetoPublic.sign(
              V2_KEY,
              payload.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              ("{\"kid\":\"" + V2_KEY.keyId() + "\"}")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8),
              new byte[0]);
      assertThatExceptionOfType(TokenVerificationException.class)
          .as(claim)
          .isThrownBy(() -> verifier(V2_KEY.verificationKey(), NOW).verify(token));
    }
  }
}
