package io.snapsync.bench.regress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compares the two sessions' outputs of one file unit by unit. PostgreSQL "ran a unit
 * without error" when its output has no {@code ERROR:}, {@code FATAL:} or {@code PANIC:}
 * line and psql reported no lost connection; snapsync matches when its output is the same
 * text, byte for byte.
 */
public final class Comparison {

  private static final Pattern FAILURE = Pattern.compile(
      "(?m)^(ERROR|FATAL|PANIC):  |^psql: error|^server closed the connection|"
          + "^connection to server .* failed|^invalid command \\\\");

  private Comparison() {
  }

  /** The counts for {@code file}: {@code units} run on PostgreSQL and on snapsync. */
  public static FileResult compare(String file, List<PsqlSplitter.Unit> units,
      PsqlRun.Outputs pg, PsqlRun.Outputs ss) {
    int statements = 0;
    int pgOk = 0;
    int identical = 0;
    int otherOrder = 0;
    int meta = 0;
    int metaOk = 0;
    int metaIdentical = 0;
    List<Miss> misses = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      PsqlSplitter.Unit u = units.get(i);
      String theirs = pg.perUnit().get(i);
      String ours = ss.perUnit().get(i);
      boolean ok = theirs != null && !failed(theirs);
      boolean same = ok && theirs.equals(ours);
      if (u.kind() == PsqlSplitter.Kind.META) {
        meta++;
        metaOk += ok ? 1 : 0;
        metaIdentical += same ? 1 : 0;
        continue;
      }
      statements++;
      if (!ok) {
        continue;
      }
      pgOk++;
      if (same) {
        identical++;
        continue;
      }
      if (ours != null && sortedLines(ours).equals(sortedLines(theirs))) {
        otherOrder++;
      }
      misses.add(miss(file, u, theirs, ours, ss.timedOut()));
    }
    return new FileResult(file, statements, pgOk, identical, otherOrder, meta, metaOk,
        metaIdentical, misses, note(pg, ss, units.size()));
  }

  /** Whether a unit's output reports a failure. */
  public static boolean failed(String output) {
    return FAILURE.matcher(output).find();
  }

  private static Miss miss(String file, PsqlSplitter.Unit u, String theirs, String ours,
      boolean timedOut) {
    String stmt = u.text().strip().lines().findFirst().orElse("");
    if (ours == null) {
      return new Miss(file, u.line(), stmt, timedOut
          ? "(no output: the session hit the time limit)"
          : "(no output: psql lost the statement boundaries or the connection)", false);
    }
    String err = ours.lines().filter(l -> FAILURE.matcher(l).find()).findFirst().orElse(null);
    if (err != null) {
      return new Miss(file, u.line(), stmt, err.strip(), true);
    }
    if (sortedLines(ours).equals(sortedLines(theirs))) {
      return new Miss(file, u.line(), stmt, "(no error: same lines in another order)", false);
    }
    if (ours.lines().count() != theirs.lines().count()) {
      return new Miss(file, u.line(), stmt, "(no error: different number of output lines)",
          false);
    }
    return new Miss(file, u.line(), stmt, "(no error: different values)", false);
  }

  private static List<String> sortedLines(String text) {
    String[] lines = text.split("\n", -1);
    Arrays.sort(lines);
    return Arrays.asList(lines);
  }

  private static String note(PsqlRun.Outputs pg, PsqlRun.Outputs ss, int units) {
    List<String> notes = new ArrayList<>();
    addNotes(notes, "PostgreSQL", pg, units);
    addNotes(notes, "snapsync", ss, units);
    return String.join("; ", notes);
  }

  private static void addNotes(List<String> notes, String who, PsqlRun.Outputs o, int units) {
    if (o.timedOut()) {
      notes.add(who + " session hit the time limit");
    }
    long lost = o.perUnit().stream().filter(x -> x == null).count();
    if (lost > 0 && !o.timedOut()) {
      notes.add(who + ": no output for " + lost + " of " + units + " units");
    }
    if (!o.preamble().isEmpty()) {
      notes.add(who + ": " + o.preamble().lines().findFirst().orElse(""));
    }
  }
}
