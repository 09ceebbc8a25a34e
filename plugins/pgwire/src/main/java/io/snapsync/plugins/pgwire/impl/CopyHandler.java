package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.CopyChannel;
import io.snapsync.plugins.pgwire.impl.codec.CopyData;
import io.snapsync.plugins.pgwire.impl.codec.CopyDone;
import io.snapsync.plugins.pgwire.impl.codec.CopyFail;
import io.snapsync.plugins.pgwire.impl.codec.CopyResponse;
import io.snapsync.plugins.pgwire.impl.codec.Flush;
import io.snapsync.plugins.pgwire.impl.codec.FrontendMessage;
import io.snapsync.plugins.pgwire.impl.codec.Sync;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;

/**
 * The COPY sub-protocol of one connection, as the session's {@link CopyChannel}: CopyInResponse
 * then the client's CopyData / CopyDone / CopyFail (taken ahead of the message queue while a
 * COPY FROM STDIN runs; Flush and Sync ignored, as PostgreSQL does), CopyOutResponse then
 * CopyData chunks and CopyDone. Input beyond {@value #PAUSE_BYTES} bytes not yet read pauses the
 * socket. State is confined to the connection's event loop; the session calls from anywhere.
 */
final class CopyHandler implements CopyChannel {

  static final int PAUSE_BYTES = 1 << 20;

  private enum State { IDLE, IN, OUT }

  private final PgConnection conn;
  private final ArrayDeque<Buffer> queue = new ArrayDeque<>();
  private State state = State.IDLE;
  private long queued;
  private boolean clientDone;
  private boolean paused;
  private SnapsyncException failure;
  private Promise<Buffer> waiting;

  CopyHandler(PgConnection conn) {
    this.conn = conn;
  }

  /**
   * Takes a client message while a COPY FROM STDIN runs; false when it is not a copy message
   * (the copy then fails with 08P01 and the message goes to the queue as usual).
   */
  boolean offer(FrontendMessage m) {
    if (state != State.IN) {
      return false;
    }
    if ((clientDone || failure != null) && !ignoredOutsideCopy(m)) {
      // after CopyDone or a failure the client has left copy-in mode: its Sync (pgjdbc sends
      // it right after CopyDone) is an ordinary message, answered once the COPY completes
      return false;
    }
    if (m instanceof CopyData d) {
      if (!clientDone && failure == null) {
        queue.add(d.data());
        queued += d.data().length();
        if (queued > PAUSE_BYTES && !paused) {
          paused = true;
          conn.pauseInput();
        }
      }
    } else if (m instanceof CopyDone) {
      clientDone = true;
    } else if (m instanceof CopyFail f) {
      fail(SnapsyncException.error(SqlState.QUERY_CANCELED, "copy.stdin_failed", f.message()));
    } else if (m != Flush.INSTANCE && m != Sync.INSTANCE) {
      fail(SnapsyncException.error(SqlState.PROTOCOL_VIOLATION, "pgwire.copy_unexpected"));
      return false;
    }
    wake();
    return true;
  }

  /**
   * CopyData, CopyDone and CopyFail outside a COPY FROM STDIN are dropped, as PostgreSQL does
   * (the client may still be sending after the COPY failed).
   */
  static boolean ignoredOutsideCopy(FrontendMessage m) {
    return m instanceof CopyData || m == CopyDone.INSTANCE || m instanceof CopyFail;
  }

  /** The connection is gone: a waiting COPY FROM fails. */
  void connectionLost() {
    if (state == State.IN) {
      fail(SnapsyncException.error(SqlState.CONNECTION_FAILURE, "pgwire.copy_connection_lost"));
      wake();
    }
  }

  private void fail(SnapsyncException e) {
    if (failure == null) {
      failure = e;
    }
  }

  private void wake() {
    Promise<Buffer> p = waiting;
    if (p != null && (failure != null || clientDone || !queue.isEmpty())) {
      waiting = null;
      deliver(p);
    }
  }

  private void deliver(Promise<Buffer> p) {
    if (failure != null) {
      p.fail(failure);
      return;
    }
    if (queue.isEmpty()) {
      p.complete(null);
      return;
    }
    Buffer all = queue.size() == 1 ? queue.poll() : Buffer.buffer((int) queued);
    while (!queue.isEmpty()) {
      all.appendBuffer(queue.poll());
    }
    queued = 0;
    if (paused) {
      paused = false;
      conn.resumeInput();
    }
    p.complete(all);
  }

  @Override
  public Future<Void> startIn(boolean binary, int columns) {
    Promise<Void> p = Promise.promise();
    conn.onContext(() -> {
      state = State.IN;
      queue.clear();
      queued = 0;
      clientDone = false;
      failure = null;
      conn.send(CopyResponse.in(binary, columns));
      conn.flush();
      p.complete();
    });
    return p.future();
  }

  @Override
  public Future<Buffer> read() {
    Promise<Buffer> p = Promise.promise();
    conn.onContext(() -> {
      if (failure != null || clientDone || !queue.isEmpty()) {
        deliver(p);
      } else {
        waiting = p;
      }
    });
    return p.future();
  }

  @Override
  public Future<Void> startOut(boolean binary, int columns) {
    Promise<Void> p = Promise.promise();
    conn.onContext(() -> {
      state = State.OUT;
      conn.send(CopyResponse.out(binary, columns));
      p.complete();
    });
    return p.future();
  }

  @Override
  public Future<Void> write(Buffer chunk) {
    Promise<Void> p = Promise.promise();
    conn.onContext(() -> {
      conn.send(new CopyData(chunk));
      conn.whenWritable().onComplete(p);
    });
    return p.future();
  }

  @Override
  public void end(boolean succeeded) {
    conn.onContext(() -> {
      if (state == State.OUT && succeeded) {
        conn.send(CopyDone.INSTANCE);
      }
      state = State.IDLE;
      queue.clear();
      queued = 0;
      waiting = null;
      if (paused) {
        paused = false;
        conn.resumeInput();
      }
    });
  }
}
