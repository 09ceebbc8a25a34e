package io.snapsync.storage.impl;

import io.snapsync.storage.StorageException;
import io.snapsync.storage.StorageException.Kind;
import io.snapsync.storage.StoreOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Statistics;
import org.rocksdb.TickerType;
import org.rocksdb.WriteOptions;

/** The native objects of one open database, opened and closed in a fixed order. */
final class RocksHandles implements AutoCloseable {

  static final String MVCC = "mvcc";
  static final String PREPARED = "prepared";

  /** The data directory, for error messages. */
  final String path;
  final Statistics statistics;
  final DBOptions dbOptions;
  final ColumnFamilyOptions cfOptions;
  final WriteOptions commitWrite;
  final WriteOptions syncWrite;
  final WriteOptions plainWrite;
  final RocksDB db;
  final ColumnFamilyHandle meta;
  final ColumnFamilyHandle mvcc;
  final ColumnFamilyHandle prepared;
  private final Map<String, ColumnFamilyHandle> byName;
  private final List<ColumnFamilyHandle> all;

  private RocksHandles(String path, Statistics statistics, DBOptions dbOptions,
      ColumnFamilyOptions cfOptions, WriteOptions commitWrite, WriteOptions syncWrite,
      WriteOptions plainWrite, RocksDB db,
      Map<String, ColumnFamilyHandle> byName, List<ColumnFamilyHandle> all) {
    this.path = path;
    this.statistics = statistics;
    this.dbOptions = dbOptions;
    this.cfOptions = cfOptions;
    this.commitWrite = commitWrite;
    this.syncWrite = syncWrite;
    this.plainWrite = plainWrite;
    this.db = db;
    this.byName = byName;
    this.all = all;
    this.meta = byName.get("default");
    this.mvcc = byName.get(MVCC);
    this.prepared = byName.get(PREPARED);
  }

  static RocksHandles open(StoreOptions options) {
    String path = options.directory().toAbsolutePath().toString();
    Statistics statistics = new Statistics();
    DBOptions dbOptions = new DBOptions()
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        .setStatistics(statistics)
        .setMaxBackgroundJobs(2)
        .setKeepLogFileNum(4);
    ColumnFamilyOptions cfOptions = new ColumnFamilyOptions()
        .setTableFormatConfig(new BlockBasedTableConfig().setBlockSize(16 * 1024));
    WriteOptions commitWrite = new WriteOptions().setSync(options.syncCommits());
    WriteOptions syncWrite = new WriteOptions().setSync(true);
    WriteOptions plainWrite = new WriteOptions();
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      Set<String> names = new LinkedHashSet<>(List.of("default", MVCC, PREPARED));
      names.addAll(options.kvSpaces());
      names.addAll(existingFamilies(options, path));
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (String n : names) {
        descriptors.add(new ColumnFamilyDescriptor(n.getBytes(StandardCharsets.UTF_8),
            cfOptions));
      }
      RocksDB db = RocksDB.open(dbOptions, path, descriptors, handles);
      Map<String, ColumnFamilyHandle> byName = new LinkedHashMap<>();
      int i = 0;
      for (String n : names) {
        byName.put(n, handles.get(i++));
      }
      return new RocksHandles(path, statistics, dbOptions, cfOptions, commitWrite, syncWrite,
          plainWrite, db, byName, handles);
    } catch (RocksDBException e) {
      for (ColumnFamilyHandle handle : handles) {
        handle.close();
      }
      plainWrite.close();
      syncWrite.close();
      commitWrite.close();
      cfOptions.close();
      dbOptions.close();
      statistics.close();
      throw RocksStore.io("open RocksDB at " + path, e);
    }
  }

  private static List<String> existingFamilies(StoreOptions options, String path)
      throws RocksDBException {
    if (!Files.exists(options.directory().resolve("CURRENT"))) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try (Options o = new Options()) {
      for (byte[] n : RocksDB.listColumnFamilies(o, path)) {
        out.add(new String(n, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  ColumnFamilyHandle space(String name) {
    ColumnFamilyHandle handle = byName.get(name);
    if (handle == null) {
      throw new StorageException(Kind.IO, "column family " + name + " not opened");
    }
    return handle;
  }

  /** RocksDB tickers and properties by stable names (see the storage README table). */
  Map<String, Long> rocksdbStats() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("bytes_read", statistics.getTickerCount(TickerType.BYTES_READ));
    m.put("bytes_written", statistics.getTickerCount(TickerType.BYTES_WRITTEN));
    m.put("keys_read", statistics.getTickerCount(TickerType.NUMBER_KEYS_READ));
    m.put("keys_written", statistics.getTickerCount(TickerType.NUMBER_KEYS_WRITTEN));
    m.put("iter_bytes_read", statistics.getTickerCount(TickerType.ITER_BYTES_READ));
    m.put("block_cache_hit", statistics.getTickerCount(TickerType.BLOCK_CACHE_HIT));
    m.put("block_cache_miss", statistics.getTickerCount(TickerType.BLOCK_CACHE_MISS));
    m.put("write_done_by_self", statistics.getTickerCount(TickerType.WRITE_DONE_BY_SELF));
    m.put("write_done_by_other", statistics.getTickerCount(TickerType.WRITE_DONE_BY_OTHER));
    m.put("compaction_bytes_read", statistics.getTickerCount(TickerType.COMPACT_READ_BYTES));
    m.put("compaction_bytes_written",
        statistics.getTickerCount(TickerType.COMPACT_WRITE_BYTES));
    m.put("estimate_num_keys", sumProperty("rocksdb.estimate-num-keys"));
    m.put("memtable_bytes", sumProperty("rocksdb.cur-size-all-mem-tables"));
    m.put("sst_bytes", sumProperty("rocksdb.total-sst-files-size"));
    m.put("running_compactions", property(meta, "rocksdb.num-running-compactions"));
    return m;
  }

  private long sumProperty(String name) {
    long sum = 0;
    for (ColumnFamilyHandle handle : all) {
      sum += property(handle, name);
    }
    return sum;
  }

  private long property(ColumnFamilyHandle handle, String name) {
    try {
      return db.getLongProperty(handle, name);
    } catch (RocksDBException e) {
      return 0;
    }
  }

  /** Column family handles, then the DB, then options, then statistics. */
  @Override
  public void close() {
    for (ColumnFamilyHandle handle : all) {
      handle.close();
    }
    db.close();
    plainWrite.close();
    syncWrite.close();
    commitWrite.close();
    cfOptions.close();
    dbOptions.close();
    statistics.close();
  }
}
