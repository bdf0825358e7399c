/** The contract every {@link dev.custos.customer.JwtReplayStore} meets (core's test-jar). */
package dev.custos.customer.testing;
