package io.snapsync.plugins.pgwire.support;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

/**
 * Random damage to protocol message bodies for fuzzing: flipped bytes, boundary values over
 * length and count fields, truncation, insertion and deletion, NUL terminators added or lost.
 * Deterministic for a given {@link Random}.
 */
public final class FrameMutator {

  private static final int[] INTS = {0, 1, -1, -2, 4, 0x7fffffff, 0x80000000, 0x7ffffff0,
      65535, 65536, 1 << 20};
  private static final short[] SHORTS = {0, 1, -1, 2, 0x7fff, (short) 0x8000};

  private FrameMutator() {
  }

  /** {@code body} with one to four random mutations. */
  public static byte[] mutate(byte[] body, Random rnd) {
    byte[] b = body.clone();
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      b = once(b, rnd);
    }
    return b;
  }

  private static byte[] once(byte[] b, Random rnd) {
    int op = rnd.nextInt(8);
    if (b.length == 0 && op < 6) {
      op = 6;
    }
    switch (op) {
      case 0 -> b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
      case 1 -> b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
      case 2 -> {
        if (b.length >= 4) {
          int at = rnd.nextInt(b.length - 3);
          int v = INTS[rnd.nextInt(INTS.length)];
          b[at] = (byte) (v >>> 24);
          b[at + 1] = (byte) (v >>> 16);
          b[at + 2] = (byte) (v >>> 8);
          b[at + 3] = (byte) v;
        }
      }
      case 3 -> {
        if (b.length >= 2) {
          int at = rnd.nextInt(b.length - 1);
          short v = SHORTS[rnd.nextInt(SHORTS.length)];
          b[at] = (byte) (v >>> 8);
          b[at + 1] = (byte) v;
        }
      }
      case 4 -> b = Arrays.copyOf(b, rnd.nextInt(b.length));
      case 5 -> {
        int at = rnd.nextInt(b.length);
        for (int i = at; i < b.length; i++) {
          if (b[i] == 0) {
            b[i] = 'z';
            break;
          }
        }
      }
      default -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
        out.write(b, 0, at);
        int extra = 1 + rnd.nextInt(8);
        for (int i = 0; i < extra; i++) {
          out.write(op == 6 ? rnd.nextInt(256) : 0);
        }
        out.write(b, at, b.length - at);
        b = out.toByteArray();
      }
    }
    return b;
  }

  /** Random bytes, up to {@code max}. */
  public static byte[] noise(Random rnd, int max) {
    byte[] b = new byte[rnd.nextInt(max + 1)];
    rnd.nextBytes(b);
    return b;
  }
}
