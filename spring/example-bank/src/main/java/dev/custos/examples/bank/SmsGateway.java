package dev.custos.examples.bank;

import dev.custos.otp.OtpMessage;
import dev.custos.otp.OtpSender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The bank's SMS and voice provider: posts each message to the provider's HTTP API. Custos sends
 * the code through it and never logs it. In sandbox mode ({@code custos.sandbox=true}) there is no
 * provider: Custos keeps the codes in its sandbox outbox instead.
 */
@Component
@ConditionalOnProperty(name = "custos.sandbox", havingValue = "false", matchIfMissing = true)
public class SmsGateway implements OtpSender {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI endpoint;

  /**
   * Creates the gateway.
   *
   * @param endpoint the provider's message endpoint ({@code bank.sms-gateway})
   */
  public SmsGateway(@Value("${bank.sms-gateway}") URI endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public void send(OtpMessage message) throws IOException, InterruptedException {
    String json =
        "{\"to\":\"%s\",\"channel\":\"%s\",\"text\":\"%s\"}"
            .formatted(
                message.phone().e164(),
                message.channel().name().toLowerCase(java.util.Locale.ROOT),
                message.body().replace("\\", "\\\\").replace("\"", "\\\""));
    HttpResponse<Void> response =
        http.send(
            HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("the SMS provider answered " + response.statusCode());
    }
  }
}
