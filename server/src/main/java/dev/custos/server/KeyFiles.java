package dev.custos.server;

import dev.custos.token.KeyFileAccess;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Writes key files safely: a secret is never readable by anyone else, not even for a moment, and a
 * link planted where a file goes is never followed.
 *
 * <p>Each file is written to a new temporary file in the same directory, created exclusively (never
 * through an existing path or link) with its final permissions, then renamed over the target: the
 * rename replaces a planted link itself rather than writing through it.
 */
final class KeyFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> PUBLIC =
      PosixFilePermissions.fromString("rw-r--r--");
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyFiles() {}

  /**
   * Creates the directory owner-only, or checks that an existing one is a directory, not a link,
   * and that nobody else can write in it ({@link #requirePrivate}).
   */
  static void createPrivateDirectory(Path dir) throws IOException {
    if (Files.isSymbolicLink(dir)) {
      throw new IOException(dir + " is a symbolic link; give the key directory itself");
    }
    if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      requirePrivate(dir, false);
      return;
    }
    if (posix(dir.toAbsolutePath().getParent())) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
      // The umask may have narrowed what createDirectories asked for; never widened it.
      Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);
    } else {
      Files.createDirectories(dir);
    }
  }

  /**
   * Writes a file atomically.
   *
   * @param secret owner-only permissions if true, world-readable if false
   * @param overwrite whether an existing file (or link) at the path is replaced
   */
  static void write(Path file, String content, boolean secret, boolean overwrite)
      throws IOException {
    if (!overwrite && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(file + " exists; pass --force to overwrite");
    }
    Path dir = file.toAbsolutePath().getParent();
    Path temp = dir.resolve("." + file.getFileName() + "." + HexFormat.of().formatHex(nonce()));
    boolean posix = posix(dir);
    FileAttribute<?>[] attributes =
        posix
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(secret ? OWNER_ONLY : PUBLIC)
            }
            : new FileAttribute<?>[0];
    try {
      try (SeekableByteChannel channel =
          Files.newByteChannel(
              temp,
              Set.<OpenOption>of(
                  StandardOpenOption.CREATE_NEW,
                  StandardOpenOption.WRITE,
                  LinkOption.NOFOLLOW_LINKS),
              attributes)) {
        ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
      }
      if (posix) {
        // The umask cannot have widened the permissions, but it may have narrowed public ones.
        Files.setPosixFilePermissions(temp, secret ? OWNER_ONLY : PUBLIC);
      }
      if (overwrite) {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Refuses a key directory, or a secret key file and its directory, that someone else could change
   * or read: the library's rules ({@link KeyFileAccess}), which the Spring starter applies too.
   *
   * @param path a directory, or a secret key file
   * @param secretFile whether it is a secret key file
   * @throws IOException saying what is wrong and how to mend it
   */
  static void requirePrivate(Path path, boolean secretFile) throws IOException {
    if (secretFile) {
      KeyFileAccess.requirePrivateFile(path);
    } else {
      KeyFileAccess.requirePrivateDirectory(path);
    }
  }

  private static boolean posix(Path dir) {
    return dir != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static byte[] nonce() {
    byte[] nonce = new byte[8];
    RANDOM.nextBytes(nonce);
    return nonce;
  }
}
