package io.snapsync.core.cluster;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.FunctionCall;
import io.snapsync.core.spi.SystemTable;
import io.vertx.core.Future;
import java.util.Arrays;
import java.util.List;

/**
 * {@code cluster_nodes}: name, role, address, is_local, state of every node of the cluster.
 * {@code is_local} marks the coordinator owning the querying session
 * ({@link FunctionCall#sessionNode()}), also when its statements run on a data node.
 */
public final class ClusterNodesTable implements SystemTable {

  private final ClusterMembership membership;

  public ClusterNodesTable(ClusterMembership membership) {
    this.membership = membership;
  }

  @Override
  public String name() {
    return "cluster_nodes";
  }

  @Override
  public List<Column> columns() {
    return List.of(new Column("name", DataType.TEXT), new Column("role", DataType.TEXT),
        new Column("address", DataType.TEXT), new Column("is_local", DataType.BOOL),
        new Column("state", DataType.TEXT));
  }

  @Override
  public Future<List<List<Object>>> rows(FunctionCall call) {
    String sessionNode = call.sessionNode();
    return membership.nodes().map(nodes -> nodes.stream()
        .map(n -> Arrays.<Object>asList(n.name(), n.role(), n.address(),
            n.name().equals(sessionNode), n.state()))
        .toList());
  }
}
