package io.snapsync.core.security.acl;

import java.util.EnumSet;
import java.util.Set;

/** A privilege on a database object, with its {@code aclitem} letter as in PostgreSQL. */
public enum Privilege {
  SELECT('r'), INSERT('a'), UPDATE('w'), DELETE('d'), TRUNCATE('D'), REFERENCES('x'),
  TRIGGER('t'), USAGE('U'), EXECUTE('X'), CREATE('C');

  private final char letter;

  Privilege(char letter) {
    this.letter = letter;
  }

  /** The letter in {@code aclitem} text ({@code r} for SELECT, ...). */
  public char letter() {
    return letter;
  }

  /** The privilege whose letter is {@code c}, or null. */
  public static Privilege ofLetter(char c) {
    for (Privilege p : values()) {
      if (p.letter == c) {
        return p;
      }
    }
    return null;
  }

  /** The privilege named {@code word} (lower case, as the lexer gives it), or null. */
  public static Privilege ofWord(String word) {
    for (Privilege p : values()) {
      if (p.name().equalsIgnoreCase(word)) {
        return p;
      }
    }
    return null;
  }

  /** Every privilege that applies to objects of {@code kind} (what ALL means), PG's order. */
  public static Set<Privilege> allFor(ObjectKind kind) {
    return switch (kind) {
      case TABLE -> EnumSet.of(INSERT, SELECT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER);
      case SEQUENCE -> EnumSet.of(USAGE, SELECT, UPDATE);
      case SCHEMA -> EnumSet.of(USAGE, CREATE);
      case FUNCTION -> EnumSet.of(EXECUTE);
    };
  }
}
