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
    document.put("method", "JOL GraphLayout.totalSize, minus an empty engine, divided by pending");
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
    long emptyTotal = size(empty);

    OtpEngine engine = OtpBenchmarks.engine(n + 1);
    for (int i = 0; i < n; i++) {
      OtpBenchmarks.start(engine, i);
    }
    engine.stats(); // drops expired state before measuring
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("pending", n);
    row.put("challengeBytes", (double) (size(cache(engine, "challenges")) - emptyChallenges) / n);
    row.put("sendWindowBytes", (double) (size(cache(engine, "sendWindows")) - emptyWindows) / n);
    row.put("totalBytes", (double) (size(engine) - emptyTotal) / n);
    return row;
  }

  private static long size(Object root) {
    return GraphLayout.parseInstance(root).totalSize();
  }

  /** The engine's store's cache of the given name: package-private state, read for measurement. */
  private static Object cache(OtpEngine engine, String name) throws ReflectiveOperationException {
    return field(field(engine, "store"), name);
  }

  private static Object field(Object owner, String name) throws ReflectiveOperationException {
    Field field = owner.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(owner);
  }
}
