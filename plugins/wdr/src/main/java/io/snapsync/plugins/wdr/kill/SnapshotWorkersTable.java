package io.snapsync.plugins.wdr.kill;

import io.snapsync.core.cluster.ClusterMembership;
import io.snapsync.core.cluster.ClusterNode;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.FunctionCall;
import io.snapsync.core.spi.SystemTable;
import io.snapsync.plugins.wdr.api.WdrService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code snapshot_workers}: each live coordinator's snapshot worker state ({@code STARTING},
 * {@code RUNNING}, {@code STOPPING}, {@code STOPPED}, or {@code UNREACHABLE} when its node does
 * not answer within 5 s), asked over the worker control addresses. {@code is_local} marks the
 * coordinator owning the querying session ({@link FunctionCall#sessionNode()}).
 */
public final class SnapshotWorkersTable implements SystemTable {

  /** How long a coordinator has to report its worker state before it shows UNREACHABLE. */
  private static final long STATE_TIMEOUT_MILLIS = 5000;

  private final Vertx vertx;
  private final Supplier<ClusterMembership> membership;

  public SnapshotWorkersTable(Vertx vertx, Supplier<ClusterMembership> membership) {
    this.vertx = vertx;
    this.membership = membership;
  }

  @Override
  public String name() {
    return "snapshot_workers";
  }

  @Override
  public List<Column> columns() {
    return List.of(new Column("node", DataType.TEXT), new Column("role", DataType.TEXT),
        new Column("address", DataType.TEXT), new Column("is_local", DataType.BOOL),
        new Column("state", DataType.TEXT));
  }

  @Override
  public Future<List<List<Object>>> rows(FunctionCall call) {
    ClusterMembership m = membership.get();
    if (m == null) {
      return Future.succeededFuture(List.of());
    }
    return m.liveCoordinators().compose(nodes -> {
      String sessionNode = call.sessionNode();
      List<Future<List<Object>>> rows = nodes.stream().map(n -> row(n, sessionNode)).toList();
      return Future.join(rows).map(x -> rows.stream().map(Future::result).toList());
    });
  }

  private Future<List<Object>> row(ClusterNode n, String sessionNode) {
    return io.snapsync.core.cluster.ClusterTrust.forVertx(vertx).<JsonObject>request(vertx,
            WdrService.CONTROL_ADDRESS_PREFIX + n.name(),
            new JsonObject().put("action", "state"),
            new DeliveryOptions().setSendTimeout(STATE_TIMEOUT_MILLIS))
        .map(r -> r.body().getString("state"))
        .otherwise("UNREACHABLE")
        .map(state -> Arrays.<Object>asList(n.name(), n.role(), n.address(),
            n.name().equals(sessionNode), state));
  }
}
