package io.snapsync.storage.impl;

import static io.snapsync.storage.impl.TestSupport.b;
import static io.snapsync.storage.impl.TestSupport.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.snapsync.storage.PreparedTransaction;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.snapsync.storage.StoreTransaction;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prepared record's formats: the attachment of format 2 and the records of format 1. */
class PreparedRecordTest {

  @TempDir
  Path dir;

  /** A record exactly as format 1 wrote it: one write, one lock key, no attachment. */
  private static byte[] formatOneRecord() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(PreparedRecord.FORMAT_WITHOUT_ATTACHMENT);
    out.writeUTF("old-gid");
    out.writeLong(42);
    out.writeLong(7);
    out.writeUTF("alice");
    out.writeLong(1_000);
    out.writeInt(1);
    out.writeInt(1);
    out.write(b("k"));
    out.writeBoolean(true);
    out.writeInt(1);
    out.write(b("v"));
    out.writeInt(1);
    out.writeInt(1);
    out.write(b("k"));
    out.flush();
    return bytes.toByteArray();
  }

  @Test
  void aRecordOfFormatOneStillReadsWithoutAnAttachment() throws Exception {
    PreparedRecord rec = PreparedRecord.decode(formatOneRecord());
    assertEquals("old-gid", rec.gid());
    assertEquals(42, rec.txid());
    assertEquals(7, rec.snapshotSeq());
    assertEquals("v", s(rec.writes().get(0).getValue()));
    assertEquals("k", s(rec.lockKeys().get(0)));
    assertNull(rec.attachment());
    assertEquals(new PreparedTransaction("old-gid", 42, "alice", 1_000), rec.describe());
  }

  @Test
  void theAttachmentSurvivesEncodingAndAReopen() throws Exception {
    PreparedRecord rec = PreparedRecord.decode(PreparedRecord.decode(formatOneRecord()).with(
        new byte[] {1, 2, 3}).encode());
    assertArrayEquals(new byte[] {1, 2, 3}, rec.attachment());
    try (Store store = Store.open(StoreOptions.defaults(dir).withSyncCommits(false))) {
      StoreTransaction tx = store.begin(store.latestSnapshot());
      tx.put(b("k"), b("v"));
      tx.prepare("with", "bob", new byte[] {9, 8});
      StoreTransaction plain = store.begin(store.latestSnapshot());
      plain.put(b("j"), b("w"));
      plain.prepare("without", "bob");
    }
    try (Store store = Store.open(StoreOptions.defaults(dir).withSyncCommits(false))) {
      List<PreparedTransaction> prepared = store.preparedTransactions();
      PreparedTransaction with = prepared.stream().filter(p -> p.gid().equals("with"))
          .findFirst().orElseThrow();
      PreparedTransaction without = prepared.stream().filter(p -> p.gid().equals("without"))
          .findFirst().orElseThrow();
      assertArrayEquals(new byte[] {9, 8}, with.attachment());
      assertNull(without.attachment());
      store.commitPrepared("with");
      StoreTransaction r = store.begin(store.latestSnapshot());
      assertEquals("v", s(r.get(b("k"))));
      r.rollback();
    }
  }
}
