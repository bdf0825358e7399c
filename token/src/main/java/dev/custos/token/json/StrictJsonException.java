package dev.custos.token.json;

import java.util.List;

/** Why and where {@link StrictJson} refused a document. */
public final class StrictJsonException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The member names from the root to the fault. */
  private final transient List<String> path;

  StrictJsonException(List<String> path, String reason) {
    super(reason, null, false, false);
    this.path = List.copyOf(path);
  }

  /**
   * Returns the member names (array indexes as numbers) from the root to the fault.
   *
   * @return the path; empty for the document as a whole
   */
  public List<String> path() {
    return path;
  }
}
