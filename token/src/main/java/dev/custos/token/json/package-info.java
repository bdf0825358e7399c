/**
 * Strict reading of untrusted JSON for Custos's own modules (token claims and footers, JSON:API
 * request documents): not API, exported only to {@code dev.custos.core} and {@code
 * dev.custos.server}.
 */
package dev.custos.token.json;
