package io.snapsync.core.settings.impl;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code <data dir>/snapsync.auto.conf.json}: the {@code ALTER SYSTEM} values, like
 * PostgreSQL's {@code postgresql.auto.conf}. A JSON object of name to canonical text, written
 * atomically (temp file then rename). Blocking; thread-safe.
 */
final class AutoConfFile {

  static final String FILE_NAME = "snapsync.auto.conf.json";

  private final Path path;

  AutoConfFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  synchronized Map<String, String> read() {
    Map<String, String> m = new TreeMap<>();
    if (!Files.exists(path)) {
      return m;
    }
    try {
      JsonObject j = new JsonObject(Files.readString(path, StandardCharsets.UTF_8));
      j.forEach(e -> m.put(e.getKey(), String.valueOf(e.getValue())));
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    } catch (DecodeException e) {
      throw new io.snapsync.core.config.ConfigException(path.toString(), "(file)",
          "not a JSON object: " + e.getMessage());
    }
  }

  /** Sets ({@code value != null}) or removes a name. */
  synchronized void update(String name, String value) {
    Map<String, String> m = read();
    m.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    if (value != null) {
      m.put(name, value);
    }
    JsonObject j = new JsonObject();
    m.forEach(j::put);
    try {
      Files.createDirectories(path.getParent());
      Path tmp = path.resolveSibling(FILE_NAME + ".tmp");
      Files.writeString(tmp, j.encodePrettily(), StandardCharsets.UTF_8);
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }
}
