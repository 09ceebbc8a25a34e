package io.snapsync.core.sql.func;

import io.snapsync.core.session.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * PostgreSQL's choice among overloads of one name ({@code func_select_candidate} in
 * {@code parse_func.c}, simplified): an exact match; else the candidates every argument can be
 * implicitly cast to, narrowed by most exact matches, then by preferred types where a cast is
 * needed, then for {@code unknown} arguments by type category (string preferred) and by the
 * type of the other arguments. More than one survivor is ambiguous: empty.
 */
public final class Overloads {

  private Overloads() {
  }

  public static <T> Optional<T> select(List<T> all, Function<T, List<DataType>> sig,
      List<DataType> actual, boolean operator) {
    List<T> fits = new ArrayList<>();
    for (T c : all) {
      List<DataType> decl = sig.apply(c);
      if (decl.size() == actual.size() && coercibleAll(actual, decl)) {
        fits.add(c);
      }
    }
    if (fits.isEmpty()) {
      return Optional.empty();
    }
    List<DataType> exactProbe = operator ? binaryUnknownAsOther(actual) : actual;
    for (T c : fits) {
      if (sig.apply(c).equals(exactProbe)) {
        return Optional.of(c);
      }
    }
    if (fits.size() == 1) {
      return Optional.of(fits.get(0));
    }
    fits = keepBest(fits, c -> exactMatches(actual, sig.apply(c)));
    if (fits.size() == 1) {
      return Optional.of(fits.get(0));
    }
    fits = keepBest(fits, c -> preferredWhereCast(actual, sig.apply(c)));
    if (fits.size() == 1) {
      return Optional.of(fits.get(0));
    }
    fits = byUnknownCategory(fits, sig, actual);
    if (fits.size() == 1) {
      return Optional.of(fits.get(0));
    }
    fits = byKnownType(fits, sig, actual);
    return fits.size() == 1 ? Optional.of(fits.get(0)) : Optional.empty();
  }

  private static boolean coercibleAll(List<DataType> actual, List<DataType> decl) {
    for (int i = 0; i < actual.size(); i++) {
      if (!ImplicitCasts.coercible(actual.get(i), decl.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** For {@code '1' + 2}: an unknown operand is taken to be the other operand's type. */
  private static List<DataType> binaryUnknownAsOther(List<DataType> a) {
    if (a.size() == 2) {
      if (a.get(0) == DataType.UNKNOWN && a.get(1) != DataType.UNKNOWN) {
        return List.of(a.get(1), a.get(1));
      }
      if (a.get(1) == DataType.UNKNOWN && a.get(0) != DataType.UNKNOWN) {
        return List.of(a.get(0), a.get(0));
      }
    }
    return a;
  }

  private static int exactMatches(List<DataType> actual, List<DataType> decl) {
    int n = 0;
    for (int i = 0; i < actual.size(); i++) {
      if (actual.get(i) == decl.get(i)) {
        n++;
      }
    }
    return n;
  }

  private static int preferredWhereCast(List<DataType> actual, List<DataType> decl) {
    int n = 0;
    for (int i = 0; i < actual.size(); i++) {
      if (actual.get(i) != DataType.UNKNOWN && actual.get(i) != decl.get(i)
          && ImplicitCasts.preferred(decl.get(i))) {
        n++;
      }
    }
    return n;
  }

  private static <T> List<T> keepBest(List<T> cs, Function<T, Integer> score) {
    int best = Integer.MIN_VALUE;
    List<T> kept = new ArrayList<>();
    for (T c : cs) {
      int s = score.apply(c);
      if (s > best) {
        best = s;
        kept.clear();
      }
      if (s == best) {
        kept.add(c);
      }
    }
    return kept;
  }

  /**
   * At each unknown position: the string category wins if any candidate takes it there, else
   * the one category all candidates share; a preferred type of that category wins over others.
   */
  private static <T> List<T> byUnknownCategory(List<T> cs, Function<T, List<DataType>> sig,
      List<DataType> actual) {
    List<T> kept = cs;
    for (int i = 0; i < actual.size(); i++) {
      if (actual.get(i) != DataType.UNKNOWN) {
        continue;
      }
      final int pos = i;
      java.util.Set<Character> cats = new java.util.HashSet<>();
      for (T c : kept) {
        cats.add(ImplicitCasts.category(sig.apply(c).get(pos)));
      }
      if (!cats.contains('S') && cats.size() > 1) {
        continue;
      }
      final char chosen = cats.contains('S') ? 'S' : cats.iterator().next();
      List<T> inCat = kept.stream()
          .filter(c -> ImplicitCasts.category(sig.apply(c).get(pos)) == chosen).toList();
      boolean preferredSeen = false;
      for (T c : inCat) {
        preferredSeen |= ImplicitCasts.preferred(sig.apply(c).get(pos));
      }
      if (preferredSeen) {
        inCat = inCat.stream().filter(c -> ImplicitCasts.preferred(sig.apply(c).get(pos)))
            .toList();
      }
      if (!inCat.isEmpty()) {
        kept = inCat;
      }
    }
    return kept;
  }

  /** When every known argument has one type, unknown arguments are taken to be that type. */
  private static <T> List<T> byKnownType(List<T> cs, Function<T, List<DataType>> sig,
      List<DataType> actual) {
    DataType known = null;
    boolean hasUnknown = false;
    for (DataType t : actual) {
      if (t == DataType.UNKNOWN) {
        hasUnknown = true;
      } else if (known == null) {
        known = t;
      } else if (known != t) {
        return cs;
      }
    }
    if (!hasUnknown || known == null) {
      return cs;
    }
    final DataType k = known;
    List<T> kept = new ArrayList<>();
    for (T c : cs) {
      List<DataType> decl = sig.apply(c);
      boolean ok = true;
      for (int i = 0; i < actual.size(); i++) {
        if (actual.get(i) == DataType.UNKNOWN && !ImplicitCasts.coercible(k, decl.get(i))) {
          ok = false;
        }
      }
      if (ok) {
        kept.add(c);
      }
    }
    return kept.isEmpty() ? cs : kept;
  }
}
