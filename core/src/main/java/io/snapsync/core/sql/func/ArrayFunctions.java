package io.snapsync.core.sql.func;

import java.util.List;

/** Array functions and operators. */
final class ArrayFunctions {

  private ArrayFunctions() {
  }

  static void register(Registry r) {
  }

  /** True when two arrays have the same dimensions (nested list lengths). */
  static boolean sameShape(List<?> a, List<?> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      boolean la = a.get(i) instanceof List<?>;
      boolean lb = b.get(i) instanceof List<?>;
      if (la != lb || la && !sameShape((List<?>) a.get(i), (List<?>) b.get(i))) {
        return false;
      }
    }
    return true;
  }
}
