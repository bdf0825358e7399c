package dev.custos.benchmarks;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.otp.OtpEngine;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jol.info.GraphLayout;

/**
 * Memory per pending OTP challenge at 10k, 100k and 1M pending, measured with JOL as the retained
 * size of the engine's object graph (objects reached from it, each counted once) minus that of an
 * empty engine, divided by the number pending. Reported for the challenge state alone and for the
 * send windows that each start also keeps (per phone and per customer, for the send window's
 * length). Every start uses a new customer and phone: the worst case for the send windows.
 *
 * <pre>
 * {@code java -Xmx10g -cp benchmarks/target/benchmarks.jar dev.custos.benchmarks.MemoryFootprint benchmarks/results/memory.json}
 * </pre>
 */
public final class MemoryFootprint {
  static {
    // Caffeine holds lambdas (hidden classes) whose field offsets JOL reads only in this mode.
    System.setProperty("jol.magicFieldOffset", "true");
  }

  private MemoryFootprint() {}

  /**
   * Measures and writes the figures as JSON.
   *
   * @param args the output file, then optionally the sizes to measure
   * @throws Exception if reflection into the engine or writing fails
   */
  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      sizes.add(Integer.parseInt(args[i]));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(10_000, 100_000, 1_000_000);
    }
    List<Object> rows = new ArrayList<>();
    for (int n : sizes) {
      rows.add(measure(n));
      System.out.println(rows.get(rows.size() - 1));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put(
        "method",
        "JOL GraphLayout.totalSize of each Caffeine cache's entry map, minus an empty engine's, divided by pending");
    document.put(
        "vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    document.put("rows", rows);
    Files.writeString(
        Path.of(args[0]), JSONObjectUtils.toJSONString(document), StandardCharsets.UTF_8);
  }

  static Map<String, Object> measure(int n) throws ReflectiveOperationException, IOException {
    OtpEngine empty = OtpBenchmarks.engine(n + 1);
    long emptyChallenges = size(cache(empty, "challenges"));
    long emptyWindows = size(cache(empty, "sendWindows"));
    long emptyTotal = emptyChallenges + emptyWindows + size(cache(empty, "failures"));

    OtpEngine engine = OtpBenchmarks.engine(n + 1);
    for (int i = 0; i < n; i++) {
      OtpBenchmarks.start(engine, i);
    }
    engine.stats(); // drops expired state before measuring
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("pending", n);
    row.put("challengeBytes", (double) (size(cache(engine, "challenges")) - emptyChallenges) / n);
    row.put("sendWindowBytes", (double) (size(cache(engine, "sendWindows")) - emptyWindows) / n);
    long total =
        size(cache(engine, "challenges"))
            + size(cache(engine, "sendWindows"))
            + size(cache(engine, "failures"));
    row.put("totalBytes", (double) (total - emptyTotal) / n);
    return row;
  }

  private static long size(Object root) {
    return GraphLayout.parseInstance(root).totalSize();
  }

  /**
   * The entries of the engine's store's cache of the given name: Caffeine's map of nodes, keys and
   * values (package-private state, read for measurement). Not the cache object itself: through its
   * scheduler's queue it reaches every other cache with a pending clean-up.
   */
  private static Object cache(OtpEngine engine, String name) throws ReflectiveOperationException {
    Object manual = field(field(engine, "store"), name);
    return field(field(manual, "cache"), "data");
  }

  private static Object field(Object owner, String name) throws ReflectiveOperationException {
    for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
      } catch (NoSuchFieldException e) {
        // declared further up
      }
    }
    throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
  }
}
