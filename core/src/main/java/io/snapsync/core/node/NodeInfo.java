package io.snapsync.core.node;

/**
 * Who this node is in the cluster.
 *
 * @param name unique node name from the configuration
 * @param coordinator accepts sessions and runs the snapshot worker
 * @param dataNode holds the database in RocksDB (the embedded default is both)
 */
public record NodeInfo(String name, boolean coordinator, boolean dataNode) {

  public String roleName() {
    return coordinator && dataNode ? "coordinator+datanode" : coordinator ? "coordinator" : "datanode";
  }
}
