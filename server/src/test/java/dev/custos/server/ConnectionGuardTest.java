package dev.custos.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One client cannot take the whole server: its connections are bounded per address, and a
 * connection that does not send a whole request head in time is closed. Real sockets on loopback,
 * from 127.0.0.1 and 127.0.0.2 (both loopback on Linux).
 */
class ConnectionGuardTest {
  private static final String HALF_SENT =
      "POST /customers/100001/token HTTP/1.1\r\nHost: x\r\nCont";
  private static final String HEALTH = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";

  private final List<Socket> sockets = new ArrayList<>();
  private CustosServer server;

  @AfterEach
  void stop() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private void start(ServerOptions options) throws IOException {
    server = CustosServer.start(options.port(0).shutdownGrace(0));
  }

  private Socket from(String source) throws IOException {
    Socket socket =
        new Socket(
            InetAddress.getByName("127.0.0.1"),
            server.uri().getPort(),
            InetAddress.getByName(source),
            0);
    sockets.add(socket);
    return socket;
  }

  private static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /**
   * Milliseconds until the server closed the connection, reading what it sent; -1 if it did not.
   */
  private static long closedWithin(Socket socket, Duration limit) throws IOException {
    long begin = System.nanoTime();
    socket.setSoTimeout((int) limit.toMillis());
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    try {
      while (in.read(buffer) >= 0) {
        // a response before the close is fine; the close is what is measured
      }
    } catch (SocketTimeoutException e) {
      return -1;
    } catch (java.net.SocketException e) {
      // reset: closed too
    }
    return (System.nanoTime() - begin) / 1_000_000;
  }

  /** The first line of the response to a whole request, or what ended the wait. */
  private static String statusLine(Socket socket, Duration limit) throws IOException {
    socket.setSoTimeout((int) limit.toMillis());
    byte[] line = new byte[12];
    int n = socket.getInputStream().readNBytes(line, 0, line.length);
    return new String(line, 0, n, StandardCharsets.ISO_8859_1);
  }

  /** The sockets the server has closed, each polled for a moment, until one is or time is up. */
  private static List<Socket> closedAmong(List<Socket> sockets, Duration limit) throws IOException {
    long deadline = System.nanoTime() + limit.toNanos();
    List<Socket> closed = new ArrayList<>();
    while (closed.isEmpty() && System.nanoTime() < deadline) {
      for (Socket socket : sockets) {
        socket.setSoTimeout(10);
        try {
          if (socket.getInputStream().read() < 0) {
            closed.add(socket);
          }
        } catch (SocketTimeoutException e) {
          // still open
        } catch (java.net.SocketException e) {
          closed.add(socket);
        }
      }
    }
    return closed;
  }

  @Test
  void perClientBoundFilledWithHalfSentRequests_anotherAddressAnswered_slowOnesClosedAtTheDeadline()
      throws Exception {
    start(
        CustosServer.options()
            .maxConnectionsPerClient(8)
            .requestHeadTimeout(Duration.ofSeconds(3)));
    long opened = System.nanoTime();
    List<Socket> fromOne = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      Socket socket = from("127.0.0.1");
      write(socket, HALF_SENT);
      fromOne.add(socket);
    }

    List<Socket> refused = closedAmong(fromOne, Duration.ofSeconds(1));
    long refusedMillis = (System.nanoTime() - opened) / 1_000_000;
    assertThat(refused).as("one over the bound of 8, closed at once").hasSize(1);
    fromOne.removeAll(refused);

    long begin = System.nanoTime();
    Socket other = from("127.0.0.2");
    write(other, HEALTH);
    assertThat(statusLine(other, Duration.ofSeconds(2))).isEqualTo("HTTP/1.1 200");
    long answeredMillis = (System.nanoTime() - begin) / 1_000_000;
    assertThat(answeredMillis).as("another address, answered").isLessThan(2_000);
    assertThat(closedAmong(fromOne, Duration.ofMillis(100))).as("the 8 still open").isEmpty();

    for (Socket socket : fromOne) {
      assertThat(closedWithin(socket, Duration.ofSeconds(6))).as("closed").isNotNegative();
    }
    long deadlineMillis = (System.nanoTime() - opened) / 1_000_000;
    assertThat(deadlineMillis)
        .as("the slow ones closed at the 3 s deadline")
        .isBetween(2_500L, 6_000L);
    System.out.println(
        "per-client bound: the one over it closed within "
            + refusedMillis
            + " ms, another address answered in "
            + answeredMillis
            + " ms, half-sent heads closed after "
            + deadlineMillis
            + " ms");

    Socket again = from("127.0.0.1");
    write(again, HEALTH);
    assertThat(statusLine(again, Duration.ofSeconds(2)))
        .as("closed connections are counted off the address")
        .isEqualTo("HTTP/1.1 200");
  }

  @Test
  void keptAliveConnection_nextHeadTooSlow_closedAtTheDeadlineNotTheIdleTimeout() throws Exception {
    start(CustosServer.options().requestHeadTimeout(Duration.ofMillis(800)));
    Socket socket = from("127.0.0.1");
    write(socket, HEALTH);
    assertThat(statusLine(socket, Duration.ofSeconds(2))).isEqualTo("HTTP/1.1 200");

    write(socket, "GET /health HTTP/1.1\r\nHo");
    long closed = closedWithin(socket, Duration.ofSeconds(5));

    assertThat(closed)
        .as("the idle timeout is 30 s; the head deadline 0.8 s")
        .isBetween(0L, 3_000L);
  }

  @Test
  void requestsThatArriveInTime_neverCutByTheDeadline() throws Exception {
    start(CustosServer.options().requestHeadTimeout(Duration.ofMillis(500)));
    Socket socket = from("127.0.0.1");
    for (int i = 0; i < 5; i++) {
      write(socket, HEALTH);
      assertThat(statusLine(socket, Duration.ofSeconds(2))).isEqualTo("HTTP/1.1 200");
      socket.getInputStream().skipNBytes(socket.getInputStream().available());
    }
  }

  @Test
  void trustedProxy_exemptFromThePerClientBound() throws Exception {
    start(CustosServer.options().maxConnectionsPerClient(2).trustedProxies("127.0.0.1"));
    for (int i = 0; i < 5; i++) {
      Socket socket = from("127.0.0.1");
      write(socket, HEALTH);
      assertThat(statusLine(socket, Duration.ofSeconds(2)))
          .as("connection %d", i)
          .isEqualTo("HTTP/1.1 200");
    }
  }

  @Test
  void options_outOfRange_refused() {
    ServerOptions options = CustosServer.options();
    assertThatIllegalArgumentException().isThrownBy(() -> options.maxConnectionsPerClient(0));
    assertThatIllegalArgumentException().isThrownBy(() -> options.maxConnectionsPerClient(100_001));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> options.requestHeadTimeout(Duration.ofMillis(99)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> options.requestHeadTimeout(Duration.ofMinutes(10).plusMillis(1)));
  }
}
