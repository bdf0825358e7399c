package dev.custos.examples.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to a running bank, as a front end makes them. */
final class HttpCalls {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  /** One answer: status, a header, the document. */
  record Answer(int status, HttpResponse<String> response) {
    JsonNode json() {
      return JsonMapper.shared().readTree(response.body());
    }

    String at(String pointer) {
      return json().at(pointer).asString();
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }

  /** {@code POST /customers/{id}/token}'s document. */
  static String tokenRequest(String scope, String more) {
    return "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\""
        + scope
        + "\""
        + more
        + "}}}";
  }

  /** The attributes that upgrade with a verification. */
  static String verified(String verificationToken, String code) {
    return ",\"verificationToken\":\""
        + verificationToken
        + "\",\"verificationCode\":\""
        + code
        + "\"";
  }

  /** {@code POST /customers/{id}/token/verification}'s document. */
  static final String SMS_VERIFICATION =
      "{\"data\":{\"type\":\"customerTokenVerification\",\"attributes\":{\"channel\":\"sms\"}}}";

  HttpCalls(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  Answer get(String path, String token) {
    return send(request(path, token).GET());
  }

  Answer delete(String path, String token) {
    return send(request(path, token).DELETE());
  }

  /** A JSON:API document, as the token endpoints take it. */
  Answer postJsonApi(String path, String token, String document) {
    return send(
        request(path, token)
            .header("Content-Type", "application/vnd.api+json")
            .POST(HttpRequest.BodyPublishers.ofString(document)));
  }

  /** A plain JSON body, as the bank's own endpoints take it. */
  Answer postJson(String path, String token, String body) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
