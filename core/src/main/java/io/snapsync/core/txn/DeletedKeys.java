package io.snapsync.core.txn;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;

/**
 * The keys one transaction deleted, for the writer's primary-key and uniqueness checks: a key
 * committed before the snapshot but deleted by this transaction is free again. Lives as long
 * as the transaction ({@link TransactionBlock} clears it at the end).
 */
public final class DeletedKeys {

  private Set<ByteBuffer> keys;

  /** Records that the transaction deleted {@code key}. */
  public void add(byte[] key) {
    if (keys == null) {
      keys = new HashSet<>();
    }
    keys.add(ByteBuffer.wrap(key));
  }

  /** True when the transaction deleted {@code key}. */
  public boolean contains(byte[] key) {
    return keys != null && keys.contains(ByteBuffer.wrap(key));
  }

  /** Forgets every key (the transaction ended). */
  public void clear() {
    keys = null;
  }
}
