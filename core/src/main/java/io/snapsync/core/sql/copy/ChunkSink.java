package io.snapsync.core.sql.copy;

import io.snapsync.core.session.CopyChannel;
import io.snapsync.core.sql.Database;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where COPY TO data goes: the client (STDOUT) or a server file. */
interface ChunkSink {

  /** Writes a chunk; completes when more may be written. */
  Future<Void> write(Buffer chunk);

  /** Flushes and releases the sink. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }

  static ChunkSink of(CopyChannel channel) {
    return channel::write;
  }

  /** Creates (or truncates) {@code path} for writing. Blocking. */
  static ChunkSink file(Database db, String path) {
    OutputStream out;
    try {
      out = Files.newOutputStream(Path.of(path));
    } catch (IOException e) {
      throw FileErrors.open(path, "copy.file_write", e);
    }
    return new ChunkSink() {
      @Override
      public Future<Void> write(Buffer chunk) {
        return db.blocking(() -> {
          out.write(chunk.getBytes());
          return null;
        });
      }

      @Override
      public Future<Void> close() {
        return db.blocking(() -> {
          out.close();
          return null;
        });
      }
    };
  }
}
