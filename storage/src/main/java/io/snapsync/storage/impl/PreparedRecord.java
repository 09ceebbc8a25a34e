package io.snapsync.storage.impl;

import io.snapsync.storage.PreparedTransaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A prepared transaction as persisted in the {@code prepared} column family (key: the gid in
 * UTF-8). Writes hold the final value of each key ({@code null}: delete), in key order. Format
 * 2 adds the transaction layer's attachment after the lock keys; format 1 records (written
 * before it) still read, without one.
 */
record PreparedRecord(String gid, long txid, long snapshotSeq, String owner, long preparedAt,
    List<Map.Entry<byte[], byte[]>> writes, List<byte[]> lockKeys, byte[] attachment) {

  static final int FORMAT_WITHOUT_ATTACHMENT = 1;
  private static final int FORMAT = 2;

  static PreparedRecord of(String gid, long txid, long snapshotSeq, String owner,
      long preparedAt, NavigableMap<byte[], byte[]> overlay, List<byte[]> lockKeys,
      byte[] attachment) {
    List<Map.Entry<byte[], byte[]>> writes = new ArrayList<>();
    for (Map.Entry<byte[], byte[]> e : overlay.entrySet()) {
      byte[] v = e.getValue() == RocksTransaction.DELETED ? null : e.getValue();
      writes.add(new java.util.AbstractMap.SimpleImmutableEntry<>(e.getKey(), v));
    }
    return new PreparedRecord(gid, txid, snapshotSeq, owner, preparedAt, writes, lockKeys,
        attachment);
  }

  /** This record with {@code other} as its attachment. */
  PreparedRecord with(byte[] other) {
    return new PreparedRecord(gid, txid, snapshotSeq, owner, preparedAt, writes, lockKeys, other);
  }

  PreparedTransaction describe() {
    return new PreparedTransaction(gid, txid, owner, preparedAt, attachment);
  }

  byte[] key() {
    return gid.getBytes(StandardCharsets.UTF_8);
  }

  byte[] encode() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(FORMAT);
      out.writeUTF(gid);
      out.writeLong(txid);
      out.writeLong(snapshotSeq);
      out.writeUTF(owner == null ? "" : owner);
      out.writeLong(preparedAt);
      out.writeInt(writes.size());
      for (Map.Entry<byte[], byte[]> w : writes) {
        writeBytes(out, w.getKey());
        out.writeBoolean(w.getValue() != null);
        if (w.getValue() != null) {
          writeBytes(out, w.getValue());
        }
      }
      out.writeInt(lockKeys.size());
      for (byte[] k : lockKeys) {
        writeBytes(out, k);
      }
      out.writeBoolean(attachment != null);
      if (attachment != null) {
        writeBytes(out, attachment);
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PreparedRecord decode(byte[] data) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
    int format = in.readUnsignedByte();
    if (format != FORMAT && format != FORMAT_WITHOUT_ATTACHMENT) {
      throw new IOException("unknown prepared record format " + format);
    }
    String gid = in.readUTF();
    long txid = in.readLong();
    long snapshotSeq = in.readLong();
    String owner = in.readUTF();
    long preparedAt = in.readLong();
    int n = in.readInt();
    List<Map.Entry<byte[], byte[]>> writes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] k = readBytes(in);
      byte[] v = in.readBoolean() ? readBytes(in) : null;
      writes.add(new java.util.AbstractMap.SimpleImmutableEntry<>(k, v));
    }
    int m = in.readInt();
    List<byte[]> locks = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      locks.add(readBytes(in));
    }
    byte[] attachment = format != FORMAT_WITHOUT_ATTACHMENT && in.readBoolean()
        ? readBytes(in) : null;
    return new PreparedRecord(gid, txid, snapshotSeq, owner, preparedAt, writes, locks,
        attachment);
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return b;
  }
}
