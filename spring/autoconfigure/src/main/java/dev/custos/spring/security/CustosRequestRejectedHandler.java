package dev.custos.spring.security;

import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.spring.web.ServletExchange;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers a request Spring Security's firewall refused (a control character in a header, an encoded
 * slash or a {@code ;} in the path, ...) with a JSON:API {@code 400} like every other refusal,
 * rather than an empty one; the document does not echo what was sent.
 */
public final class CustosRequestRejectedHandler implements RequestRejectedHandler {
  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
      throws IOException {
    ServletExchange.write(
        response,
        ApiError.of(
            ApiErrorCode.INVALID_VALUE,
            "the request has a character or path form this server does not accept"));
  }
}
