package dev.custos.server;

import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.jsonapi.JsonApiResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refusals of Jetty itself, before any route runs (a head too large, a malformed URI), as the same
 * JSON:API error documents the routes send, with the same headers.
 */
final class HttpErrors implements Request.Handler {
  private static final Logger log = LoggerFactory.getLogger(CustosServer.class);

  /** The 404 of a path the server does not serve. */
  static ApiException notFound() {
    return new ApiException(ApiError.of(ApiErrorCode.NOT_FOUND, "no such resource"));
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status =
        request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code ? code : 500;
    ApiError error =
        switch (status) {
          case 431 ->
              ApiError.of(
                  ApiErrorCode.REQUEST_HEADER_FIELDS_TOO_LARGE,
                  "the request line and headers are longer than "
                      + CustosServer.MAX_HEADER_BYTES
                      + " bytes");
          case 413 -> HttpAdapter.tooLarge();
          case 404 -> notFound().error();
          case 400 -> ApiError.of(ApiErrorCode.INVALID_VALUE, "the request is malformed");
          default ->
              status >= 500
                  ? ApiError.of(ApiErrorCode.INTERNAL_ERROR, "the server failed to answer")
                  : ApiError.of(ApiErrorCode.INVALID_VALUE, "the request was refused");
        };
    JsonApiResponse document = JsonApiResponse.error(error);
    byte[] body = document.body().getBytes(StandardCharsets.UTF_8);
    HttpFields.Mutable headers = response.getHeaders();
    document.headers().forEach(headers::put); // the media type, no-store and nosniff
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    response.setStatus(error.status());
    response.write(true, ByteBuffer.wrap(body), callback);
    log.info("- - {} (refused by the HTTP layer)", error.status());
    return true;
  }
}
