package io.snapsync.core.sql.copy;

import io.snapsync.core.error.SnapsyncException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits one COPY FROM record into its fields with PostgreSQL's rules. Text: fields end at the
 * delimiter, backslash sequences are decoded ({@code \b \f \n \r \t \v}, octal, {@code \x} hex,
 * any other character as itself), a field whose raw text is the NULL string is NULL. CSV: quotes
 * may appear anywhere in a field, the escape character escapes a quote or itself inside quotes,
 * an unquoted field equal to the NULL string is NULL (unless FORCE_NOT_NULL), a quoted one only
 * with FORCE_NULL. Not thread-safe.
 */
final class FieldSplitter {

  private final CopyOptions o;
  private final byte[] nullBytes;
  private final boolean[] forceNotNull;
  private final boolean[] forceNull;
  private final ByteArrayOutputStream field = new ByteArrayOutputStream(64);

  /** {@code forceNotNull} / {@code forceNull}: per field of a record, from the options. */
  FieldSplitter(CopyOptions o, boolean[] forceNotNull, boolean[] forceNull) {
    this.o = o;
    this.nullBytes = o.nullString().getBytes(StandardCharsets.UTF_8);
    this.forceNotNull = forceNotNull;
    this.forceNull = forceNull;
  }

  /** The fields of {@code data[0, length)}: strings, null for NULL. */
  List<String> split(byte[] data, int length) {
    return o.csv() ? csv(data, length) : text(data, length);
  }

  private List<String> text(byte[] d, int n) {
    List<String> out = new ArrayList<>();
    byte delim = (byte) o.delimiter();
    int start = 0;
    field.reset();
    int i = 0;
    while (true) {
      if (i == n || d[i] == delim) {
        out.add(isNull(d, start, i) ? null : field.toString(StandardCharsets.UTF_8));
        if (i == n) {
          return out;
        }
        field.reset();
        start = ++i;
        continue;
      }
      byte b = d[i++];
      if (b != '\\' || i == n) {
        field.write(b);
        continue;
      }
      byte c = d[i++];
      switch (c) {
        case 'b' -> field.write('\b');
        case 'f' -> field.write('\f');
        case 'n' -> field.write('\n');
        case 'r' -> field.write('\r');
        case 't' -> field.write('\t');
        case 'v' -> field.write(0x0b);
        case 'x' -> {
          int v = 0;
          int k = 0;
          while (k < 2 && i < n && Character.digit(d[i], 16) >= 0) {
            v = v * 16 + Character.digit(d[i++], 16);
            k++;
          }
          field.write(k == 0 ? 'x' : v);
        }
        default -> {
          if (c >= '0' && c <= '7') {
            int v = c - '0';
            for (int k = 0; k < 2 && i < n && d[i] >= '0' && d[i] <= '7'; k++) {
              v = v * 8 + (d[i++] - '0');
            }
            field.write(v & 0xff);
          } else {
            field.write(c);
          }
        }
      }
    }
  }

  private List<String> csv(byte[] d, int n) {
    List<String> out = new ArrayList<>();
    byte delim = (byte) o.delimiter();
    byte quote = (byte) o.quote();
    byte escape = (byte) o.escape();
    int i = 0;
    while (true) {
      int start = i;
      boolean sawQuote = false;
      boolean inQuote = false;
      field.reset();
      while (i < n) {
        byte b = d[i];
        if (inQuote) {
          if (b == escape && i + 1 < n && (d[i + 1] == quote || d[i + 1] == escape)) {
            field.write(d[i + 1]);
            i += 2;
            continue;
          }
          i++;
          if (b == quote) {
            inQuote = false;
          } else {
            field.write(b);
          }
          continue;
        }
        if (b == delim) {
          break;
        }
        i++;
        if (b == quote) {
          sawQuote = true;
          inQuote = true;
        } else {
          field.write(b);
        }
      }
      if (inQuote) {
        throw SnapsyncException.error(CopyErrors.BAD_COPY_FORMAT, "copy.unterminated_csv");
      }
      int k = out.size();
      boolean isNull = !sawQuote && isNull(d, start, i) && !flag(forceNotNull, k);
      String value = field.toString(StandardCharsets.UTF_8);
      if (!isNull && sawQuote && flag(forceNull, k) && value.equals(o.nullString())) {
        isNull = true;
      }
      out.add(isNull ? null : value);
      if (i == n) {
        return out;
      }
      i++;
    }
  }

  private static boolean flag(boolean[] flags, int k) {
    return flags != null && k < flags.length && flags[k];
  }

  private boolean isNull(byte[] d, int from, int to) {
    return to - from == nullBytes.length
        && Arrays.equals(d, from, to, nullBytes, 0, nullBytes.length);
  }
}
