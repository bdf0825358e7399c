package dev.custos.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background work of one {@link CustosRedis}, on two daemon threads: the revocation poll, and a
 * check of every data node whenever the nodes Custos talks to may have changed (a reconnect, as to
 * the master Sentinel promoted; a new cluster topology), so that a node that evicts keys is named
 * as soon as it can hold Custos's state, not at the next health check.
 */
final class Watchers implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CustosRedis.class);

  /** How often the topology is compared with the one last checked: a local read, no command. */
  static final Duration TOPOLOGY_POLL = Duration.ofSeconds(1);

  private final Link link;
  private final ScheduledExecutorService executor;
  private String checkedTopology;
  private volatile String nodeProblem;

  private Watchers(Link link) {
    this.link = link;
    this.executor =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "custos-redis-watch");
              t.setDaemon(true);
              return t;
            });
    // The nodes were checked at connect.
    this.checkedTopology = link.topology();
  }

  /** Starts the poll of revocations and of the topology. */
  static Watchers start(Link link, RevocationPoll poll, Duration pollInterval) {
    Watchers watchers = new Watchers(link);
    long every = pollInterval.toMillis();
    watchers.executor.scheduleWithFixedDelay(poll, every, every, TimeUnit.MILLISECONDS);
    long topology = TOPOLOGY_POLL.toMillis();
    watchers.executor.scheduleWithFixedDelay(
        watchers::checkIfTopologyChanged, topology, topology, TimeUnit.MILLISECONDS);
    return watchers;
  }

  private void checkIfTopologyChanged() {
    String topology = link.topology();
    if (Objects.equals(topology, checkedTopology)) {
      return;
    }
    try {
      link.checkNodes();
      checkedTopology = topology;
      if (nodeProblem != null) {
        log.info("every Redis node passes Custos's checks again");
      }
      nodeProblem = null;
    } catch (IllegalStateException e) {
      checkedTopology = topology;
      if (!e.getMessage().equals(nodeProblem)) {
        log.error("after a change of Redis nodes: {}", e.getMessage());
      }
      nodeProblem = e.getMessage();
    } catch (RuntimeException e) {
      // Not reachable yet: the next poll tries again.
    }
  }

  /** What the last check after a topology change found wrong, or null. */
  String nodeProblem() {
    return nodeProblem;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
