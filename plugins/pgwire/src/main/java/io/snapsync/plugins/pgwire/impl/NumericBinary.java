package io.snapsync.plugins.pgwire.impl;

import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * numeric's binary form ({@code numeric_send}/{@code numeric_recv}): digit count, weight,
 * sign (NaN and the infinities as special signs) and display scale, then base-10000 digits.
 */
final class NumericBinary {

  private static final BigInteger NBASE = BigInteger.valueOf(10_000);

  private NumericBinary() {
  }

  static void write(DataOutputStream out, Object v) throws IOException {
    if (v instanceof Double d) {
      out.writeShort(0);
      out.writeShort(0);
      out.writeShort(d.isNaN() ? 0xC000 : d > 0 ? 0xD000 : 0xF000);
      // PostgreSQL 15 sends the infinities with display scale 32, NaN with 0
      out.writeShort(d.isNaN() ? 0 : 32);
      return;
    }
    BigDecimal b = (BigDecimal) v;
    int dscale = Math.max(0, b.scale());
    BigDecimal abs = b.abs();
    // digits of base 10000, aligned so the decimal point falls between groups
    int fracGroups = (dscale + 3) / 4;
    BigInteger scaled = abs.movePointRight(fracGroups * 4).toBigInteger();
    List<Integer> groups = new ArrayList<>();
    while (scaled.signum() > 0) {
      BigInteger[] qr = scaled.divideAndRemainder(NBASE);
      groups.add(0, qr[1].intValue());
      scaled = qr[0];
    }
    int weight = groups.size() - fracGroups - 1;
    // drop trailing and leading zero groups
    int end = groups.size();
    while (end > 0 && groups.get(end - 1) == 0) {
      end--;
    }
    int start = 0;
    while (start < end && groups.get(start) == 0) {
      start++;
      weight--;
    }
    List<Integer> digits = groups.subList(start, end);
    out.writeShort(digits.size());
    out.writeShort(digits.isEmpty() ? 0 : weight);
    out.writeShort(b.signum() < 0 ? 0x4000 : 0);
    out.writeShort(dscale);
    for (int d : digits) {
      out.writeShort(d);
    }
  }

  static Object read(ByteBuffer b) {
    int ndigits = b.getShort() & 0xFFFF;
    int weight = b.getShort();
    int sign = b.getShort() & 0xFFFF;
    int dscale = b.getShort() & 0xFFFF;
    if (sign == 0xC000) {
      return Double.NaN;
    }
    if (sign == 0xD000) {
      return Double.POSITIVE_INFINITY;
    }
    if (sign == 0xF000) {
      return Double.NEGATIVE_INFINITY;
    }
    BigInteger acc = BigInteger.ZERO;
    for (int i = 0; i < ndigits; i++) {
      acc = acc.multiply(NBASE).add(BigInteger.valueOf(b.getShort()));
    }
    BigDecimal v = new BigDecimal(acc).movePointRight((weight - ndigits + 1) * 4)
        .setScale(dscale, java.math.RoundingMode.DOWN);
    return sign == 0x4000 ? v.negate() : v;
  }
}
