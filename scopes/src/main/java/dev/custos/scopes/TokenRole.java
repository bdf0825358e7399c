package dev.custos.scopes;

/**
 * The kinds of bearer token that hold scopes.
 *
 * <p>Each scope in a {@link ScopeCatalog} says which roles may hold it: some scopes are for the
 * platform's own (org) API tokens only, a few are for customer tokens only.
 */
public enum TokenRole {
  /** An org API token: the platform's own credential, reaching every customer of the org. */
  ORG,
  /** A customer token: reaches the resources of one customer only, typically from a front end. */
  CUSTOMER
}
