/**
 * How Custos refuses a request: an {@link dev.custos.error.ApiException} carrying an {@link
 * dev.custos.error.ApiError}, whose {@link dev.custos.error.ApiErrorCode} is one row of the error
 * table (HTTP status, stable code, title), with a detail and where the fault lies.
 */
package dev.custos.error;
