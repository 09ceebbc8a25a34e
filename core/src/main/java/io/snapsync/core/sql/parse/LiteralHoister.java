package io.snapsync.core.sql.parse;

import io.snapsync.core.session.DataType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hoists the literals of a query into parameters, so texts that differ only in literals share
 * one plan: {@code SELECT v FROM t WHERE k = 42} becomes {@code SELECT v FROM t WHERE k = $1}
 * with the value 42 of type {@code integer} (after the query's own {@code $n}). A literal keeps
 * its own type: an integer {@code int4} (or {@code int8}, {@code numeric} when larger), a
 * decimal {@code numeric}, a quoted string {@code unknown}; a unary minus before a number is
 * part of the literal ({@code -5} is the int4 -5). Only literals in operand positions
 * are hoisted (after a comparison or arithmetic operator, {@code (}, {@code ,}, or a keyword
 * such as {@code SELECT}, {@code AND}, {@code IN}), never a typed literal
 * ({@code date '...'}), an escape string, a {@code LIMIT}; texts with {@code ORDER BY},
 * {@code GROUP BY} or {@code DISTINCT ON} (where an integer is a column position) or dollar
 * quoting are left alone. The caller still checks that the hoisted query has the same columns
 * and parameter types. Stateless.
 */
public final class LiteralHoister {

  /** The hoisted text and the literals' values and types, in parameter order. */
  public record Hoisted(String text, List<Object> values, List<DataType> types) {
  }

  private static final Set<String> BEFORE_SYMBOLS = Set.of("=", "<", ">", "<=", ">=", "<>",
      "!=", "(", ",", "+", "-", "*", "/", "%");
  private static final Set<String> BEFORE_WORDS = Set.of("select", "where", "and", "or", "not",
      "when", "then", "else", "in", "between", "like", "ilike", "values", "having", "on");
  private static final Set<DataType> TEXT_TYPES = Set.of(DataType.TEXT, DataType.VARCHAR,
      DataType.UNKNOWN);
  private static final BigDecimal INT4_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal INT4_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
  private static final BigDecimal INT8_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal INT8_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private LiteralHoister() {
  }

  /**
   * The literals of {@code sql} hoisted after its {@code userParams} parameters, or null when
   * it has none to hoist, must be left alone, or refers to a parameter beyond
   * {@code userParams}. Linear in the text's length.
   */
  public static Hoisted hoist(String sql, int userParams) {
    List<Token> tokens;
    try {
      tokens = Lexer.tokenize(sql);
    } catch (RuntimeException e) {
      return null;
    }
    StringBuilder text = new StringBuilder(sql.length());
    List<Object> values = new ArrayList<>();
    List<DataType> types = new ArrayList<>();
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : t;
      if (t.isSymbol("$") || t.kind() == Token.Kind.STRING && t.raw().startsWith("$")
          || (t.isWord("order") || t.isWord("group")) && next.isWord("by")
          || t.isWord("distinct") && next.isWord("on")) {
        return null;
      }
      if (t.kind() == Token.Kind.PARAM && !t.text().isEmpty()
          && (t.text().length() > 6 || Integer.parseInt(t.text()) > userParams)) {
        // a parameter the caller did not supply: the statement fails as written
        return null;
      }
      // a unary minus on a number is part of the constant, as in PostgreSQL's grammar (not
      // before :: or [, which bind tighter)
      boolean negative = t.isSymbol("-") && next.kind() == Token.Kind.NUMBER
          && !(i + 2 < tokens.size() && (tokens.get(i + 2).isSymbol("::")
              || tokens.get(i + 2).isSymbol("[")));
      boolean literal = t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.STRING
          || negative;
      if (!literal || i == 0 || !operandPosition(tokens.get(i - 1))) {
        continue;
      }
      int from = t.pos();
      if (negative) {
        t = next;
        i++;
      }
      Object value;
      DataType type;
      if (t.kind() == Token.Kind.STRING) {
        if (!t.raw().startsWith("'")) {
          return null;
        }
        value = t.text();
        type = DataType.UNKNOWN;
      } else {
        if (!t.text().matches("[0-9]+|[0-9]*\\.[0-9]+|[0-9]+\\.")) {
          return null;
        }
        BigDecimal d = negative ? new BigDecimal(t.text()).negate() : new BigDecimal(t.text());
        boolean integral = t.text().indexOf('.') < 0;
        if (integral && d.compareTo(INT4_MIN) >= 0 && d.compareTo(INT4_MAX) <= 0) {
          value = d.intValueExact();
          type = DataType.INT4;
        } else if (integral && d.compareTo(INT8_MIN) >= 0 && d.compareTo(INT8_MAX) <= 0) {
          value = d.longValueExact();
          type = DataType.INT8;
        } else {
          value = d;
          type = DataType.NUMERIC;
        }
      }
      values.add(value);
      types.add(type);
      text.append(sql, copied, from).append('$').append(userParams + values.size());
      copied = t.pos() + t.raw().length();
    }
    if (values.isEmpty()) {
      return null;
    }
    text.append(sql, copied, sql.length());
    return new Hoisted(text.toString(), values, types);
  }

  /**
   * True when a hoisted literal of type {@code literal} may be bound to a parameter the
   * analyzer typed {@code param}: the same type, or for a quoted string (unknown) a text type.
   */
  public static boolean fits(DataType literal, DataType param) {
    return literal == DataType.UNKNOWN ? TEXT_TYPES.contains(param) : literal == param;
  }

  private static boolean operandPosition(Token before) {
    return before.kind() == Token.Kind.SYMBOL ? BEFORE_SYMBOLS.contains(before.text())
        : before.kind() == Token.Kind.IDENT && BEFORE_WORDS.contains(before.text());
  }
}
