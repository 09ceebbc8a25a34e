package io.snapsync.plugins.wdr.api;

/** Life cycle of a coordinator's snapshot worker. */
public enum WorkerState {
  /** Deploying (node starting or restart after a kill). */
  STARTING,
  /** Accepting requests. */
  RUNNING,
  /** Stop requested; finishing the snapshot in progress. */
  STOPPING,
  /** Not running (killed, or this node is not a coordinator). */
  STOPPED
}
