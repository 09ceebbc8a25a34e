package io.snapsync.console;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The origins a browser may sign in from and open the console's WebSocket from: the
 * console's own, built from the configured listen address and the bound port, and the
 * configured {@code allowedOrigins}. The request's Host header plays no part (a page of
 * {@code evil.example} can make a browser send any Host through DNS rebinding). A console
 * bound to a loopback address also accepts {@code localhost} and the other loopback spellings;
 * one bound to every interface ({@code 0.0.0.0}, {@code ::}) accepts only loopback origins and
 * the allow-list, since its public name is not known. Immutable.
 */
record ConsoleOrigins(Set<String> allowed) {

  static ConsoleOrigins of(boolean tls, String host, int port, List<String> allowedOrigins) {
    String scheme = tls ? "https://" : "http://";
    Set<String> set = new LinkedHashSet<>();
    String h = host.toLowerCase(Locale.ROOT);
    boolean any = h.equals("0.0.0.0") || h.equals("::") || h.equals("[::]");
    boolean loopback = any || h.equals("localhost") || h.startsWith("127.") || h.equals("::1")
        || h.equals("[::1]");
    if (!any) {
      set.add(scheme + bracket(h) + ":" + port);
    }
    if (loopback) {
      for (String l : List.of("localhost", "127.0.0.1", "[::1]")) {
        set.add(scheme + l + ":" + port);
      }
    }
    for (String o : allowedOrigins) {
      set.add(normal(o));
    }
    return new ConsoleOrigins(Set.copyOf(set));
  }

  boolean allows(String origin) {
    return allowed.contains(normal(origin));
  }

  private static String bracket(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static String normal(String origin) {
    String o = origin.trim().toLowerCase(Locale.ROOT);
    return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
  }
}
