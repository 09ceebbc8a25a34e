package io.snapsync.bench.regress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the results of a run as Markdown: a table with one row per file and a total, then
 * the failure digest (snapsync's first error lines for statements PostgreSQL ran fine,
 * grouped with names and numbers replaced by placeholders, most frequent first), and a
 * tab-separated list of every miss.
 */
public final class RegressReport {

  private RegressReport() {
  }

  /** The totals over {@code files}, as one row named {@code total}. */
  public static FileResult total(List<FileResult> files) {
    List<Miss> misses = files.stream().flatMap(f -> f.misses().stream()).toList();
    return new FileResult("total",
        files.stream().mapToInt(FileResult::statements).sum(),
        files.stream().mapToInt(FileResult::pgOk).sum(),
        files.stream().mapToInt(FileResult::identical).sum(),
        files.stream().mapToInt(FileResult::otherOrder).sum(),
        files.stream().mapToInt(FileResult::meta).sum(),
        files.stream().mapToInt(FileResult::metaPgOk).sum(),
        files.stream().mapToInt(FileResult::metaIdentical).sum(), misses, "");
  }

  /** The table of {@code files} with its total row. */
  public static String table(List<FileResult> files) {
    StringBuilder sb = new StringBuilder();
    sb.append("| file | statements | PG ok | snapsync identical | % | same rows, other order "
        + "| psql meta-commands (PG ok / identical) | note |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
    List<FileResult> rows = new ArrayList<>(files);
    rows.add(total(files));
    for (FileResult f : rows) {
      boolean total = f.file().equals("total");
      String b = total ? "**" : "";
      sb.append(String.format(Locale.ROOT, "| %s%s%s | %d | %d | %s%d%s | %s%.1f%s | %d | %d (%d / %d) | %s |%n",
          b, f.file(), b, f.statements(), f.pgOk(), b, f.identical(), b, b, f.percent(), b,
          f.otherOrder(), f.meta(), f.metaPgOk(), f.metaIdentical(),
          f.note().replace("|", "\\|")));
    }
    return sb.toString();
  }

  /** The {@code top} most frequent first lines snapsync gave for PostgreSQL's good statements. */
  public static String digest(List<FileResult> files, int top) {
    List<Miss> all = total(files).misses();
    long errors = all.stream().filter(Miss::error).count();
    long followOn = all.stream().filter(Miss::followOn).count();
    List<Miss> causes = all.stream().filter(m -> !m.followOn()).toList();
    return String.format(Locale.ROOT, "%d statements PostgreSQL ran without error gave other "
        + "output on snapsync: %d with an error, %d without one (wrong rows, values or "
        + "format).%n%n### All first lines%n%n", all.size(), errors, all.size() - errors)
        + groups(all, top)
        + String.format(Locale.ROOT, "%n### Without follow-on errors%n%n%d of the misses are "
        + "follow-on errors (a table, view, index or sequence an earlier statement failed to "
        + "create does not exist, or an earlier failure aborted the transaction). The other "
        + "%d, by first line:%n%n", followOn, causes.size())
        + groups(causes, top);
  }

  private static String groups(List<Miss> misses, int top) {
    Map<String, List<Miss>> groups = misses.stream().collect(
        Collectors.groupingBy(Miss::digestKey, LinkedHashMap::new, Collectors.toList()));
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%d distinct first lines; the %d most frequent:%n%n",
        groups.size(), Math.min(top, groups.size())));
    sb.append("| # | statements | snapsync's first line | files (statements) | example |\n");
    sb.append("|---:|---:|---|---|---|\n");
    List<Map.Entry<String, List<Miss>>> sorted = new ArrayList<>(groups.entrySet());
    sorted.sort(Comparator.comparingInt(
        (Map.Entry<String, List<Miss>> e) -> e.getValue().size()).reversed());
    int n = 0;
    for (Map.Entry<String, List<Miss>> e : sorted) {
      if (++n > top) {
        break;
      }
      Miss ex = e.getValue().get(0);
      sb.append(String.format(Locale.ROOT, "| %d | %d | %s | %s | `%s` (%s:%d) |%n", n,
          e.getValue().size(), cell(e.getKey()), files(e.getValue()),
          cell(abbreviate(ex.statement(), 70)).replace("`", "'"), ex.file(), ex.line()));
    }
    return sb.toString();
  }

  /** Every miss, one per line: file, line, snapsync's first line, the statement's first line. */
  public static String missList(List<FileResult> files) {
    StringBuilder sb = new StringBuilder("file\tline\tsnapsync\tstatement\n");
    for (FileResult f : files) {
      for (Miss m : f.misses()) {
        sb.append(m.file()).append('\t').append(m.line()).append('\t')
            .append(m.firstLine().replace('\t', ' ')).append('\t')
            .append(m.statement().replace('\t', ' ')).append('\n');
      }
    }
    return sb.toString();
  }

  private static String files(List<Miss> misses) {
    Map<String, Long> byFile = misses.stream().collect(
        Collectors.groupingBy(Miss::file, LinkedHashMap::new, Collectors.counting()));
    return byFile.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(4)
        .map(e -> e.getKey() + " (" + e.getValue() + ")")
        .collect(Collectors.joining(", ")) + (byFile.size() > 4 ? ", …" : "");
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
