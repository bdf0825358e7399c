package dev.custos.jsonapi;

import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request body's envelope, checked before anything reads it: the JSON:API media type (415), the
 * bound in bytes (413), UTF-8 decoded strictly (400).
 */
final class Envelope {
  private Envelope() {}

  /**
   * The body as text.
   *
   * @throws ApiException 415, 413 or 400 as above
   */
  static String body(ApiRequest request) throws ApiException {
    requireJsonApi(request.contentType());
    byte[] bytes = request.body();
    if (bytes.length > JsonApiEndpoints.MAX_BODY_BYTES) {
      throw tooLarge();
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ApiException(
          ApiError.of(ApiErrorCode.INVALID_VALUE, "the request body is not UTF-8").atMember());
    }
  }

  /** The 413 every adapter sends for a body over the bound, read or not. */
  static ApiException tooLarge() {
    return new ApiException(
        ApiError.of(
            ApiErrorCode.PAYLOAD_TOO_LARGE,
            "the request body is longer than " + JsonApiEndpoints.MAX_BODY_BYTES + " bytes"));
  }

  /**
   * The JSON:API media type exactly, as the spec requires: {@code application/vnd.api+json} with no
   * parameters but {@code ext} and {@code profile}. A request without a type is read as one.
   */
  static void requireJsonApi(String contentType) throws ApiException {
    if (contentType == null) {
      return;
    }
    String[] parts = contentType.split(";", -1);
    boolean ok = parts[0].trim().equalsIgnoreCase(JsonApiResponse.MEDIA_TYPE);
    for (int i = 1; ok && i < parts.length; i++) {
      String name = parts[i].split("=", 2)[0].trim().toLowerCase(Locale.ROOT);
      ok = name.equals("ext") || name.equals("profile");
    }
    if (!ok) {
      throw new ApiException(
          ApiError.of(
              ApiErrorCode.UNSUPPORTED_MEDIA_TYPE,
              "send "
                  + JsonApiResponse.MEDIA_TYPE
                  + " without media type parameters other than ext and profile"));
    }
  }
}
