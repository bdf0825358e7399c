package dev.custos.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.token.TokenVerificationException.Reason;
import org.junit.jupiter.api.Test;

/** How a token string is split before any key or signature is looked at: each bound's edge. */
class PasetoPublicParseTest {
  private static final PasetoVersion V2 = PasetoVersion.V2_PUBLIC;

  /** Splits the token and decodes its footer (which the verifier may skip for a known one). */
  private static String refused(String token) {
    return assertThatExceptionOfType(TokenVerificationException.class)
        .isThrownBy(() -> PasetoPublic.parse(V2, token).footer())
        .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .actual()
        .getMessage();
  }

  private static String body(int bytes) {
    return Base64Url.encode(new byte[bytes]);
  }

  @Test
  void parse_tokenOfTheMaximumLength_splitAndOneMoreRefused() throws Exception {
    // 8,182 base64url characters after the header: a length that decodes (8182 % 4 == 2).
    String longest = "v2.public." + "A".repeat(PasetoPublic.MAX_TOKEN_LENGTH - 10);

    assertThat(PasetoPublic.parse(V2, longest).signature()).hasSize(64);
    assertThat(refused(longest + "A"))
        .isEqualTo("token is longer than " + PasetoPublic.MAX_TOKEN_LENGTH + " characters");
  }

  @Test
  void parse_parts_oneOrTwoAcceptedThreeRefused() throws Exception {
    String footer = Base64Url.encode(new byte[] {'{', '}'});

    assertThat(PasetoPublic.parse(V2, "v2.public." + body(64)).footer()).isEmpty();
    assertThat(PasetoPublic.parse(V2, "v2.public." + body(64) + "." + footer).footer())
        .containsExactly('{', '}');
    assertThat(refused("v2.public." + body(64) + "." + footer + "." + footer))
        .isEqualTo("token has too many parts");
    assertThat(refused("v2.public." + body(64) + ".." + footer))
        .isEqualTo("token has too many parts");
    assertThat(refused("v2.public." + body(64) + ".")).isEqualTo("token has an empty footer part");
  }

  @Test
  void parse_bodyOfExactlyOneSignature_emptyPayloadAndShorterRefused() throws Exception {
    PasetoPublic.Parts parts = PasetoPublic.parse(V2, "v2.public." + body(64));

    assertThat(parts.payload()).isEmpty();
    assertThat(parts.signature()).hasSize(64);
    assertThat(refused("v2.public." + body(63)))
        .isEqualTo("token is too short to hold a signature");
  }

  @Test
  void parse_nonCanonicalBodyOrFooter_refused() {
    assertThat(refused("v2.public." + body(64) + "B"))
        .isEqualTo("token is not canonical base64url");
    assertThat(refused("v2.public." + body(64) + ".e30="))
        .isEqualTo("token is not canonical base64url");
  }
}
