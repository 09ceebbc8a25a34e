package io.snapsync.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The launcher's logging (slf4j-simple, {@code simplelogger.properties}). */
class LauncherLoggingTest {

  @Test
  void aDepartingClientsRefusedReconnectIsNoWarning() {
    // Hazelcast logs "Removing connection to endpoint ... Connection refused" here whenever a
    // service's Vert.x leaves the cluster (seen in ClusteredRequestLimitsTest's output).
    assertFalse(LoggerFactory.getLogger(
        "com.hazelcast.internal.server.tcp.TcpServerConnectionErrorHandler").isWarnEnabled());
    assertTrue(LoggerFactory.getLogger("com.hazelcast.instance.impl.Node").isWarnEnabled(),
        "other Hazelcast warnings still show");
  }
}
