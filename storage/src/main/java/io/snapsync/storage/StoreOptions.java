package io.snapsync.storage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * How to open a {@link Store}.
 *
 * @param directory the data directory (created if missing)
 * @param syncCommits sync the write-ahead log on every commit (default true: a committed
 *     transaction survives kill -9)
 * @param lockTimeoutMillis how long a row lock waits before LOCK_TIMEOUT (0: forever)
 * @param kvSpaces names of the unversioned key spaces to open besides the MVCC data
 * @param clock time source for pin ages and statistics
 */
public record StoreOptions(
    Path directory, boolean syncCommits, long lockTimeoutMillis, List<String> kvSpaces,
    Clock clock) {

  public static StoreOptions defaults(Path directory) {
    return new StoreOptions(directory, true, 0, List.of(), Clock.systemUTC());
  }

  public StoreOptions withKvSpaces(List<String> names) {
    return new StoreOptions(directory, syncCommits, lockTimeoutMillis, names, clock);
  }

  public StoreOptions withSyncCommits(boolean sync) {
    return new StoreOptions(directory, sync, lockTimeoutMillis, kvSpaces, clock);
  }

  public StoreOptions withLockTimeoutMillis(long millis) {
    return new StoreOptions(directory, syncCommits, millis, kvSpaces, clock);
  }

  public StoreOptions withClock(Clock c) {
    return new StoreOptions(directory, syncCommits, lockTimeoutMillis, kvSpaces, c);
  }
}
