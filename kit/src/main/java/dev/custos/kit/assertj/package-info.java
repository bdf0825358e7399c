/**
 * AssertJ assertions for the library's {@link dev.custos.jsonapi.JsonApiResponse}s: {@link
 * dev.custos.kit.assertj.JsonApiAssertions#assertThat}. Needs {@code org.assertj:assertj-core} on
 * the test's class or module path; the rest of the kit does not.
 */
package dev.custos.kit.assertj;
