package dev.custos.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.scopes.ScopeCatalog;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The README's token examples, line for line, so the documentation stays true. */
class ReadmeExampleTest {

  @Test
  void readmeExample_mintVerifyAndVerifyElsewhere() throws Exception {
    KeyRing keys = KeyRing.of(SigningKey.generate(PasetoVersion.V2_PUBLIC));
    TokenMinter minter =
        TokenMinter.builder().keyRing(keys).issuer("https://api.example.com").build();
    TokenVerifier verifier =
        TokenVerifier.builder().keyRing(keys).issuer("https://api.example.com").build();

    MintedToken minted =
        minter.mint(
            TokenRequest.customer("100042", ScopeCatalog.unit().parse("customers accounts")));
    assertThat(minted.token()).startsWith("v2.public.eyJyb2xlIjoiY3VzdG9tZXIi");
    VerifiedToken token = verifier.verify(minted.token());
    assertThat(token.customerId()).hasToString("Optional[100042]");
    assertThat(token.scopes().contains("accounts")).isTrue();

    String jwks = keys.toJwkSet();
    TokenVerifier remote =
        TokenVerifier.builder()
            .jwkSet(jwks, PasetoVersion.V2_PUBLIC)
            .issuer("https://api.example.com")
            .build();
    assertThat(remote.verify(minted.token()).tokenId()).isEqualTo(minted.tokenId());

    KeyRing rotated =
        keys.rotate(
            SigningKey.generate(PasetoVersion.V2_PUBLIC), Instant.now().plus(Duration.ofHours(24)));
    assertThat(
            TokenVerifier.builder()
                .keyRing(rotated)
                .issuer("https://api.example.com")
                .build()
                .verify(minted.token())
                .customerId())
        .contains("100042");
  }
}
