package dev.custos.scopes;

/**
 * Whether a scope grants reading a resource or changing it.
 *
 * <p>By convention a write scope's name ends in {@code -write}, but the catalog records the access
 * explicitly rather than inferring it from the name.
 */
public enum Access {
  /** The scope lets a token read a resource. */
  READ,
  /** The scope lets a token create, change or act on a resource. */
  WRITE
}
