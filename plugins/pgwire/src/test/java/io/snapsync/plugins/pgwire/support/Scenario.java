package io.snapsync.plugins.pgwire.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multi-session psql scenario from {@code src/test/resources/scenarios/*.sql}. Each step line
 * is {@code X: sql} (session X runs sql), {@code X[name]: sql} (also capture the first value it
 * prints as {@code ${name}} for later steps) or {@code X! kill} (the client vanishes). Lines
 * starting with {@code #} and blank lines are ignored. Running yields a normalized transcript:
 * psql's line prefixes, LOCATION lines and snapshot identifiers are neutralized so that runs
 * against snapsync and PostgreSQL compare line by line.
 */
public final class Scenario {

  private static final Pattern STEP = Pattern.compile("^([A-Z])(?:\\[(\\w+)])?(~:|[:!~])\\s*(.*)$");
  private static final Pattern SNAPSHOT_ID =
      Pattern.compile("\\b([0-9A-F]{8}-[0-9A-F]{8}-\\d+|[0-9A-F]{16}-\\d+)\\b");

  private record Step(String session, String capture, char kind, String text,
      List<String> expect) {

    boolean directive() {
      return kind == '!';
    }
  }

  /**
   * The outcome of a run: every line, the lines to compare with PostgreSQL (steps marked
   * {@code ~} differ by SPEC and are left out, as are LOCATION, DETAIL and HINT lines), and the
   * {@code =>} expectations (SPEC outcomes) that the output did not meet.
   */
  public record Result(List<String> lines, List<String> comparable, List<String> unmet) {
  }

  /** Where to connect. */
  public record Target(int port, String user, String password, String database) {
  }

  private final String name;
  private final List<Step> steps;

  private Scenario(String name, List<Step> steps) {
    this.name = name;
    this.steps = steps;
  }

  public static Scenario load(String resource) throws IOException {
    try (InputStream in = Scenario.class.getResourceAsStream("/scenarios/" + resource)) {
      if (in == null) {
        throw new IOException("no scenario " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<Step> steps = new ArrayList<>();
      for (String line : text.split("\n")) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        if (l.startsWith("=>") && !steps.isEmpty()) {
          steps.get(steps.size() - 1).expect().add(l.substring(2).strip());
          continue;
        }
        Matcher m = STEP.matcher(l);
        if (!m.matches()) {
          throw new IOException(resource + ": bad step line: " + l);
        }
        steps.add(new Step(m.group(1), m.group(2), m.group(3).charAt(0), m.group(4),
            new ArrayList<>()));
      }
      return new Scenario(resource, steps);
    }
  }

  public String name() {
    return name;
  }

  /** Runs every step against {@code target}. */
  public Result run(Target target) throws IOException {
    Map<String, Psql> sessions = new LinkedHashMap<>();
    Map<String, String> captured = new LinkedHashMap<>();
    List<String> transcript = new ArrayList<>();
    List<String> comparable = new ArrayList<>();
    List<String> unmet = new ArrayList<>();
    try {
      for (Step s : steps) {
        String text = s.text();
        for (Map.Entry<String, String> c : captured.entrySet()) {
          text = text.replace("${" + c.getKey() + "}", c.getValue());
        }
        String header = s.session() + s.kind() + " " + s.text();
        transcript.add(header);
        comparable.add(header);
        if (s.directive()) {
          Psql p = sessions.remove(s.session());
          if (p != null && s.text().equals("kill")) {
            p.kill();
          }
          continue;
        }
        Psql p = sessions.get(s.session());
        if (p == null) {
          p = new Psql(target.port(), target.user(), target.password(), target.database(),
              Map.of());
          sessions.put(s.session(), p);
        }
        List<String> out = p.run(text);
        if (s.capture() != null && out.size() >= 2) {
          captured.put(s.capture(), out.get(1).trim());
        }
        List<String> normalized = new ArrayList<>();
        for (String line : out) {
          normalized.add("  " + normalize(line, captured));
        }
        transcript.addAll(normalized);
        if (s.kind() != '~') {
          comparable.addAll(comparableLines(normalized));
        }
        for (String e : s.expect()) {
          if (normalized.stream().noneMatch(l -> l.strip().equals(e))) {
            unmet.add(header + " => " + e + "   (got " + normalized + ")");
          }
        }
      }
    } finally {
      for (Psql p : sessions.values()) {
        p.close();
      }
    }
    return new Result(transcript, comparable, unmet);
  }

  private static String normalize(String line, Map<String, String> captured) {
    String l = line.replaceFirst("^psql:<stdin>:\\d+: ", "");
    for (Map.Entry<String, String> c : captured.entrySet()) {
      if (!c.getValue().isEmpty()) {
        l = l.replace(c.getValue(), "${" + c.getKey() + "}");
      }
    }
    return SNAPSHOT_ID.matcher(l).replaceAll("<snapshot-id>");
  }

  /**
   * The lines that must match between servers: without LOCATION (PostgreSQL's source file and
   * line), DETAIL and HINT (free texts the SPEC allows to differ) and the schema / table /
   * column / constraint name fields (not part of snapsync's error model).
   */
  private static List<String> comparableLines(List<String> transcript) {
    List<String> r = new ArrayList<>();
    for (String l : transcript) {
      String t = l.strip();
      if (t.startsWith("LOCATION:") || t.startsWith("DETAIL:") || t.startsWith("HINT:")
          || t.startsWith("SCHEMA NAME:") || t.startsWith("TABLE NAME:")
          || t.startsWith("COLUMN NAME:") || t.startsWith("CONSTRAINT NAME:")
          || t.startsWith("DATATYPE NAME:")) {
        continue;
      }
      r.add(l);
    }
    return r;
  }
}
