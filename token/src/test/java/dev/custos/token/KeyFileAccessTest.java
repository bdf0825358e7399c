package dev.custos.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ssh's rules for a signing key on disk, as a pure function and on real files. */
class KeyFileAccessTest {
  @Test
  void keyPathRules_ownerAndModes() {
    int me = 1000;
    assertThat(KeyFileAccess.problem(1000, 0700, me, false)).isNull();
    assertThat(KeyFileAccess.problem(0, 0755, me, false)).as("root's, not writable").isNull();
    assertThat(KeyFileAccess.problem(0, 01777, me, false))
        .as("a sticky root directory, /tmp")
        .isNull();
    assertThat(KeyFileAccess.problem(1000, 0600, me, true)).isNull();
    assertThat(KeyFileAccess.problem(0, 0644, me, true))
        .as("root's secret, mounted for us")
        .isNull();
    assertThat(KeyFileAccess.problem(65534, 0700, me, false))
        .startsWith("is owned by another user (uid 65534)");
    assertThat(KeyFileAccess.problem(65534, 0777, me, false))
        .as("the review's case: nobody's, world-writable")
        .startsWith("is owned by another user");
    assertThat(KeyFileAccess.problem(1000, 01777, me, false))
        .as("sticky, but not root's")
        .startsWith("is writable");
    assertThat(KeyFileAccess.problem(0, 01777, me, true))
        .as("a file has no sticky rule")
        .startsWith("is writable");
    assertThat(KeyFileAccess.problem(1000, 0640, me, true)).startsWith("is readable");
    assertThat(KeyFileAccess.problem(1000, 0604, me, true)).startsWith("is readable");
    assertThat(KeyFileAccess.problem(1000, 0620, me, true)).startsWith("is writable");
    assertThat(KeyFileAccess.problem(0, 0700, 0, false)).as("root running as root").isNull();
  }

  @Test
  void requirePrivateFile_readableByOthersOrInAWritableDirectory_refusedSayingWhy(@TempDir Path dir)
      throws Exception {
    Path keys = Files.createDirectory(dir.resolve("keys"));
    Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwx------"));
    Path key = Files.writeString(keys.resolve("signing-key.paserk"), "k4.secret.x");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    KeyFileAccess.requirePrivateFile(key);

    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatIOException()
        .isThrownBy(() -> KeyFileAccess.requirePrivateFile(key))
        .withMessageEndingWith(
            "is readable by its group or by others, so the signing key is not"
                + " secret; chmod 600 it");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThatIOException()
        .isThrownBy(() -> KeyFileAccess.requirePrivateFile(key))
        .withMessageContaining("is writable by its group or by others");
    Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwx------"));
    assertThatIOException()
        .isThrownBy(() -> KeyFileAccess.requirePrivateFile(keys.resolve("missing")))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
  }
}
