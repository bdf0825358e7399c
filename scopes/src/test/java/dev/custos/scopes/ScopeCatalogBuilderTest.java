package dev.custos.scopes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeCatalogBuilderTest {

  @Test
  void build_customScopes_keepsOrderAndAttributes() {
    ScopeCatalog catalog =
        ScopeCatalog.builder()
            .add("loans", "Loans", Access.READ, TokenRole.ORG, TokenRole.CUSTOMER)
            .addTwoFactor("loans-write", "Loans", Access.WRITE, TokenRole.CUSTOMER)
            .add("audit", "Audit log", Access.READ, TokenRole.ORG)
            .build();

    assertThat(catalog.scopes())
        .extracting(Scope::name)
        .containsExactly("loans", "loans-write", "audit");
    Scope write = catalog.find("loans-write").orElseThrow();
    assertThat(write.access()).isEqualTo(Access.WRITE);
    assertThat(write.description()).isEqualTo("Loans");
    assertThat(write.requiresTwoFactor()).isTrue();
    assertThat(write.customerTokenAllowed()).isTrue();
    assertThat(write.orgTokenAllowed()).isFalse();
    assertThat(catalog.find("audit").orElseThrow().customerTokenAllowed()).isFalse();
    assertThat(catalog.parse("audit loans")).hasToString("loans audit");
  }

  @Test
  void build_noScope_throws() {
    assertThatIllegalStateException()
        .isThrownBy(() -> ScopeCatalog.builder().build())
        .withMessage("a scope catalog needs at least one scope");
  }

  @Test
  void build_calledTwice_catalogsAreIndependent() {
    ScopeCatalog.Builder builder =
        ScopeCatalog.builder().add("loans", "Loans", Access.READ, TokenRole.ORG);
    ScopeCatalog first = builder.build();
    ScopeCatalog second = builder.add("audit", "Audit", Access.READ, TokenRole.ORG).build();

    assertThat(first.scopes()).hasSize(1);
    assertThat(second.scopes()).hasSize(2);
    assertThat(first.parse("loans")).isNotEqualTo(second.parse("loans"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Loans", "loans write", "loans_write", "loans.write", "lоans", "é"})
  void add_invalidName_throws(String name) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ScopeCatalog.builder().add(name, "Loans", Access.READ, TokenRole.ORG));
  }

  @Test
  void add_nameOf64Characters_accepted() {
    String name = "a".repeat(ScopeCatalog.MAX_SCOPE_NAME_LENGTH);

    ScopeCatalog catalog =
        ScopeCatalog.builder().add(name, "Long", Access.READ, TokenRole.ORG).build();

    assertThat(catalog.find(name)).isPresent();
  }

  @Test
  void add_nameOf65Characters_throws() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> ScopeCatalog.builder().add("a".repeat(65), "Long", Access.READ, TokenRole.ORG))
        .withMessage("scope name must be 1 to 64 characters long");
  }

  @Test
  void add_duplicateName_throws() {
    ScopeCatalog.Builder builder =
        ScopeCatalog.builder().add("loans", "Loans", Access.READ, TokenRole.ORG);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.addTwoFactor("loans", "Loans", Access.WRITE, TokenRole.CUSTOMER))
        .withMessage("scope loans is already in the catalog");
  }

  @Test
  void add_blankDescription_throws() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ScopeCatalog.builder().add("loans", "  ", Access.READ, TokenRole.ORG))
        .withMessage("scope loans needs a description");
  }

  @Test
  void add_noRole_throws() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ScopeCatalog.builder().add("loans", "Loans", Access.READ))
        .withMessage("scope loans must be allowed in at least one token role");
  }

  @Test
  void addTwoFactor_orgOnly_throws() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                ScopeCatalog.builder().addTwoFactor("loans", "Loans", Access.WRITE, TokenRole.ORG))
        .withMessageContaining("customer tokens may not hold it");
  }

  @Test
  void add_nullArguments_throwNpe() {
    ScopeCatalog.Builder builder = ScopeCatalog.builder();

    assertThatNullPointerException()
        .isThrownBy(() -> builder.add(null, "L", Access.READ, TokenRole.ORG));
    assertThatNullPointerException()
        .isThrownBy(() -> builder.add("l", null, Access.READ, TokenRole.ORG));
    assertThatNullPointerException().isThrownBy(() -> builder.add("l", "L", null, TokenRole.ORG));
    assertThatNullPointerException()
        .isThrownBy(() -> builder.add("l", "L", Access.READ, (TokenRole[]) null));
    assertThatNullPointerException()
        .isThrownBy(() -> builder.add("l", "L", Access.READ, TokenRole.ORG, null));
  }

  @Test
  void add_failedCall_leavesBuilderUnchanged() {
    ScopeCatalog.Builder builder =
        ScopeCatalog.builder().add("loans", "Loans", Access.READ, TokenRole.ORG);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.addTwoFactor("audit", "Audit", Access.READ, TokenRole.ORG));

    assertThat(builder.add("audit", "Audit", Access.READ, TokenRole.ORG).build().scopes())
        .extracting(Scope::name)
        .containsExactly("loans", "audit");
  }

  @Test
  void find_exactNameOnly() {
    ScopeCatalog catalog = ScopeCatalog.unit();

    assertThat(catalog.find("cards")).isPresent();
    assertThat(catalog.find("Cards")).isEmpty();
    assertThat(catalog.find(" cards")).isEmpty();
    assertThatNullPointerException().isThrownBy(() -> catalog.find(null));
  }

  @Test
  void scopes_removeAttempt_throwsUnsupported() {
    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> ScopeCatalog.unit().scopes().remove(0));
  }

  @Test
  void build_rolesAndTwoFactor_derivedPerScopeNotFromTheFirst() {
    // Index 0 is allowed everywhere and needs no second factor, so only sets derived scope by
    // scope (not from the first scope, not shifted the wrong way) match.
    ScopeCatalog catalog =
        ScopeCatalog.builder()
            .add("loans", "Loans", Access.READ, TokenRole.ORG, TokenRole.CUSTOMER)
            .add("audit", "Audit log", Access.READ, TokenRole.ORG)
            .addTwoFactor("loans-write", "Loans", Access.WRITE, TokenRole.CUSTOMER)
            .add("teller", "Teller", Access.WRITE, TokenRole.CUSTOMER)
            .build();

    assertThat(catalog.allowedIn(TokenRole.CUSTOMER)).hasToString("loans loans-write teller");
    assertThat(catalog.allowedIn(TokenRole.ORG)).hasToString("loans audit");
    ScopeSet all = catalog.parse("loans audit loans-write teller");
    assertThat(all.twoFactorScopes()).hasToString("loans-write");
    assertThat(catalog.parse("loans teller").requiresTwoFactor()).isFalse();
    assertThatExceptionOfType(InvalidScopeException.class)
        .isThrownBy(() -> catalog.requireAllowed(TokenRole.CUSTOMER, catalog.parse("audit teller")))
        .satisfies(e -> assertThat(e.reason()).isEqualTo(InvalidScopeException.Reason.NOT_ALLOWED));
  }

  @Test
  void build_sixtyFourScopes_lastBitOfAWordIterates() {
    // 64 scopes fill exactly one word: iterating past the last bit must stop at the word bound.
    ScopeCatalog.Builder builder = ScopeCatalog.builder();
    for (int i = 0; i < 64; i++) {
      builder.add("s" + i, "Scope " + i, Access.READ, TokenRole.ORG);
    }
    ScopeCatalog catalog = builder.build();

    ScopeSet last = catalog.parse("s63");
    assertThat(last.names()).containsExactly("s63");
    assertThat(last).hasToString("s63");
    assertThat(catalog.parse("s0 s63"))
        .containsExactly(catalog.scopes().get(0), catalog.scopes().get(63));
  }

  @Test
  void scopeOfLargerCatalog_indexBeyondThisCatalog_isForeignNotAnIndexError() {
    ScopeCatalog small =
        ScopeCatalog.builder().add("loans", "Loans", Access.READ, TokenRole.ORG).build();
    ScopeCatalog large =
        ScopeCatalog.builder()
            .add("loans", "Loans", Access.READ, TokenRole.ORG)
            .add("audit", "Audit", Access.READ, TokenRole.ORG)
            .build();
    Scope second = large.find("audit").orElseThrow();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> small.parse("loans").contains(second))
        .withMessage("scope audit belongs to another catalog");
  }

  @Test
  void scope_toString_isItsName() {
    ScopeCatalog catalog =
        ScopeCatalog.builder().add("loans", "Loans", Access.READ, TokenRole.ORG).build();

    assertThat(catalog.find("loans").orElseThrow()).hasToString("loans");
  }
}
