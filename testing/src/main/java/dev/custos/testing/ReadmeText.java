package dev.custos.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The parts of the README that tests hold to the code: a section under its {@code ## } heading, and
 * a region of a source file between {@code // README:<name>} and {@code // README:end}, which the
 * README shows byte for byte.
 */
public final class ReadmeText {
  private ReadmeText() {}

  /**
   * Returns a section of a Markdown file: its heading line up to the next {@code ## } heading.
   *
   * @param readme the file
   * @param heading the heading, such as {@code ## Spring Boot}
   * @return the section's text
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the file has no such heading
   */
  public static String section(Path readme, String heading) throws IOException {
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int start = text.indexOf(heading + "\n");
    if (start < 0) {
      throw new IllegalArgumentException(readme + " has no heading " + heading);
    }
    int end = text.indexOf("\n## ", start);
    return text.substring(start, end < 0 ? text.length() : end + 1);
  }

  /**
   * Returns the lines of a source file between {@code // README:<name>} and {@code // README:end}
   * (both indented by two spaces), the markers left out.
   *
   * @param source the file
   * @param name the region's name
   * @return the region's text, ending with a line break
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the file has no such region
   */
  public static String marked(Path source, String name) throws IOException {
    String text = Files.readString(source, StandardCharsets.UTF_8);
    String open = "  // README:" + name + "\n";
    int start = text.indexOf(open);
    int end = start < 0 ? -1 : text.indexOf("  // README:end", start);
    if (end < 0) {
      throw new IllegalArgumentException(source + " has no README:" + name + " region");
    }
    return text.substring(start + open.length(), end);
  }
}
