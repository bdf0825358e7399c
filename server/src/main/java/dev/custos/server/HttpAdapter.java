package dev.custos.server;

import dev.custos.error.ApiError;
import dev.custos.error.ApiErrorCode;
import dev.custos.error.ApiException;
import dev.custos.jsonapi.ApiRequest;
import dev.custos.jsonapi.JsonApiEndpoints;
import dev.custos.jsonapi.JsonApiResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's side of every request, and nothing of Custos's: the route matched once, OPTIONS (with a
 * CORS preflight for the configured origins), HEAD, 405 with {@code Allow}, the body read without
 * holding a thread (bounded; an oversized one drained so its 413 arrives intact), the request parts
 * handed to the route, and the one place a refusal becomes a response. Every response carries
 * {@code Cache-Control: no-store} and {@code nosniff}; one access-log line per request names
 * method, path, status and time, never a token or code.
 */
final class HttpAdapter extends Handler.Abstract {
  private static final Logger log = LoggerFactory.getLogger(CustosServer.class);

  /** The most of an oversized body read (and dropped) so that its 413 arrives intact. */
  private static final long DRAINED_BODY_BYTES = 1024 * 1024;

  private final Routes routes;
  private final ServerMetrics metrics;
  private final ConnectionGuard guard;
  private static final Pattern ORIGIN =
      Pattern.compile("https?://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");

  private final Set<String> corsOrigins;

  /**
   * The CORS origins, each scheme, host and an optional port, nothing else (never {@code *}).
   *
   * @throws IllegalArgumentException naming the first origin not of that form
   */
  static Set<String> checkedOrigins(String... origins) {
    Set<String> checked = new java.util.LinkedHashSet<>();
    for (String origin : origins) {
      Objects.requireNonNull(origin, "origin");
      if (!ORIGIN.matcher(origin).matches()) {
        throw new IllegalArgumentException(
            "a CORS origin is scheme://host[:port], such as https://app.example.com; was "
                + LogText.safe(origin));
      }
      checked.add(origin);
    }
    return Set.copyOf(checked);
  }

  HttpAdapter(Routes routes, ServerMetrics metrics, ConnectionGuard guard, Set<String> cors) {
    this.routes = routes;
    this.metrics = metrics;
    this.guard = guard;
    this.corsOrigins = cors;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long start = System.nanoTime();
    guard.headArrived(request);
    String method = request.getMethod();
    Routes.Match match = routes.match(request.getHttpURI().getPath());
    try {
      if (match == null) {
        throw HttpErrors.notFound();
      }
      Routes.Route route = match.route;
      if (method.equals("OPTIONS")) {
        preflight(request, response, route);
        send(request, response, callback, new Reply(204, Map.of(), ""), start, match);
        return true;
      }
      String effective =
          method.equals("HEAD") && route.handlers.containsKey("GET") ? "GET" : method;
      Routes.Handler handler = route.handlers.get(effective);
      if (handler == null) {
        response.getHeaders().put(HttpHeader.ALLOW, route.allow());
        List<String> methods = route.methods();
        throw new ApiException(
            ApiError.of(ApiErrorCode.METHOD_NOT_ALLOWED, "use " + String.join(" or ", methods))
                .withMeta(Map.of("allow", String.join(", ", methods))));
      }
      if (!effective.equals("POST")) {
        dispatch(request, response, callback, start, match, handler, effective, null);
        return true;
      }
      readBody(request, response, callback, start, match, handler);
    } catch (ApiException e) {
      send(request, response, callback, Reply.of(JsonApiResponse.error(e.error())), start, match);
    }
    return true;
  }

