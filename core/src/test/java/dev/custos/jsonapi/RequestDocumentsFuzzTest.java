package dev.custos.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes every request document with any bytes as a request body, through the envelope every
 * endpoint checks (bound, strict UTF-8): each reader returns attributes or throws an {@link
 * ApiException} that is a 400 {@code invalid_value} (with a pointer) or a 413, nothing else.
 *
 * <pre>{@code JAZZER_FUZZ=1 mvn -B -pl core test -Dtest=RequestDocumentsFuzzTest}</pre>
 */
class RequestDocumentsFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void parse_anyBody_attributesOrDocumentedError(byte[] input) {
    String body;
    try {
      body = Envelope.body(ApiRequest.builder().body(input).build());
    } catch (ApiException e) {
      documented(e);
      body = new String(input, StandardCharsets.UTF_8); // read anyway: the readers stand alone
    }
    try {
      assertThat(ApiTokenDocuments.parse(body).scope()).isNotNull();
    } catch (ApiException e) {
      documented(e);
    }
    try {
      assertThat(CustomerTokenDocuments.parseCustomerToken(body).scope()).isNotNull();
    } catch (ApiException e) {
      documented(e);
    }
    try {
      assertThat(CustomerTokenDocuments.parseVerification(body).channel()).isNotNull();
    } catch (ApiException e) {
      documented(e);
    }
    try {
      assertThat(CustomerTokenDocuments.parseCardholderToken(body).resources()).isEmpty();
    } catch (ApiException e) {
      documented(e);
    }
    try {
      assertThat(CustomerTokenDocuments.parseCardholderVerification(body).channel()).isNotNull();
    } catch (ApiException e) {
      documented(e);
    }
  }

  private static void documented(ApiException e) {
    assertThat(e.error().code()).isIn(ApiErrorCode.INVALID_VALUE, ApiErrorCode.PAYLOAD_TOO_LARGE);
    if (e.error().code() == ApiErrorCode.INVALID_VALUE) {
      assertThat(e.error().pointer()).isPresent();
    }
  }
}
