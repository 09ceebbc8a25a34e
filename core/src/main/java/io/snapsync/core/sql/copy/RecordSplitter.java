package io.snapsync.core.sql.copy;

import io.snapsync.core.error.SnapsyncException;
import io.vertx.core.buffer.Buffer;
import java.util.Arrays;

/**
 * Cuts a COPY FROM byte stream into records (lines), as PostgreSQL reads them: a newline ends a
 * record unless it is escaped by a backslash (text) or inside quotes (CSV); a trailing
 * carriage return is dropped; a line {@code \.} ends the data. Chunk boundaries may fall
 * anywhere. Not thread-safe: one per COPY statement.
 */
final class RecordSplitter {

  /** A record: bytes {@code [0, length)} of {@code data} (valid until the next record). */
  interface Sink {
    void record(byte[] data, int length);
  }

  private final boolean csv;
  private final byte quote;
  private final byte escape;
  private byte[] buf = new byte[1024];
  private int len;
  private boolean inQuote;
  private boolean escaped;
  private boolean ended;
  private long records;

  RecordSplitter(CopyOptions o) {
    this.csv = o.csv();
    this.quote = (byte) o.quote();
    this.escape = (byte) o.escape();
  }

  /** Records completed so far (the current line number once one is being processed). */
  long records() {
    return records;
  }

  /** True once the end-of-data marker was read; later input is ignored. */
  boolean ended() {
    return ended;
  }

  void feed(Buffer chunk, Sink sink) {
    byte[] data = chunk.getBytes();
    for (int i = 0; i < data.length && !ended; i++) {
      byte b = data[i];
      if (b == '\n' && !inQuote && !escaped) {
        emit(sink);
        continue;
      }
      append(b);
      if (escaped) {
        escaped = false;
      } else if (csv) {
        if (inQuote && b == escape && escape != quote) {
          escaped = true;
        } else if (b == quote) {
          inQuote = !inQuote;
        }
      } else if (b == '\\') {
        escaped = true;
      }
    }
  }

  /** The end of the input: a last record without a newline, or 22P04 for an open quote. */
  void finish(Sink sink) {
    if (ended) {
      return;
    }
    if (inQuote) {
      records++;
      throw SnapsyncException.error(CopyErrors.BAD_COPY_FORMAT, "copy.unterminated_csv");
    }
    if (len > 0) {
      emit(sink);
    }
  }

  private void emit(Sink sink) {
    int n = len;
    len = 0;
    if (n > 0 && buf[n - 1] == '\r') {
      n--;
    }
    records++;
    if (n == 2 && buf[0] == '\\' && buf[1] == '.') {
      ended = true;
      return;
    }
    sink.record(buf, n);
  }

  private void append(byte b) {
    if (len == buf.length) {
      buf = Arrays.copyOf(buf, len * 2);
    }
    buf[len++] = b;
  }
}
