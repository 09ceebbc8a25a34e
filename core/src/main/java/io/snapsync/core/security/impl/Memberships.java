package io.snapsync.core.security.impl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Role membership: the roles a user is a member of, directly or through other roles. */
public final class Memberships {

  private Memberships() {
  }

  /** Every role {@code user} is a member of, transitively; empty for an unknown user. */
  public static Set<String> closure(Map<String, FileUserDirectory.UserEntry> users, String user) {
    Set<String> out = new LinkedHashSet<>();
    FileUserDirectory.UserEntry e = user == null ? null : users.get(user);
    if (e == null) {
      return out;
    }
    Deque<String> pending = new ArrayDeque<>(e.memberOf());
    while (!pending.isEmpty()) {
      String r = pending.pop();
      FileUserDirectory.UserEntry re = users.get(r);
      if (re != null && out.add(r)) {
        pending.addAll(re.memberOf());
      }
    }
    return out;
  }
}
