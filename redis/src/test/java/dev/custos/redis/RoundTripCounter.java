package dev.custos.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of one Redis that counts round trips: a round trip begins each time
 * a client sends after it was last answered. Replies are held until the client has been quiet for
 * {@link #HOLD_MILLIS}, so commands a client pipelines all arrive before the first reply and count
 * as one round trip, however the machine schedules the client's writes.
 */
final class RoundTripCounter implements AutoCloseable {
  /** Far longer than a client takes between the commands of one pipeline. */
  static final long HOLD_MILLIS = 100;

  private final int target;
  private final ServerSocket server;
  private final AtomicLong roundTrips = new AtomicLong();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  RoundTripCounter(int target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "round-trip-counter");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The proxy's URI. */
  String uri() {
    return "redis://127.0.0.1:" + server.getLocalPort();
  }

  /** Round trips so far, on every connection. */
  long roundTrips() {
    return roundTrips.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket redis = new Socket(InetAddress.getLoopbackAddress(), target);
        client.setTcpNoDelay(true);
        redis.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(redis);
        Connection connection = new Connection();
        start(() -> connection.forwardRequests(client, redis));
        start(() -> connection.forwardReplies(redis, client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void start(Runnable pump) {
    Thread thread = new Thread(pump, "round-trip-counter-pump");
    thread.setDaemon(true);
    thread.start();
  }

  /** One client connection: whether it was answered since it last sent, and when it last sent. */
  private final class Connection {
    private final AtomicBoolean answered = new AtomicBoolean(true);
    private volatile long lastRequestNanos;

    void forwardRequests(Socket client, Socket redis) {
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = client.getInputStream();
          OutputStream out = redis.getOutputStream()) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          lastRequestNanos = System.nanoTime();
          if (answered.getAndSet(false)) {
            roundTrips.incrementAndGet();
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // The connection closed.
      }
    }

    void forwardReplies(Socket redis, Socket client) {
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = redis.getInputStream();
          OutputStream out = client.getOutputStream()) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          long quietFor;
          while ((quietFor = (System.nanoTime() - lastRequestNanos) / 1_000_000) < HOLD_MILLIS) {
            Thread.sleep(HOLD_MILLIS - quietFor);
          }
          answered.set(true);
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // The connection closed.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
