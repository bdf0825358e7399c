package dev.custos.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {
  @Test
  void parse_quotedTokenAndEscapedValues_readAsRfc9110Writes() {
    AuthChallenge challenge =
        AuthChallenge.parse(
                "Bearer error=\"insufficient_scope\", scope=\"payments-write\","
                    + " error_description=\"a \\\"quoted\\\" word, and a comma\", Realm=custos")
            .orElseThrow();

    assertThat(challenge.scheme()).isEqualTo("Bearer");
    assertThat(challenge.parameters())
        .containsExactly(
            Map.entry("error", "insufficient_scope"),
            Map.entry("scope", "payments-write"),
            Map.entry("error_description", "a \"quoted\" word, and a comma"),
            Map.entry("realm", "custos"));
  }

  @Test
  void parse_schemeAlone_noParameters() {
    assertThat(AuthChallenge.parse("Bearer").orElseThrow().parameters()).isEmpty();
  }

  @Test
  void parse_unterminatedQuoteOrNoEquals_empty() {
    assertThat(AuthChallenge.parse("Bearer error=\"invalid_token")).isEmpty();
    assertThat(AuthChallenge.parse("Bearer error")).isEmpty();
    assertThat(AuthChallenge.parse("")).isEmpty();
  }
}
