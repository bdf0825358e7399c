package dev.custos.jsonapi;

import dev.custos.authz.RequestAuthorizer;
import dev.custos.authz.SourceIps;
import dev.custos.customer.CardholderTokenService;
import dev.custos.customer.CustomerTokenService;
import dev.custos.customer.SandboxIdentityProvider;
import dev.custos.error.ApiException;
import dev.custos.org.OrgTokenService;
import dev.custos.org.OrgUserAuthenticator;
import dev.custos.token.VerifiedToken;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Custos's whole wire format, built once from the services: the endpoint objects every adapter
 * mounts (the reference server, a framework integration, a host's own HTTP server), and what a
 * host's own endpoints need to behave the same (the caller, a strictly read document, the error
 * document).
 *
 * <pre>{@code
 * JsonApiEndpoints api = JsonApiEndpoints.builder()
 *     .authorizer(authorizer)
 *     .customerTokens(customerTokenService)
 *     .orgTokens(orgTokenService, header -> yourLogin.adminOf(header))  // optional
 *     .trustedProxies("10.0.0.0/8")                                      // optional
 *     .build();
 * JsonApiResponse response = api.customerTokens().createToken(customerId, request);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class JsonApiEndpoints {
  /** The longest request body read, in bytes; a longer one is answered 413. */
  public static final int MAX_BODY_BYTES = 16_384;

  private final Exchange exchange;
  private final CustomerTokenEndpoints customerTokens;
  private final CardholderTokenEndpoints cardholderTokens;
  private final OrgTokenEndpoints orgTokens;
  private final IdentityEndpoint identity;
  private final SandboxMessagesEndpoint sandboxMessages;
  private final SandboxIdentityProviderEndpoint sandboxIdentityProvider;

  private JsonApiEndpoints(Builder b) {
    this.exchange = new Exchange(b.authorizer, new ClientAddress(b.trustedProxies));
    this.customerTokens =
        b.customerTokens == null ? null : new CustomerTokenEndpoints(exchange, b.customerTokens);
    this.cardholderTokens =
        b.cardholderTokens == null
            ? null
            : new CardholderTokenEndpoints(exchange, b.cardholderTokens);
    this.orgTokens = b.orgTokens == null ? null : new OrgTokenEndpoints(b.orgTokens, b.users);
    this.identity = new IdentityEndpoint(exchange);
    this.sandboxMessages =
        b.outbox == null ? null : new SandboxMessagesEndpoint(exchange, b.authorizer, b.outbox);
    this.sandboxIdentityProvider =
        b.identityProvider == null
            ? null
            : new SandboxIdentityProviderEndpoint(b.identityProvider, b.users);
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the spec's two customer-token endpoints.
   *
   * @return the endpoints
   * @throws IllegalStateException if no customer-token service was given
   */
  public CustomerTokenEndpoints customerTokens() {
    if (customerTokens == null) {
      throw new IllegalStateException("built without a customer-token service");
    }
    return customerTokens;
  }

  /**
   * Returns Unit's two cardholder-token endpoints.
   *
   * @return the endpoints
   * @throws IllegalStateException if no cardholder-token service was given
   */
  public CardholderTokenEndpoints cardholderTokens() {
    if (cardholderTokens == null) {
      throw new IllegalStateException("built without a cardholder-token service");
    }
    return cardholderTokens;
  }

  /**
   * Returns the org API token endpoints.
   *
   * @return the endpoints
   * @throws IllegalStateException if no org-token service was given
   */
  public OrgTokenEndpoints orgTokens() {
    if (orgTokens == null) {
      throw new IllegalStateException("built without an org-token service");
    }
    return orgTokens;
  }

  /**
   * Returns {@code GET /identity}.
   *
   * @return the endpoint
   */
  public IdentityEndpoint identity() {
    return identity;
  }

  /**
   * Returns {@code GET /sandbox/messages}.
   *
   * @return the endpoint
   * @throws IllegalStateException if no sandbox outbox was given
   */
  public SandboxMessagesEndpoint sandboxMessages() {
    if (sandboxMessages == null) {
      throw new IllegalStateException("built without a sandbox outbox");
    }
    return sandboxMessages;
  }

  /**
   * Returns {@code POST /sandbox/idp/token}.
   *
   * @return the endpoint
   * @throws IllegalStateException if no sandbox identity provider was given
   */
  public SandboxIdentityProviderEndpoint sandboxIdentityProvider() {
    if (sandboxIdentityProvider == null) {
      throw new IllegalStateException("built without a sandbox identity provider");
    }
    return sandboxIdentityProvider;
  }

  /**
   * Authenticates the caller of one of the host's own endpoints exactly as Custos's endpoints do:
   * the bearer token, and the client's address (behind the trusted proxies) for an org token's
   * {@code sourceIp}. Authorize it then with the authorizer.
   *
   * @param request the request
   * @return the caller
   * @throws ApiException 401, or 403 for an org token used from outside its {@code sourceIp}
   * @throws NullPointerException if {@code request} is null
   */
  public VerifiedToken authenticate(ApiRequest request) throws ApiException {
    return exchange.caller(Objects.requireNonNull(request, "request"));
  }

  /**
   * Reads the request document of one of the host's own endpoints as strictly as Custos reads its
   * own: the JSON:API media type (415), the body bound (413), UTF-8 (400), one JSON object with
   * unique members at every depth and bounded depth and sizes (400 at the fault's pointer).
   *
   * @param request the request
   * @return the document as maps, lists, strings, {@code Long}s, {@code Double}s, {@code Boolean}s
   *     and nulls
   * @throws ApiException 415, 413 or 400 as above
   * @throws NullPointerException if {@code request} is null
   */
  public Map<String, Object> document(ApiRequest request) throws ApiException {
    return Exchange.readDocument(Objects.requireNonNull(request, "request"));
  }

  /**
   * Reads the request document of one of the host's own operations as Custos reads its own: exactly
   * {@code {"data":{"type":type,"attributes":{…}}}} with nothing else at any level, and attributes
   * among {@code allowed} only (each offender a 400 at its pointer), after {@link #document}'s
   * checks.
   *
   * @param request the request
   * @param type the operation's {@code data.type}
   * @param allowed the attribute names the operation takes
   * @return the attributes as {@link #document} reads values
   * @throws ApiException 415, 413 or 400 naming the offending member
   * @throws NullPointerException if an argument is null
   */
  public Map<String, Object> attributes(ApiRequest request, String type, Set<String> allowed)
      throws ApiException {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(allowed, "allowed");
    return RequestDocuments.attributes(
        Envelope.body(Objects.requireNonNull(request, "request")), type, allowed);
  }

  /**
   * Runs one of the host's own operations and answers as Custos's endpoints do: its response, the
   * error document of its {@link ApiException}, or a 500 document (logged by class name only, as a
   * fault's message may hold input) for any other exception.
   *
   * @param operation the operation
   * @return the response
   * @throws NullPointerException if {@code operation} is null
   */
  public static JsonApiResponse answer(Operation operation) {
    return Exchange.answer(Objects.requireNonNull(operation, "operation"));
  }

  /** An operation of an endpoint, which answers or refuses with an {@link ApiException}. */
  @FunctionalInterface
  public interface Operation {
    /**
     * Runs the operation.
     *
     * @return its response
     * @throws ApiException its refusal
     */
    JsonApiResponse run() throws ApiException;
  }

  /** Configures {@link JsonApiEndpoints}; the authorizer is required. Not thread-safe. */
  public static final class Builder {
    private RequestAuthorizer authorizer;
    private CustomerTokenService customerTokens;
    private CardholderTokenService cardholderTokens;
    private OrgTokenService orgTokens;
    private OrgUserAuthenticator users;
    private SourceIps trustedProxies;
    private SandboxOutbox outbox;
    private SandboxIdentityProvider identityProvider;

    private Builder() {}

    /**
     * Sets the authorizer every caller goes through.
     *
     * @param authorizer the platform's request authorizer
     * @return this builder
     * @throws NullPointerException if {@code authorizer} is null
     */
    public Builder authorizer(RequestAuthorizer authorizer) {
      this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
      return this;
    }

    /**
     * Serves the spec's two customer-token endpoints with this service.
     *
     * @param service the customer-token service
     * @return this builder
     * @throws NullPointerException if {@code service} is null
     */
    public Builder customerTokens(CustomerTokenService service) {
      this.customerTokens = Objects.requireNonNull(service, "service");
      return this;
    }

    /**
     * Serves Unit's two cardholder-token endpoints with this service.
     *
     * @param service the cardholder-token service ({@link CustomerTokenService#cardholderTokens()})
     * @return this builder
     * @throws NullPointerException if {@code service} is null
     */
    public Builder cardholderTokens(CardholderTokenService service) {
      this.cardholderTokens = Objects.requireNonNull(service, "service");
      return this;
    }

    /**
     * Serves the org API token endpoints with this service, for the users the host's login knows.
     *
     * @param service the org-token service
     * @param users who the platform user behind a request's credential is
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public Builder orgTokens(OrgTokenService service, OrgUserAuthenticator users) {
      this.orgTokens = Objects.requireNonNull(service, "service");
      this.users = Objects.requireNonNull(users, "users");
      return this;
    }

    /**
     * Serves {@code GET /sandbox/messages} from this outbox (sandboxes only).
     *
     * @param outbox the outbox the OTP engine sends to
     * @return this builder
     * @throws NullPointerException if {@code outbox} is null
     */
    public Builder sandboxOutbox(SandboxOutbox outbox) {
      this.outbox = Objects.requireNonNull(outbox, "outbox");
      return this;
    }

    /**
     * Serves {@code POST /sandbox/idp/token} from this provider (sandboxes only), to the admin
     * users of {@link #orgTokens}'s login.
     *
     * @param provider the sandbox's identity provider
     * @return this builder
     * @throws NullPointerException if {@code provider} is null
     */
    public Builder sandboxIdentityProvider(SandboxIdentityProvider provider) {
      this.identityProvider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * Believes {@code X-Forwarded-For} from these proxies when it names the client (for org tokens'
     * {@code sourceIp}): its right-most entry that is not a trusted proxy is the client; an entry
     * that is no address leaves the client unknown. None by default: only the connection's address
     * counts.
     *
     * @param cidrs addresses and CIDR blocks of the proxies
     * @return this builder
     * @throws IllegalArgumentException if an entry is not an address or block
     * @throws NullPointerException if the array or an entry is null
     */
    public Builder trustedProxies(String... cidrs) {
      for (String cidr : cidrs) {
        Objects.requireNonNull(cidr, "cidr");
      }
      this.trustedProxies = cidrs.length == 0 ? null : SourceIps.parse(String.join(",", cidrs));
      return this;
    }

    /**
     * Builds the endpoints.
     *
     * @return the endpoints
     * @throws IllegalStateException if no authorizer was set, or a sandbox identity provider
     *     without the users of {@link #orgTokens}
     */
    public JsonApiEndpoints build() {
      if (authorizer == null) {
        throw new IllegalStateException("an authorizer is required");
      }
      if (identityProvider != null && users == null) {
        throw new IllegalStateException(
            "the sandbox identity provider serves admin users: set orgTokens(service, users)");
      }
      return new JsonApiEndpoints(this);
    }
  }
}
