/**
 * JSON:API for the customer-token operations: {@link dev.custos.jsonapi.JsonApiCodec} parses
 * request documents strictly (naming the offending member in {@code source.pointer}) and renders
 * success and error documents; {@link dev.custos.jsonapi.CustomerTokenEndpoints} runs a whole
 * request, from the {@code Authorization} header and body to a {@link
 * dev.custos.jsonapi.JsonApiResponse}.
 */
package dev.custos.jsonapi;
