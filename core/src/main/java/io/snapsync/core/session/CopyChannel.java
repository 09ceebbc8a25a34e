package io.snapsync.core.session;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * Where a session's {@code COPY ... FROM STDIN} reads its data and {@code COPY ... TO STDOUT}
 * writes it: the client side of the COPY sub-protocol (pgwire implements it per connection).
 * Set with {@link Session#copyChannel}; without one, COPY with STDIN/STDOUT fails with 0A000.
 *
 * <p>For one COPY statement the session calls {@link #startIn} then {@link #read} until it
 * returns null, or {@link #startOut} then {@link #write} per chunk; then {@link #end} exactly
 * once, whether the statement succeeded or not. Calls come from any thread, one at a time;
 * returned futures may complete on any thread. Never blocks.
 */
public interface CopyChannel {

  /** A COPY FROM STDIN starts: ask the client for data ({@code columns} fields a row). */
  Future<Void> startIn(boolean binary, int columns);

  /**
   * The next chunk of the client's data, null once it has sent all (CopyDone). Fails with
   * 57014 {@code COPY from stdin failed: <message>} when the client gives up (CopyFail) or
   * with 08006 when the connection is lost.
   */
  Future<Buffer> read();

  /** A COPY TO STDOUT starts: tell the client rows follow ({@code columns} fields a row). */
  Future<Void> startOut(boolean binary, int columns);

  /** Sends a chunk of rows; completes when the client can take more (backpressure). */
  Future<Void> write(Buffer chunk);

  /**
   * The COPY statement is over: after a COPY TO that succeeded the client is told the data is
   * complete; after a COPY FROM, data still arriving from the client is discarded.
   */
  void end(boolean succeeded);
}
