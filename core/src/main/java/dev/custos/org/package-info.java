/**
 * Org API tokens (Unit's {@code /users/{userId}/api-tokens}): {@link
 * dev.custos.org.OrgTokenService} creates, lists and revokes them for an org's admin users, keeping
 * their records (never their values) in an {@link dev.custos.org.ApiTokenStore}.
 */
package dev.custos.org;
