package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.BYTEA;
import static io.snapsync.core.session.DataType.TEXT;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** encode/decode (hex, base64, escape) and convert_to/convert_from between text and bytea. */
final class ByteaFunctions {

  private ByteaFunctions() {
  }

  static void register(Registry r) {
    r.add(Fn.of("encode", TEXT, (x, c) -> encode((byte[]) x[0], (String) x[1]), BYTEA, TEXT));
    r.add(Fn.of("decode", BYTEA, (x, c) -> decode((String) x[0], (String) x[1]), TEXT, TEXT));
    r.add(Fn.of("convert_to", BYTEA, (x, c) -> ((String) x[0]).getBytes(charset((String) x[1])),
        TEXT, TEXT));
    r.add(Fn.of("convert_from", TEXT, (x, c) -> new String((byte[]) x[0],
        charset((String) x[1])), BYTEA, TEXT));
  }

  private static String format(String f) {
    String n = f.toLowerCase(Locale.ROOT);
    if (!n.equals("hex") && !n.equals("base64") && !n.equals("escape")) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "functions.unrecognized_encoding", f);
    }
    return n;
  }

  static String encode(byte[] b, String f) {
    return switch (format(f)) {
      case "hex" -> java.util.HexFormat.of().formatHex(b);
      case "base64" -> Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII))
          .encodeToString(b);
      default -> {
        StringBuilder s = new StringBuilder();
        for (byte v : b) {
          int u = v & 0xff;
          if (u == 0 || u >= 0x80) {
            s.append(String.format("\\%03o", u));
          } else if (u == '\\') {
            s.append("\\\\");
          } else {
            s.append((char) u);
          }
        }
        yield s.toString();
      }
    };
  }

  static byte[] decode(String s, String f) {
    return switch (format(f)) {
      case "hex" -> hex(s);
      case "base64" -> {
        try {
          yield Base64.getMimeDecoder().decode(s);
        } catch (IllegalArgumentException e) {
          throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
              "functions.invalid_base64");
        }
      }
      default -> escape(s);
    };
  }

  private static byte[] hex(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < s.length()) {
      char ch = s.charAt(i);
      if (Character.isWhitespace(ch)) {
        i++;
        continue;
      }
      int hi = Character.digit(ch, 16);
      if (hi < 0) {
        throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
            "functions.invalid_hex_digit", String.valueOf(ch));
      }
      if (i + 1 >= s.length()) {
        throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "functions.odd_hex");
      }
      int lo = Character.digit(s.charAt(i + 1), 16);
      if (lo < 0) {
        throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
            "functions.invalid_hex_digit", String.valueOf(s.charAt(i + 1)));
      }
      out.write(hi * 16 + lo);
      i += 2;
    }
    return out.toByteArray();
  }

  private static byte[] escape(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '\\' && i + 1 < in.length && in[i + 1] == '\\') {
        out.write('\\');
        i++;
      } else if (in[i] == '\\' && i + 3 < in.length && isOctal(in[i + 1])
          && isOctal(in[i + 2]) && isOctal(in[i + 3])) {
        out.write((in[i + 1] - '0') * 64 + (in[i + 2] - '0') * 8 + (in[i + 3] - '0'));
        i += 3;
      } else if (in[i] == '\\') {
        throw SnapsyncException.error(SqlState.INVALID_TEXT_REPRESENTATION,
            "functions.invalid_bytea");
      } else {
        out.write(in[i]);
      }
    }
    return out.toByteArray();
  }

  private static boolean isOctal(byte b) {
    return b >= '0' && b <= '7';
  }

  private static Charset charset(String name) {
    String n = name.toUpperCase(Locale.ROOT).replace("_", "");
    try {
      return switch (n) {
        case "UTF8" -> StandardCharsets.UTF_8;
        case "LATIN1" -> StandardCharsets.ISO_8859_1;
        case "SQLASCII" -> StandardCharsets.US_ASCII;
        default -> Charset.forName(name);
      };
    } catch (IllegalArgumentException e) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "functions.invalid_encoding_name", name);
    }
  }
}
