package dev.custos.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiErrorTest {
  private final ApiError base = ApiError.of(ApiErrorCode.INVALID_VALUE, "scope is required");

  @Test
  void equals_everyPartCounts() {
    assertThat(base)
        .isEqualTo(ApiError.of(ApiErrorCode.INVALID_VALUE, "scope is required"))
        .hasSameHashCodeAs(ApiError.of(ApiErrorCode.INVALID_VALUE, "scope is required"))
        .isNotEqualTo(ApiError.of(ApiErrorCode.FORBIDDEN, "scope is required"))
        .isNotEqualTo(ApiError.of(ApiErrorCode.INVALID_VALUE, "other"))
        .isNotEqualTo(base.atAttribute("scope"))
        .isNotEqualTo(base.atParameter("filter[customerId]"))
        .isNotEqualTo(base.withMeta(Map.of("a", 1)))
        .isNotEqualTo(base.withRetryAfter(Duration.ofSeconds(1)))
        .isNotEqualTo("scope is required");
    assertThat(base.hashCode())
        .isNotEqualTo(base.atAttribute("scope").hashCode())
        .isNotEqualTo(ApiError.of(ApiErrorCode.INVALID_VALUE, "other").hashCode());
  }

  @Test
  void toString_showsStatusCodeDetailAndWhere() {
    assertThat(base.atAttribute("scope"))
        .hasToString("400 invalid_value: scope is required (/data/attributes/scope)");
    assertThat(base.atParameter("filter[customerId]"))
        .hasToString("400 invalid_value: scope is required (filter[customerId])");
    assertThat(base).hasToString("400 invalid_value: scope is required");
  }

  @Test
  void withRetryAfter_zeroAcceptedNegativeRefused() {
    assertThat(base.withRetryAfter(Duration.ZERO).retryAfter()).contains(Duration.ZERO);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> base.withRetryAfter(Duration.ofMillis(-1)))
        .withMessage("retryAfter is negative");
  }

  @Test
  void atAttribute_longSegment_cutAt64Characters() {
    String name64 = "a".repeat(64);

    assertThat(base.atAttribute(name64).pointer()).contains("/data/attributes/" + name64);
    assertThat(base.atAttribute(name64 + "b").pointer()).contains("/data/attributes/" + name64);
    assertThat(base.atAttribute("a/b~c").pointer()).contains("/data/attributes/a~1b~0c");
  }

  @Test
  void codes_haveTheirTitles() {
    assertThat(ApiErrorCode.NOT_FOUND.title()).isEqualTo("Not found");
    assertThat(ApiErrorCode.FORBIDDEN.title()).isEqualTo("Forbidden");
  }
}
