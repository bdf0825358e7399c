package dev.custos.otp;

/**
 * How an SMS body is encoded on the air, which decides how much fits in one message.
 *
 * <p>GSM 03.38's 7-bit alphabet holds 160 characters in one 140-byte message; a single character
 * outside it (such as Spanish {@code ó}, {@code í} or {@code á}) switches the whole message to
 * UCS-2, which holds 70.
 */
public enum SmsEncoding {
  /** The GSM 03.38 default alphabet (with its extension table): 7 bits a character. */
  GSM_7,
  /** UCS-2: 16 bits a character. */
  UCS_2;

  /** The basic GSM 03.38 alphabet, one septet each. */
  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

  /** The extension table: an escape septet and one more each. */
  private static final String EXTENSION = "\f^{}\\[~]|€";

  /**
   * Returns the encoding a text needs.
   *
   * @param text an SMS body
   * @return {@link #GSM_7} if every character is in the GSM alphabet, else {@link #UCS_2}
   */
  public static SmsEncoding of(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
        return UCS_2;
      }
    }
    return GSM_7;
  }

  /**
   * Returns how many bytes a text takes in this encoding.
   *
   * @param text an SMS body that this encoding can carry
   * @return the size in bytes of the encoded body
   */
  public int bytes(String text) {
    if (this == UCS_2) {
      return 2 * text.length();
    }
    int septets = 0;
    for (int i = 0; i < text.length(); i++) {
      septets += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
    }
    return (septets * 7 + 7) / 8;
  }
}
