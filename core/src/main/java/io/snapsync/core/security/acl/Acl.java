package io.snapsync.core.security.acl;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An object's access control list, PostgreSQL's {@code aclitem[]}: one item per (grantee,
 * grantor). An object without a stored list has the default one: the owner holds every
 * privilege ({@link #ownerDefault}). Immutable; the edits return a new list.
 */
public record Acl(List<AclItem> items) {

  public Acl {
    items = List.copyOf(items);
  }

  /** The default list of an object of {@code kind} owned by {@code owner}. */
  public static Acl ownerDefault(ObjectKind kind, String owner) {
    if (owner == null) {
      return new Acl(List.of());
    }
    return new Acl(List.of(new AclItem(owner, Privilege.allFor(kind), Set.of(), owner)));
  }

  /** {@code {item,item}} as {@code pg_class.relacl} shows it. */
  public String text() {
    return items.stream().map(AclItem::text).collect(Collectors.joining(",", "{", "}"));
  }

  /** The privileges held by any of {@code roles} (a name, PUBLIC as ""), with grant option or not. */
  public Set<Privilege> held(Predicate<String> roles, boolean withGrantOption) {
    Set<Privilege> out = EnumSet.noneOf(Privilege.class);
    for (AclItem i : items) {
      if (roles.test(i.grantee())) {
        out.addAll(withGrantOption ? i.grantable() : i.privileges());
      }
    }
    return out;
  }

  /** Adds {@code privs} (and their grant options when {@code grantOption}) from grantor. */
  public Acl grant(String grantee, Set<Privilege> privs, boolean grantOption, String grantor) {
    List<AclItem> out = new ArrayList<>();
    boolean merged = false;
    for (AclItem i : items) {
      if (i.grantee().equals(grantee) && i.grantor().equals(grantor)) {
        Set<Privilege> p = EnumSet.noneOf(Privilege.class);
        p.addAll(i.privileges());
        p.addAll(privs);
        Set<Privilege> g = EnumSet.noneOf(Privilege.class);
        g.addAll(i.grantable());
        if (grantOption) {
          g.addAll(privs);
        }
        out.add(new AclItem(grantee, p, g, grantor));
        merged = true;
      } else {
        out.add(i);
      }
    }
    if (!merged) {
      out.add(new AclItem(grantee, privs, grantOption ? privs : Set.of(), grantor));
    }
    return new Acl(out);
  }

  /**
   * Removes {@code privs} granted by {@code grantor} to {@code grantee}; only their grant
   * options when {@code grantOptionOnly}. Items left empty disappear.
   */
  public Acl revoke(String grantee, Set<Privilege> privs, boolean grantOptionOnly,
      String grantor) {
    List<AclItem> out = new ArrayList<>();
    for (AclItem i : items) {
      if (!i.grantee().equals(grantee) || !i.grantor().equals(grantor)) {
        out.add(i);
        continue;
      }
      Set<Privilege> p = EnumSet.noneOf(Privilege.class);
      p.addAll(i.privileges());
      Set<Privilege> g = EnumSet.noneOf(Privilege.class);
      g.addAll(i.grantable());
      g.removeAll(privs);
      if (!grantOptionOnly) {
        p.removeAll(privs);
      }
      if (!p.isEmpty()) {
        out.add(new AclItem(grantee, p, g, grantor));
      }
    }
    return new Acl(out);
  }

  /** The list with role {@code from} replaced by {@code to} as grantee and grantor. */
  public Acl renameRole(String from, String to) {
    List<AclItem> out = new ArrayList<>();
    for (AclItem i : items) {
      out.add(new AclItem(i.grantee().equals(from) ? to : i.grantee(), i.privileges(),
          i.grantable(), i.grantor().equals(from) ? to : i.grantor()));
    }
    return new Acl(out).merged();
  }

  /** Whether {@code role} appears in the list (as grantee or grantor). */
  public boolean mentions(String role) {
    return items.stream().anyMatch(i -> i.grantee().equals(role) || i.grantor().equals(role));
  }

  /** Items with the same grantee and grantor joined into one. */
  private Acl merged() {
    Acl out = new Acl(List.of());
    for (AclItem i : items) {
      out = out.grant(i.grantee(), i.privileges(), false, i.grantor());
      if (!i.grantable().isEmpty()) {
        out = out.grant(i.grantee(), i.grantable(), true, i.grantor());
      }
    }
    return out;
  }
}
