package dev.custos.scopes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the built-in catalog against the platform's scope table, kept as test data. */
class ScopeCatalogUnitTest {
  private static final String TABLE = "unit-scopes.md";

  /** One row of the table: scope, access, resource, org, customer, 2fa. */
  private static final class Row {
    final String name;
    final String access;
    final String resource;
    final boolean org;
    final boolean customer;
    final boolean twoFactor;

    Row(String[] cells) {
      name = cells[0];
      access = cells[1];
      resource = cells[2];
      org = yesNo(cells[3]);
      customer = yesNo(cells[4]);
      twoFactor = yesNo(cells[5]);
    }

    private static boolean yesNo(String cell) {
      return switch (cell) {
        case "yes" -> true;
        case "no" -> false;
        default -> throw new IllegalArgumentException("not yes/no: " + cell);
      };
    }
  }

  private static List<Row> rows;

  @BeforeAll
  static void loadTable() throws IOException {
    rows = new ArrayList<>();
    try (InputStream in = ScopeCatalogUnitTest.class.getResourceAsStream(TABLE);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.startsWith("| ") || line.startsWith("| scope ")) {
          continue;
        }
        String[] cells =
            Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                .map(String::trim)
                .toArray(String[]::new);
        assertThat(cells).as("cells of %s", line).hasSize(6);
        rows.add(new Row(cells));
      }
    }
  }

  @Test
  void unit_table_has48Rows() {
    assertThat(rows).hasSize(48);
    assertThat(ScopeCatalog.unit().scopes()).hasSize(48);
  }

  @Test
  void unit_everyTableRow_matchesCatalog() {
    ScopeCatalog catalog = ScopeCatalog.unit();
    List<String> errors = new ArrayList<>();
    for (Row row : rows) {
      Optional<Scope> found = catalog.find(row.name);
      if (found.isEmpty()) {
        errors.add(row.name + ": missing from the catalog");
        continue;
      }
      Scope scope = found.get();
      check(errors, row.name, "access", row.access, scope.access().name().toLowerCase());
      check(errors, row.name, "description", row.resource, scope.description());
      check(errors, row.name, "org", row.org, scope.orgTokenAllowed());
      check(errors, row.name, "customer", row.customer, scope.customerTokenAllowed());
      check(errors, row.name, "2fa", row.twoFactor, scope.requiresTwoFactor());
      check(errors, row.name, "allowedIn(ORG)", row.org, scope.allowedIn(TokenRole.ORG));
      check(
          errors,
          row.name,
          "allowedIn(CUSTOMER)",
          row.customer,
          scope.allowedIn(TokenRole.CUSTOMER));
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void unit_scopes_inTableOrder() {
    assertThat(ScopeCatalog.unit().scopes())
        .extracting(Scope::name)
        .containsExactlyElementsOf(rows.stream().map(row -> row.name).toList());
  }

  @Test
  void unit_calledTwice_returnsSameInstance() {
    assertThat(ScopeCatalog.unit()).isSameAs(ScopeCatalog.unit());
  }

  @Test
  void unit_seedExamples_twoFactorAsTheSpecSays() {
    ScopeCatalog catalog = ScopeCatalog.unit();
    assertThat(catalog.parse("customers accounts").requiresTwoFactor()).isFalse();
    assertThat(catalog.parse("cards").requiresTwoFactor()).isFalse();
    assertThat(catalog.parse("accounts-write").requiresTwoFactor()).isTrue();
    assertThat(catalog.parse("cards-write").requiresTwoFactor()).isTrue();
    assertThat(catalog.parse("customers accounts-write accounts").twoFactorScopes())
        .hasToString("accounts-write");
  }

  @Test
  void unit_twoFactorScopes_followTheConservativeRule() {
    // scopes.md: every write scope a customer token may hold, and cards-sensitive, except
    // customer-token-write.
    for (Scope scope : ScopeCatalog.unit().scopes()) {
      boolean expected =
          scope.customerTokenAllowed()
                  && scope.access() == Access.WRITE
                  && !scope.name().equals("customer-token-write")
              || scope.name().equals("cards-sensitive");
      assertThat(scope.requiresTwoFactor()).as(scope.name()).isEqualTo(expected);
    }
  }

  @Test
  void unit_allowedIn_matchesPerScopeFlags() {
    ScopeCatalog catalog = ScopeCatalog.unit();
    for (TokenRole role : TokenRole.values()) {
      assertThat(catalog.allowedIn(role))
          .containsExactlyElementsOf(
              catalog.scopes().stream().filter(scope -> scope.allowedIn(role)).toList());
    }
  }

  @Test
  void toString_unitCatalog_countsScopes() {
    assertThat(ScopeCatalog.unit()).hasToString("ScopeCatalog[48 scopes]");
  }

  private static void check(
      List<String> errors, String scope, String column, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      errors.add(scope + ": " + column + " is " + actual + ", the table says " + expected);
    }
  }
}
