package dev.custos.spring.boot;

import java.util.ArrayList;
import java.util.List;

/**
 * Passkeys as the second factor ({@code custos.passkeys.*}, with {@code custos-passkey} on the
 * class path): the relying party id and the origins of the pages that enrol and use them. Off
 * unless {@code rp-id} is set.
 */
public class CustosPasskeyProperties {
  /** The relying party id: the pages' host or a registrable suffix of it, such as bank.example. */
  private String rpId;

  /** The name browsers show when they ask for the passkey. */
  private String rpName = "Custos";

  /**
   * The origins of the pages, such as https://bank.example (http://localhost:PORT in development).
   */
  private List<String> origins = new ArrayList<>();

  /**
   * Returns the relying party id.
   *
   * @return {@code custos.passkeys.rp-id}
   */
  public String getRpId() {
    return rpId;
  }

  /**
   * Sets the relying party id.
   *
   * @param rpId {@code custos.passkeys.rp-id}
   */
  public void setRpId(String rpId) {
    this.rpId = rpId;
  }

  /**
   * Returns the relying party name.
   *
   * @return {@code custos.passkeys.rp-name}
   */
  public String getRpName() {
    return rpName;
  }

  /**
   * Sets the relying party name.
   *
   * @param rpName {@code custos.passkeys.rp-name}
   */
  public void setRpName(String rpName) {
    this.rpName = rpName;
  }

  /**
   * Returns the origins.
   *
   * @return {@code custos.passkeys.origins}
   */
  public List<String> getOrigins() {
    return origins;
  }

  /**
   * Sets the origins.
   *
   * @param origins {@code custos.passkeys.origins}
   */
  public void setOrigins(List<String> origins) {
    this.origins = origins;
  }
}
