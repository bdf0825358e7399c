package dev.custos.scopes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * An immutable set of scopes of one {@link ScopeCatalog}: what a token holds, or what a request
 * needs.
 *
 * <p>A set is a bit set over the catalog's scope indexes, so membership tests and set operations
 * cost a few word operations and no string comparison. Iteration, {@link #names()} and {@link
 * #toString()} follow catalog order, whatever order the scopes were given in, so the same set
 * always renders to the same canonical scope string.
 *
 * <p>Sets of different catalogs never compare equal, and combining them is a programming error that
 * throws {@link IllegalArgumentException}.
 *
 * <p>Instances are created by {@link ScopeCatalog#parse(String)}, {@link ScopeCatalog#setOf}, and
 * the set operations here; they are immutable and safe to share between threads.
 */
public final class ScopeSet implements Iterable<Scope> {
  private final ScopeCatalog catalog;
  private final long[] words;
  private final int size;

  /** The canonical scope string, built on first use; racy but idempotent, like String.hashCode. */
  private String canonical;

  ScopeSet(ScopeCatalog catalog, long[] words) {
    this.catalog = catalog;
    this.words = words;
    int count = 0;
    for (long word : words) {
      count += Long.bitCount(word);
    }
    this.size = count;
  }

  /**
   * Returns the catalog whose scopes this set holds.
   *
   * @return the owning catalog
   */
  public ScopeCatalog catalog() {
    return catalog;
  }

  /**
   * Returns whether this set holds the scope of the given name.
   *
   * @param name a scope name, such as {@code cards-write}
   * @return {@code true} if the set holds a scope of that name; {@code false} for a name that is
   *     not in the catalog
   * @throws NullPointerException if {@code name} is null
   */
  public boolean contains(String name) {
    int index = catalog.indexOf(Objects.requireNonNull(name, "name"));
    return index >= 0 && has(index);
  }

  /**
   * Returns whether this set holds the given scope.
   *
   * @param scope a scope of this set's catalog
   * @return {@code true} if the set holds the scope
   * @throws NullPointerException if {@code scope} is null
   * @throws IllegalArgumentException if {@code scope} belongs to another catalog
   */
  public boolean contains(Scope scope) {
    catalog.checkOwns(scope);
    return has(scope.index);
  }

  /**
   * Returns whether this set holds every scope of {@code other}; a check that a token's scopes
   * cover what a request needs.
   *
   * @param other a set of the same catalog
   * @return {@code true} if {@code other} is a subset of this set (always for an empty {@code
   *     other})
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if {@code other} belongs to another catalog
   */
  public boolean containsAll(ScopeSet other) {
    long[] theirs = sameCatalog(other).words;
    for (int i = 0; i < words.length; i++) {
      if ((theirs[i] & ~words[i]) != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns whether a customer token holding this set must be minted after two-factor verification.
   *
   * @return {@code true} exactly when some scope of the set {@linkplain Scope#requiresTwoFactor()
   *     requires two-factor authentication}
   */
  public boolean requiresTwoFactor() {
    long[] mask = catalog.twoFactorWords();
    for (int i = 0; i < words.length; i++) {
      if ((words[i] & mask[i]) != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the scopes of this set that require two-factor authentication.
   *
   * @return a set of the same catalog, empty if none of the scopes requires it
   */
  public ScopeSet twoFactorScopes() {
    return combine(catalog.twoFactorWords(), Op.INTERSECT);
  }

  /**
   * Returns a set holding the scopes of this set and of {@code other}.
   *
   * @param other a set of the same catalog
   * @return the union; this set itself when the union equals it, so that no set is allocated
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if {@code other} belongs to another catalog
   */
  public ScopeSet union(ScopeSet other) {
    return combine(sameCatalog(other).words, Op.UNION);
  }

  /**
   * Returns a set holding the scopes that are in both this set and {@code other}.
   *
   * @param other a set of the same catalog
   * @return the intersection; this set itself when the intersection equals it
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if {@code other} belongs to another catalog
   */
  public ScopeSet intersect(ScopeSet other) {
    return combine(sameCatalog(other).words, Op.INTERSECT);
  }

  /**
   * Returns a set holding the scopes of this set that are not in {@code other}; for example the
   * scopes a request needs that a token lacks.
   *
   * @param other a set of the same catalog
   * @return the difference; this set itself when {@code other} removes nothing
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if {@code other} belongs to another catalog
   */
  public ScopeSet minus(ScopeSet other) {
    return combine(sameCatalog(other).words, Op.MINUS);
  }

  /**
   * Returns the number of scopes in this set.
   *
   * @return the size, from 0 to the catalog's size
   */
  public int size() {
    return size;
  }

  /**
   * Returns whether this set holds no scope. {@link ScopeCatalog#parse(String)} never returns an
   * empty set; set operations may.
   *
   * @return {@code true} if the set is empty
   */
  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * Returns the names of the scopes in this set, in catalog order.
   *
   * @return an immutable list of names
   */
  public List<String> names() {
    List<String> names = new ArrayList<>(size);
    for (Scope scope : this) {
      names.add(scope.name());
    }
    return List.copyOf(names);
  }

  /**
   * Returns an iterator over the scopes of this set in catalog order.
   *
   * @return an iterator that does not support removal
   */
  @Override
  public Iterator<Scope> iterator() {
    return new Iterator<>() {
      private int next = nextIndex(0);

      @Override
      public boolean hasNext() {
        return next >= 0;
      }

      @Override
      public Scope next() {
        if (next < 0) {
          throw new NoSuchElementException();
        }
        Scope scope = catalog.scopeAt(next);
        next = nextIndex(next + 1);
        return scope;
      }
    };
  }

  /**
   * Returns whether {@code obj} is a scope set of the same catalog holding the same scopes.
   *
   * @param obj the object to compare with
   * @return {@code true} if both sets belong to the same catalog instance and hold the same scopes
   */
  @Override
  public boolean equals(Object obj) {
    return obj instanceof ScopeSet other
        && other.catalog == catalog
        && Arrays.equals(other.words, words);
  }

  @Override
  public int hashCode() {
    // Arrays.hashCode folds a long's high half onto its low half, so scope 32 and scope 0 collide;
    // multiplying by an odd 64-bit constant first spreads every bit into the folded result.
    int h = 1;
    for (long word : words) {
      h = 31 * h + Long.hashCode(word * 0x9E3779B97F4A7C15L);
    }
    return h;
  }

  /**
   * Returns the canonical scope string: the names in catalog order, separated by single spaces. It
   * parses back to an equal set, and is what a minted token records.
   *
   * @return the canonical scope string; empty for an empty set
   */
  @Override
  public String toString() {
    String s = canonical;
    if (s == null) {
      s = String.join(" ", names());
      canonical = s;
    }
    return s;
  }

  private boolean has(int index) {
    return (words[index >>> 6] & (1L << index)) != 0;
  }

  /** Returns the first index at or after {@code from} that is in the set, or -1. */
  private int nextIndex(int from) {
    int word = from >>> 6;
    if (word >= words.length) {
      return -1;
    }
    long bits = words[word] & (-1L << from);
    while (true) {
      if (bits != 0) {
        return (word << 6) + Long.numberOfTrailingZeros(bits);
      }
      if (++word == words.length) {
        return -1;
      }
      bits = words[word];
    }
  }

  private ScopeSet sameCatalog(ScopeSet other) {
    Objects.requireNonNull(other, "other");
    if (other.catalog != catalog) {
      throw new IllegalArgumentException("scope sets belong to different catalogs");
    }
    return other;
  }

  private enum Op {
    UNION,
    INTERSECT,
    MINUS
  }

  private ScopeSet combine(long[] theirs, Op op) {
    long[] result = new long[words.length];
    for (int i = 0; i < words.length; i++) {
      result[i] =
          switch (op) {
            case UNION -> words[i] | theirs[i];
            case INTERSECT -> words[i] & theirs[i];
            case MINUS -> words[i] & ~theirs[i];
          };
    }
    return Arrays.equals(result, words) ? this : new ScopeSet(catalog, result);
  }
}
