package io.snapsync.bench.regress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Replays regression files, in order, through psql against PostgreSQL and snapsync: each file
 * is split into units ({@link PsqlSplitter}), run in one psql session per server (the servers'
 * databases keep what earlier files created, as in {@code pg_regress}), and compared
 * ({@link Comparison}).
 */
public final class RegressRunner {

  private final PsqlRun psql;
  private final Server postgres;
  private final Server snapsync;
  private final Path workDir;

  /**
   * @param psql how a session runs
   * @param postgres the reference server
   * @param snapsync the server measured
   * @param workDir where the sessions' scripts and outputs are written (temporarily)
   */
  public RegressRunner(PsqlRun psql, Server postgres, Server snapsync, Path workDir) {
    this.psql = psql;
    this.postgres = postgres;
    this.snapsync = snapsync;
    this.workDir = workDir;
  }

  /** Runs {@code files} ({@code <name>.sql} in {@code sqlDir}); {@code progress} sees each. */
  public List<FileResult> run(Path sqlDir, List<String> files, Consumer<FileResult> progress)
      throws IOException, InterruptedException {
    List<FileResult> results = new ArrayList<>();
    for (String name : files) {
      FileResult r = runFile(name, Files.readString(sqlDir.resolve(name + ".sql"),
          StandardCharsets.UTF_8));
      results.add(r);
      progress.accept(r);
    }
    return results;
  }

  /** Runs one file's text, named {@code name}. */
  public FileResult runFile(String name, String text) throws IOException,
      InterruptedException {
    List<PsqlSplitter.Unit> units = PsqlSplitter.split(text);
    PsqlRun.Outputs pg = psql.run(postgres, name, units, workDir);
    PsqlRun.Outputs ss = psql.run(snapsync, name, units, workDir);
    return Comparison.compare(name, units, pg, ss);
  }
}
