package io.snapsync.plugins.wdr.api;

import io.vertx.core.Future;
import java.util.List;

/**
 * The WDR of this node, registered as a node service ({@code ctx.service(WdrService.class)})
 * for SQL functions, the console and {@code kill_snapshot}. Thread-safe; every method returns
 * at once and completes its future later.
 */
public interface WdrService {

  /**
   * Event-bus address answering report requests: {@link ReportRequest#toJson()} in, report JSON
   * (plus {@code html}) out.
   */
  String REPORT_ADDRESS = "snapsync.wdr.report";

  /** Event-bus address on which a new snapshot header is published (console live view). */
  String SNAPSHOTS_ADDRESS = "snapsync.wdr.snapshots";

  /**
   * Event-bus address on which every worker state change is published: {@code {node, state}}
   * (console live view).
   */
  String WORKERS_ADDRESS = "snapsync.wdr.workers";

  /**
   * Per-node control address ({@code CONTROL_ADDRESS_PREFIX + nodeName}) of a coordinator's
   * worker, for the console and cluster-wide {@code kill_snapshot}: body {@code {action:
   * "state" | "stop" | "start"}}, reply {@code {node, state}} once done (a stop waits for the
   * worker to stop).
   */
  String CONTROL_ADDRESS_PREFIX = "snapsync.wdr.control.";

  /**
   * Queues a manual snapshot request to this coordinator's worker. Fails with the SPEC's
   * {@code SnapsyncException}s: worker not running (55000), request not queued (XX000).
   * The returned handle completes its {@link SnapshotRequest#outcome()} once recorded.
   */
  Future<SnapshotRequest> requestSnapshot(String requestedBy);

  /** This node's worker state ({@link WorkerState#STOPPED} on a data node). */
  WorkerState workerState();

  /** Stops the local worker (waits for a snapshot in progress); succeeds if already stopped. */
  Future<Void> stopWorker();

  /** Starts the local worker now (ignores the restart delay); succeeds if running. */
  Future<Void> startWorker();

  /** Stored snapshots, oldest first. */
  Future<List<SnapshotInfo>> listSnapshots();

  /** Recorded request outcomes, oldest first. */
  Future<List<RequestOutcome>> requests();

  /** Builds a report; fails with the SPEC's messages for invalid arguments. */
  Future<WdrReport> report(ReportRequest request);

  /**
   * Keeps snapshots {@code begin..end} from retention under {@code name}. Fails 22023
   * (snapshot id is invalid) for ids not stored or out of order, 42710 if the name exists.
   */
  Future<Void> createBaseline(String name, long beginSnapshotId, long endSnapshotId);

  /** Removes a baseline (its snapshots become subject to retention); 42704 if unknown. */
  Future<Void> dropBaseline(String name);

  /** Baselines, by name. */
  Future<List<Baseline>> baselines();

  /**
   * Compares two ranges (same type, scope and node; each validated as {@link #report}): load
   * profile, statements and waits side by side with the change.
   */
  Future<WdrReport> diffReport(ReportRequest first, ReportRequest second);

  /**
   * The single-statement report of one statement id (as in the report's {@code statement_id}
   * column) over the range of {@code request} (its type is ignored): calls, time, rows, its
   * trend over the snapshots in the range. 22023 when the statement did not run in it.
   */
  Future<WdrReport> sqlReport(ReportRequest request, String statementId);

  /** Snapshots {@code begin..end} as one JSON document (for {@link #importSnapshots}). */
  Future<String> exportSnapshots(long beginSnapshotId, long endSnapshotId);

  /**
   * Stores the snapshots of an export under new ids (trigger {@code imported}, kept by
   * retention); the new ids, oldest first. 22023 when the text is not an export.
   */
  Future<List<Long>> importSnapshots(String exportJson);

  /** A queued request. */
  interface SnapshotRequest {

    /** Completes with the recorded outcome (taken/merged/failed). */
    Future<RequestOutcome> outcome();
  }
}
