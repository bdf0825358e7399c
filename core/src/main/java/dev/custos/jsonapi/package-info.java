/**
 * JSON:API for the customer-token operations, the leaf that speaks HTTP shapes: {@link
 * dev.custos.jsonapi.CustomerTokenEndpoints} runs a whole request, from the {@code Authorization}
 * header and body to a {@link dev.custos.jsonapi.JsonApiResponse}; request documents are parsed
 * strictly (the offending member named in {@code source.pointer}) by a package-private codec.
 */
package dev.custos.jsonapi;
