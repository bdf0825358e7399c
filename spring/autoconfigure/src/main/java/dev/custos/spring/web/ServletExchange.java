package dev.custos.spring.web;

import dev.custos.error.ApiError;
import dev.custos.jsonapi.ApiRequest;
import dev.custos.jsonapi.JsonApiEndpoints;
import dev.custos.jsonapi.JsonApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

/**
 * The one place a servlet request becomes the library's {@link ApiRequest} and the library's {@link
 * JsonApiResponse} becomes a servlet response: the endpoints, the entry point and the access-denied
 * handler all answer through it.
 */
public final class ServletExchange {
  private ServletExchange() {}

  /**
   * Reads a request as the library's endpoints take it. The client's address is the one the servlet
   * container resolved ({@code server.forward-headers-strategy} decides whether proxies' headers
   * count); {@code X-Forwarded-For} is not read again here.
   *
   * @param request the servlet request
   * @param withBody whether to read the body (at most one byte past the library's bound)
   * @return the request
   * @throws IOException if the body cannot be read
   */
  public static ApiRequest request(HttpServletRequest request, boolean withBody)
      throws IOException {
    ApiRequest.Builder b =
        ApiRequest.builder()
            .authorization(request.getHeader("Authorization"))
            .contentType(request.getContentType())
            .remoteAddress(request.getRemoteAddr())
            .forwardedFor(Collections.emptyList());
    if (withBody) {
      b.body(request.getInputStream().readNBytes(JsonApiEndpoints.MAX_BODY_BYTES + 1));
    }
    return b.build();
  }

  /**
   * Writes a library response: status, headers ({@code WWW-Authenticate}, {@code Retry-After},
   * {@code Cache-Control}, ...) and the JSON:API document.
   *
   * @param response the servlet response
   * @param answer the library's response
   * @throws IOException if the response cannot be written
   */
  public static void write(HttpServletResponse response, JsonApiResponse answer)
      throws IOException {
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    response.setStatus(answer.status());
    answer.headers().forEach(response::setHeader);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  /**
   * Writes a library error.
   *
   * @param response the servlet response
   * @param error the error
   * @throws IOException if the response cannot be written
   */
  public static void write(HttpServletResponse response, ApiError error) throws IOException {
    write(response, JsonApiResponse.error(error));
  }
}
