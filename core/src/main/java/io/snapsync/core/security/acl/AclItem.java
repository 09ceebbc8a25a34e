package io.snapsync.core.security.acl;

import java.util.EnumSet;
import java.util.Set;

/**
 * One entry of an access control list, as PostgreSQL's {@code aclitem}: the privileges (and
 * the grant options among them) {@code grantor} gave {@code grantee}; {@code grantee} is the
 * empty string for PUBLIC. Immutable.
 */
public record AclItem(String grantee, Set<Privilege> privileges, Set<Privilege> grantable,
    String grantor) {

  /** PostgreSQL's order of the letters in {@code aclitem} text. */
  private static final String ORDER = "arwdDxtXUC";

  public AclItem {
    privileges = privileges.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(privileges));
    grantable = grantable.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(grantable));
  }

  /** {@code grantee=privileges/grantor}, e.g. {@code bob=arw*d/alice} ({@code *}: grant option). */
  public String text() {
    StringBuilder sb = new StringBuilder(quote(grantee)).append('=');
    for (char c : ORDER.toCharArray()) {
      Privilege p = Privilege.ofLetter(c);
      if (privileges.contains(p)) {
        sb.append(c);
        if (grantable.contains(p)) {
          sb.append('*');
        }
      }
    }
    return sb.append('/').append(quote(grantor)).toString();
  }

  /** Parses {@link #text()}. */
  public static AclItem parse(String text) {
    int eq = nameEnd(text, 0);
    String grantee = unquote(text.substring(0, eq));
    int slash = text.indexOf('/', eq);
    Set<Privilege> privs = EnumSet.noneOf(Privilege.class);
    Set<Privilege> grant = EnumSet.noneOf(Privilege.class);
    Privilege last = null;
    for (char c : text.substring(eq + 1, slash).toCharArray()) {
      if (c == '*') {
        grant.add(last);
      } else {
        last = Privilege.ofLetter(c);
        privs.add(last);
      }
    }
    return new AclItem(grantee, privs, grant, unquote(text.substring(slash + 1)));
  }

  private static int nameEnd(String text, int from) {
    boolean quoted = false;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '=' && !quoted) {
        return i;
      }
    }
    throw new IllegalArgumentException("not an aclitem: " + text);
  }

  /** A role name in aclitem text: quoted when it holds characters other than a-z0-9_. */
  static String quote(String name) {
    if (name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
        || c > 127)) {
      return name;
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1).replace("\"\"", "\"");
    }
    return s;
  }
}
