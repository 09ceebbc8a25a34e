package io.snapsync.storage.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyCodecTest {

  private static byte[] randomKey(Random r) {
    byte[] k = new byte[r.nextInt(6)];
    for (int i = 0; i < k.length; i++) {
      // Mostly the interesting bytes: 0x00, 0x01, 0xFF.
      int pick = r.nextInt(4);
      k[i] = (byte) (pick == 0 ? 0 : pick == 1 ? 1 : pick == 2 ? 0xFF : r.nextInt(256));
    }
    return k;
  }

  @Test
  void encodingRoundTripsAndKeepsKeyOrderThenNewestFirst() {
    Random r = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      byte[] a = randomKey(r);
      byte[] b = randomKey(r);
      long sa = 1 + r.nextInt(1000);
      long sb = 1 + r.nextInt(1000);
      byte[] ea = KeyCodec.encode(a, sa);
      byte[] eb = KeyCodec.encode(b, sb);
      assertArrayEquals(a, KeyCodec.userKey(ea));
      assertEquals(sa, KeyCodec.seqOf(ea));
      assertEquals(sa, KeyCodec.seqOf(ea, ea.length));
      int userOrder = Integer.signum(Arrays.compareUnsigned(a, b));
      int encodedOrder = Integer.signum(Arrays.compareUnsigned(ea, eb));
      if (userOrder != 0) {
        assertEquals(userOrder, encodedOrder, "user key order is kept");
      } else {
        assertEquals(Integer.signum(Long.compare(sb, sa)), encodedOrder, "newest first");
      }
      // Bounds: every version of a key >= from sorts at or after lowerBound(from); every
      // version of a key < to sorts before upperBound(to).
      if (Arrays.compareUnsigned(a, b) >= 0) {
        assertTrue(Arrays.compareUnsigned(ea, KeyCodec.lowerBound(b)) >= 0);
      } else {
        assertTrue(Arrays.compareUnsigned(ea, KeyCodec.upperBound(b)) < 0);
      }
      assertEquals(Arrays.equals(a, b), KeyCodec.samePrefix(ea, eb));
    }
  }
}
