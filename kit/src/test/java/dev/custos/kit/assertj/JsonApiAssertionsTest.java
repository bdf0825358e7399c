package dev.custos.kit.assertj;

import static dev.custos.kit.assertj.JsonApiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.error.ApiErrorCode;
import dev.custos.jsonapi.JsonApiResponse;
import dev.custos.kit.InMemoryPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonApiAssertionsTest {
  private final InMemoryPlatform platform = InMemoryPlatform.create();

  @Test
  void errorResponse_everyMatchingAssertion_passes() {
    JsonApiResponse response =
        platform.postCustomerToken("100001", Map.of("scope", "accounts\tcards"));

    assertThat(response)
        .hasStatus(400)
        .hasErrorCode(ApiErrorCode.INVALID_VALUE)
        .hasErrorCode("invalid_value")
        .hasPointer("/data/attributes/scope")
        .hasHeader("content-type", JsonApiResponse.MEDIA_TYPE);
  }

  @Test
  void tamperedToken_challengeParametersRead() {
    JsonApiResponse response = platform.getIdentity("v4.public.AAAA");

    assertThat(response)
        .hasStatus(401)
        .hasErrorCode(ApiErrorCode.UNAUTHORIZED)
        .hasChallengeScheme("Bearer")
        .hasChallengeParameter("error", "invalid_token");
  }

  @Test
  void successResponse_attributeRead() {
    JsonApiResponse response = platform.postCustomerToken("100001", Map.of("scope", "accounts"));
    assertThat(response).hasStatus(201).hasAttribute("expiresIn", 86400);
  }

  @Test
  void hasStatus_otherStatus_failsNamingTheErrorNeverAToken() {
    JsonApiResponse response =
        platform.postCustomerToken("100001", Map.of("scope", "accounts accounts"));

    assertThatThrownBy(() -> assertThat(response).hasStatus(201))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected status 201 but was 400")
        .hasMessageContaining("invalid_value")
        .hasMessageContaining("/data/attributes/scope");
  }

  @Test
  void hasPointer_otherPointer_fails() {
    JsonApiResponse response = platform.postCustomerToken("100001", Map.of("scope", ""));

    assertThatThrownBy(() -> assertThat(response).hasPointer("/data/attributes/expiresIn"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but was /data/attributes/scope");
  }

  @Test
  void hasAttribute_tokenDiffers_failsWithoutShowingIt() {
    JsonApiResponse response = platform.postCustomerToken("100001", Map.of("scope", "accounts"));

    assertThatThrownBy(() -> assertThat(response).hasAttribute("token", "v4.public.x"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("expected data.attributes.token <hidden> but was <hidden>");
  }

  @Test
  void hasErrorCode_successResponse_failsSayingThereIsNoError() {
    JsonApiResponse response = platform.postCustomerToken("100001", Map.of("scope", "accounts"));

    assertThatThrownBy(() -> assertThat(response).hasErrorCode(ApiErrorCode.FORBIDDEN))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("has no errors");
  }

  @Test
  void hasChallengeParameter_noChallenge_fails() {
    JsonApiResponse response = platform.postCustomerToken("100001", Map.of("scope", ""));

    assertThatThrownBy(() -> assertThat(response).hasChallengeParameter("error", "invalid_token"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("there was none");
  }
}