  /** Reads a POST's body without holding a thread while a slow client sends, then dispatches. */
  private void readBody(
      Request request,
      Response response,
      Callback callback,
      long start,
      Routes.Match match,
      Routes.Handler handler) {
    if (request.getLength() > JsonApiEndpoints.MAX_BODY_BYTES) {
      Reply refusal = Reply.of(JsonApiResponse.error(tooLarge()));
      if (request.getLength() > DRAINED_BODY_BYTES) {
        send(request, response, callback, refusal, start, match); // then the connection closes
        return;
      }
      // Read and dropped first: a connection closed on unread bytes resets, and the client may
      // lose the 413 before reading it.
      Content.Source.consumeAll(
          request,
          Callback.from(
              () -> send(request, response, callback, refusal, start, match),
              failure -> send(request, response, callback, refusal, start, match)));
      return;
    }
    Content.Source.asByteArrayAsync(
        request,
        JsonApiEndpoints.MAX_BODY_BYTES,
        new Promise.Invocable<byte[]>() {
          @Override
          public void succeeded(byte[] bytes) {
            dispatch(request, response, callback, start, match, handler, "POST", bytes);
          }

          @Override
          public void failed(Throwable failure) {
            // Over the bound, or the client went away.
            send(
                request,
                response,
                callback,
                Reply.of(JsonApiResponse.error(tooLarge())),
                start,
                match);
          }

          @Override
          public InvocationType getInvocationType() {
            // The routes block (the SMS provider, Redis): never run them on a selector thread.
            return InvocationType.BLOCKING;
          }
        });
  }

  /** Runs the route: the one place a refusal, or a fault, becomes a response. */
  private void dispatch(
      Request request,
      Response response,
      Callback callback,
      long start,
      Routes.Match match,
      Routes.Handler handler,
      String method,
      byte[] body) {
    HttpFields headers = request.getHeaders();
    ApiRequest parts =
        ApiRequest.builder()
            .authorization(headers.get(HttpHeader.AUTHORIZATION))
            .contentType(headers.get(HttpHeader.CONTENT_TYPE))
            .body(body)
            .remoteAddress(Request.getRemoteAddr(request))
            .forwardedFor(headers.getValuesList(HttpHeader.X_FORWARDED_FOR))
            .build();
    Reply reply;
    try {
      reply = handler.handle(new Call(method, match.ids, request.getHttpURI().getQuery(), parts));
    } catch (ApiException e) {
      reply = Reply.of(JsonApiResponse.error(e.error()));
    } catch (RuntimeException e) {
      log.error(
          "internal error on {} {}: {}",
          LogText.safe(method),
          LogText.safe(request.getHttpURI().getPath()),
          e.getClass().getName());
      reply =
          Reply.of(
              JsonApiResponse.error(
                  ApiError.of(ApiErrorCode.INTERNAL_ERROR, "the server failed to answer")));
    }
    send(request, response, callback, reply, start, match);
  }

  /** Writes a reply with the headers every response carries, counts it and logs it. */
  private void send(
      Request request,
      Response response,
      Callback callback,
      Reply reply,
      long start,
      Routes.Match match) {
    byte[] body = reply.body.getBytes(StandardCharsets.UTF_8);
    HttpFields.Mutable headers = response.getHeaders();
    reply.headers.forEach(headers::put);
    // Tokens and verification tokens travel in bodies: no cache may keep any of them.
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    headers.put("X-Content-Type-Options", "nosniff");
    cors(request, headers);
    response.setStatus(reply.status);
    if (reply.status != 204) {
      headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    }
    boolean head = request.getMethod().equals("HEAD") || body.length == 0;
    response.write(true, head ? null : ByteBuffer.wrap(body), callback);
    metrics.request(
        match == null ? "unmatched" : match.route.template,
        request.getMethod(),
        reply.status,
        System.nanoTime() - start);
    log.info(
        "{} {} {} {}ms",
        LogText.safe(request.getMethod()),
        LogText.safe(request.getHttpURI().getPath()),
        reply.status,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** CORS for the configured origins only: never a wildcard, nothing for other origins. */
  private void cors(Request request, HttpFields.Mutable headers) {
    if (corsOrigins.isEmpty()) {
      return;
    }
    headers.add(HttpHeader.VARY, "Origin");
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin != null && corsOrigins.contains(origin)) {
      headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
      headers.put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, "Retry-After, WWW-Authenticate");
    }
  }

  /** OPTIONS: the route's methods, and for an allowed origin what a preflight needs. */
  private void preflight(Request request, Response response, Routes.Route route) {
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.ALLOW, route.allow());
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin != null
        && corsOrigins.contains(origin)
        && request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD) != null) {
      headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, String.join(", ", route.methods()));
      headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, "Authorization, Content-Type");
      headers.put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "600");
    }
  }

  /** The library's 413, for a body the transport refuses before reading it. */
  static ApiError tooLarge() {
    return ApiError.of(
        ApiErrorCode.PAYLOAD_TOO_LARGE,
        "the request body is longer than " + JsonApiEndpoints.MAX_BODY_BYTES + " bytes");
  }
}
