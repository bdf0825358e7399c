package dev.custos.token;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte array that a token is assembled in: pre-authentication encoding, signature,
 * base64 text. One is kept per thread and reused, so minting and verifying allocate only what they
 * return; a nested use on the same thread (never by Custos itself) gets a fresh one.
 *
 * <p>It holds signed bytes, never key material; it is not cleared between uses.
 */
final class TokenBuffer extends OutputStream {
  private static final int INITIAL_BYTES = 2048;

  /** Bigger arrays (from unusually large tokens) are dropped after use rather than kept. */
  private static final int KEEP_AT_MOST = 32 * 1024;

  private static final ThreadLocal<TokenBuffer> PER_THREAD =
      ThreadLocal.withInitial(TokenBuffer::new);

  private byte[] bytes = new byte[INITIAL_BYTES];
  private final char[] timeChars = new char[Rfc3339.MAX_FORMATTED];
  private int size;
  private boolean inUse;

  private TokenBuffer() {}

  /** Returns this thread's buffer, emptied; {@link #release()} it when done. */
  static TokenBuffer acquire() {
    TokenBuffer buffer = PER_THREAD.get();
    if (buffer.inUse) {
      buffer = new TokenBuffer();
    }
    buffer.inUse = true;
    buffer.size = 0;
    return buffer;
  }

  void release() {
    inUse = false;
    if (bytes.length > KEEP_AT_MOST) {
      bytes = new byte[INITIAL_BYTES];
    }
  }

  /** The backing array; valid until the next write that grows it. */
  byte[] array() {
    return bytes;
  }

  /** Scratch room for one formatted time ({@link Rfc3339#MAX_FORMATTED}), apart from the bytes. */
  char[] timeChars() {
    return timeChars;
  }

  int size() {
    return size;
  }

  /** Makes room for {@code more} bytes after the current size. */
  void reserve(int more) {
    int needed = Math.addExact(size, more);
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(needed, 2 * bytes.length));
    }
  }

  /** Advances the size over {@code count} bytes written directly into {@link #array()}. */
  void skip(int count) {
    reserve(count);
    size += count;
  }

  @Override
  public void write(int b) {
    reserve(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    reserve(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }
}
