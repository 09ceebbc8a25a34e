package io.snapsync.core.sql.func;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code to_char(number, pattern)} for the common patterns: {@code 9 0 . D , G S MI PL FM},
 * with PostgreSQL's leading sign position and {@code #} fill on overflow; and
 * {@code to_number(text, pattern)}.
 */
final class NumberFormat {

  private NumberFormat() {
  }

  static String format(BigDecimal value, String pattern) {
    String p = pattern;
    boolean fm = p.contains("FM") || p.contains("fm");
    p = p.replace("FM", "").replace("fm", "");
    int point = indexOfPoint(p);
    String intPat = point < 0 ? p : p.substring(0, point);
    String fracPat = point < 0 ? "" : p.substring(point + 1);
    int intDigits = countDigits(intPat);
    int fracDigits = countDigits(fracPat);
    boolean negative = value.signum() < 0;
    BigDecimal v = value.abs().setScale(fracDigits, RoundingMode.HALF_UP);
    String plain = v.toPlainString();
    String intPart = fracDigits > 0 ? plain.substring(0, plain.indexOf('.')) : plain;
    String fracPart = fracDigits > 0 ? plain.substring(plain.indexOf('.') + 1) : "";
    if (intPart.equals("0") && fracDigits > 0) {
      intPart = "";
    }
    boolean overflow = intPart.length() > intDigits;
    boolean explicitSign = p.contains("S") || p.contains("MI") || p.contains("PL")
        || p.contains("SG");
    StringBuilder out = new StringBuilder();
    int firstZero = firstZero(intPat);
    int digitIndex = 0;
    boolean started = false;
    for (int k = 0; k < intPat.length(); k++) {
      char ch = intPat.charAt(k);
      if (ch == '9' || ch == '0') {
        int fromRight = intDigits - digitIndex;
        digitIndex++;
        if (overflow) {
          out.append('#');
        } else if (fromRight <= intPart.length()) {
          if (!started && !explicitSign) {
            sign(out, negative, false);
          }
          started = true;
          out.append(intPart.charAt(intPart.length() - fromRight));
        } else if (k >= firstZero) {
          if (!started && !explicitSign) {
            sign(out, negative, false);
          }
          started = true;
          out.append('0');
        } else {
          out.append(' ');
        }
      } else if (ch == ',' || ch == 'G') {
        out.append(started ? ',' : ' ');
      } else if (ch == 'S') {
        sign(out, negative, true);
      } else if (p.startsWith("PL", k) || p.startsWith("MI", k)) {
        k++;
      } else {
        out.append(ch);
      }
    }
    if (!started && !explicitSign && !overflow) {
      sign(out, negative, false);
    }
    if (point >= 0) {
      out.append('.');
      int fi = 0;
      for (char ch : fracPat.toCharArray()) {
        if (ch == '9' || ch == '0') {
          out.append(overflow ? '#' : fracPart.charAt(fi++));
        } else if (ch != 'M' && ch != 'I' && ch != 'S') {
          out.append(ch);
        }
      }
    }
    if (p.contains("MI")) {
      out.append(negative ? '-' : fm ? "" : " ");
    }
    if (overflow && !explicitSign) {
      out.insert(0, ' ');
    }
    String s = moveSignToDigits(out.toString(), explicitSign);
    if (fm) {
      s = s.trim();
      if (point >= 0 && !fracPat.contains("0")) {
        s = s.replaceAll("0+$", "");
      }
    }
    return s;
  }

  /** Writes the sign placeholder: '-' or a blank (or '+' for an explicit S). */
  private static void sign(StringBuilder out, boolean negative, boolean explicit) {
    out.append(negative ? '-' : explicit ? '+' : ' ');
  }

  /** An explicit S sign sits immediately left of the first digit, as PostgreSQL prints it. */
  private static String moveSignToDigits(String s, boolean explicit) {
    if (!explicit) {
      return s;
    }
    int signAt = Math.max(s.indexOf('-'), s.indexOf('+'));
    if (signAt < 0 || signAt == s.length() - 1) {
      return s;
    }
    int digit = signAt + 1;
    while (digit < s.length() && s.charAt(digit) == ' ') {
      digit++;
    }
    if (digit == signAt + 1) {
      return s;
    }
    return s.substring(0, signAt) + s.substring(signAt + 1, digit) + s.charAt(signAt)
        + s.substring(digit);
  }

  private static int indexOfPoint(String p) {
    int dot = p.indexOf('.');
    int d = p.indexOf('D');
    return dot < 0 ? d : d < 0 ? dot : Math.min(dot, d);
  }

  private static int countDigits(String p) {
    int n = 0;
    for (char ch : p.toCharArray()) {
      if (ch == '9' || ch == '0') {
        n++;
      }
    }
    return n;
  }

  private static int firstZero(String p) {
    int z = p.indexOf('0');
    return z < 0 ? Integer.MAX_VALUE : z;
  }

  /** {@code to_number}: the digits, decimal point and sign the text has; others skipped. */
  static BigDecimal parse(String text, String pattern) {
    StringBuilder b = new StringBuilder();
    boolean negative = text.contains("-") || text.trim().startsWith("(") && text.contains(")");
    for (char ch : text.toCharArray()) {
      if (Character.isDigit(ch) || ch == '.') {
        b.append(ch);
      }
    }
    if (b.length() == 0 || b.toString().equals(".")) {
      throw io.snapsync.core.error.SnapsyncException.error(
          io.snapsync.core.error.SqlState.INVALID_TEXT_REPRESENTATION,
          "functions.invalid_number_input", text);
    }
    BigDecimal v = new BigDecimal(b.toString());
    return negative ? v.negate() : v;
  }
}
