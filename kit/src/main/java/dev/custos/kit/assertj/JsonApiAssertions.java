package dev.custos.kit.assertj;

import dev.custos.jsonapi.JsonApiResponse;

/**
 * The entry point to the kit's AssertJ assertions, beside AssertJ's own {@code Assertions}:
 *
 * <pre>{@code
 * import static dev.custos.kit.assertj.JsonApiAssertions.assertThat;
 *
 * assertThat(endpoints.createToken(request))
 *     .hasStatus(400)
 *     .hasErrorCode(ApiErrorCode.INVALID_VALUE)
 *     .hasPointer("/data/attributes/scope");
 * assertThat(response).hasStatus(401).hasChallengeParameter("error", "invalid_token");
 * }</pre>
 */
public final class JsonApiAssertions {
  private JsonApiAssertions() {}

  /**
   * Starts assertions on a response.
   *
   * @param actual the response an endpoint object returned
   * @return the assertions
   */
  public static JsonApiResponseAssert assertThat(JsonApiResponse actual) {
    return new JsonApiResponseAssert(actual);
  }
}
