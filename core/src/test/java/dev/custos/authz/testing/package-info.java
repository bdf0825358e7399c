/** The contract every {@link dev.custos.authz.RevocationStore} meets (core's test-jar). */
package dev.custos.authz.testing;
