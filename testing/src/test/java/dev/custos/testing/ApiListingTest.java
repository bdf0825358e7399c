package dev.custos.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changed public signature fails the build: the contract every published module extends refuses a
 * listing that differs from the committed one by one signature, and says how to accept it.
 */
class ApiListingTest {
  /** An API type as a module ships it. */
  public static class Greeter {
    /** For the listing. */
    public Greeter() {}

    /**
     * For the listing.
     *
     * @param name a name
     * @return a greeting
     */
    public String greet(String name) {
      return "hello " + name;
    }

    /** Not API. */
    void helper() {}
  }

  /** The same type after someone changed a public signature. */
  public static class GreeterChanged {
    /** For the listing. */
    public GreeterChanged() {}

    /**
     * For the listing.
     *
     * @param name a name
     * @param polite how
     * @return a greeting
     */
    public String greet(String name, boolean polite) {
      return (polite ? "good day " : "hi ") + name;
    }
  }

  @Test
  void of_listsPublicSignaturesOnly_sorted() {
    assertThat(ApiListing.of(List.of(Greeter.class)).lines())
        .containsExactly(
            "public static class dev.custos.testing.ApiListingTest$Greeter",
            "  public dev.custos.testing.ApiListingTest$Greeter()",
            "  public java.lang.String dev.custos.testing.ApiListingTest$Greeter.greet(java.lang.String)");
  }

  @Test
  void contract_aChangedPublicSignature_failsNamingItAndHowToAccept(@TempDir Path dir)
      throws Exception {
    Path committed = dir.resolve("api/custos-example.api");
    ApiListing.of(List.of(Greeter.class)).write(committed);
    String changed =
        Files.readString(committed)
            .replace(".greet(java.lang.String)", ".greet(java.lang.String,boolean)");
    Files.writeString(committed, changed);

    ApiListingContract contract = contract(dir, List.of(Greeter.class));

    assertThatThrownBy(contract::apiListing_matchesTheCommittedOne)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the public API of custos-example is not the one in")
        .hasMessageContaining("- " + "  public java.lang.String")
        .hasMessageContaining("+ " + "  public java.lang.String")
        .hasMessageContaining("-Dcustos.api.update=true")
        .hasMessageContaining("CHANGELOG.md");
  }

  @Test
  void changesFrom_sameApi_none_otherSignature_both() {
    ApiListing before = ApiListing.of(List.of(Greeter.class));

    assertThat(ApiListing.of(List.of(Greeter.class)).changesFrom(before)).isEmpty();
    assertThat(ApiListing.of(List.of(GreeterChanged.class)).changesFrom(before))
        .anyMatch(line -> line.startsWith("- ") && line.contains("greet(java.lang.String)"))
        .anyMatch(
            line -> line.startsWith("+ ") && line.contains("greet(java.lang.String,boolean)"));
  }

  /** The contract as a module's test runs it, against a listing in {@code dir}. */
  private static ApiListingContract contract(Path dir, Collection<Class<?>> types) {
    return new ApiListingContract(dir) {
      @Override
      protected String artifactId() {
        return "custos-example";
      }

      @Override
      protected Collection<Class<?>> apiTypes() {
        return types;
      }
    };
  }
}
