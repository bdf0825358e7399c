package dev.custos.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.custos.authz.AuthorizationListener.Denial;
import dev.custos.otp.ChallengeRequest;
import dev.custos.otp.OtpEngine;
import dev.custos.otp.Phone;
import dev.custos.otp.VerificationOutcome;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CustosMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CustosMetrics metrics = CustosMetrics.register(registry);

  private double counter(String name, String tag, String value) {
    return registry.get(name).tag(tag, value).counter().count();
  }

  @Test
  void listeners_countEachEventUnderItsClosedTag() {
    metrics.authorizationListener().denied(Denial.MISSING_SCOPE);
    metrics.authorizationListener().denied(Denial.MISSING_SCOPE);
    metrics.authorizationListener().denied(Denial.STALE_TWO_FACTOR);
    metrics.tokenListener().minted(true);

    assertThat(counter("custos.authorization.denials", "reason", "missing_scope")).isEqualTo(2);
    assertThat(counter("custos.authorization.denials", "reason", "stale_two_factor")).isEqualTo(1);
    assertThat(counter("custos.authorization.denials", "reason", "source_ip")).isZero();
    assertThat(counter("custos.tokens.minted", "two_factor", "true")).isEqualTo(1);
    assertThat(counter("custos.tokens.minted", "two_factor", "false")).isZero();
  }

  @Test
  void bind_engine_itsStatisticsReadWhenTheRegistryIs() throws Exception {
    List<String> codes = new ArrayList<>();
    OtpEngine otp = OtpEngine.builder().brand("Acme").sender(m -> codes.add(m.code())).build();
    metrics.bind(otp);

    var challenge = otp.start(ChallengeRequest.sms("100001", Phone.of("1", "2025550147")));
    otp.verify(
        "100001",
        challenge.verificationToken(),
        "000000".equals(codes.get(0)) ? "111111" : "000000");

    assertThat(registry.get("custos.verifications.started").functionCounter().count()).isEqualTo(1);
    assertThat(
            registry
                .get("custos.verifications")
                .tag("outcome", VerificationOutcome.INCORRECT_CODE.name().toLowerCase(Locale.ROOT))
                .functionCounter()
                .count())
        .isEqualTo(1);
    assertThat(registry.getMeters())
        .extracting(m -> m.getId().getTags().toString())
        .noneMatch(tags -> tags.contains("100001") || tags.contains("2025550147"));
  }

  @Test
  void bind_twice_refused() {
    OtpEngine otp = OtpEngine.builder().brand("Acme").sender(m -> {}).build();
    metrics.bind(otp);

    assertThatIllegalStateException().isThrownBy(() -> metrics.bind(otp));
  }

  @Test
  void meters_describedForTheirReaders() {
    assertThat(registry.getMeters())
        .extracting(Meter::getId)
        .allSatisfy(id -> assertThat(id.getDescription()).isNotBlank());
  }
}
