package dev.custos.server;

import dev.custos.authz.SourceIps;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SelectableChannelEndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two bounds Jetty leaves to its users, so that one client cannot take the whole server: how many
 * connections one client address may hold open, and how long a connection may take to send a
 * complete request head (from its opening, or from the end of its previous exchange).
 *
 * <p>A connection over the per-address bound is closed as soon as it opens (connections open
 * concurrently, so of several opened at once any may be the one over); one that has not sent a
 * whole request head by its deadline is closed then. Addresses of trusted proxies are exempt from
 * the per-address bound (every client behind them shares their address), not from the deadline. The
 * bounds apply to network connections: the HTTP connection inside a TLS one is the same socket.
 * Thread-safe.
 */
final class ConnectionGuard implements Connection.Listener {
  private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);

  private final int perClient;
  private final Duration headTimeout;
  private final SourceIps exempt;
  private final Scheduler scheduler;
  private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();
  private final Map<EndPoint, Socket> sockets = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong timedOut = new AtomicLong();

  /**
   * @param perClient connections one address may hold open
   * @param headTimeout how long a request head may take
   * @param exempt trusted proxies, not bound per address; null for none
   * @param scheduler the connector's scheduler, for the deadlines
   */
  ConnectionGuard(int perClient, Duration headTimeout, SourceIps exempt, Scheduler scheduler) {
    this.perClient = perClient;
    this.headTimeout = headTimeout;
    this.exempt = exempt;
    this.scheduler = scheduler;
  }

  @Override
  public void onOpened(Connection connection) {
    EndPoint endPoint = connection.getEndPoint();
    if (!(endPoint instanceof SelectableChannelEndPoint)) {
      return; // an HTTP connection inside TLS: its socket was counted when it opened
    }
    InetAddress client = address(endPoint.getRemoteSocketAddress());
    boolean bounded = client != null && (exempt == null || !exempt.allows(client));
    // Remembered with its address (gone by the time it closes), counted even when refused:
    // onClosed takes every socket it remembers off again.
    Socket socket = new Socket(endPoint, bounded ? client : null);
    sockets.put(endPoint, socket);
    if (bounded && open.merge(client, 1, Integer::sum) > perClient) {
      if (refused.getAndIncrement() % 1_000 == 0) {
        log.warn("a client holds {} connections already: new ones are closed", perClient);
      }
      endPoint.close();
      return;
    }
    socket.awaitHead();
  }

  @Override
  public void onClosed(Connection connection) {
    Socket socket = sockets.remove(connection.getEndPoint());
    if (socket == null) {
      return;
    }
    socket.headArrived();
    if (socket.client != null) {
      open.computeIfPresent(socket.client, (address, count) -> count <= 1 ? null : count - 1);
    }
  }

  /**
   * A request head has arrived: its connection's deadline is off until the exchange ends, when the
   * next head's begins.
   *
   * @param request the request whose head arrived
   */
  void headArrived(Request request) {
    Socket socket = sockets.get(socketOf(request.getConnectionMetaData().getConnection()));
    if (socket != null) {
      socket.headArrived();
      Request.addCompletionListener(request, failure -> socket.awaitHead());
    }
  }

  /** One network connection: the address it counts against, and its head deadline if one runs. */
  private final class Socket implements Runnable {
    private final EndPoint endPoint;
    private final InetAddress client;
    private Scheduler.Task deadline;

    Socket(EndPoint endPoint, InetAddress client) {
      this.endPoint = endPoint;
      this.client = client;
    }

    synchronized void awaitHead() {
      if (endPoint.isOpen() && deadline == null) {
        deadline = scheduler.schedule(this, headTimeout);
      }
    }

    synchronized void headArrived() {
      if (deadline != null) {
        deadline.cancel();
        deadline = null;
      }
    }

    /** The deadline passed with no whole head: closed, unless the head came meanwhile. */
    @Override
    public void run() {
      synchronized (this) {
        if (deadline == null) {
          return;
        }
        deadline = null;
      }
      if (timedOut.getAndIncrement() % 1_000 == 0) {
        log.info("closed a connection that sent no whole request head in {}", headTimeout);
      }
      endPoint.close();
    }
  }

  /** The network endpoint of a connection, under any wrapping (TLS). */
  private static EndPoint socketOf(Connection connection) {
    EndPoint current = connection.getEndPoint();
    while (current instanceof EndPoint.Wrapper wrapper) {
      current = wrapper.unwrap();
    }
    return current;
  }

  private static InetAddress address(SocketAddress remote) {
    return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
  }
}
