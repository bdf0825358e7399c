/**
 * The library's endpoints on Spring MVC, and the one place servlet requests and responses meet the
 * library's {@link dev.custos.jsonapi.ApiRequest} and {@link dev.custos.jsonapi.JsonApiResponse}.
 */
package dev.custos.spring.web;
