package dev.custos.scopes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.custos.scopes.InvalidScopeException.Reason;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ScopeSetTest {
  private final ScopeCatalog catalog = ScopeCatalog.unit();
  private final ScopeCatalog other =
      ScopeCatalog.builder()
          .add("cards", "Cards", Access.READ, TokenRole.ORG, TokenRole.CUSTOMER)
          .build();

  @Test
  void contains_nameInSet_true() {
    ScopeSet set = catalog.parse("customers cards");

    assertThat(set.contains("cards")).isTrue();
    assertThat(set.contains("customers")).isTrue();
    assertThat(set.contains("accounts")).isFalse();
  }

  @Test
  void contains_nameNotInCatalog_false() {
    assertThat(catalog.parse("cards").contains("root")).isFalse();
    assertThat(catalog.parse("cards").contains("")).isFalse();
  }

  @Test
  void contains_nullName_throwsNpe() {
    assertThatNullPointerException()
        .isThrownBy(() -> catalog.parse("cards").contains((String) null));
  }

  @Test
  void contains_scopeOfCatalog_matchesMembership() {
    ScopeSet set = catalog.parse("cards");

    assertThat(set.contains(catalog.find("cards").orElseThrow())).isTrue();
    assertThat(set.contains(catalog.find("cards-write").orElseThrow())).isFalse();
  }

  @Test
  void contains_scopeOfAnotherCatalogWithSameName_throws() {
    Scope foreign = other.find("cards").orElseThrow();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> catalog.parse("cards").contains(foreign))
        .withMessage("scope cards belongs to another catalog");
  }

  @Test
  void containsAll_subset_true() {
    ScopeSet token = catalog.parse("customers accounts cards");

    assertThat(token.containsAll(catalog.parse("cards accounts"))).isTrue();
    assertThat(token.containsAll(catalog.emptySet())).isTrue();
    assertThat(token.containsAll(token)).isTrue();
  }

  @Test
  void containsAll_missingScope_false() {
    assertThat(catalog.parse("customers accounts").containsAll(catalog.parse("accounts cards")))
        .isFalse();
  }

  @Test
  void containsAll_setOfAnotherCatalog_throws() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> catalog.parse("cards").containsAll(other.parse("cards")))
        .withMessage("scope sets belong to different catalogs");
  }

  @Test
  void union_twoSets_holdsBoth() {
    ScopeSet union = catalog.parse("cards").union(catalog.parse("accounts cards"));

    assertThat(union).isEqualTo(catalog.parse("accounts cards"));
  }

  @Test
  void intersect_twoSets_holdsCommon() {
    ScopeSet common = catalog.parse("customers cards").intersect(catalog.parse("accounts cards"));

    assertThat(common).hasToString("cards");
  }

  @Test
  void minus_requestAgainstToken_leavesWhatIsMissing() {
    ScopeSet needed = catalog.parse("accounts cards-write");
    ScopeSet held = catalog.parse("customers accounts cards");

    assertThat(needed.minus(held)).hasToString("cards-write");
    assertThat(needed.minus(needed)).isEqualTo(catalog.emptySet());
  }

  @Test
  void setOperations_leaveOperandsUnchanged() {
    ScopeSet a = catalog.parse("customers cards");
    ScopeSet b = catalog.parse("accounts cards");

    a.union(b);
    a.intersect(b);
    a.minus(b);

    assertThat(a).hasToString("customers cards");
    assertThat(b).hasToString("accounts cards");
  }

  @Test
  void setOperations_otherCatalog_throw() {
    ScopeSet mine = catalog.parse("cards");
    ScopeSet theirs = other.parse("cards");

    assertThatIllegalArgumentException().isThrownBy(() -> mine.union(theirs));
    assertThatIllegalArgumentException().isThrownBy(() -> mine.intersect(theirs));
    assertThatIllegalArgumentException().isThrownBy(() -> mine.minus(theirs));
    assertThatNullPointerException().isThrownBy(() -> mine.union(null));
  }

  @Test
  void requiresTwoFactor_onlyReadScopes_false() {
    assertThat(catalog.parse("customers accounts cards transactions").requiresTwoFactor())
        .isFalse();
    assertThat(catalog.emptySet().requiresTwoFactor()).isFalse();
  }

  @Test
  void requiresTwoFactor_anyTwoFactorMember_true() {
    assertThat(catalog.parse("customers cards-sensitive").requiresTwoFactor()).isTrue();
    assertThat(catalog.parse("payments-write").requiresTwoFactor()).isTrue();
  }

  @Test
  void twoFactorScopes_mixedSet_returnsOnlyTwoFactorOnes() {
    ScopeSet set = catalog.parse("customers customer-token-write accounts-write cards-sensitive");

    assertThat(set.twoFactorScopes()).hasToString("accounts-write cards-sensitive");
    assertThat(catalog.parse("cards").twoFactorScopes().isEmpty()).isTrue();
  }

  @Test
  void iterator_followsCatalogOrderAndIsReadOnly() {
    Iterator<Scope> it = catalog.parse("linked-accounts applications cards").iterator();

    assertThat(it.next().name()).isEqualTo("applications");
    assertThat(it.next().name()).isEqualTo("cards");
    assertThat(it.next().name()).isEqualTo("linked-accounts");
    assertThat(it.hasNext()).isFalse();
    assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(it::next);
    assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(it::remove);
  }

  @Test
  void names_returnsImmutableList() {
    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> catalog.parse("cards").names().add("root"));
  }

  @Test
  void emptySet_hasNothing() {
    ScopeSet empty = catalog.emptySet();

    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.size()).isZero();
    assertThat(empty).isEmpty();
    assertThat(empty).hasToString("");
  }

  @Test
  void equals_sameScopesDifferentCatalogs_notEqual() {
    assertThat(catalog.parse("cards")).isNotEqualTo(other.parse("cards"));
    assertThat(catalog.parse("cards")).isNotEqualTo("cards");
  }

  @Test
  void setOf_scopes_equalsParsedSet() {
    Scope cards = catalog.find("cards").orElseThrow();
    Scope accounts = catalog.find("accounts").orElseThrow();

    assertThat(catalog.setOf(cards, accounts, cards)).isEqualTo(catalog.parse("accounts cards"));
    assertThat(catalog.setOf()).isEqualTo(catalog.emptySet());
  }

  @Test
  void setOf_foreignOrNullScope_throws() {
    Scope foreign = other.find("cards").orElseThrow();

    assertThatIllegalArgumentException().isThrownBy(() -> catalog.setOf(foreign));
    assertThatNullPointerException().isThrownBy(() -> catalog.setOf((Scope) null));
  }

  @Test
  void requireAllowed_customerTokenWithOrgOnlyScopes_namesEveryOne() {
    ScopeSet set = catalog.parse("webhooks cards applications");

    InvalidScopeException e =
        assertThatExceptionOfType(InvalidScopeException.class)
            .isThrownBy(() -> catalog.requireAllowed(TokenRole.CUSTOMER, set))
            .actual();

    assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED);
    assertThat(e.disallowedScopes()).containsExactly("applications", "webhooks");
    assertThat(e).hasMessage("scopes not allowed in a customer token: applications, webhooks");
  }

  @Test
  void requireAllowed_orgTokenWithCardsSensitive_throws() {
    InvalidScopeException e =
        assertThatExceptionOfType(InvalidScopeException.class)
            .isThrownBy(
                () -> catalog.requireAllowed(TokenRole.ORG, catalog.parse("cards cards-sensitive")))
            .actual();

    assertThat(e).hasMessage("scope not allowed in an org token: cards-sensitive");
  }

  @Test
  void requireAllowed_allowedScopes_returnsSameSet() {
    ScopeSet set = catalog.parse("customers accounts cards-write");

    assertThat(catalog.requireAllowed(TokenRole.CUSTOMER, set)).isSameAs(set);
    assertThat(catalog.requireAllowed(TokenRole.ORG, set)).isSameAs(set);
  }

  @Test
  void requireAllowed_nullArguments_throwNpe() {
    assertThatNullPointerException()
        .isThrownBy(() -> catalog.requireAllowed(null, catalog.parse("cards")));
    assertThatNullPointerException().isThrownBy(() -> catalog.requireAllowed(TokenRole.ORG, null));
  }

  @Test
  void setOperations_resultEqualToReceiver_returnReceiver() {
    ScopeSet cards = catalog.parse("cards accounts");

    assertThat(cards.union(catalog.parse("cards"))).isSameAs(cards);
    assertThat(cards.intersect(cards)).isSameAs(cards);
    assertThat(cards.minus(catalog.parse("payments"))).isSameAs(cards);
  }

  @Test
  void hashCode_distinctSets_spreadOverManyValues() {
    // A constant hash would satisfy the contract and still turn every map of scope sets into a
    // list.
    java.util.Set<Integer> hashes = new java.util.HashSet<>();
    for (Scope scope : catalog.scopes()) {
      hashes.add(catalog.setOf(scope).hashCode());
    }
    assertThat(hashes).hasSizeGreaterThan(catalog.scopes().size() - 2);
  }
}
