package io.snapsync.console;

import io.snapsync.core.session.Session;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * One console sign-in: the token in the browser's HttpOnly cookie, the user, and two SQL
 * sessions opened for that user: {@code views} for the console's own statements (actions,
 * tables) and {@code prompt} for the SQL prompt (so a transaction block left open at the prompt
 * never mixes with the console's reads). Both are closed on sign-out and expiry.
 */
final class ConsoleSession {

  private static final int MAX_REPORTS = 8;

  final String token;
  final String user;
  final Session views;
  final Session prompt;
  final Set<ConsoleSocket> sockets = new CopyOnWriteArraySet<>();
  private volatile long lastActive;
  private final Map<String, StoredReport> reports = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, StoredReport> e) {
      return size() > MAX_REPORTS;
    }
  };

  /** A generated report's page, kept for viewing and download. */
  record StoredReport(String fileName, String html) {
  }

  ConsoleSession(String token, String user, Session views, Session prompt, long now) {
    this.token = token;
    this.user = user;
    this.views = views;
    this.prompt = prompt;
    this.lastActive = now;
  }

  void touch(long now) {
    lastActive = now;
  }

  long lastActive() {
    return lastActive;
  }

  synchronized void putReport(String id, StoredReport r) {
    reports.put(id, r);
  }

  synchronized StoredReport report(String id) {
    return reports.get(id);
  }
}
