package dev.custos.token;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Who may change or read a signing key on disk, checked as {@code ssh} checks its keys before
 * anything reads one: a key file or its directory owned by another user than this process's (root
 * aside), or writable by its group or by others (a root-owned directory with the sticky bit, such
 * as {@code /tmp}, excepted: nobody can replace another's file there), lets someone else swap the
 * signing key; a secret key file of this user readable by anyone else is no secret. On file systems
 * without POSIX owners and modes nothing is checked.
 */
public final class KeyFileAccess {
  private KeyFileAccess() {}

  /**
   * Refuses a secret key file, or its directory, that someone else could change or read.
   *
   * @param secretKeyFile the key file
   * @throws IOException saying what is wrong and how to mend it ({@code NoSuchFileException} if
   *     there is no such file)
   * @throws NullPointerException if {@code secretKeyFile} is null
   */
  public static void requirePrivateFile(Path secretKeyFile) throws IOException {
    Path file = Objects.requireNonNull(secretKeyFile, "secretKeyFile").toAbsolutePath();
    requirePrivateDirectory(file.getParent());
    require(file, true);
  }

  /**
   * Refuses a key directory that someone else could change.
   *
   * @param directory the directory
   * @throws IOException saying what is wrong and how to mend it
   * @throws NullPointerException if {@code directory} is null
   */
  public static void requirePrivateDirectory(Path directory) throws IOException {
    require(Objects.requireNonNull(directory, "directory"), false);
  }

  private static void require(Path path, boolean secretFile) throws IOException {
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
}
