package dev.custos.server;

import com.sun.security.auth.module.UnixSystem;
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
   * Refuses, as {@code ssh} does, a key directory or secret key file that someone else could
   * change: owned by another user than this process's (or root), or writable by its group or by
   * others (a root-owned directory with the sticky bit, such as {@code /tmp}, excepted: nobody can
   * replace another's file there). A secret key file of this user must also not be readable by
   * anyone else. Skipped on file systems without POSIX owners and modes.
   *
   * @param path a directory, or a secret key file
   * @param secretFile whether it is a secret key file
   * @throws IOException saying what is wrong and how to mend it
   */
  static void requirePrivate(Path path, boolean secretFile) throws IOException {
    if (!path.getFileSystem().supportedFileAttributeViews().contains("unix")) {
      return;
    }
    int owner = (Integer) Files.getAttribute(path, "unix:uid");
    int mode = (Integer) Files.getAttribute(path, "unix:mode");
    String problem = problem(owner, mode, new UnixSystem().getUid(), secretFile);
    if (problem != null) {
      throw new IOException(path + " " + problem);
    }
  }

  /** What is wrong with a path of this owner and mode for this user, or null if nothing. */
  static String problem(int owner, int mode, long user, boolean secretFile) {
    if (owner != user && owner != 0) {
      return "is owned by another user (uid "
          + owner
          + "), who could swap the signing key; keep keys where only you and root can write";
    }
    boolean sticky = (mode & 01000) != 0;
    if ((mode & 0022) != 0 && !(sticky && owner == 0 && !secretFile)) {
      return "is writable by its group or by others, who could swap the signing key;"
          + " chmod go-w it";
    }
    if (secretFile && owner == user && (mode & 0044) != 0) {
      return "is readable by its group or by others, so the signing key is not secret; chmod 600"
          + " it";
    }
    return null;
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
