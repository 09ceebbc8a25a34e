package io.snapsync.core.sql.copy;

import io.snapsync.core.session.CopyChannel;
import io.snapsync.core.sql.Database;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where COPY FROM data comes from: the client (STDIN) or a server file. */
interface ChunkSource {

  /** The next chunk, null at the end. */
  Future<Buffer> next();

  /** Releases what the source holds (blocking work runs on the database's pool). */
  default void close() {
  }

  static ChunkSource of(CopyChannel channel) {
    return channel::read;
  }

  /** Opens {@code path} for reading; 58P01 if it does not exist. Blocking. */
  static ChunkSource file(Database db, String path) {
    InputStream in;
    try {
      in = Files.newInputStream(Path.of(path));
    } catch (NoSuchFileException e) {
      throw FileErrors.open(path, "copy.file_read", e);
    } catch (IOException e) {
      throw FileErrors.open(path, "copy.file_read", e);
    }
    return new ChunkSource() {
      @Override
      public Future<Buffer> next() {
        return db.blocking(() -> {
          byte[] b = in.readNBytes(64 * 1024);
          return b.length == 0 ? null : Buffer.buffer(b);
        });
      }

      @Override
      public void close() {
        db.blocking(() -> {
          in.close();
          return null;
        });
      }
    };
  }
}
