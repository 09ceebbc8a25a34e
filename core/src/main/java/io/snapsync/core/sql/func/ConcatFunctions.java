package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.BYTEA;
import static io.snapsync.core.session.DataType.TEXT;

import io.snapsync.core.session.DataType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code ||} on text (and text with any non-array value), concat, concat_ws, md5 and the sha2
 * family. Arrays' {@code ||} is in {@link ArrayFunctions}.
 */
final class ConcatFunctions {

  private ConcatFunctions() {
  }

  static void register(Registry r) {
    r.add(Fn.of("||", TEXT, (x, c) -> (String) x[0] + x[1], TEXT, TEXT));
    for (DataType t : DataType.values()) {
      if (!t.isArray() && ImplicitCasts.category(t) != 'S' && t != DataType.UNKNOWN
          && t != DataType.VOID) {
        r.add(Fn.of("||", TEXT, (x, c) -> x[0] + TextOut.of(x[1], t, c), TEXT, t));
        r.add(Fn.of("||", TEXT, (x, c) -> TextOut.of(x[0], t, c) + x[1], t, TEXT));
      }
    }
    r.add(Fn.of("||", BYTEA, (x, c) -> concat((byte[]) x[0], (byte[]) x[1]), BYTEA, BYTEA));
    r.template("concat", types -> types.isEmpty() ? Optional.empty() : Optional.of(
        new Fn("concat", types, TEXT, false, false, (x, c) -> join(null, x, 0, types, c))));
    r.template("concat_ws", types -> types.size() < 2 ? Optional.empty()
        : ImplicitCasts.coercible(types.get(0), TEXT) ? Optional.of(new Fn("concat_ws",
            withTextFirst(types), TEXT, false, false, (x, c) -> x[0] == null ? null
                : join((String) x[0], x, 1, types, c))) : Optional.empty());
    r.add(Fn.of("md5", TEXT, (x, c) -> digest("MD5", ((String) x[0])
        .getBytes(StandardCharsets.UTF_8)), TEXT));
    r.add(Fn.of("md5", TEXT, (x, c) -> digest("MD5", (byte[]) x[0]), BYTEA));
    for (String sha : new String[] {"sha224", "sha256", "sha384", "sha512"}) {
      String alg = "SHA-" + sha.substring(3);
      r.add(Fn.of(sha, BYTEA, (x, c) -> hash(alg, (byte[]) x[0]), BYTEA));
    }
  }

  /** The declared types of a variadic call: the first argument as text, the rest as given. */
  static List<DataType> withTextFirst(List<DataType> types) {
    List<DataType> decl = new ArrayList<>(types);
    decl.set(0, TEXT);
    return decl;
  }

  private static String join(String sep, Object[] x, int from, List<DataType> types,
      EvalContext c) {
    StringBuilder b = new StringBuilder();
    boolean first = true;
    for (int i = from; i < x.length; i++) {
      if (x[i] == null) {
        continue;
      }
      if (!first && sep != null) {
        b.append(sep);
      }
      b.append(TextOut.of(x[i], types.get(i), c));
      first = false;
    }
    return b.toString();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private static String digest(String alg, byte[] data) {
    return HexFormat.of().formatHex(hash(alg, data));
  }

  private static byte[] hash(String alg, byte[] data) {
    try {
      return MessageDigest.getInstance(alg).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(alg + " is part of every JDK", e);
    }
  }
}
